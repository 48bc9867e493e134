/**
 * What the bench compares between the engine and the bare loop over the same seeds: outcome
 * counts, collapse and stall causes (by kind), the end-day distribution and each metric's sum.
 */
import { deriveRunSeed, runOnce, type Metrics, type Model } from '../src/engine/index.ts';
import { Cause, RESULTS, prepareBareLoop } from './bare-loop.ts';

export interface Tallies {
  outcomes: Record<string, number>;
  causes: Record<string, number>;
  endDays: Record<string, number>;
  metricSums: Record<string, number>;
}

const empty = (): Tallies => ({ outcomes: {}, causes: {}, endDays: {}, metricSums: {} });
const bump = (record: Record<string, number>, key: string | number, by = 1) => void (record[key] = (record[key] ?? 0) + by);

/** The engine's cause sentence reduced to its kind, as the bare loop knows it. */
function causeKind(cause: string): string {
  if (cause.startsWith('incident: ')) return 'incident';
  if (cause.includes("'s red line crossed: ")) return 'red line';
  const walked = /^(.*) walked away: /.exec(cause);
  if (walked) return `walked away: ${walked[1]}`;
  if (cause.startsWith('gate not met: ')) return 'gate';
  return `unknown: ${cause}`;
}

function addMetrics(sums: Record<string, number>, value: unknown, prefix: string): void {
  if (typeof value === 'number') bump(sums, prefix, value);
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) addMetrics(sums, child, prefix ? `${prefix}.${key}` : key);
}

export function engineTallies(model: Model, seed: string, runs: number): Tallies {
  const t = empty();
  for (let i = 0; i < runs; i++) {
    const { outcome } = runOnce(model, { seed: deriveRunSeed(seed, i), trace: false });
    bump(t.outcomes, outcome.result);
    if (outcome.cause !== undefined) bump(t.causes, causeKind(outcome.cause));
    bump(t.endDays, outcome.day);
    addMetrics(t.metricSums, outcome.metrics satisfies Metrics, '');
  }
  return t;
}

export function bareTallies(model: Model, seed: string, runs: number): Tallies {
  const bare = prepareBareLoop(model);
  const [hamas, israel] = bare.layout.partyNames;
  const causeNames: Record<number, string> = { [Cause.Incident]: 'incident', [Cause.RedLine]: 'red line', [Cause.WalkedAwayHamas]: `walked away: ${hamas}`, [Cause.WalkedAwayIsrael]: `walked away: ${israel}`, [Cause.Gate]: 'gate' };
  const t = empty();
  for (let i = 0; i < runs; i++) {
    bare.run(seed, i);
    const { result, cause, day, metrics } = bare.out;
    bump(t.outcomes, RESULTS[result]!);
    if (cause !== Cause.None) bump(t.causes, causeNames[cause]!);
    bump(t.endDays, day);
    bump(t.metricSums, 'days', day);
    bare.layout.metricNames.forEach((name, k) => bump(t.metricSums, name, metrics[k]!));
  }
  return t;
}

/** Every count on which the two differ, as lines to print; a metric the bare loop does not count must sum to 0. */
export function tallyDifferences(engine: Tallies, bare: Tallies): string[] {
  const out: string[] = [];
  for (const part of ['outcomes', 'causes', 'endDays', 'metricSums'] as const) {
    const keys = new Set([...Object.keys(engine[part]), ...Object.keys(bare[part])]);
    for (const key of [...keys].sort()) {
      const a = engine[part][key] ?? 0;
      const b = bare[part][key] ?? 0;
      if (a !== b) out.push(`${part} ${key}: engine ${a}, bare loop ${b}`);
    }
  }
  return out;
}
