/**
 * `parley calibrate` without the command line: fit free parameters (uniform priors over their
 * ranges) to targets by ABC (rejection or SMC, src/batch/explore) with every population of
 * candidates run on the worker pool — R runs per candidate with the seeds "<seed>:0" … "<seed>:R−1",
 * the same for every candidate (common random numbers). Then the targets are checked, with
 * intervals, at the central posterior sample: the values `--write` records.
 */
import { checkRangesAgainst, designExperiment, runDesign, type DesignRunOptions, type DesignSource } from './design-run.ts';
import { rejectionAbc, type RejectionResult } from './explore/abc-rejection.ts';
import { smcAbc, type SmcResult } from './explore/abc-smc.ts';
import type { DesignPoint, ParameterRange } from './explore/parameters.ts';
import type { Summaries } from './explore/targets.ts';
import type { AggregateData } from './aggregate.ts';
import type { PosteriorSample } from './explore/posterior.ts';
import type { Simulator } from './explore/simulator.ts';
import { checkTargetsOn, type TargetResult } from './target-check.ts';
import { checkTargetMetrics, targetSummaries, type BatchTarget } from './target-statistics.ts';

export type CalibrationMethod = 'rejection' | 'smc';

export interface CalibrationRequest {
  source: DesignSource;
  ranges: ParameterRange[];
  targets: BatchTarget[];
  method: CalibrationMethod;
  /** Runs per candidate. */
  runs: number;
  /** SMC: particles per generation; rejection: prior draws. */
  population: number;
  seed: string;
}

export interface PairData {
  x: string;
  y: string;
  /** [x, y, weight] of every posterior sample. */
  points: [number, number, number][];
}

export interface CalibrationOutcome {
  result: SmcResult | RejectionResult;
  /** The central posterior sample (to 6 significant digits): the values to write. */
  calibrated: Record<string, number>;
  /** Every target at the calibrated values, with its 95% interval. */
  check: TargetResult[];
  pairs: PairData[];
  runs: number;
}

/**
 * The posterior sample nearest all the others (weighted medoid, distances in posterior standard
 * deviations). Unlike the per-parameter medians, which need not fit the targets together when the
 * parameters trade off, it is itself a sample of the posterior, so it met the targets within the
 * final tolerance on the calibration's seeds.
 */
export function centralSample(ranges: readonly ParameterRange[], samples: readonly PosteriorSample[]): PosteriorSample {
  const sd = ranges.map((r) => {
    const mean = samples.reduce((s, x) => s + x.weight * x.params[r.name]!, 0);
    const variance = samples.reduce((s, x) => s + x.weight * (x.params[r.name]! - mean) ** 2, 0);
    return Math.sqrt(variance) || r.hi - r.lo;
  });
  let best = samples[0]!;
  let bestCost = Infinity;
  for (const candidate of samples) {
    let cost = 0;
    for (const other of samples) {
      let d2 = 0;
      ranges.forEach((r, d) => (d2 += ((candidate.params[r.name]! - other.params[r.name]!) / sd[d]!) ** 2));
      cost += other.weight * d2;
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = candidate;
    }
  }
  return best;
}

/**
 * Calibrated values are written to 6 significant digits: short enough to read, and close enough
 * that the runs at the written value are, but for a one-in-many-thousands draw, the runs that met
 * the targets (3 digits visibly changed which runs collapsed).
 */
export function roundForWriting(value: number): number {
  return Number(value.toPrecision(6));
}

/**
 * Where a calibration's simulations come from: every population of candidates (R runs each with
 * the calibration's seeds) and, at the end, the check at the calibrated values. `runCalibration`
 * runs them on the worker pool; a sharded calibration (calibration-steps.ts) replays recorded
 * results and stops at the first population it has not yet run.
 */
export interface CalibrationRunner {
  /** Target summaries of each candidate, in order. */
  population(points: readonly DesignPoint[]): Promise<readonly Summaries[]>;
  /** The tally of R runs at the calibrated values. */
  check(point: DesignPoint): Promise<AggregateData>;
}

type PoolOptions = Omit<DesignRunOptions, 'runs' | 'seed' | 'metric' | 'shard'>;

/** Checks the request against the scenario before anything is run. */
export async function checkCalibrationRequest(request: CalibrationRequest): Promise<void> {
  checkRangesAgainst(request.source.scenario, request.ranges, request.source.set);
  const probe = await designExperiment(request.source, [{}], { runs: 1, seed: request.seed });
  checkTargetMetrics(request.targets, probe.metrics);
}

/** The runner that runs everything on the worker pool. */
export function poolRunner(request: CalibrationRequest, options: PoolOptions): CalibrationRunner {
  const design = { ...options, runs: request.runs, seed: request.seed };
  return {
    async population(points) {
      const run = await runDesign(request.source, points, design);
      return run.tallies.map((t) => targetSummaries(request.targets, t));
    },
    async check(point) {
      const run = await runDesign(request.source, [point], design);
      return run.tallies[0]!;
    },
  };
}

export async function runCalibration(request: CalibrationRequest, options: PoolOptions): Promise<CalibrationOutcome> {
  await checkCalibrationRequest(request);
  return calibrateWith(request, poolRunner(request, options));
}

/** ABC (SMC or rejection) over the runner's simulations, then the check at the calibrated values. */
export async function calibrateWith(request: CalibrationRequest, runner: CalibrationRunner): Promise<CalibrationOutcome> {
  const { ranges, targets } = request;
  let runs = 0;
  const simulate: Simulator = async (candidates) => {
    const summaries = await runner.population(candidates);
    runs += candidates.length * request.runs;
    return summaries;
  };
  const seeds = { base: request.seed, runs: request.runs };
  const result = request.method === 'smc'
    ? await smcAbc(ranges, targets, simulate, { seed: request.seed, seeds, populationSize: request.population })
    : await rejectionAbc(ranges, targets, simulate, { seed: request.seed, seeds, draws: request.population });
  const central = centralSample(ranges, result.samples);
  const calibrated = Object.fromEntries(ranges.map((r) => [r.name, roundForWriting(central.params[r.name]!)]));
  const check = await runner.check(calibrated);
  runs += request.runs;
  const pairs: PairData[] = [];
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      const x = ranges[i]!.name;
      const y = ranges[j]!.name;
      pairs.push({ x, y, points: result.samples.map((s) => [s.params[x]!, s.params[y]!, s.weight]) });
    }
  }
  return { result, calibrated, check: checkTargetsOn(targets, check), pairs, runs };
}
