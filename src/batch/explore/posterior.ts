/**
 * Weighted posterior samples and what an analyst reads from them. For each parameter:
 * the weighted mean and the weighted quantiles (1 − level)/2, 0.5 and (1 + level)/2 (a
 * central credible interval holding `level` of the posterior weight). The effective sample size
 * is (Σw)² / Σw². The best fit is the sample nearest the targets (smallest distance; ties: the
 * earlier sample).
 */
import { weightedMean, weightedQuantile } from './quantiles.ts';
import type { DesignPoint, ParameterRange } from './parameters.ts';
import type { Summaries } from './targets.ts';

export interface PosteriorSample {
  params: DesignPoint;
  /** Normalised: the weights of a posterior sum to 1. */
  weight: number;
  distance: number;
  summaries: Summaries;
}

export interface ParameterPosterior {
  name: string;
  mean: number;
  median: number;
  lo: number;
  hi: number;
  level: number;
}

export interface PosteriorSummary {
  parameters: ParameterPosterior[];
  effectiveSampleSize: number;
  best: PosteriorSample;
}

export function normalised(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

export function effectiveSampleSize(weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  return (total * total) / weights.reduce((s, w) => s + w * w, 0);
}

export function summarisePosterior(ranges: readonly ParameterRange[], samples: readonly PosteriorSample[], level: number): PosteriorSummary {
  const weights = samples.map((s) => s.weight);
  const parameters = ranges.map((r) => {
    const values = samples.map((s) => s.params[r.name]!);
    return {
      name: r.name,
      mean: weightedMean(values, weights),
      median: weightedQuantile(values, weights, 0.5),
      lo: weightedQuantile(values, weights, (1 - level) / 2),
      hi: weightedQuantile(values, weights, (1 + level) / 2),
      level,
    };
  });
  const best = samples.reduce((b, s) => (s.distance < b.distance ? s : b), samples[0]!);
  return { parameters, effectiveSampleSize: effectiveSampleSize(weights), best };
}
