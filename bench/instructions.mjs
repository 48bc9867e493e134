/**
 * `node bench/instructions.mjs`: instructions per run of the engine and of the bare loop, counted by
 * valgrind's callgrind, which a loaded or shared machine does not move (wall-clock figures it does).
 * bench/child.ts is bundled once with esbuild (no TypeScript compiled under valgrind); each figure
 * is the difference between two run counts, divided by their difference, so start-up and the
 * scenario load cancel out. Node's compiler and GC threads are counted too: expect ±2%.
 *
 *   node bench/instructions.mjs                          engine 300 → 1,300 runs, bare loop 1,000 → 6,000
 *   node bench/instructions.mjs --engine 300,1300 --bare 1000,6000
 *
 * Needs valgrind (`apt-get install valgrind`). Takes a few minutes; prints one JSON object.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const pair = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  const [a, b] = (i >= 0 ? args[i + 1] : fallback).split(',').map(Number);
  if (!(a >= 1 && b > a)) throw new Error(`--${name} takes two run counts, the smaller first, e.g. ${fallback}`);
  return [a, b];
};
const ENGINE = pair('engine', '300,1300');
const BARE = pair('bare', '1000,6000');

try {
  execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
} catch {
  process.stderr.write('bench/instructions.mjs needs valgrind: install it (apt-get install valgrind) and run again\n');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'parley-instructions-'));
try {
  const esbuild = await import('esbuild');
  const bundle = join(dir, 'child.mjs');
  await esbuild.build({
    entryPoints: [join(ROOT, 'bench/child.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile: bundle,
    logLevel: 'error',
    banner: { js: "import { createRequire as __parleyCreateRequire } from 'node:module';\nconst require = __parleyCreateRequire(import.meta.url);" },
  });

  /** Instructions callgrind counts for one cold child process (all threads). */
  const instructions = (mode, runs) => {
    const out = join(dir, `callgrind.${mode}.${runs}`);
    process.stderr.write(`instructions: ${mode} ${runs} runs under callgrind …\n`);
    execFileSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, bundle, mode, String(runs)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] });
    const line = readFileSync(out, 'utf8').split('\n').find((l) => l.startsWith('summary:') || l.startsWith('totals:'));
    if (!line) throw new Error(`no instruction total in ${out}`);
    return Number(line.split(/\s+/)[1]);
  };
  const perRun = (mode, [a, b]) => Math.round((instructions(mode, b) - instructions(mode, a)) / (b - a));

  const engine = perRun('engine', ENGINE);
  const bare = perRun('bare', BARE);
  process.stdout.write(
    `${JSON.stringify(
      {
        scenario: 'scenarios/doha-60-day-draft.yaml',
        node: process.version,
        note: 'instructions per run (callgrind, all threads of a cold process), the difference between two run counts',
        engineInstructionsPerRun: engine,
        bareLoopInstructionsPerRun: bare,
        engineVsBareLoop: Number((engine / bare).toFixed(2)),
        runs: { engine: ENGINE, bare: BARE },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
