/**
 * A run's metrics flattened to named integer columns: `days`, `released.captives.alive`,
 * `released.captives.total` (added for stocks with more than one category), `aidTrucks`,
 * `violations.hamas`, … The names come from one probe run, in the engine's key order, so they
 * follow whatever the engine reports without a list to keep in step.
 */
import { runOnce, type Metrics, type Model, type RunOptions } from '../engine/index.ts';

export type MetricReader = (metrics: Metrics) => number;

function leafPaths(value: unknown, prefix: string[], out: string[][]): void {
  if (typeof value === 'number') {
    out.push(prefix);
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leafPaths(child, [...prefix, key], out);
  }
}

/** The metric columns of a model's runs: one probe run names them (the engine decides which metrics exist). */
export function probeMetricNames(model: Model, seed: string, replay: Pick<RunOptions, 'recordUntil' | 'comply'> = {}): string[] {
  return metricNames(runOnce(model, { seed, trace: false, ...replay }).outcome.metrics);
}

/** The metric names of a probe run's metrics, with `released.<stock>.total` after multi-category stocks. */
export function metricNames(probe: Metrics): string[] {
  const paths: string[][] = [];
  leafPaths(probe, [], paths);
  const names: string[] = [];
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    names.push(path.join('.'));
    const next = paths[i + 1];
    const stockEnds = path[0] === 'released' && path.length === 3 && (next?.[0] !== 'released' || next[1] !== path[1]);
    if (stockEnds) {
      const categories = paths.filter((p) => p[0] === 'released' && p[1] === path[1] && p.length === 3);
      if (categories.length > 1) names.push(`released.${path[1]}.total`);
    }
  }
  return names;
}

/** A fast reader for one metric name; a missing value reads as 0. */
export function metricReader(name: string): MetricReader {
  const path = name.split('.');
  if (path.length === 3 && path[0] === 'released' && path[2] === 'total') {
    const stock = path[1]!;
    return (m) => {
      const byCategory = m.released[stock];
      let total = 0;
      if (byCategory) for (const key in byCategory) total += byCategory[key]!;
      return total;
    };
  }
  if (path.length === 1) {
    const key = path[0]!;
    return (m) => ((m as unknown as Record<string, number>)[key] ?? 0);
  }
  if (path.length === 2) {
    const [a, b] = path as [string, string];
    return (m) => ((m as unknown as Record<string, Record<string, number> | undefined>)[a]?.[b] ?? 0);
  }
  return (m) => {
    let value: unknown = m;
    for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
    return typeof value === 'number' ? value : 0;
  };
}

/**
 * The default metric for `--metric`: the first stock's released total (e.g. captives released),
 * else the days the truce held.
 */
export function defaultMetric(names: readonly string[]): string {
  const first = names.find((n) => n.startsWith('released.'));
  if (!first) return 'days';
  const stock = first.split('.')[1]!;
  return names.includes(`released.${stock}.total`) ? `released.${stock}.total` : first;
}
