/** `parley lint FILE`: findings as file:line with the share of runs and a hint; exit 1 when there are any. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { UserError, type CliIO } from '../../src/cli/io.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

function io(): CliIO & { out: string; err: string } {
  const state = { out: '', err: '' };
  return Object.assign(state, {
    stdout: (text: string) => void (state.out += text),
    stderr: (text: string) => void (state.err += text),
    readFile(path: string) {
      const full = join(ROOT, path);
      if (!existsSync(full)) throw new UserError(`cannot read ${path}: no such file`);
      return readFileSync(full, 'utf8');
    },
    readBytes: (path: string) => Buffer.from(readFileSync(join(ROOT, path))),
    checkOutput: () => undefined,
    samePath: (a: string, b: string) => a === b,
    createOutput: () => {
      throw new Error('lint writes no files');
    },
    isTTY: false,
    onStopSignal: () => () => undefined,
  }) as unknown as CliIO & { out: string; err: string };
}

describe('parley lint', () => {
  it('prints each finding at its line with its rate and hint, and exits 1', async () => {
    const cli = io();
    const code = await runCli(['lint', 'tests/fixtures/lint/gate-never-met.yaml', '--runs', '30'], cli);
    expect(code).toBe(1);
    expect(cli.out).toContain('tests/fixtures/lint/gate-never-met.yaml:11: gate-never-met: the gate of phase `truce` was never met (30 runs reached it) (0.0% of runs)');
    expect(cli.out).toMatch(/\n {2}hint: its `requires` cannot hold/);
    expect(cli.out).toContain('2 findings in 30 runs');
  });

  it('exits 0 on a scenario with nothing to report', async () => {
    const cli = io();
    expect(await runCli(['lint', 'scenarios/template.yaml', '--runs', '50'], cli)).toBe(0);
    expect(cli.out).toContain('found nothing to report in 50 runs');
  });

  it('reports a broken file as the loader does, not with a stack trace', async () => {
    const cli = io();
    const code = await runCli(['lint', 'tests/fixtures/three-problems.yaml'], cli);
    expect(code).not.toBe(0);
    expect(cli.err).toMatch(/three-problems\.yaml:\d+:\d+: error:/);
    expect(cli.err).not.toMatch(/\n\s+at /);
  });
});
