/**
 * Targets: what the real world says a scenario's runs should show, with a tolerance and a source
 * (docs/explore.md "Targets"). A target names a statistic of many runs in a small language:
 *
 *   share(collapsed)                        share of runs ending with an outcome
 *   share(extended-then-completed or advanced)
 *   share(collapse-day <= 7)                share of all runs that collapsed by day 7
 *   share(collapse-day <= 7 | collapsed)    … of the runs that collapsed
 *   share(end-day < 30)                     share of runs that ended before day 30
 *   share(released.captives.total >= 28)    share of runs whose metric compares so
 *   quantile(collapse-day, 0.5)             a quantile of the collapse day (collapsed runs) or end day
 *   mean(released.captives.total)           the mean of a metric (`value(…)` is the same, for replays)
 *
 * Pure: the parser and the zod schema imported by schema.ts. Metric names are checked when runs
 * name them (the engine decides which metrics exist).
 */
import * as z from 'zod';

export const OUTCOME_NAMES = ['completed', 'extended-then-completed', 'advanced', 'stalled', 'collapsed'] as const;
export type Comparison = '<' | '<=' | '>' | '>=' | '=';
export type DayKind = 'collapse-day' | 'end-day';

export type Statistic =
  | { kind: 'share-outcome'; outcomes: string[] }
  | { kind: 'share-day'; day: DayKind; op: Comparison; bound: number; givenCollapsed: boolean }
  | { kind: 'share-metric'; metric: string; op: Comparison; bound: number }
  | { kind: 'quantile'; day: DayKind; q: number }
  | { kind: 'mean'; metric: string };

export class StatisticSyntaxError extends Error {
  constructor(message: string, readonly hint = 'e.g. share(collapsed), share(collapse-day <= 7 | collapsed), quantile(collapse-day, 0.5), mean(released.captives.total)') {
    super(message);
    this.name = 'StatisticSyntaxError';
  }
}

const METRIC = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/i;
const COMPARISON = /^(.+?)\s*(<=|>=|<|>|=)\s*(-?[\d.]+(?:e[+-]?\d+)?)$/i;

function dayKind(text: string): DayKind | undefined {
  const t = text.trim().replace(/\s+/g, '-');
  if (t === 'collapse-day') return 'collapse-day';
  if (t === 'end-day' || t === 'days') return 'end-day';
  return undefined;
}

function number(text: string, what: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) throw new StatisticSyntaxError(`${what} \`${text.trim()}\` is not a number`);
  return value;
}

