/**
 * A target's statistic (src/scenario/targets.ts) computed from a tally of runs, with a 95%
 * interval for the simulation's own error — what another set of seeds might have given:
 * - a share: Wilson score interval of k of n runs (n = all runs, or the collapsed runs for
 *   `… | collapsed`);
 * - a quantile q: the distribution-free order-statistic interval, the values at ranks
 *   ⌊nq − z√(nq(1−q))⌋ and ⌈nq + z√(nq(1−q))⌉ of the n sorted days (normal approximation to the
 *   binomial count below the quantile), clamped to 1 … n;
 * - a mean: mean ± z · sd / √n.
 * The interval says nothing about the target's own uncertainty: that is what its tolerance is for.
 */
import { compares, nearMatch, parseStatistic, type DayKind, type ScenarioTarget, type Statistic } from '../scenario/index.ts';
import type { AggregateData } from './aggregate.ts';
import { ExperimentError } from './errors.ts';
import { describe, wilson, Z95 } from './statistics.ts';
import type { Target } from './explore/targets.ts';

export interface StatisticEstimate {
  /** NaN when there are no runs to compute it from (e.g. a share among collapses with none). */
  value: number;
  lo: number;
  hi: number;
  /** Runs the statistic is computed over. */
  n: number;
}

/** A target as the batch layer uses it: the calibration target plus its parsed statistic. */
export interface BatchTarget extends Target {
  statistic: Statistic;
  statisticText: string;
  note?: string;
}

function sourceText(source: ScenarioTarget['source']): string {
  if (typeof source === 'string') return source;
  return [source.url ?? source.seed, source.quote ? `“${source.quote}”` : undefined].filter(Boolean).join(' ');
}

/** Scenario (or target-file) targets → batch targets; `describeSource` resolves a source id. */
export function batchTargets(targets: readonly ScenarioTarget[], describeSource: (id: string) => string | undefined = () => undefined): BatchTarget[] {
  return targets.map((t) => ({
    name: t.id,
    value: t.value,
    tolerance: t.tolerance,
    source: typeof t.source === 'string' ? (describeSource(t.source) ?? t.source) : sourceText(t.source),
    statistic: parseStatistic(t.statistic),
    statisticText: t.statistic,
    ...(t.note ? { note: t.note } : {}),
  }));
}

/** Throws an ExperimentError when a target names a metric the runs do not have. */
export function checkTargetMetrics(targets: readonly BatchTarget[], metrics: readonly string[]): void {
  for (const t of targets) {
    const metric = t.statistic.kind === 'mean' || t.statistic.kind === 'share-metric' ? t.statistic.metric : undefined;
    if (metric !== undefined && !metrics.includes(metric)) {
      const near = nearMatch(metric, [...metrics]);
      throw new ExperimentError(`target ${t.name}: the runs have no metric \`${metric}\``, near ? `there is a metric named \`${near}\`` : `the metrics are ${metrics.join(', ')}`);
    }
  }
}

function histogramOf(tally: AggregateData, day: DayKind): [number, number][] {
  return day === 'collapse-day' ? tally.collapseDays : tally.endDays;
}

function valueAtRank(histogram: readonly [number, number][], rank: number): number {
  let seen = 0;
  for (const [value, count] of histogram) {
    seen += count;
    if (seen >= rank) return value;
  }
  return histogram[histogram.length - 1]![0];
}

function share(k: number, n: number): StatisticEstimate {
  const w = wilson(k, n);
  return { value: w.p ?? NaN, lo: w.lo, hi: w.hi, n };
}

export function estimateStatistic(statistic: Statistic, tally: AggregateData): StatisticEstimate {
  switch (statistic.kind) {
    case 'share-outcome':
      return share(statistic.outcomes.reduce((k, o) => k + (tally.outcomes[o] ?? 0), 0), tally.runs);
    case 'share-day': {
      const histogram = histogramOf(tally, statistic.day);
      const k = histogram.reduce((sum, [day, count]) => sum + (compares(day, statistic.op, statistic.bound) ? count : 0), 0);
      return share(k, statistic.givenCollapsed ? (tally.outcomes['collapsed'] ?? 0) : tally.runs);
    }
    case 'share-metric': {
      const histogram = tally.metrics[statistic.metric] ?? [];
      const k = histogram.reduce((sum, [value, count]) => sum + (compares(value, statistic.op, statistic.bound) ? count : 0), 0);
      return share(k, tally.runs);
    }
    case 'quantile': {
      const histogram = histogramOf(tally, statistic.day);
      const n = histogram.reduce((s, [, c]) => s + c, 0);
      if (n === 0) return { value: NaN, lo: NaN, hi: NaN, n };
      const q = statistic.q;
      const spread = Z95 * Math.sqrt(n * q * (1 - q));
      const clamp = (r: number) => Math.min(n, Math.max(1, r));
      return {
        value: valueAtRank(histogram, Math.max(1, Math.ceil(q * n))),
        lo: valueAtRank(histogram, clamp(Math.floor(n * q - spread))),
        hi: valueAtRank(histogram, clamp(Math.ceil(n * q + spread))),
        n,
      };
    }
    case 'mean': {
      const stats = describe(tally.metrics[statistic.metric] ?? []);
      const n = (tally.metrics[statistic.metric] ?? []).reduce((s, [, c]) => s + c, 0);
      if (stats.mean === null) return { value: NaN, lo: NaN, hi: NaN, n };
      const half = n > 1 ? (Z95 * (stats.sd ?? 0)) / Math.sqrt(n) : 0;
      return { value: stats.mean, lo: stats.mean - half, hi: stats.mean + half, n };
    }
  }
}

/**
 * The summaries ABC measures a candidate by, one per target (by target name). A statistic that
 * cannot be computed (no collapses to take a share of) counts as infinitely far: it is given a
 * value 10¹² tolerances away, so the candidate is never accepted.
 */
export function targetSummaries(targets: readonly BatchTarget[], tally: AggregateData): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of targets) {
    const { value } = estimateStatistic(t.statistic, tally);
    out[t.name] = Number.isFinite(value) ? value : t.value + 1e12 * t.tolerance;
  }
  return out;
}
