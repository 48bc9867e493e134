/**
 * A PRIM box in plain words, naming only the parameters it limits:
 *   "clash-rate > 0.031 and reciprocity > 0.24: 78% of such runs collapse; 64% of all collapses"
 * Bounds are shown to 3 significant digits, shares as whole percents.
 */
import type { BoxStats } from './prim.ts';

export interface StatementWords {
  /** What the outcome does, as a verb for the plural: "collapse". */
  verb: string;
  /** The outcome counted, as a plural noun: "collapses". */
  plural: string;
  /** What a case is, plural (default "runs"). */
  cases?: string;
}

export function formatBound(value: number): string {
  return String(Number(value.toPrecision(3)));
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The conditions alone, e.g. "0.2 < reciprocity < 0.6 and clash-rate > 0.031" ("" for the whole space). */
export function boxConditions(stats: BoxStats): string {
  return stats.restricted
    .map((name) => {
      const { lower, upper } = stats.box[name]!;
      if (lower !== null && upper !== null) return `${formatBound(lower)} < ${name} < ${formatBound(upper)}`;
      return lower !== null ? `${name} > ${formatBound(lower)}` : `${name} < ${formatBound(upper!)}`;
    })
    .join(' and ');
}

export function boxStatement(stats: BoxStats, words: StatementWords): string {
  const cases = words.cases ?? 'runs';
  const conditions = boxConditions(stats);
  if (conditions === '') return `over the whole range: ${percent(stats.density)} of ${cases} ${words.verb}`;
  return `${conditions}: ${percent(stats.density)} of such ${cases} ${words.verb}; ${percent(stats.coverage)} of all ${words.plural}`;
}
