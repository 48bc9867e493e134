/**
 * Hostile input: every file here must be rejected quickly with a located problem, without
 * throwing, crashing the process, or polluting prototypes; and afterwards a valid scenario must
 * still load (yaml 2.9 once aborted Node on a second too-deep parse in the same process).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, type Problem } from '../../src/scenario/index.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const DOHA = readFileSync(join(ROOT, 'scenarios/doha-60-day-draft.yaml'), 'utf8');
const DEEP = 100_000;

/** Deterministic pseudo-random bytes (no Math.random: the corpus is the same on every run). */
function junkBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  out[7] = 0; // always a NUL in there
  return out;
}

const VALID_HEAD = 'parley: 1\nid: hostile\ntitle: Hostile\nparties:\n  a: { role: principal }\n  b: { role: principal }\nphases:\n  - { id: truce, length: 10 }\n';

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  '',
].join('\n');

/** Name → file text. Each must be rejected with a located problem. */
const CORPUS: Record<string, string> = {
  'alias bomb (billion laughs)': billionLaughs,
  'alias bomb inside a scenario': VALID_HEAD + billionLaughs.replace(/^(\w): /gm, 'x-$1: '),
  'many aliases of one anchor': `${VALID_HEAD}summary: &s text\nx: [${Array.from({ length: 500 }, () => '*s').join(', ')}]\n`,
  '100,000-deep flow sequence': `${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
  '100,000-deep flow mapping': `${'{a: '.repeat(DEEP)}1${'}'.repeat(DEEP)}\n`,
  '100,000-deep flow sequence under a key': `${VALID_HEAD}summary: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
  '100,000-deep block sequence (- - - -)': `${'- '.repeat(DEEP)}x\n`,
  '100,000-deep block sequence, unclosed': '- '.repeat(DEEP),
  'block sequences nested line by line': Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}-`).join('\n') + ' x\n',
  'block mappings nested line by line': Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
  'a 10 MB file': `${VALID_HEAD}summary: "${'x'.repeat(10_000_000)}"\n`,
  '__proto__ key at the top': `${VALID_HEAD}__proto__: { polluted: yes }\n`,
  '__proto__ key nested': VALID_HEAD.replace('a: { role: principal }', 'a: { role: principal, __proto__: { polluted: yes } }'),
  '__proto__ as a party id': VALID_HEAD.replace('  b: { role: principal }', '  __proto__: { role: principal, polluted: yes }'),
  'constructor key': VALID_HEAD.replace('  b: { role: principal }', '  constructor: { role: principal }'),
  'prototype key': `${VALID_HEAD}prototype: { polluted: yes }\n`,
  '__proto__ through a merge key': `base: &b { polluted: yes }\nx:\n  <<: *b\n__proto__: *b\n`,
  '1e400': VALID_HEAD.replace('length: 10', 'length: 1e400'),
  '-1e400': `${VALID_HEAD}parameters:\n  p: { default: -1e400, range: [0, 1] }\n`,
  '.nan': `${VALID_HEAD}parameters:\n  p: { default: .nan, range: [0, 1] }\n`,
  '.NaN': `${VALID_HEAD}parameters:\n  p: { default: 0.5, range: [.NaN, 1] }\n`,
  '.inf': `${VALID_HEAD}parameters:\n  p: { default: .inf, range: [0, 1] }\n`,
  '-.inf': `${VALID_HEAD}parameters:\n  p: { default: 0.5, range: [-.inf, 1] }\n`,
  'duplicate keys': `${VALID_HEAD}title: Again\n`,
  'duplicate keys in a flow mapping': VALID_HEAD.replace('a: { role: principal }', 'a: { role: principal, role: mediator }'),
  'binary junk (latin1)': junkBytes(4096, 1).toString('latin1'),
  'binary junk (utf8)': junkBytes(4096, 2).toString('utf8'),
  'binary junk after a valid head': VALID_HEAD + junkBytes(256, 3).toString('latin1'),
  'a NUL byte in a value': VALID_HEAD.replace('title: Hostile', 'title: Host\u0000ile'),
  'an empty file': '',
  'only whitespace': '  \n\n   \n',
  'only a comment': '# nothing here\n',
  'a bare scalar': 'hello\n',
  'a bare number': '42\n',
  'a bare null': '~\n',
  'a list': '- parley: 1\n- id: x\n',
  'a flow list': '[1, 2, 3]\n',
  'two documents': `${VALID_HEAD}---\n${VALID_HEAD}`,
  'an unterminated quote': `${VALID_HEAD}summary: "never closed\n`,
};

