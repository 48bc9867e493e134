/**
 * The mergeable tally of one variation's runs. Everything is a count — outcome counts, causes,
 * a collapse-day histogram and a value → count histogram per metric — so merging is exact and
 * order-free: folding chunks in any order, on any number of workers or machines, gives the same
 * tally, and the statistics (means, sds, exact percentiles, survival) are computed from it once.
 * Memory is bounded by the number of distinct values, not the number of runs.
 */
import type { Outcome } from '../engine/index.ts';
import type { MetricReader } from './metrics.ts';
import { newRecord, ownValue } from './record.ts';
import { TalksTally, type TalksTallyData } from './talks-tally.ts';

type Histogram = Map<number, number>;

/** The tally as stored in a summary file: sorted keys and `[value, count]` pairs, so equal tallies serialise equally. */
export interface AggregateData {
  runs: number;
  outcomes: Record<string, number>;
  /** result → cause → count (runs that ended with a stated cause). */
  causes: Record<string, Record<string, number>>;
  /** [day, runs] ascending by day: the day each run ended. */
  endDays: [number, number][];
  /** [day, collapsed runs] ascending by day. */
  collapseDays: [number, number][];
  /** metric → [value, runs] ascending by value. */
  metrics: Record<string, [number, number][]>;
  /** Scenarios with `talks:` only. */
  talks?: TalksTallyData;
}

/** Adds `by` to `key`'s count. */
export function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function sortedPairs(h: Histogram): [number, number][] {
  return [...h.entries()].sort((a, b) => a[0] - b[0]);
}

function sortedRecord(map: Map<string, number>): Record<string, number> {
  const out = newRecord<number>();
  for (const key of [...map.keys()].sort()) out[key] = map.get(key)!;
  return out;
}

export class Aggregate {
  runs = 0;
  readonly outcomes = new Map<string, number>();
  readonly causes = new Map<string, Map<string, number>>();
  readonly endDays: Histogram = new Map();
  readonly collapseDays: Histogram = new Map();
  readonly metrics: Histogram[];
  talks: TalksTally | undefined;

  constructor(readonly metricNames: readonly string[]) {
    this.metrics = metricNames.map(() => new Map());
  }

  /** Folds in one run; `readers[i]` reads metric `metricNames[i]`; `values` receives the metric values (for CSV rows). */
  add(outcome: Outcome, readers: readonly MetricReader[], values?: number[]): void {
    this.runs++;
    bump(this.outcomes, outcome.result);
    if (outcome.cause !== undefined) this.countCause(outcome.result, outcome.cause, 1);
    bump(this.endDays, outcome.day);
    if (outcome.result === 'collapsed') bump(this.collapseDays, outcome.day);
    if (outcome.talks) (this.talks ??= new TalksTally()).add(outcome);
    const m = outcome.metrics;
    for (let i = 0; i < readers.length; i++) {
      const v = readers[i]!(m);
      bump(this.metrics[i]!, v);
      if (values) values[i] = v;
    }
  }

  /** Adds `n` runs that ended with `result` for `cause`. */
  countCause(result: string, cause: string, n: number): void {
    let byCause = this.causes.get(result);
    if (!byCause) this.causes.set(result, (byCause = new Map()));
    bump(byCause, cause, n);
  }

  merge(other: Aggregate | AggregateData): this {
    const data = other instanceof Aggregate ? other.toData() : other;
    this.runs += data.runs;
    for (const [result, n] of Object.entries(data.outcomes)) bump(this.outcomes, result, n);
    for (const [result, byCause] of Object.entries(data.causes)) {
      for (const [cause, n] of Object.entries(byCause)) this.countCause(result, cause, n);
    }
    for (const [day, n] of data.endDays) bump(this.endDays, day, n);
    for (const [day, n] of data.collapseDays) bump(this.collapseDays, day, n);
    if (data.talks) (this.talks ??= new TalksTally()).merge(data.talks);
    this.metricNames.forEach((name, i) => {
      for (const [value, n] of ownValue(data.metrics, name) ?? []) bump(this.metrics[i]!, value, n);
    });
    return this;
  }

  toData(): AggregateData {
    const causes: AggregateData['causes'] = newRecord();
    for (const result of [...this.causes.keys()].sort()) causes[result] = sortedRecord(this.causes.get(result)!);
    const metrics: AggregateData['metrics'] = newRecord();
    this.metricNames.forEach((name, i) => (metrics[name] = sortedPairs(this.metrics[i]!)));
    return { runs: this.runs, outcomes: sortedRecord(this.outcomes), causes, endDays: sortedPairs(this.endDays), collapseDays: sortedPairs(this.collapseDays), metrics, ...(this.talks ? { talks: this.talks.toData() } : {}) };
  }

  static fromData(metricNames: readonly string[], data: AggregateData): Aggregate {
    return new Aggregate(metricNames).merge(data);
  }
}
