/** Small readings of scenario terms shared by the load-time checks and the engine. */
import type { ObligationBase } from './kinds/obligation-base.ts';
import { ID_PATTERN, type CountOrParameter, type NumberOrParameter, type Quantity } from './primitives.ts';
import type { Phase, Scenario } from './schema.ts';

const RATIO_RE = /^\s*(\d+(?:\.\d+)?)\s+([a-z-]+)\s+per\s+([a-z-]+)\s*$/;

/** An exchange's ratio as written: one ratio (a number, a parameter, or `"3 prisoners per captive"`), or one per category of what the paid-for release moves. */
export type Ratio = number | string | Readonly<Record<string, NumberOrParameter>>;

/**
 * Readings of written terms, remembered: exchanges and halts read theirs each time a run carries
 * them out. Bounded (cleared when full), so loading many files cannot grow it without end.
 */
const READINGS_KEPT = 1024;
const ratioReadings = new Map<string, Readonly<{ value: NumberOrParameter; give?: string; per?: string }> | undefined>();
const hoursReadings = new Map<string, number | undefined>();

function remember<T>(readings: Map<string, T>, text: string, read: (text: string) => T): T {
  const known = readings.get(text);
  if (known !== undefined || readings.has(text)) return known as T;
  if (readings.size >= READINGS_KEPT) readings.clear();
  const value = read(text);
  readings.set(text, value);
  return value;
}

/** `3`, a parameter id, or `"3 prisoners per captive"` → { value: 3, give: 'prisoners', per: 'captive' } (frozen: shared by every reading of the same text). */
export function readRatio(ratio: number | string): Readonly<{ value: NumberOrParameter; give?: string; per?: string }> | undefined {
  if (typeof ratio === 'number') return { value: ratio };
  return remember(ratioReadings, ratio, readRatioText);
}

function readRatioText(ratio: string): Readonly<{ value: NumberOrParameter; give?: string; per?: string }> | undefined {
  if (ID_PATTERN.test(ratio)) return Object.freeze({ value: ratio });
  const match = RATIO_RE.exec(ratio);
  if (!match) return undefined;
  return Object.freeze({ value: Number(match[1]), give: match[2], per: match[3] });
}

/** True when `word` names the stock id, singular or plural (`captive` ~ `captives`). */
export function namesStock(word: string, stockId: string): boolean {
  return [word, `${word}s`, `${word}es`].includes(stockId) || [stockId, `${stockId}s`].includes(word);
}

/** `10-12` → 12 (the most hours), `10` → 10. */
export function readHours(hours: number | string): number | undefined {
  if (typeof hours === 'number') return hours;
  return remember(hoursReadings, hours, readHoursText);
}

function readHoursText(hours: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?))?\s*$/.exec(hours);
  if (!match) return undefined;
  return Number(match[2] ?? match[1]);
}

export type Timing = 'day' | 'days' | 'every' | 'after' | 'by' | 'alongside' | 'when' | 'during';
export const TIMINGS: readonly Timing[] = ['day', 'days', 'every', 'after', 'by', 'alongside', 'when', 'during'];

export function timingsOf(obligation: ObligationBase): Timing[] {
  return TIMINGS.filter((t) => obligation[t] !== undefined);
}

export function phaseOf(scenario: Scenario, obligation: ObligationBase): Phase {
  return scenario.phases.find((p) => p.id === obligation.phase) ?? scenario.phases[0]!;
}

/**
 * Phase days on which a fixed-schedule obligation falls due (before any delay). Days past
 * `phaseLength` (written for extension days) are listed too: they fall due only if reached.
 * `after` and `alongside` obligations are scheduled by events, so this returns [].
 */
export function scheduledDays(obligation: ObligationBase, phaseLength: number): number[] {
  if (obligation.day !== undefined) return [obligation.day];
  if (obligation.by !== undefined) return [obligation.by];
  if (obligation.days !== undefined) return [...new Set(obligation.days)].sort((a, b) => a - b);
  if (obligation.every !== undefined && obligation.every > 0) {
    const days: number[] = [];
    const last = obligation.until ?? phaseLength;
    for (let d = obligation.from ?? 1; d <= last; d += obligation.every) days.push(d);
    return days;
  }
  return [];
}

/** How many days `scheduledDays` would list, computed without listing them. */
export function occurrenceCount(obligation: ObligationBase, phaseLength: number): number {
  if (obligation.day !== undefined || obligation.by !== undefined) return 1;
  if (obligation.days !== undefined) return new Set(obligation.days).size;
  if (obligation.every !== undefined && obligation.every > 0) {
    const first = obligation.from ?? 1;
    const last = obligation.until ?? phaseLength;
    return last < first ? 0 : Math.floor((last - first) / obligation.every) + 1;
  }
  return 0;
}

/** Per-category quantity of a release-like obligation; a bare number goes to the stock's only category. */
export function quantityByCategory(quantity: Quantity | undefined, categories: readonly string[]): Record<string, CountOrParameter> | undefined {
  if (quantity === undefined) return undefined;
  if (typeof quantity !== 'object') return categories.length === 1 ? { [categories[0]!]: quantity } : undefined;
  return quantity;
}