/** Reads a statistic; throws StatisticSyntaxError saying what is wrong. */
export function parseStatistic(text: string): Statistic {
  const m = /^\s*([a-z]+)\s*\((.*)\)\s*$/i.exec(text);
  if (!m) throw new StatisticSyntaxError(`\`${text}\` is not a statistic`);
  const fn = m[1]!.toLowerCase();
  const body = m[2]!.trim();
  if (fn === 'share') {
    const [condition, given, ...extra] = body.split('|');
    if (extra.length > 0) throw new StatisticSyntaxError('a share has at most one `|` (given …)');
    const comparison = COMPARISON.exec(condition!.trim());
    if (comparison) {
      const [, left, op, right] = comparison as unknown as [string, string, Comparison, string];
      const day = dayKind(left);
      const bound = number(right, 'the bound');
      let givenCollapsed = false;
      if (given !== undefined) {
        if (given.trim() !== 'collapsed' || day !== 'collapse-day') throw new StatisticSyntaxError(`only \`collapse-day … | collapsed\` is conditional, got \`| ${given.trim()}\``, 'e.g. share(collapse-day <= 7 | collapsed)');
        givenCollapsed = true;
      }
      if (day) return { kind: 'share-day', day, op, bound, givenCollapsed };
      if (!METRIC.test(left.trim())) throw new StatisticSyntaxError(`\`${left.trim()}\` is not a metric name or collapse-day / end-day`, 'e.g. share(released.captives.total >= 28)');
      return { kind: 'share-metric', metric: left.trim(), op, bound };
    }
    if (given !== undefined) throw new StatisticSyntaxError('a share of outcomes takes no `|`', 'e.g. share(collapsed) or share(collapse-day <= 7 | collapsed)');
    const outcomes = condition!.split(/\s+or\s+/).map((o) => o.trim());
    for (const o of outcomes) {
      if (!(OUTCOME_NAMES as readonly string[]).includes(o)) throw new StatisticSyntaxError(`\`${o}\` is not an outcome`, `outcomes: ${OUTCOME_NAMES.join(', ')}; join them with \`or\``);
    }
    if (new Set(outcomes).size !== outcomes.length) throw new StatisticSyntaxError('an outcome is named twice');
    return { kind: 'share-outcome', outcomes };
  }
  if (fn === 'quantile') {
    const parts = body.split(',');
    if (parts.length !== 2) throw new StatisticSyntaxError('quantile takes two arguments: a day and q', 'e.g. quantile(collapse-day, 0.5)');
    const day = dayKind(parts[0]!);
    if (!day) throw new StatisticSyntaxError(`quantiles are of collapse-day or end-day, got \`${parts[0]!.trim()}\``, 'e.g. quantile(collapse-day, 0.5)');
    const q = number(parts[1]!, 'q');
    if (!(q > 0 && q < 1)) throw new StatisticSyntaxError(`q must be between 0 and 1, got ${q}`, 'e.g. 0.5 for the median');
    return { kind: 'quantile', day, q };
  }
  if (fn === 'mean' || fn === 'value') {
    const day = dayKind(body);
    if (day === 'end-day') return { kind: 'mean', metric: 'days' };
    if (!METRIC.test(body)) throw new StatisticSyntaxError(`\`${body}\` is not a metric name`, 'e.g. mean(released.captives.total) or mean(end-day)');
    return { kind: 'mean', metric: body };
  }
  throw new StatisticSyntaxError(`unknown statistic \`${fn}\``, 'statistics: share(…), quantile(…, q), mean(…)');
}

/** Whether `value` satisfies `op bound`. */
export function compares(value: number, op: Comparison, bound: number): boolean {
  switch (op) {
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    case '=':
      return value === bound;
  }
}

const StatisticText = z
  .string()
  .superRefine((text, ctx) => {
    try {
      parseStatistic(text);
    } catch (error) {
      if (!(error instanceof StatisticSyntaxError)) throw error;
      ctx.addIssue({ code: 'custom', message: `${error.message} (${error.hint})` });
    }
  })
  .describe('A statistic of many runs: share(collapsed), share(collapse-day <= 7 | collapsed), quantile(collapse-day, 0.5), mean(released.captives.total), share(released.captives.total >= 28).');

const TargetSource = z.union(
  [
    z.string().min(1),
    z.strictObject({ seed: z.string().optional(), url: z.string().optional(), quote: z.string().optional(), note: z.string().optional() }),
  ],
  { error: 'a source is the id of an entry under `sources`, or `{ url | seed, quote }`' },
);

export const ScenarioTarget = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { error: 'ids are lower-case words joined by hyphens, like `collapse-share`' }),
    statistic: StatisticText,
    value: z.number().describe('The value the runs should show.'),
    tolerance: z.number().positive({ error: 'a tolerance is a positive number, e.g. 0.03' }).describe('How far the runs may be from the value and still meet it (same unit).'),
    source: TargetSource.describe('Where the value comes from: the id of an entry under `sources`, or `{ url, quote }`.'),
    note: z.string().optional(),
  })
  .describe('A target with its tolerance and source; `parley check-targets` and `parley calibrate` use them.');
export type ScenarioTarget = z.output<typeof ScenarioTarget>;

export const ScenarioTargets = z.array(ScenarioTarget).default([]).describe('What the runs should show, with sources (docs/explore.md).');
