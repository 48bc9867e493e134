/**
 * The record as it happened: a scenario's `start` date and its `history:` section, each entry
 * saying what actually happened on a day (or a date) and citing a source. Shape here; meaning
 * (references, occurrences, order, answers that fit) in `checkHistory`; the engine follows the
 * record through src/engine/record.ts. Dates are whole calendar days, computed without Date.
 */
import * as z from 'zod';
import { moduleOf } from './kinds/registry.ts';
import { referenceHint } from './near-match.ts';
import { own } from './own.ts';
import type { Reporter } from './checks.ts';
import type { Id as IdSchema, Scenario, SourceRef as SourceRefSchema } from './schema.ts';
import { phaseOf, scheduledDays } from './terms.ts';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2025-01-19` → days since 1970-01-01 (proleptic Gregorian), or undefined if no such date. */
export function dateNumber(text: string): number | undefined {
  const m = DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  // Days from civil (H. Hinnant): exact integer arithmetic, no time zones.
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 → `2025-01-19`. */
export function dateText(n: number): string {
  const z0 = n + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(mo) ? 30 : 31;
}

/** The calendar date of truce day `day` when day 1 is `start` (both `YYYY-MM-DD`). */
export function dateOfDay(start: string, day: number): string {
  return dateText(dateNumber(start)! + day - 1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-03-18` → `18 Mar 2025`, the way day labels show a date. */
export function readableDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z
  .string()
  .refine((text) => dateNumber(text) !== undefined, { error: 'write a calendar date as YYYY-MM-DD, like `2025-01-19`' })
  .describe('A calendar date, YYYY-MM-DD.');

/** A truce day: a whole number (day 1 is the first day) or a date, which needs the scenario's `start`. */
export const DayOrDate = z
  .union([z.number().int().min(1), CalendarDate], { error: 'a day is a whole number from 1, or a date like `2025-01-25`' })
  .describe('A truce day (1 = the start) or a date YYYY-MM-DD (needs `start`).');
export type DayOrDate = z.output<typeof DayOrDate>;

/** The day number a day-or-date stands for; undefined for a date when there is no start (or before it). */
export function dayNumber(start: string | undefined, day: DayOrDate): number | undefined {
  if (typeof day === 'number') return day;
  if (start === undefined) return undefined;
  const n = dateNumber(day)! - dateNumber(start)! + 1;
  return n >= 1 ? n : undefined;
}

/**
 * The top-level keys this file adds to the scenario format: `start` and `history`. A function of
 * the id and source schemas so that schema.ts can spread it in without an import cycle.
 */
export function historySections(Id: typeof IdSchema, SourceRef: typeof SourceRefSchema) {
  const HistoryEntry = z.strictObject({
    day: DayOrDate.describe('The day it happened: a truce day, or a date (with `start`).'),
    obligation: Id.optional().describe('A party answered an occurrence of this obligation.'),
    occurrence: z.number().int().min(1).default(1).describe('Which occurrence of the obligation (1 = the first time it falls due).'),
    party: Id.optional().describe("The party that answered (must be the obligation's party; optional)."),
    answer: z.string().optional().describe('`comply`, `delay N`, `partial F` (0 < F < 1), `violate`, `refuse`; for an extension `agreed` or `declined`.'),
    extension: Id.optional().describe('An extension of this phase was agreed or declined at the end of the day.'),
    incident: Id.optional().describe('This incident happened on the day.'),
    end: z.enum(['collapsed'], { error: 'a recorded end is `end: collapsed` (a truce that ran its course needs no end entry)' }).optional().describe('The truce broke down at the start of this day.'),
    cause: z.string().optional().describe('With `end`: why, in plain words.'),
    text: z.string().optional().describe('What happened, in plain words, for the narrative.'),
    source: SourceRef.describe('Where this is recorded.'),
  });
  return {
    start: CalendarDate.optional().describe('The date of day 1, YYYY-MM-DD: days are then shown with their dates, and may be written as dates.'),
    history: z.array(HistoryEntry).default([]).describe('What actually happened, entry by entry, in day order (docs/scenario-format.md, "The record").'),
  };
}

export type HistoryEntry = Scenario['history'][number];

export type RecordedResponse = 'comply' | 'delay' | 'partial' | 'violate' | 'refuse';

/** A recorded answer to an obligation: `delay 2` → { response: delay, days: 2 }. */
export type ParsedAnswer = { response: RecordedResponse; days?: number; fraction?: number };

