/**
 * Percentile bootstrap (Efron & Tibshirani 1993, ch. 13). Resample the n independent units
 * (design rows, trajectories) with replacement, recompute the statistic, and take the
 * (1 − level)/2 and (1 + level)/2 nearest-rank quantiles of the resampled values as the interval.
 * Resamples come from the stream `"<seed>:bootstrap:<label>"`, so an interval depends only on the
 * seed, the label and the ordered results.
 */
import { sortedQuantile } from './quantiles.ts';
import { seededUniform, uniformIndex } from './random.ts';
import { ExperimentError } from '../errors.ts';

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  resamples?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
  seed: string;
}

export interface Interval {
  lo: number;
  hi: number;
  level: number;
}

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_LEVEL = 0.95;

export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new ExperimentError(`a confidence level is between 0 and 1, got ${level}`, 'e.g. 0.95');
}

/**
 * Percentile intervals for several statistics computed from the same resamples: `statistics`
 * receives the resampled unit indices and returns one value per statistic. Non-finite resampled
 * values are dropped; an interval with none left is NaN.
 */
export function bootstrapIntervals(units: number, statistics: (indices: readonly number[]) => readonly number[], label: string, options: BootstrapOptions): Interval[] {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? DEFAULT_LEVEL;
  checkLevel(level);
  if (!Number.isInteger(resamples) || resamples < 1) throw new ExperimentError(`the number of bootstrap resamples must be a whole number ≥ 1, got ${resamples}`, 'e.g. 1000');
  const uniform = seededUniform(options.seed, `bootstrap:${label}`);
  const draws: number[][] = [];
  const indices = new Array<number>(units);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < units; i++) indices[i] = uniformIndex(uniform, units);
    statistics(indices).forEach((value, s) => (draws[s] ??= []).push(value));
  }
  return draws.map((values) => {
    const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
    return { lo: sortedQuantile(sorted, (1 - level) / 2), hi: sortedQuantile(sorted, (1 + level) / 2), level };
  });
}
