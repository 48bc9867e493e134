/**
 * The CLI through its programmatic entry point with in-memory IO, plus one real process run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { UserError, type CliIO } from '../../src/cli/io.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const DOHA = 'scenarios/doha-60-day-draft.yaml';

interface FakeIO extends CliIO {
  out: string;
  err: string;
  written: Map<string, string>;
}

/** In-memory IO: files come from `files` first, then from the repository on disk. */
function fakeIO(files: Record<string, string> = {}): FakeIO {
  const io: FakeIO = {
    out: '',
    err: '',
    written: new Map(),
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    readFile(path) {
      if (path in files) return files[path]!;
      const full = join(ROOT, path);
      if (!existsSync(full)) throw new UserError(`cannot read ${path}: no such file`);
      return readFileSync(full, 'utf8');
    },
    readBytes: (path) => Buffer.from(io.readFile(path), 'utf8'),
    checkOutput: () => undefined,
    samePath: (a, b) => a === b,
    createOutput(path) {
      let text = '';
      return { path, write: (chunk) => void (text += chunk), commit: () => void io.written.set(path, text), discard: () => undefined };
    },
    isTTY: false,
    onStopSignal: () => () => {},
  };
  return io;
}

async function cli(argv: string[], files?: Record<string, string>) {
  const io = fakeIO(files);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

const BROKEN = `parley: 1
id: broken
title: Broken
parties:
  hamas: { role: principal }
  israel: { role: principal }
phases:
  - id: truce
    length: 30
obligations:
  - { id: a, kind: generic, party: hamaz, day: 1 }
`;

/** No stack traces: no "    at fn (file:line:col)" lines, no "Error:" headers. */
function expectNoStack(text: string): void {
  expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  expect(text).not.toMatch(/\b(TypeError|ReferenceError|Error):/);
  expect(text).not.toMatch(/internal error/);
}

describe('parley validate', () => {
  it('exits 0 on the flagship scenario', async () => {
    const r = await cli(['validate', DOHA]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${DOHA}: ok`);
    expect(r.err).toBe('');
  });

  it('exits 1 with file:line:col, the line, a caret and a hint on a broken file', async () => {
    const r = await cli(['validate', 'broken.yaml'], { 'broken.yaml': BROKEN });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('broken.yaml:11:36: error: unknown party `hamaz`');
    expect(r.err).toContain('  - { id: a, kind: generic, party: hamaz, day: 1 }');
    expect(r.err).toMatch(/\n {37}\^\n/);
    expect(r.err).toContain('hint: there is a party named `hamas`');
    expect(r.err).toContain('broken.yaml: 1 problem');
    expectNoStack(r.err);
  });

  it('reports every file: good ones on stdout, bad ones on stderr, exit 1 if any is bad', async () => {
    const fixture = readFileSync(join(ROOT, 'tests/fixtures/three-problems.yaml'), 'utf8');
    const r = await cli(['validate', DOHA, 'three.yaml', 'broken.yaml'], { 'three.yaml': fixture, 'broken.yaml': BROKEN });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${DOHA}: ok`);
    expect(r.err).toContain('three.yaml: 3 problems');
    expect(r.err).toContain('broken.yaml: 1 problem');
  });

  it('a missing file is an error, not a crash', async () => {
    const r = await cli(['validate', 'no/such/file.yaml']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no/such/file.yaml');
    expectNoStack(r.err);
  });

  it('needs at least one file', async () => {
    const r = await cli(['validate']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/validate needs at least one scenario file/);
  });
});

describe('parley run', () => {
  it('prints a day-by-day narrative with "Day 10" and an Outcome line', async () => {
    const r = await cli(['run', DOHA, '--seed', '4']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^60-day truce draft/);
    expect(r.out).toMatch(/^Day 1$/m);
    expect(r.out).toMatch(/^Day 10$/m);
    expect(r.out).toMatch(/disclos/);
    expect(r.out).toMatch(/^Outcome: (completed|extended-then-completed|advanced|stalled|collapsed)/m);
    expect(r.out).toMatch(/captives released: \d+ of 28/);
  });

  it('uses seed 1 when no seed is given', async () => {
    const a = await cli(['run', DOHA, '--json']);
    const b = await cli(['run', DOHA, '--seed', '1', '--json']);
    expect(a.out).toBe(b.out);
    expect(JSON.parse(a.out).seed).toBe('1');
  });

  it('--json twice with the same seed gives byte-identical output with scenario, seed, params, outcome and trace', async () => {
    const a = await cli(['run', DOHA, '--seed', '7', '--json']);
    const b = await cli(['run', DOHA, '--seed', '7', '--json']);
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    expect(a.out.endsWith('\n')).toBe(true);
    expect(a.out.trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(a.out) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['scenario', 'seed', 'params', 'outcome', 'trace']);
    expect(parsed.scenario).toBe('doha-60-day-draft');
    expect(parsed.seed).toBe('7');
    expect(Array.isArray(parsed.trace)).toBe(true);
    expect((parsed.outcome as { result: string }).result).toMatch(/^(completed|extended-then-completed|advanced|stalled|collapsed)$/);
  });

  it('--json with different seeds differs', async () => {
    const outs = new Set<string>();
    for (const seed of ['1', '2', '3', '4', '5']) outs.add((await cli(['run', DOHA, '--seed', seed, '--json'])).out);
    expect(outs.size).toBeGreaterThan(1);
  });

  it('--set applies a parameter (both --set a=b and --set=a=b)', async () => {
    const a = JSON.parse((await cli(['run', DOHA, '--set', 'clash-rate=0.1', '--json'])).out);
    const b = JSON.parse((await cli(['run', DOHA, '--set=clash-rate=0.1', '--json'])).out);
    expect(a.params['clash-rate']).toBe(0.1);
    expect(b).toEqual(a);
  });

  it('--set unknown=1 exits 1 with a hint and no stack trace', async () => {
    const r = await cli(['run', DOHA, '--set', 'unknown=1']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('unknown parameter `unknown`');
    expect(r.err).toMatch(/hint: /);
    expectNoStack(r.err);
  });

  it('--set with a near-miss name suggests the parameter', async () => {
    const r = await cli(['run', DOHA, '--set', 'clash-rat=0.1']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('hint: there is a parameter named `clash-rate`');
  });

  it('--set hamas-base-comply=7 (out of range) exits 1', async () => {
    const r = await cli(['run', DOHA, '--set', 'hamas-base-comply=7']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('`hamas-base-comply` = 7 is outside its range [0.5, 1]');
    expectNoStack(r.err);
  });

  it('--set with a value that is not a number exits 1', async () => {
    for (const bad of ['clash-rate=abc', 'clash-rate=', 'clash-rate', 'clash-rate=Infinity', 'clash-rate=NaN']) {
      const r = await cli(['run', DOHA, '--set', bad]);
      expect(r.code, bad).toBe(1);
      expectNoStack(r.err);
    }
  });

  it('an unknown option exits 1 naming the options', async () => {
    const r = await cli(['run', DOHA, '--sed', '4']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown option --sed');
    expect(r.err).toContain('--seed');
  });

  it('--seed without a value exits 1', async () => {
    const r = await cli(['run', DOHA, '--seed']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--seed needs a value');
  });

  it('a broken scenario exits 1 with located problems', async () => {
    const r = await cli(['run', 'broken.yaml'], { 'broken.yaml': BROKEN });
    expect(r.code).toBe(1);
    expect(r.err).toContain('broken.yaml:11:36: error: unknown party `hamaz`');
    expectNoStack(r.err);
  });

  it('needs exactly one file', async () => {
    expect((await cli(['run'])).code).toBe(1);
    expect((await cli(['run', DOHA, DOHA])).code).toBe(1);
  });
});

describe('commands', () => {
  it('an unknown command exits 1 with "did you mean"', async () => {
    const r = await cli(['valdate', DOHA]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown command `valdate`');
    expect(r.err).toContain('did you mean `parley validate`?');
    expectNoStack(r.err);
  });

  it('schema prints the JSON Schema', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out) as { type?: string; properties?: Record<string, unknown>; required?: string[] };
    expect(schema.type).toBe('object');
    for (const key of ['parley', 'id', 'title', 'parties', 'phases', 'obligations']) expect(schema.properties).toHaveProperty(key);
    expect(schema.required).toEqual(expect.arrayContaining(['parley', 'id', 'title', 'parties', 'phases']));
  });

  it('help lists the commands and exits 0; no arguments prints help and exits 1', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    for (const name of ['validate', 'run', 'schema']) expect(help.out).toContain(`parley ${name}`);
    // The exit-code table, the same rows as docs/batch.md.
    const docs = readFileSync(join(ROOT, 'docs/batch.md'), 'utf8');
    for (const code of ['0', '1', '2', '3', '4', '129', '130', '143']) {
      expect(help.out).toMatch(new RegExp(`^\\s+${code}  \\S`, 'm'));
      expect(docs).toMatch(new RegExp(`^\\| ${code} \\| \\S`, 'm'));
    }
    const none = await cli([]);
    expect(none.code).toBe(1);
    expect(none.out).toContain('Usage:');
  });

  it('COMMAND --help prints its usage', async () => {
    const r = await cli(['run', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: parley run FILE');
  });
});

describe('the real process', () => {
  it('run --seed 4 --json twice gives identical stdout and exit 0', () => {
    const args = ['bin/parley.mjs', 'run', DOHA, '--seed', '4', '--json'];
    const a = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const b = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
    expect(JSON.parse(a.stdout).seed).toBe('4');
  });

  it('a user mistake exits 1 with a message and no stack trace', () => {
    const r = spawnSync(process.execPath, ['bin/parley.mjs', 'run', DOHA, '--set', 'unknown=1'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown parameter `unknown`');
    expectNoStack(r.stderr);
  });
});
