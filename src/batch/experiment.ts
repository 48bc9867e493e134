/**
 * An experiment: a scenario, a number of runs per variation, a base seed, fixed parameter values
 * and sweeps whose grid gives the variations. `defineExperiment` checks a spec against the
 * scenario and fixes everything a run, a shard or a merge needs to agree on.
 *
 * Seeds: run i of EVERY variation uses `deriveRunSeed(seed, i)` = `"<seed>:<i>"` (common random
 * numbers), so variations differ by their parameters, not by luck, and any run is replayed with
 * `parley run FILE --seed "<seed>:<i>" --set NAME=V …`.
 */
import { compile, deriveRunSeed } from '../engine/index.ts';
import { nearMatch, parameterValueProblem, type Problem, type Scenario } from '../scenario/index.ts';
import { ExperimentError } from './errors.ts';
import { defaultMetric, probeMetricNames } from './metrics.ts';
import { hasOwn, newRecord, ownValue } from './record.ts';
import type { Sweep } from './sweep.ts';

/** Runs per work unit. Fixed (never derived from the worker count) so results and CSV order never depend on it. */
export const DEFAULT_CHUNK_SIZE = 500;
export const MAX_VARIATIONS = 100_000;
export const MAX_RUNS = 1_000_000_000;

/** Where a spec entry came from, so a mistake can point at it. */
export interface SpecOrigin {
  /** Label for messages from flags, e.g. `--sweep clash-rate=0:1:0.1`. */
  label: string;
  /** For experiment files: the located problem for a message. */
  locate?(message: string, hint?: string): Problem;
}

/** An experiment as written (flags or an experiment file), before it is checked against the scenario. */
export interface ExperimentSpec {
  runs: number;
  seed: string;
  set: Record<string, number>;
  sweeps: Sweep[];
  metric?: string;
  /** Where each `set` / sweep entry came from, by parameter name; and where `runs`/`metric` came from. */
  origins?: { set?: Record<string, SpecOrigin>; sweeps?: Record<string, SpecOrigin>; runs?: SpecOrigin; metric?: SpecOrigin };
  chunkSize?: number;
  /** Follow the scenario's record to day N (or its end) before the model; parties made to comply. */
  replay?: ReplayOptions;
}

/** How every run of an experiment departs from plain model runs (`--record-until`, `--comply`). */
export interface ReplayOptions {
  recordUntil?: number | 'end';
  comply?: string[];
}

/** A checked experiment. Plain data apart from `scenario`; `job` gives what workers need. */
export interface Experiment {
  scenario: Scenario;
  scenarioText: string;
  scenarioFile: string;
  /** sha256 of the scenario file's text (UTF-8), hex. */
  scenarioSha256: string;
  parleyVersion: string;
  runs: number;
  seed: string;
  /** Fixed overrides (`--set`). */
  set: Record<string, number>;
  /** Every parameter's value apart from the swept ones: defaults overridden by `set`. */
  params: Record<string, number>;
  sweeps: Sweep[];
  /** The metric the sensitivity ranking follows. */
  metric: string;
  /** Every metric column, in order. */
  metrics: string[];
  chunkSize: number;
  variationCount: number;
  replay: ReplayOptions;
  /** Design points (explore, calibrate): variation i is `set` plus points[i] instead of a grid of sweeps. */
  points?: Record<string, number>[];
}

function fail(origin: SpecOrigin | undefined, message: string, hint?: string): never {
  const problem = origin?.locate?.(message, hint);
  throw new ExperimentError(problem ? message : `${origin ? `${origin.label}: ` : ''}${message}`, hint, problem ? [problem] : undefined);
}

