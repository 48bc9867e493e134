/**
 * Where one run's number falls among many model runs: the share of runs below it, equal to it
 * and above it, its percentile rank, and the quartiles a small chart draws. Histograms are the
 * batch tallies' sorted [value, runs] pairs (src/batch's Aggregate), so the quantiles are the
 * nearest-rank percentiles `parley batch` prints.
 */
import { percentile } from '../../batch/index.ts';

export interface Position {
  value: number;
  runs: number;
  below: number;
  equal: number;
  above: number;
  /**
   * Percentile rank, 0–100: the share of runs below the value plus half the share equal to it
   * (mid-rank), so a value in the middle of a block of ties sits in the middle, not at its top.
   */
  rank: number;
}

export interface Spread {
  min: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  max: number;
}

/** Where `value` falls in a sorted [value, runs] histogram; undefined for an empty histogram. */
export function positionIn(histogram: readonly (readonly [number, number])[], value: number): Position | undefined {
  let runs = 0;
  let below = 0;
  let equal = 0;
  for (const [v, count] of histogram) {
    runs += count;
    if (v < value) below += count;
    else if (v === value) equal += count;
  }
  if (runs === 0) return undefined;
  return { value, runs, below, equal, above: runs - below - equal, rank: (100 * (below + equal / 2)) / runs };
}

/** Min, 5th, 25th, 50th, 75th, 95th percentile (nearest rank) and max of a sorted histogram. */
export function spreadOf(histogram: readonly (readonly [number, number])[]): Spread | undefined {
  const runs = histogram.reduce((sum, [, count]) => sum + count, 0);
  if (runs === 0) return undefined;
  const at = (q: number) => percentile(histogram, runs, q)!;
  return { min: histogram[0]![0], p5: at(5), p25: at(25), p50: at(50), p75: at(75), p95: at(95), max: histogram[histogram.length - 1]![0] };
}

/** "lower than 71% of model runs, the same as 4%" — what a student reads beside the number. */
export function positionSentence(p: Position): string {
  const share = (k: number) => `${Math.round((100 * k) / p.runs)}%`;
  const parts: string[] = [];
  if (p.above > 0) parts.push(`lower than ${share(p.above)} of model runs`);
  if (p.below > 0) parts.push(`higher than ${share(p.below)}`);
  if (p.equal > 0) parts.push(`the same as ${share(p.equal)}`);
  return parts.join(', ');
}
