/**
 * The summary of an experiment (or a shard of it): who and what (scenario hash, Parley version,
 * seed, parameters, sweeps), what was covered, every statistic, and the exact tallies the
 * statistics came from so summaries can be merged. `buildSummary` is the one place a summary is
 * made — by a run and by a merge alike — so equal tallies give byte-equal JSON.
 */
import type { OutcomeResult } from '../engine/index.ts';
import type { AggregateData } from './aggregate.ts';
import type { Experiment } from './experiment.ts';
import { variationValues } from './experiment.ts';
import { describe, survival, wilson, type MetricStats, type Proportion, type Survival } from './statistics.ts';
import { newRecord, ownValue } from './record.ts';
import type { Sweep } from './sweep.ts';
import { talksSummary, type TalksSummary } from './talks-tally.ts';

export const SUMMARY_FORMAT = 'parley-batch-summary/1';

/** Every terminal outcome the engine names, in the order tables show them. */
export const OUTCOMES = ['completed', 'extended-then-completed', 'advanced', 'stalled', 'collapsed'] as const satisfies readonly OutcomeResult[];

/** Outcome names in report order: the five results, then any other name (a final phase) A–Z. */
export function outcomeOrder(names: Iterable<string>): string[] {
  const others = [...new Set(names)].filter((o) => !(OUTCOMES as readonly string[]).includes(o)).sort();
  return [...OUTCOMES, ...others];
}

