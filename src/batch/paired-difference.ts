/**
 * The difference between two proportions measured on the same runs (paired data): each run i is
 * played twice from the same moment with the same seed — once as a person chose, once as the
 * model answers — and each time it either ends in the event (e.g. collapse) or not.
 *
 * The 95% interval is Newcombe's hybrid score interval for paired proportions (Newcombe 1998,
 * Statistics in Medicine 17:2635–2650, method 10): Wilson intervals for the two proportions,
 * combined with the correlation φ of the pairs. It stays inside [−1, 1], is sensible at 0 and at
 * small counts, and is exactly [0, 0]-free: with no discordant pair it still has a width.
 */
import { wilson, Z95 } from './statistics.ts';

/** Counts of the four kinds of pair: the event in both runs, only the first, only the second, neither. */
export interface PairedCounts {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

export interface PairedDifference {
  runs: number;
  /** P(event) in the first run of each pair, and in the second. */
  first: number;
  second: number;
  /** first − second. */
  difference: number;
  lo: number;
  hi: number;
}

/** first − second with Newcombe's 95% interval (method 10); undefined for no pairs. */
export function pairedDifference(counts: PairedCounts, z = Z95): PairedDifference | undefined {
  const { both: a, firstOnly: b, secondOnly: c, neither: d } = counts;
  const n = a + b + c + d;
  if (n <= 0) return undefined;
  const p1 = (a + b) / n;
  const p2 = (a + c) / n;
  const w1 = wilson(a + b, n, z);
  const w2 = wilson(a + c, n, z);
  const product = (a + b) * (c + d) * (a + c) * (b + d);
  // φ with Newcombe's correction: a positive ad − bc is reduced by n/2 (not below 0).
  const cross = a * d - b * c;
  const numerator = cross > n / 2 ? cross - n / 2 : cross < 0 ? cross : 0;
  const phi = product > 0 ? numerator / Math.sqrt(product) : 0;
  const l1 = p1 - w1.lo;
  const u1 = w1.hi - p1;
  const l2 = p2 - w2.lo;
  const u2 = w2.hi - p2;
  const difference = (b - c) / n;
  const below = Math.sqrt(Math.max(0, l1 * l1 - 2 * phi * l1 * u2 + u2 * u2));
  const above = Math.sqrt(Math.max(0, u1 * u1 - 2 * phi * u1 * l2 + l2 * l2));
  return { runs: n, first: p1, second: p2, difference, lo: Math.max(-1, difference - below), hi: Math.min(1, difference + above) };
}
