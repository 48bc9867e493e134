/**
 * Statistics from tallies. Pure functions of the counts, so equal tallies give byte-equal numbers.
 * Definitions (docs/batch.md states them for analysts):
 * - Wilson 95% interval for k successes in n runs, z = 1.959963984540054:
 *   centre = (p̂ + z²/2n) / (1 + z²/n), half = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²).
 * - Percentile q (5, 50, 95) by nearest rank: the smallest value v with #(runs ≤ v) ≥ ⌈q·n/100⌉.
 * - sd is the sample standard deviation (n − 1 in the denominator; 0 for a single run).
 * - Survival S(d) = share of runs that had not collapsed by the end of day d.
 */
import type { AggregateData } from './aggregate.ts';

/** The 97.5% point of the standard normal. */
export const Z95 = 1.959963984540054;

export interface Proportion {
  count: number;
  /** count / n; null when n = 0. */
  p: number | null;
  lo: number;
  hi: number;
}

/** Wilson score interval for `k` of `n` (default 95%). n = 0 gives p = null and [0, 1]. */
export function wilson(k: number, n: number, z = Z95): Proportion {
  if (n <= 0) return { count: k, p: null, lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 and k = n the bounds are exactly 0 and 1; keep rounding from saying otherwise.
  return { count: k, p, lo: k === 0 ? 0 : Math.max(0, centre - half), hi: k === n ? 1 : Math.min(1, centre + half) };
}

export interface MetricStats {
  mean: number | null;
  sd: number | null;
  min: number | null;
  p5: number | null;
  p50: number | null;
  p95: number | null;
  max: number | null;
}

/** Nearest-rank percentile of a sorted [value, count] histogram holding `n` runs; `q` in whole percent. */
export function percentile(histogram: readonly (readonly [number, number])[], n: number, q: number): number | null {
  if (n <= 0 || histogram.length === 0) return null;
  const rank = Math.max(1, Math.ceil((q * n) / 100));
  let seen = 0;
  for (const [value, count] of histogram) {
    seen += count;
    if (seen >= rank) return value;
  }
  return histogram[histogram.length - 1]![0];
}

/** Mean, sd, min, p5, p50, p95, max of a sorted [value, count] histogram. */
export function describe(histogram: readonly (readonly [number, number])[]): MetricStats {
  let n = 0;
  let sum = 0;
  for (const [value, count] of histogram) {
    n += count;
    sum += value * count;
  }
  if (n === 0) return { mean: null, sd: null, min: null, p5: null, p50: null, p95: null, max: null };
  const mean = sum / n;
  let squares = 0;
  for (const [value, count] of histogram) squares += count * (value - mean) * (value - mean);
  return {
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    min: histogram[0]![0],
    p5: percentile(histogram, n, 5),
    p50: percentile(histogram, n, 50),
    p95: percentile(histogram, n, 95),
    max: histogram[histogram.length - 1]![0],
  };
}

export interface Survival {
  /** Day 1 first. */
  days: number[];
  /** Share of runs not collapsed by the end of each day. */
  holding: number[];
  lo: number[];
  hi: number[];
}

/** S(d) for d = 1 … lastDay with Wilson intervals (empty when there are no runs). */
export function survival(data: AggregateData, lastDay: number): Survival {
  const out: Survival = { days: [], holding: [], lo: [], hi: [] };
  if (data.runs === 0) return out;
  let collapsed = 0;
  let i = 0;
  for (let day = 1; day <= lastDay; day++) {
    while (i < data.collapseDays.length && data.collapseDays[i]![0] <= day) collapsed += data.collapseDays[i++]![1];
    const holding = wilson(data.runs - collapsed, data.runs);
    out.days.push(day);
    out.holding.push(holding.p!);
    out.lo.push(holding.lo);
    out.hi.push(holding.hi);
  }
  return out;
}
