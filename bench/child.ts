/**
 * One cold measurement, run in its own process by bench/run.ts:
 *   node --import tsx bench/child.ts engine RUNS           → runOnce in a plain loop on one thread (the engine's own speed)
 *   node --import tsx bench/child.ts bare   RUNS           → the bare-loop reference (bench/bare-loop.ts) on one thread
 *   node --import tsx bench/child.ts check  RUNS           → engine and bare loop on the same seeds: same tallies, or exit 1
 *   node --import tsx bench/child.ts validate              → the loader's CPU time on big files (bench/validate.ts prints its own line)
 * Prints one JSON line: runs, seconds, runs/s, peak RSS (whole process, worker threads included).
 * (`parley batch` and `parley explore` are measured by bench/cli-child.mjs, through the built CLI.)
 */
import { readFileSync } from 'node:fs';
import { compile, deriveRunSeed, runOnce } from '../src/engine/index.ts';
import { loadScenario } from '../src/scenario/index.ts';
import { bareTallies, engineTallies, tallyDifferences } from './tallies.ts';
import { prepareBareLoop } from './bare-loop.ts';

const SCENARIO = 'scenarios/doha-60-day-draft.yaml';
const SEED = 'bench';
const [mode, runsText] = process.argv.slice(2);
const runs = Number(runsText);
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const report = (seconds: number, extra: object = {}) => process.stdout.write(`${JSON.stringify({ runs, seconds, runsPerSecond: runs / seconds, peakRssMB: peakRssMB(), ...extra })}\n`);

function model() {
  const loaded = loadScenario(readFileSync(SCENARIO, 'utf8'), SCENARIO);
  if (!loaded.ok) throw new Error('scenario does not load');
  return compile(loaded.scenario);
}

if (mode === 'engine') {
  const m = model();
  const started = performance.now();
  for (let i = 0; i < runs; i++) runOnce(m, { seed: deriveRunSeed(SEED, i), trace: false });
  report((performance.now() - started) / 1000);
} else if (mode === 'bare') {
  const bare = prepareBareLoop(model());
  let days = 0;
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    bare.run(SEED, i);
    days += bare.out.day;
  }
  report((performance.now() - started) / 1000, { meanEndDay: days / runs });
} else if (mode === 'check') {
  const m = model();
  const engine = engineTallies(m, SEED, runs);
  const bare = bareTallies(m, SEED, runs);
  const differences = tallyDifferences(engine, bare);
  if (differences.length > 0) {
    process.stderr.write(`bench: the bare loop and the engine disagree on ${runs} seeds:\n${differences.map((d) => `  ${d}\n`).join('')}`);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify({ runs, identical: true, outcomes: engine.outcomes })}\n`);
} else if (mode === 'validate') {
  await import('./validate.ts');
} else {
  throw new Error(`unknown mode ${mode} (batch and sobol are bench/cli-child.mjs's)`);
}
