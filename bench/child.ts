/**
 * One cold measurement, run in its own process by bench/run.ts:
 *   node --import tsx bench/child.ts batch  RUNS WORKERS   → `parley batch` through the real CLI path
 *   node --import tsx bench/child.ts engine RUNS           → bare runOnce loop on one thread (the engine's own speed)
 * Prints one JSON line: runs, seconds, runs/s, peak RSS (whole process, worker threads included).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/cli.ts';
import { nodeIO } from '../src/cli/io.ts';
import { compile, deriveRunSeed, runOnce } from '../src/engine/index.ts';
import { loadScenario } from '../src/scenario/index.ts';

const SCENARIO = 'scenarios/doha-60-day-draft.yaml';
const [mode, runsText, workersText] = process.argv.slice(2);
const runs = Number(runsText);
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (mode === 'engine') {
  const loaded = loadScenario(readFileSync(SCENARIO, 'utf8'), SCENARIO);
  if (!loaded.ok) throw new Error('scenario does not load');
  const model = compile(loaded.scenario);
  const started = performance.now();
  for (let i = 0; i < runs; i++) runOnce(model, { seed: deriveRunSeed('bench', i), trace: false });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ runs, seconds, runsPerSecond: runs / seconds, peakRssMB: peakRssMB() })}\n`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const io = { ...nodeIO(), stdout: () => undefined, stderr: () => undefined, isTTY: false };
  const started = performance.now();
  const code = await runCli(['batch', SCENARIO, '--runs', String(runs), '--seed', 'bench', '--workers', workersText!, '--summary', join(dir, 'summary.json')], io);
  const seconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { coverage: { runs: number } };
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0 || summary.coverage.runs !== runs) throw new Error(`batch failed (exit ${code}, ${summary.coverage.runs} runs)`);
  process.stdout.write(`${JSON.stringify({ runs, workers: Number(workersText), seconds, runsPerSecond: runs / seconds, peakRssMB: peakRssMB(), processSeconds: performance.now() / 1000 })}\n`);
}
