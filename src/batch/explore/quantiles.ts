/**
 * Quantiles used by the exploration estimates.
 * - Sample quantile q of n values: sort ascending, take the value of rank ⌈q·n⌉ (nearest rank;
 *   rank 1 at q = 0).
 * - Weighted quantile q: sort by value; the smallest value whose cumulative normalised weight
 *   reaches q (a step function, so it is always one of the sample values).
 */

/** Nearest-rank quantile of values already sorted ascending. */
export function sortedQuantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** The smallest value whose cumulative share of the total weight reaches `q`. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]! || i - j);
  const total = weights.reduce((s, w) => s + w, 0);
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i]!;
    if (cumulative >= q * total * (1 - 1e-12)) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

/** Mean of values weighted by weights. */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  values.forEach((v, i) => {
    sum += v * weights[i]!;
    total += weights[i]!;
  });
  return sum / total;
}

/** Weighted variance Σw(v − m)² / Σw (the population form). */
export function weightedVariance(values: readonly number[], weights: readonly number[]): number {
  const mean = weightedMean(values, weights);
  return weightedMean(values.map((v) => (v - mean) * (v - mean)), weights);
}