function load(text: string): { problems: Problem[]; ms: number } {
  const t0 = performance.now();
  const result = loadScenario(text, 'hostile.yaml');
  const ms = performance.now() - t0;
  if (result.ok) throw new Error('hostile input was accepted');
  return { problems: result.problems, ms };
}

function expectLocated(problems: Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.file).toBe('hostile.yaml');
    expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
    expect(Number.isInteger(p.col) && p.col >= 1).toBe(true);
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
}

const protoNamesBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const protoDescriptorsBefore = Object.getOwnPropertyNames(Object.prototype).map((n) => [n, Object.getOwnPropertyDescriptor(Object.prototype, n)?.value]);

describe('hostile input is rejected fast with a located problem', () => {
  for (const [name, text] of Object.entries(CORPUS)) {
    it(name, () => {
      for (let attempt = 0; attempt < 2; attempt++) {
        let outcome: { problems: Problem[]; ms: number } | undefined;
        expect(() => (outcome = load(text))).not.toThrow();
        expectLocated(outcome!.problems);
        expect(outcome!.ms).toBeLessThan(1000);
      }
    });
  }

  it('names what is wrong for the main kinds', () => {
    const first = (name: string) => load(CORPUS[name]!).problems[0]!;
    expect(first('alias bomb (billion laughs)').message).toMatch(/expands too much|aliases/);
    expect(first('100,000-deep flow sequence')).toMatchObject({ line: 1, col: 65 });
    expect(first('100,000-deep flow sequence').message).toMatch(/nested more than 64 deep/);
    expect(first('100,000-deep block sequence (- - - -)').message).toMatch(/nesting is deeper/);
    expect(first('a 10 MB file')).toMatchObject({ line: 1, col: 1 });
    expect(first('a 10 MB file').message).toMatch(/10\.0 MB/);
    expect(first('__proto__ key at the top')).toMatchObject({ line: 9, col: 1, message: '`__proto__` is not allowed as a key' });
    expect(first('constructor key')).toMatchObject({ line: 6, col: 3, message: '`constructor` is not allowed as a key' });
    expect(first('1e400')).toMatchObject({ line: 8, message: '`1e400` is not a finite number' });
    expect(first('.nan').message).toBe('`.nan` is not a finite number');
    expect(first('.inf').message).toBe('`.inf` is not a finite number');
    expect(first('duplicate keys')).toMatchObject({ line: 9, col: 1 });
    expect(first('duplicate keys').message).toMatch(/unique/);
    expect(first('binary junk (latin1)').message).toMatch(/binary or control characters/);
    expect(first('a NUL byte in a value')).toMatchObject({ line: 3, col: 12 });
    expect(first('an empty file')).toMatchObject({ line: 1, col: 1 });
    expect(first('an empty file').message).toMatch(/a scenario file is a mapping/);
    expect(first('a bare scalar').message).toMatch(/a scenario file is a mapping/);
    expect(first('a list').message).toMatch(/a scenario file is a mapping/);
  });

  it('never turns a `!!js/function` tag into code', () => {
    const result = loadScenario(`${VALID_HEAD}summary: !!js/function "function () { return 1 }"\n`, 'tag.yaml');
    if (result.ok) expect(typeof result.scenario.summary).toBe('string');
    else expectLocated(result.problems.map((p) => ({ ...p, file: 'hostile.yaml' })));
  });

  it('leaves prototypes alone', () => {
    for (const text of Object.values(CORPUS)) load(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNamesBefore);
    for (const [name, value] of protoDescriptorsBefore) {
      expect(Object.getOwnPropertyDescriptor(Object.prototype, name as string)?.value).toBe(value);
    }
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('still loads the valid flagship scenario after all of the above', () => {
    for (const text of Object.values(CORPUS)) {
      load(text);
      load(text);
    }
    const result = loadScenario(DOHA, 'scenarios/doha-60-day-draft.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.id).toBe('doha-60-day-draft');
  });
});

/** Files the CLI validates in a real process. */
describe('hostile input through the real CLI', () => {
  let dir: string;
  const files: Record<string, string> = {};

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-hostile-'));
    Object.entries(CORPUS).forEach(([name, text], i) => {
      const file = join(dir, `case-${String(i).padStart(2, '0')}.yaml`);
      writeFileSync(file, text, name.startsWith('binary junk') && !name.includes('utf8') ? 'latin1' : 'utf8');
      files[name] = file;
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function validate(paths: string[], timeout = 60_000) {
    return spawnSync(process.execPath, ['bin/parley.mjs', 'validate', ...paths], { cwd: ROOT, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  }

  it('rejects each file (each given twice) with exit 1 and file:line:col positions, then still validates doha', () => {
    const paths = Object.values(files).flatMap((f) => [f, f]);
    const run = validate([...paths, 'scenarios/doha-60-day-draft.yaml']);
    expect(run.error).toBeUndefined();
    expect(run.signal).toBeNull();
    expect(run.stderr).not.toMatch(/internal error|FATAL|\n\s+at /);
    expect(run.status).toBe(1);
    for (const [name, file] of Object.entries(files)) {
      const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(run.stderr, name).toMatch(new RegExp(`${escaped}:\\d+:\\d+: error: `));
    }
    expect(run.stderr).toMatch(/:1:1: error: /);
    expect(run.stdout).toContain('scenarios/doha-60-day-draft.yaml: ok');
  });

  // The raw-text screen (once in yaml-source.ts, now screen.ts) skipped the rest of a line after a `"`, `'` or `#` and did
  // not count `-<TAB>` as indentation, so deep nesting could reach the yaml parser. The parser then
  // overflows the stack and, on a later parse in the same process, Node aborts (exit 134,
  // "FATAL ERROR: RegExpCompiler Allocation failed"). See the report for the reproduction.
  const evasions: Record<string, string> = {
    'a `"` in a plain key hides 100,000-deep brackets': `a"b: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
    'a `#` inside a plain key hides 100,000-deep brackets': `a#b: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
    'block sequences separated by tabs (-\\t-\\t…)': `${'-\t'.repeat(1000)}x\n`,
  };
  /** The evasion runs start together (they are slow) and each test awaits its own. */
  const evasionRuns = new Map<string, Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>>();
  function validateAsync(paths: string[], timeout: number) {
    return new Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/parley.mjs', 'validate', ...paths], { cwd: ROOT, timeout, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('close', (status, signal) => resolve({ status, signal, stderr }));
    });
  }
  beforeAll(() => {
    Object.entries(evasions).forEach(([name, text], i) => {
      const file = join(dir, `evasion-${i}.yaml`);
      writeFileSync(file, text);
      evasionRuns.set(name, validateAsync([file, file, file], 30_000));
    });
  });
  for (const name of Object.keys(evasions)) {
    it(`${name} — validating it three times in one process exits 1, not 134`, async () => {
      const run = await evasionRuns.get(name)!;
      expect(run.signal).toBeNull();
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/:1:\d+: error: /);
      expect(run.stderr).not.toMatch(/maximum call stack/i);
    });
  }
});
