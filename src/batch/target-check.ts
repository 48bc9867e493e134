/**
 * Checking targets against a batch of runs (`parley check-targets`): each target's statistic with
 * its 95% interval for the simulation's own error (target-statistics.ts), the distance in
 * tolerances, and met (|simulated − target| ≤ tolerance) or missed.
 */
import type { AggregateData } from './aggregate.ts';
import { textTable, sig, interval } from './explore-format.ts';
import { estimateStatistic, type BatchTarget, type StatisticEstimate } from './target-statistics.ts';
import { own, type Scenario } from '../scenario/index.ts';

export interface TargetResult {
  id: string;
  statistic: string;
  target: number;
  tolerance: number;
  simulated: StatisticEstimate;
  /** |simulated − target| / tolerance (Infinity when there were no runs to compute it from). */
  distance: number;
  met: boolean;
  source: string;
  note?: string;
}

export function checkTargetsOn(targets: readonly BatchTarget[], tally: AggregateData): TargetResult[] {
  return targets.map((t) => {
    const simulated = estimateStatistic(t.statistic, tally);
    const distance = Number.isFinite(simulated.value) ? Math.abs(simulated.value - t.value) / t.tolerance : Infinity;
    return { id: t.name, statistic: t.statisticText, target: t.value, tolerance: t.tolerance, simulated, distance, met: distance <= 1, source: t.source ?? '', ...(t.note ? { note: t.note } : {}) };
  });
}

/** A source id → its URL or seed and quote, for tables. */
export function sourceDescriber(scenario: Scenario): (id: string) => string | undefined {
  return (id) => {
    const s = own(scenario.sources, id);
    if (!s) return undefined;
    return [s.url ?? s.seed, s.quote ? `“${s.quote}”` : undefined].filter(Boolean).join(' ');
  };
}

export function formatTargetResults(results: readonly TargetResult[]): string[] {
  const rows = results.map((r) => [
    r.id,
    r.statistic,
    `${sig(r.target)} ± ${sig(r.tolerance)}`,
    Number.isFinite(r.simulated.value) ? `${sig(r.simulated.value)} ${interval(r.simulated)}` : `— (no runs to compute it from)`,
    Number.isFinite(r.distance) ? sig(r.distance) : '∞',
    r.met ? 'met' : 'MISSED',
  ]);
  const lines = textTable(['target', 'statistic', 'target ± tolerance', 'simulated [95% interval]', 'distance', ''], rows, [false, false, true, true, true, false]);
  lines.push('', 'Sources:');
  for (const r of results) lines.push(`  ${r.id}: ${r.source}${r.note ? ` — ${r.note}` : ''}`);
  return lines;
}
