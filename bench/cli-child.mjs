/**
 * One cold measurement of the built CLI (bin/parley.mjs → dist/), run in its own process by
 * bench/run.ts, in plain JavaScript so that nothing but the CLI is loaded (no tsx):
 *   node bench/cli-child.mjs batch RUNS WORKERS        → `parley batch` of the 60-day draft
 *   node bench/cli-child.mjs sobol N WORKERS RUNS      → `parley explore --method sobol` of six parameters, N base samples, RUNS per point
 * The clock runs from loading the CLI to its summary file, as a user's `npx parley` (after Node's
 * own start-up). The CLI's table on stdout is dropped; its notes go to stderr. Prints one JSON line:
 * runs, seconds, runs/s, CPU seconds and peak RSS (the whole process, worker threads included).
 * bin/parley.mjs rebuilds a stale dist/ first (and says so): bench/run.ts builds it off the clock.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCENARIO = 'scenarios/doha-60-day-draft.yaml';
const SEED = 'bench';
const SOBOL_VARY = ['hamas-base-comply=0.5:1', 'israel-base-comply=0.5:1', 'reciprocity=0:0.5', 'extension-chance=0:1', 'clash-rate=0:0.1', 'coalition-threat-rate=0:0.1'];
const [mode, countText, workersText, perPointText] = process.argv.slice(2);
const workers = Number(workersText);

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const summaryFile = join(dir, 'summary.json');
const argv =
  mode === 'batch'
    ? ['batch', SCENARIO, '--runs', countText, '--seed', SEED, '--workers', workersText, '--summary', summaryFile]
    : ['explore', SCENARIO, '--method', 'sobol', '--vary', ...SOBOL_VARY, '--samples', countText, '--runs', perPointText, '--seed', SEED, '--workers', workersText, '--summary', summaryFile];

process.argv = [process.argv[0], 'parley', ...argv];
const write = process.stdout.write;
process.stdout.write = () => true;
const started = performance.now();
try {
  await import('../bin/parley.mjs');
} finally {
  process.stdout.write = write;
}
const seconds = (performance.now() - started) / 1000;
const code = Number(process.exitCode ?? 0);
const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
rmSync(dir, { recursive: true, force: true });
if (code !== 0) throw new Error(`parley ${mode} failed (exit ${code})`);
process.exitCode = 0;

const runs = summary.coverage.runs;
const { user, system } = process.cpuUsage();
const measured = { runs, workers, seconds, runsPerSecond: runs / seconds, cpuSeconds: (user + system) / 1e6, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
const extra = mode === 'batch' ? {} : { baseSamples: Number(countText), points: summary.pointCount, runsPerPoint: Number(perPointText) };
process.stdout.write(`${JSON.stringify({ ...measured, ...extra })}\n`);
