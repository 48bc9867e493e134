/**
 * bin/parley.mjs runs the CLI built in dist/ and never an out-of-date one: in a copy of the
 * project it builds on first use, reuses a current build silently, rebuilds after a source edit,
 * and reports a source that does not compile with its file:line:col.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const copy = mkdtempSync(join(tmpdir(), 'parley-build-'));
for (const part of ['bin', 'scripts', 'src', 'package.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const parley = (...args: string[]) => spawnSync(process.execPath, [join(copy, 'bin/parley.mjs'), ...args], { cwd: copy, encoding: 'utf8', timeout: 60_000 });
const CLI = join(copy, 'src/cli/cli.ts');

describe('bin/parley.mjs and its build', () => {
  it('builds on first use, then starts the build as it is', () => {
    const first = parley('help');
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^parley: there was no build in dist\/ yet; built dist\/ in \d+ ms\n$/);
    expect(first.stdout).toContain('parley validate FILE');
    expect(existsSync(join(copy, 'dist/node-pool-worker.cjs'))).toBe(true);

    const second = parley('help');
    expect(second.status).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
  });

  it('rebuilds when a source file changed since the build, and says which', () => {
    writeFileSync(CLI, readFileSync(CLI, 'utf8').replace("'Parley — a negotiation scenario simulator", "'Parley (edited) — a negotiation scenario simulator"));
    const edited = parley('help');
    expect(edited.status).toBe(0);
    expect(edited.stderr).toContain('parley: src/cli/cli.ts changed since the last build; built dist/');
    expect(edited.stdout).toContain('Parley (edited) —');
  });

  it('a source that does not compile stops it with the place of the error and exit 2', () => {
    writeFileSync(CLI, `${readFileSync(CLI, 'utf8')}\nexport const broken = ;\n`);
    const broken = parley('help');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('parley: could not build the command line from src/');
    expect(broken.stderr).toMatch(/src\/cli\/cli\.ts:\d+:\d+/);
    expect(broken.stdout).toBe('');
  });
});
