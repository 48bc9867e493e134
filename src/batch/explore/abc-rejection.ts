/**
 * Rejection ABC (Pritchard et al. 1999). Draw candidates from the uniform prior on the free
 * parameters' ranges (a Latin hypercube, stream `"<seed>:lhs"`), run them all with the same seed
 * set, and keep those within `tolerance` (in target tolerances, default 1: every target met), or
 * the `keep` nearest ones (ties: earlier draws). Kept samples have equal weight.
 */
import { checkCalibration, evaluate } from './abc-evaluation.ts';
import { DEFAULT_LEVEL, checkLevel } from './bootstrap.ts';
import { latinHypercube } from './latin-hypercube.ts';
import type { ParameterRange } from './parameters.ts';
import { summarisePosterior, type PosteriorSample, type PosteriorSummary } from './posterior.ts';
import type { SeedSet, Simulator } from './simulator.ts';
import type { Target } from './targets.ts';
import { ExperimentError } from '../errors.ts';

export interface RejectionOptions {
  /** Candidates drawn from the prior. */
  draws: number;
  seed: string;
  seeds: SeedSet;
  /** Accept candidates with distance ≤ tolerance (default 1). Ignored when `keep` is given. */
  tolerance?: number;
  /** Keep this many nearest candidates instead of a fixed tolerance. */
  keep?: number;
  /** Credible level of the intervals (default 0.95). */
  level?: number;
}

export interface RejectionResult extends PosteriorSummary {
  method: 'rejection';
  samples: PosteriorSample[];
  /** The tolerance the kept samples satisfy (the largest kept distance when `keep` is used). */
  epsilon: number;
  evaluations: number;
}

export async function rejectionAbc(ranges: readonly ParameterRange[], targets: readonly Target[], simulate: Simulator, options: RejectionOptions): Promise<RejectionResult> {
  checkCalibration(ranges, targets, options.seeds);
  const level = options.level ?? DEFAULT_LEVEL;
  checkLevel(level);
  if (options.keep !== undefined && (!Number.isInteger(options.keep) || options.keep < 1 || options.keep > options.draws)) {
    throw new ExperimentError(`keep must be a whole number from 1 to the number of draws (${options.draws}), got ${options.keep}`, 'e.g. keep the nearest 5%');
  }
  const evaluated = await evaluate(simulate, latinHypercube(ranges, options.draws, options.seed), options.seeds, targets);
  let kept: typeof evaluated;
  let epsilon: number;
  if (options.keep !== undefined) {
    kept = evaluated
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.distance - b.e.distance || a.i - b.i)
      .slice(0, options.keep)
      .sort((a, b) => a.i - b.i)
      .map(({ e }) => e);
    epsilon = Math.max(...kept.map((e) => e.distance));
  } else {
    epsilon = options.tolerance ?? 1;
    kept = evaluated.filter((e) => e.distance <= epsilon);
    if (kept.length === 0) {
      const nearest = Math.min(...evaluated.map((e) => e.distance));
      throw new ExperimentError(`no candidate of ${options.draws} came within ${epsilon} tolerances of the targets (nearest: ${nearest.toPrecision(3)})`, 'draw more candidates, widen the ranges, or use keep to take the nearest ones');
    }
  }
  const samples = kept.map((e) => ({ ...e, weight: 1 / kept.length }));
  return { method: 'rejection', samples, epsilon, evaluations: evaluated.length, ...summarisePosterior(ranges, samples, level) };
}
