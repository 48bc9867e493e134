/**
 * What the lab's charts draw, computed from a summary (pure, so it is tested without a browser):
 * axis ranges that fit the data, the heat map's grid, colour scales.
 */
import { OUTCOMES, type Summary, type Survival } from '../../batch/index.ts';
import type { Scenario } from '../../scenario/core.ts';

/** The survival chart's y-axis: from a round step below the lowest lower bound to 100%. */
export function survivalFloor(curves: readonly Survival[]): number {
  let lowest = 1;
  for (const c of curves) for (const lo of c.lo) lowest = Math.min(lowest, lo);
  const step = lowest > 0.8 ? 0.05 : lowest > 0.5 ? 0.1 : 0.25;
  return Math.max(0, Math.floor((lowest - 1e-9) / step) * step);
}

/** The days the planned phases last (without extensions), or undefined when no phase has a length. */
export function plannedLength(scenario: Pick<Scenario, 'phases'> | undefined): number | undefined {
  if (!scenario) return undefined;
  const total = scenario.phases.reduce((n, p) => n + (p.length ?? 0), 0);
  return total > 0 ? total : undefined;
}

/** The survival chart's x-axis end: the truce's planned length, or later if runs collapsed after it. */
export function survivalDays(summary: Pick<Summary, 'variations'>, planned: number | undefined): number {
  let lastCollapse = 0;
  let longest = 0;
  for (const v of summary.variations) {
    longest = Math.max(longest, v.survival.days.length);
    const days = v.tally.collapseDays;
    if (days.length) lastCollapse = Math.max(lastCollapse, days[days.length - 1]![0]);
  }
  return Math.min(longest, Math.max(planned ?? longest, lastCollapse));
}

/** Outcomes that occurred in at least one variation, in report order. */
export function outcomesSeen(summary: Pick<Summary, 'variations'>): string[] {
  const seen = new Set<string>();
  for (const v of summary.variations) for (const [name, share] of Object.entries(v.outcomes)) if (share.count > 0) seen.add(name);
  return [...OUTCOMES.filter((o) => seen.has(o)), ...[...seen].filter((o) => !(OUTCOMES as readonly string[]).includes(o)).sort()];
}

export interface HeatCell {
  variation: number;
  row: number;
  col: number;
  share: number | null;
  count: number;
  runs: number;
}

/** The grid of a two-parameter sweep: rows are the first sweep's values, columns the second's; each cell one variation's collapse share. */
export function heatGrid(summary: Pick<Summary, 'sweeps' | 'variations'>): { rows: number[]; cols: number[]; rowName: string; colName: string; cells: HeatCell[] } | undefined {
  if (summary.sweeps.length !== 2) return undefined;
  const [a, b] = summary.sweeps as [Summary['sweeps'][number], Summary['sweeps'][number]];
  const cells = summary.variations.map((v) => ({
    variation: v.index,
    row: Math.floor(v.index / b.values.length),
    col: v.index % b.values.length,
    share: v.outcomes['collapsed']?.p ?? null,
    count: v.outcomes['collapsed']?.count ?? 0,
    runs: v.runs,
  }));
  return { rows: a.values, cols: b.values, rowName: a.name, colName: b.name, cells };
}

/** Light yellow (0) to dark red (`top`, the largest share shown), so small differences still show; the share is written in each cell. */
export function heatColour(share: number | null, top: number): string {
  if (share === null) return '#eee';
  const t = top > 0 ? Math.max(0, Math.min(1, share / top)) : 0;
  const lightness = 95 - 60 * t;
  return `hsl(${50 - 50 * t}, 85%, ${lightness}%)`;
}

export interface HistogramBin {
  /** The bin holds values v with lo ≤ v < hi (the last bin: ≤ hi); a bin of one whole number has lo = hi. */
  lo: number;
  hi: number;
  count: number;
}

/**
 * Bins of a metric's exact [value, count] tally: one bin per whole number when the values are
 * whole and span at most `maxBins`, else `maxBins` equal-width bins from the lowest to the highest.
 */
export function histogramBins(pairs: readonly (readonly [number, number])[], maxBins = 30): HistogramBin[] {
  if (pairs.length === 0) return [];
  const min = pairs[0]![0];
  const max = pairs[pairs.length - 1]![0];
  if (pairs.every(([v]) => Number.isInteger(v)) && max - min + 1 <= maxBins) {
    const bins = Array.from({ length: max - min + 1 }, (_, i) => ({ lo: min + i, hi: min + i, count: 0 }));
    for (const [v, n] of pairs) bins[v - min]!.count += n;
    return bins;
  }
  if (min === max) return [{ lo: min, hi: max, count: pairs.reduce((s, [, n]) => s + n, 0) }];
  const width = (max - min) / maxBins;
  const bins = Array.from({ length: maxBins }, (_, i) => ({ lo: min + i * width, hi: i === maxBins - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (const [v, n] of pairs) bins[Math.min(maxBins - 1, Math.floor((v - min) / width))]!.count += n;
  return bins;
}
