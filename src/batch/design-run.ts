/**
 * Running design points on the batch engine: a design point is a variation with parameter
 * overrides, run R times with the seeds "<seed>:0" … "<seed>:R−1" — the same seeds at every point
 * (common random numbers). The points go through `runBatch` and the worker pool like any batch,
 * so chunks, shards, folding order and therefore every tally are the same for any number of
 * workers; only the variations come from a list instead of a grid.
 */
import type { AggregateData } from './aggregate.ts';
import { ExperimentError } from './errors.ts';
import { defineExperiment, type Experiment } from './experiment.ts';
import type { DesignPoint, ParameterRange } from './explore/parameters.ts';
import type { Shard } from './plan.ts';
import type { PoolFactory } from './pool.ts';
import { runBatch } from './run-batch.ts';
import type { Coverage } from './summary.ts';
import { parameterValueProblem, type Scenario } from '../scenario/index.ts';
import { hasOwn, ownValue } from './record.ts';

export interface DesignSource {
  scenario: Scenario;
  text: string;
  file: string;
  parleyVersion: string;
  /** Fixed overrides of parameters that are not varied. */
  set?: Record<string, number>;
}

export interface DesignRunOptions {
  pool: PoolFactory;
  workers: number;
  runs: number;
  seed: string;
  shard?: Shard;
  metric?: string;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  onNotice?(text: string): void;
}

export interface DesignRun {
  experiment: Experiment;
  /** One tally per point, in design order (empty tallies for points a shard does not hold). */
  tallies: AggregateData[];
  coverage: Coverage;
  interrupted: boolean;
  /** Set when a worker died or a run failed: the tallies then hold only the chunks before it. */
  failure?: { message: string; chunks: string };
}

/** Checks that every range names a declared parameter and stays inside its declared range. */
export function checkRangesAgainst(scenario: Scenario, ranges: readonly ParameterRange[], set: Record<string, number> = {}): void {
  for (const r of ranges) {
    const declared = ownValue(scenario.parameters, r.name);
    if (!declared) {
      const unknown = parameterValueProblem(scenario, r.name, r.lo)!;
      throw new ExperimentError(unknown.message, unknown.hint);
    }
    const [lo, hi] = declared.range;
    if (r.lo < lo || r.hi > hi) throw new ExperimentError(`${r.name}=${r.lo}:${r.hi} goes outside its declared range [${lo}, ${hi}]`, `vary ${r.name} within ${lo}:${hi}`);
    if (hasOwn(set, r.name)) throw new ExperimentError(`\`${r.name}\` is both set and varied`, 'drop the --set or the range');
  }
}

/** The design's experiment: checked against the scenario, one variation per point. */
export async function designExperiment(source: DesignSource, points: readonly DesignPoint[], options: Pick<DesignRunOptions, 'runs' | 'seed' | 'metric'>): Promise<Experiment> {
  if (points.length === 0) throw new ExperimentError('the design has no points', 'ask for at least one sample');
  const experiment = await defineExperiment(source.scenario, { text: source.text, file: source.file }, { runs: options.runs, seed: options.seed, set: source.set ?? {}, sweeps: [], metric: options.metric }, source.parleyVersion);
  return { ...experiment, variationCount: points.length, points: points.map((p) => ({ ...p })) };
}

/** Runs every point completely, or throws: calibration and target checks cannot use part of a population. */
export async function runDesign(source: DesignSource, points: readonly DesignPoint[], options: DesignRunOptions): Promise<DesignRun> {
  const experiment = await designExperiment(source, points, options);
  const run = await runDesignExperiment(experiment, options);
  if (run.failure) throw new ExperimentError(`${run.failure.message}, in ${run.failure.chunks}; nothing can be concluded from part of the runs`, 'run again; if a worker ran out of memory, use fewer --workers');
  if (run.interrupted) throw new ExperimentError('stopped before every run was done; nothing was concluded', 'run the command again');
  return run;
}

export async function runDesignExperiment(experiment: Experiment, options: Omit<DesignRunOptions, 'runs' | 'seed' | 'metric'>): Promise<DesignRun> {
  const { summary, interrupted, failure } = await runBatch(experiment, {
    pool: options.pool,
    workers: options.workers,
    shard: options.shard,
    signal: options.signal,
    onProgress: options.onProgress,
    onNotice: options.onNotice,
  });
  return { experiment, tallies: summary.variations.map((v) => v.tally), coverage: summary.coverage, interrupted, ...(failure ? { failure } : {}) };
}
