/**
 * Sobol' sensitivity indices from the outputs of a Saltelli design, row by row
 * (f(A_j), f(AB_1j), …, f(AB_kj), f(B_j)).
 *
 *   V    = variance of the 2N values f(A_j), f(B_j) (population form, divisor 2N)
 *   S_i  = (1/N) Σ_j f(B_j) · (f(AB_ij) − f(A_j)) / V                    (Saltelli et al. 2010)
 *        or  (V − (1/2N) Σ_j (f(B_j) − f(AB_ij))²) / V                     (Jansen 1999)
 *   ST_i = (1/2N) Σ_j (f(A_j) − f(AB_ij))² / V                            (Jansen 1999)
 *
 * S_i is the share of the output's variance explained by parameter i alone; ST_i the share in
 * which parameter i takes part, alone or with others. Intervals: percentile bootstrap over the N
 * rows (every statistic, V included, recomputed on each resample), stream
 * `"<seed>:bootstrap:sobol"`.
 */
import { bootstrapIntervals, DEFAULT_LEVEL, DEFAULT_RESAMPLES, type Interval } from './bootstrap.ts';
import type { SaltelliDesign } from './saltelli.ts';
import { ExperimentError } from '../errors.ts';

export type FirstOrderEstimator = 'saltelli2010' | 'jansen';

export interface SobolOptions {
  seed: string;
  /** Interval coverage (default 0.95). */
  level?: number;
  /** Bootstrap resamples (default 1000). */
  resamples?: number;
  /** First-order estimator (default saltelli2010). */
  firstOrder?: FirstOrderEstimator;
}

export interface SobolIndex {
  name: string;
  first: number;
  firstInterval: Interval;
  total: number;
  totalInterval: Interval;
}

export interface SobolResult {
  /** Null when the output does not vary over the design (every index would be 0/0). */
  indices: SobolIndex[] | null;
  variance: number;
  mean: number;
  baseSamples: number;
  firstOrder: FirstOrderEstimator;
  level: number;
  resamples: number;
}

function estimate(rows: readonly number[], fA: Float64Array, fB: Float64Array, fAB: Float64Array[], firstOrder: FirstOrderEstimator): { first: number[]; total: number[]; variance: number; mean: number } {
  const n = rows.length;
  let sum = 0;
  for (const j of rows) sum += fA[j]! + fB[j]!;
  const mean = sum / (2 * n);
  let squares = 0;
  for (const j of rows) squares += (fA[j]! - mean) ** 2 + (fB[j]! - mean) ** 2;
  const variance = squares / (2 * n);
  const first: number[] = [];
  const total: number[] = [];
  for (const ab of fAB) {
    let s = 0;
    let t = 0;
    for (const j of rows) {
      s += firstOrder === 'jansen' ? (fB[j]! - ab[j]!) ** 2 : fB[j]! * (ab[j]! - fA[j]!);
      t += (fA[j]! - ab[j]!) ** 2;
    }
    first.push(firstOrder === 'jansen' ? (variance - s / (2 * n)) / variance : s / n / variance);
    total.push(t / (2 * n) / variance);
  }
  return { first, total, variance, mean };
}

export function sobolIndices(design: SaltelliDesign, outputs: readonly number[], options: SobolOptions): SobolResult {
  const k = design.ranges.length;
  const n = design.baseSamples;
  if (outputs.length !== design.points.length) throw new ExperimentError(`Sobol needs one output per design point: ${design.points.length} points, ${outputs.length} outputs`, 'run every point of the design, in order');
  const bad = outputs.findIndex((y) => !Number.isFinite(y));
  if (bad >= 0) throw new ExperimentError(`the output of design point ${bad} is ${outputs[bad]}, not a number`, 'every design point needs a finite output');
  const firstOrder = options.firstOrder ?? 'saltelli2010';
  const level = options.level ?? DEFAULT_LEVEL;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = Array.from({ length: k }, () => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    const base = j * (k + 2);
    fA[j] = outputs[base]!;
    for (let i = 0; i < k; i++) fAB[i]![j] = outputs[base + 1 + i]!;
    fB[j] = outputs[base + k + 1]!;
  }
  const all = Array.from({ length: n }, (_, j) => j);
  const point = estimate(all, fA, fB, fAB, firstOrder);
  const common = { variance: point.variance, mean: point.mean, baseSamples: n, firstOrder, level, resamples };
  if (!(point.variance > 0)) return { indices: null, ...common };
  const intervals = bootstrapIntervals(n, (rows) => {
    const e = estimate(rows, fA, fB, fAB, firstOrder);
    return [...e.first, ...e.total];
  }, 'sobol', { seed: options.seed, level, resamples });
  const indices = design.ranges.map((range, i) => ({
    name: range.name,
    first: point.first[i]!,
    firstInterval: intervals[i]!,
    total: point.total[i]!,
    totalInterval: intervals[k + i]!,
  }));
  return { indices, ...common };
}