const ANSWER_HINT = 'write `comply`, `delay 2` (days), `partial 0.5` (the share carried out), `violate` or `refuse`';

/** Reads an obligation answer; a string is the reason it cannot be read. */
export function readAnswer(text: string): ParsedAnswer | string {
  const words = text.trim().split(/\s+/);
  const [word, arg] = words;
  if (words.length === 1 && (word === 'comply' || word === 'violate' || word === 'refuse')) return { response: word };
  if (word === 'delay' && words.length === 2) {
    const days = Number(/^(\d+)(?:\s*days?)?$/.exec(arg!)?.[1]);
    return Number.isInteger(days) && days >= 1 ? { response: 'delay', days } : '`delay` takes a whole number of days of at least 1, like `delay 2`';
  }
  if (word === 'partial' && words.length === 2) {
    const fraction = arg!.endsWith('%') ? Number(arg!.slice(0, -1)) / 100 : Number(arg);
    return fraction > 0 && fraction < 1 ? { response: 'partial', fraction } : '`partial` takes the share carried out, above 0 and below 1, like `partial 0.5` or `partial 50%`';
  }
  if (word === 'delay' || word === 'partial') return `\`${word}\` needs how much: ${word === 'delay' ? '`delay 2`' : '`partial 0.5`'}`;
  return `\`${text}\` is not an answer`;
}

export type HistoryEntryKind = 'obligation' | 'extension' | 'incident' | 'end';

export function entryKind(entry: HistoryEntry): HistoryEntryKind | undefined {
  const kinds = (['obligation', 'extension', 'incident', 'end'] as const).filter((k) => entry[k] !== undefined);
  return kinds.length === 1 ? kinds[0] : undefined;
}

/** Meaning checks of `start` and `history`: every problem located, with a hint. */
export function checkHistory(s: Scenario, report: Reporter): void {
  const at = (i: number, ...rest: string[]) => ['history', i, ...rest];
  const obligations = new Map(s.obligations.map((o) => [o.id, o]));
  const incidents = new Set(s.incidents.map((x) => x.id));
  /** `obligation#occurrence` → the day and answer of its last entry. */
  const answered = new Map<string, { day: number; response: string }>();
  let lastDay = 0;
  let endDay: number | undefined;

  s.history.forEach((entry, i) => {
    if (typeof entry.source === 'string' && !own(s.sources, entry.source)) report(at(i, 'source'), `unknown source \`${entry.source}\``, referenceHint('source', entry.source, Object.keys(s.sources)));
    const day = dayNumber(s.start, entry.day);
    if (day === undefined) {
      if (s.start === undefined) report(at(i, 'day'), `the date ${String(entry.day)} needs the scenario's start date`, 'add `start: YYYY-MM-DD` (the date of day 1) at the top of the file, or write the day number');
      else report(at(i, 'day'), `${String(entry.day)} is before the start, ${s.start}`, 'day 1 is the start date');
      return;
    }
    if (day < lastDay) report(at(i, 'day'), `entries go in day order: day ${day} comes after day ${lastDay}`, 'move this entry up to its day');
    lastDay = Math.max(lastDay, day);
    if (endDay !== undefined) report(at(i, 'day'), `the record already ended the truce on day ${endDay}`, 'the `end` entry is the last one');

    const kind = entryKind(entry);
    if (kind === undefined) {
      report(at(i), 'say what happened: an entry has exactly one of `obligation`, `extension`, `incident` or `end`', 'e.g. `{ day: 7, obligation: release-2, answer: comply, source: … }`', { key: true });
      return;
    }
    checkStrayKeys(entry, kind, (key) => report(at(i, key), `\`${key}\` does not belong to ${kind === 'end' ? 'an `end`' : `an \`${kind}\``} entry`));
    const here = (...rest: string[]) => at(i, ...rest);
    if (kind === 'obligation') checkObligationEntry(s, entry, day, obligations, answered, here, report);
    else if (kind === 'extension') checkExtensionEntry(s, entry, here, report);
    else if (kind === 'incident') {
      if (!incidents.has(entry.incident!)) report(here('incident'), `unknown incident \`${entry.incident}\``, referenceHint('incident', entry.incident!, [...incidents]));
    } else {
      endDay = day;
      if (entry.cause === undefined) report(here(), 'say why the truce ended', 'add `cause:` in plain words', { key: true });
    }
  });
}