/** Checks a run count: a whole number ≥ 1. */
export function checkRuns(runs: number, origin?: SpecOrigin, written = String(runs)): number {
  if (!Number.isFinite(runs) || !Number.isInteger(runs) || runs <= 0) {
    const what = origin && !origin.locate ? origin.label : 'runs';
    const message = `${what} must be a whole number of at least 1, got ${origin?.locate ? written : `\`${written}\``}`;
    if (origin?.locate) fail(origin, message, 'e.g. `runs: 1000`');
    throw new ExperimentError(message, 'e.g. --runs 1000');
  }
  if (runs > MAX_RUNS) fail(origin, `runs ${runs} is more than ${MAX_RUNS.toLocaleString('en-US')} per variation`, 'split the study into several experiments with different seeds');
  return runs;
}

/** `"1000"`, `"10_000"`, `"1e4"` → 1000, 10000, 10000; anything else → ExperimentError. */
export function parseRuns(text: string, origin?: SpecOrigin): number {
  const cleaned = text.trim().replace(/_/g, '');
  return checkRuns(cleaned === '' ? NaN : Number(cleaned), origin, text);
}

function checkParameter(scenario: Scenario, name: string, value: number, origin: SpecOrigin | undefined): void {
  const problem = parameterValueProblem(scenario, name, value);
  if (problem) fail(origin, problem.message, problem.hint);
}

/** The swept values of variation `index`: the grid in sweep order, the last sweep varying fastest. */
export function variationValues(sweeps: readonly Sweep[], index: number): Record<string, number> {
  const values = newRecord<number>();
  let rest = index;
  for (let s = sweeps.length - 1; s >= 0; s--) {
    const sweep = sweeps[s]!;
    values[sweep.name] = sweep.values[rest % sweep.values.length]!;
    rest = Math.floor(rest / sweep.values.length);
  }
  const ordered = newRecord<number>();
  for (const sweep of sweeps) ordered[sweep.name] = values[sweep.name]!;
  return ordered;
}

/** All overrides of variation `index`: the fixed `set` plus its swept values. */
export function variationOverrides(experiment: Pick<Experiment, 'set' | 'sweeps' | 'points'>, index: number): Record<string, number> {
  if (experiment.points) return newRecord([...Object.entries(experiment.set), ...Object.entries(experiment.points[index]!)]);
  return newRecord([...Object.entries(experiment.set), ...Object.entries(variationValues(experiment.sweeps, index))]);
}

/** Lowercase hex sha256 of a text's UTF-8 bytes (Web Crypto: the same in Node and browsers). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks a spec against its scenario; every mistake is an ExperimentError with a message an analyst can act on. */
export async function defineExperiment(
  scenario: Scenario,
  source: { text: string; file: string },
  spec: ExperimentSpec,
  parleyVersion: string,
): Promise<Experiment> {
  const origins = spec.origins ?? {};
  const runs = checkRuns(spec.runs, origins.runs);
  const seed = String(spec.seed);
  if (seed.length === 0 || seed.length > 200) throw new ExperimentError('the seed must be 1 to 200 characters', 'e.g. --seed study-1');

  for (const [name, value] of Object.entries(spec.set)) checkParameter(scenario, name, value, ownValue(origins.set, name));
  const seen = new Set<string>();
  for (const sweep of spec.sweeps) {
    const origin = ownValue(origins.sweeps, sweep.name);
    if (seen.has(sweep.name)) fail(origin, `\`${sweep.name}\` is swept twice`, 'give each parameter one sweep');
    seen.add(sweep.name);
    if (hasOwn(spec.set, sweep.name)) fail(origin, `\`${sweep.name}\` is both set and swept`, 'drop the --set or the --sweep');
    if (sweep.values.length === 0) fail(origin, `the sweep of \`${sweep.name}\` has no values`);
    for (const value of sweep.values) checkParameter(scenario, sweep.name, value, origin);
  }
  let variationCount = 1;
  for (const sweep of spec.sweeps) variationCount *= sweep.values.length;
  if (variationCount > MAX_VARIATIONS) {
    throw new ExperimentError(`the sweeps make ${variationCount.toLocaleString('en-US')} variations; at most ${MAX_VARIATIONS.toLocaleString('en-US')}`, 'use fewer values or larger steps');
  }
  const chunkSize = spec.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new ExperimentError(`chunk size must be a whole number ≥ 1, got ${chunkSize}`);

  const base = compile(scenario, spec.set);
  const replay: ReplayOptions = { ...spec.replay };
  const metrics = probeMetricNames(base, deriveRunSeed(seed, 0), replay);
  const metric = spec.metric ?? defaultMetric(metrics);
  if (!metrics.includes(metric)) {
    const near = nearMatch(metric, metrics);
    fail(origins.metric, `unknown metric \`${metric}\``, near ? `there is a metric named \`${near}\`` : `the metrics are ${metrics.join(', ')}`);
  }

  return {
    scenario,
    scenarioText: source.text,
    scenarioFile: source.file,
    scenarioSha256: await sha256Hex(source.text),
    parleyVersion,
    runs,
    seed,
    set: newRecord(Object.entries(spec.set)),
    params: newRecord(Object.entries(base.params)),
    sweeps: spec.sweeps.map((s) => ({ name: s.name, values: [...s.values] })),
    metric,
    metrics,
    chunkSize,
    variationCount,
    replay,
  };
}