/** Causes (or any counted names) most frequent first, ties A–Z: the one order every report uses. */
export function rankByCount(counts: Iterable<readonly [string, number]>): [string, number][] {
  return [...counts].map(([name, n]): [string, number] => [name, n]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** What must be equal for two summaries to be parts of one experiment. */
export interface SummaryIdentity {
  format: typeof SUMMARY_FORMAT;
  parley: string;
  scenario: { id: string; title: string; sha256: string };
  seed: string;
  /** How run seeds are derived (documentation inside the file). */
  seedRule: string;
  runsPerVariation: number;
  set: Record<string, number>;
  params: Record<string, number>;
  sweeps: Sweep[];
  metric: string;
  metrics: string[];
  chunkSize: number;
  variationCount: number;
  /** Runs followed the record to a day, or made parties comply (absent for plain model runs). */
  replay?: { recordUntil?: number | 'end'; comply?: string[] };
}

export interface Coverage {
  /** Chunks in the whole experiment. */
  chunks: number;
  /** Half-open chunk ranges this summary holds, ascending and disjoint. */
  done: [number, number][];
  runs: number;
  of: number;
}

export interface VariationSummary {
  index: number;
  /** The swept parameters' values (the others are `params`). */
  params: Record<string, number>;
  runs: number;
  outcomes: Record<string, Proportion>;
  endDay: MetricStats;
  collapse: { count: number; days: MetricStats; causes: Record<string, number> };
  survival: Survival;
  metrics: Record<string, MetricStats>;
  /** Scenarios with `talks:` only: P(deal), agreed terms, days to agree, P(holds | deal), P(holds). */
  talks?: TalksSummary;
  tally: AggregateData;
}

export interface SensitivityEntry {
  parameter: string;
  values: number[];
  /** Marginal P(collapse) at each value (pooled over the other parameters' variations). */
  collapse: (number | null)[];
  collapseRange: number | null;
  /** Marginal mean of `sensitivity.metric` at each value. */
  metric: (number | null)[];
  metricRange: number | null;
}

export interface Summary extends SummaryIdentity {
  /** Present on a shard's own summary, `"I/N"`. */
  shard?: string;
  /** True when fewer runs were done than planned for this summary's scope (interrupted, or merged from an incomplete set of shards). */
  partial: boolean;
  /** Why the runs stopped early (a signal, a dead worker and its chunk), on a partial summary of a run. */
  stopped?: string;
  coverage: Coverage;
  variations: VariationSummary[];
  sensitivity: { metric: string; note: string; ranking: SensitivityEntry[] };
  /** Added when the summary is written to a file: a digest of its tallies, so `merge` can tell an edited or damaged file (summary-check.ts). */
  check?: { sha256: string; of: string };
}

export const SEED_RULE = 'run i (0, 1, …) of every variation uses the seed "<seed>:<i>"; replay a run with: parley run FILE --seed "<seed>:<i>" --set NAME=VALUE for each entry of `set` and each swept value of its variation';

export function identityOf(experiment: Experiment): SummaryIdentity {
  return {
    format: SUMMARY_FORMAT,
    parley: experiment.parleyVersion,
    scenario: { id: experiment.scenario.id, title: experiment.scenario.title, sha256: experiment.scenarioSha256 },
    seed: experiment.seed,
    seedRule: SEED_RULE,
    runsPerVariation: experiment.runs,
    set: experiment.set,
    params: experiment.params,
    sweeps: experiment.sweeps,
    metric: experiment.metric,
    metrics: experiment.metrics,
    chunkSize: experiment.chunkSize,
    variationCount: experiment.variationCount,
    ...(Object.keys(experiment.replay).length ? { replay: experiment.replay } : {}),
  };
}

function metricMean(tally: AggregateData, metric: string): { sum: number; n: number } {
  let sum = 0;
  let n = 0;
  for (const [value, count] of tally.metrics[metric] ?? []) {
    sum += value * count;
    n += count;
  }
  return { sum, n };
}

const spread = (xs: (number | null)[]): number | null => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length === 0 ? null : Math.max(...known) - Math.min(...known);
};

/**
 * For each swept parameter with 2+ values: the marginal P(collapse) and marginal metric mean at
 * each of its values, pooled over the variations of the other parameters, and their range
 * (max − min). Ranked by the P(collapse) range, then the metric range, then name.
 */
export function sensitivity(identity: SummaryIdentity, tallies: readonly AggregateData[]): SensitivityEntry[] {
  const entries: SensitivityEntry[] = [];
  for (const sweep of identity.sweeps) {
    if (sweep.values.length < 2) continue;
    const runs = sweep.values.map(() => 0);
    const collapsed = sweep.values.map(() => 0);
    const sums = sweep.values.map(() => 0);
    const counted = sweep.values.map(() => 0);
    tallies.forEach((tally, v) => {
      const j = sweep.values.indexOf(variationValues(identity.sweeps, v)[sweep.name]!);
      runs[j]! += tally.runs;
      collapsed[j]! += tally.outcomes['collapsed'] ?? 0;
      const m = metricMean(tally, identity.metric);
      sums[j]! += m.sum;
      counted[j]! += m.n;
    });
    const collapse = runs.map((n, j) => (n > 0 ? collapsed[j]! / n : null));
    const metric = counted.map((n, j) => (n > 0 ? sums[j]! / n : null));
    entries.push({ parameter: sweep.name, values: sweep.values, collapse, collapseRange: spread(collapse), metric, metricRange: spread(metric) });
  }
  const key = (x: number | null) => (x === null ? -1 : x);
  return entries.sort((a, b) => key(b.collapseRange) - key(a.collapseRange) || key(b.metricRange) - key(a.metricRange) || (a.parameter < b.parameter ? -1 : 1));
}

function lastDayOf(tallies: readonly AggregateData[]): number {
  let last = 0;
  for (const t of tallies) {
    const end = t.endDays[t.endDays.length - 1];
    if (end && end[0] > last) last = end[0];
  }
  return last;
}

function variationSummary(identity: SummaryIdentity, index: number, tally: AggregateData, lastDay: number): VariationSummary {
  const outcomes = newRecord<Proportion>();
  for (const result of outcomeOrder(Object.keys(tally.outcomes))) outcomes[result] = wilson(tally.outcomes[result] ?? 0, tally.runs);
  const causes = rankByCount(Object.entries(ownValue(tally.causes, 'collapsed') ?? {}));
  const metrics = newRecord<MetricStats>();
  for (const name of identity.metrics) metrics[name] = describe(ownValue(tally.metrics, name) ?? []);
  return {
    index,
    params: variationValues(identity.sweeps, index),
    runs: tally.runs,
    outcomes,
    endDay: describe(tally.endDays),
    collapse: { count: ownValue(tally.outcomes, 'collapsed') ?? 0, days: describe(tally.collapseDays), causes: newRecord(causes) },
    survival: survival(tally, lastDay),
    metrics,
    ...(tally.talks ? { talks: talksSummary(tally.talks, tally.runs) } : {}),
    tally,
  };
}

/** Normalises chunk ranges: sorted, adjacent ranges joined. */
export function normaliseRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = ranges.filter(([a, b]) => b > a).map(([a, b]) => [a, b] as [number, number]).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

/** The one constructor of summaries. `scope` is the chunk range the summary was meant to cover. */
export function buildSummary(
  identity: SummaryIdentity,
  tallies: readonly AggregateData[],
  coverage: Coverage,
  scope: { shard?: string; plannedRuns: number; stopped?: string },
): Summary {
  const lastDay = lastDayOf(tallies);
  const partial = coverage.runs < scope.plannedRuns;
  const summary: Summary = {
    ...identity,
    ...(scope.shard ? { shard: scope.shard } : {}),
    partial,
    ...(partial && scope.stopped ? { stopped: scope.stopped } : {}),
    coverage,
    variations: tallies.map((tally, v) => variationSummary(identity, v, tally, lastDay)),
    sensitivity: {
      metric: identity.metric,
      note: 'for each swept parameter: P(collapse) and the mean of `metric` at each of its values, pooled over the other parameters; ranked by the range (max − min) of P(collapse)',
      ranking: sensitivity(identity, tallies),
    },
  };
  return summary;
}

function isFlat(value: unknown): boolean {
  return Array.isArray(value) && value.every((x) => x === null || typeof x !== 'object' || (Array.isArray(x) && x.every((y) => y === null || typeof y !== 'object')));
}

/** JSON with two-space indentation but number arrays and [value, count] pairs kept on one line. Deterministic. */
export function stringifySummary(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (isFlat(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + stringifySummary(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringifySummary(v, inner)}`).join(',\n')}\n${indent}}`;
}

/**
 * The summary's JSON text in pieces (each variation one piece), exactly `stringifySummary(summary)`
 * plus a line end, so a summary of 100,000 variations is written without ever being one string.
 */
export function* summaryPieces(summary: Summary): Generator<string> {
  const entries = Object.entries(summary).filter(([, v]) => v !== undefined);
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    const end = i < entries.length - 1 ? ',\n' : '\n';
    if (key === 'variations' && Array.isArray(value) && value.length > 0 && !isFlat(value)) {
      yield `  "variations": [\n`;
      for (let j = 0; j < value.length; j++) yield `    ${stringifySummary(value[j], '    ')}${j < value.length - 1 ? ',' : ''}\n`;
      yield `  ]${end}`;
    } else yield `  ${JSON.stringify(key)}: ${stringifySummary(value, '  ')}${end}`;
  }
  yield '}\n';
}