type EntryPath = (...rest: string[]) => (string | number)[];

/** Keys that belong to another kind of entry. */
function checkStrayKeys(entry: HistoryEntry, kind: HistoryEntryKind, stray: (key: string) => void): void {
  const allowed: Record<'answer' | 'occurrence' | 'party' | 'cause', boolean> = {
    answer: kind === 'obligation' || kind === 'extension',
    occurrence: kind === 'obligation',
    party: kind === 'obligation',
    cause: kind === 'end',
  };
  for (const key of ['answer', 'occurrence', 'party', 'cause'] as const) {
    if (allowed[key]) continue;
    const given = key === 'occurrence' ? (entry.occurrence !== 1 ? entry.occurrence : undefined) : entry[key];
    if (given !== undefined) stray(key);
  }
}

function checkObligationEntry(s: Scenario, entry: HistoryEntry, day: number, obligations: ReadonlyMap<string, Scenario['obligations'][number]>, answered: Map<string, { day: number; response: string }>, at: EntryPath, report: Reporter): void {
  const id = entry.obligation!;
  const o = obligations.get(id);
  if (!o) {
    report(at('obligation'), `unknown obligation \`${id}\``, referenceHint('obligation', id, [...obligations.keys()]));
    return;
  }
  if (entry.party !== undefined && entry.party !== o.party) report(at('party'), `\`${id}\` is ${o.party}'s to carry out, not ${entry.party}'s`, `write \`party: ${o.party}\` or leave it out`);
  if (entry.answer === undefined) {
    report(at(), `say how \`${o.party}\` answered \`${id}\``, `add \`answer:\`: ${ANSWER_HINT}`, { key: true });
    return;
  }
  const answer = readAnswer(entry.answer);
  if (typeof answer === 'string') {
    report(at('answer'), answer, ANSWER_HINT);
    return;
  }
  // A fixed schedule bounds its occurrences; in the first phase it also fixes their days.
  const phase = phaseOf(s, o);
  const fixed = o.day !== undefined || o.days !== undefined || o.every !== undefined || o.by !== undefined;
  if (fixed && phase.length !== undefined) {
    const days = scheduledDays(o, phase.length);
    if (entry.occurrence > days.length) {
      report(at('occurrence'), `\`${id}\` falls due ${days.length} time${days.length === 1 ? '' : 's'}; there is no occurrence ${entry.occurrence}`, `occurrences count from 1 up to ${days.length}`);
      return;
    }
    const due = days[entry.occurrence - 1]!;
    if (s.phases.indexOf(phase) === 0 && day < due) report(at('day'), `occurrence ${entry.occurrence} of \`${id}\` falls due on day ${due}; it cannot be answered on day ${day}`, `write day ${due} or later`);
  }
  const key = `${id}#${entry.occurrence}`;
  const before = answered.get(key);
  // A delay, or a partial answer to a kind that owes the rest (docs/model.md, "Remainders"), is answered again.
  const open = before?.response === 'delay' || (before?.response === 'partial' && moduleOf(o).remainder === true);
  if (before && !open) report(at('answer'), `occurrence ${entry.occurrence} of \`${id}\` was already answered \`${before.response}\` on day ${before.day}`, 'only a delay, or a partial release, recover-remains or exchange (whose rest falls due the next day), is answered again; for a later occurrence write `occurrence: N`');
  else if (before && day === before.day) report(at('day'), `occurrence ${entry.occurrence} of \`${id}\` was ${before.response === 'delay' ? 'delayed' : 'answered in part'} on day ${before.day}; it falls due again on a later day`);
  answered.set(key, { day, response: answer.response });
}

function checkExtensionEntry(s: Scenario, entry: HistoryEntry, at: EntryPath, report: Reporter): void {
  const phase = s.phases.find((p) => p.id === entry.extension);
  if (!phase) report(at('extension'), `unknown phase \`${entry.extension}\``, referenceHint('phase', entry.extension!, s.phases.map((p) => p.id)));
  else if (!phase.extensions) report(at('extension'), `phase \`${phase.id}\` has no extension rules`, 'add `extensions:` to the phase, or record what happened as an incident');
  if (entry.answer !== 'agreed' && entry.answer !== 'declined') report(entry.answer === undefined ? at() : at('answer'), 'an extension is `answer: agreed` or `answer: declined`', undefined, { key: entry.answer === undefined });
}
