/**
 * Following the record (docs/model.md, "Following the record"). While a run follows a scenario's
 * `history:` — to its end, or up to day N — nothing is drawn: a recorded answer is taken as
 * written, an occurrence the record does not mention is carried out as agreed (comply), an
 * extension happens only if the record says it was agreed, a chance incident only if the record
 * says it happened, and the record's `end` ends the run. After day N the model answers again.
 *
 * The record is compiled once per model into lookups by the identity every decision already has:
 * (obligation, occurrence, attempt), (phase, day), (incident, day).
 */
import { dayNumber, entryKind, readAnswer, type HistoryEntry, type SourceRef } from '../scenario/core.ts';
import type { Model } from './model.ts';
import type { Response } from './response.ts';
import type { SimState } from './state.ts';

export interface RecordedAnswer {
  response: Response;
  /** `partial`: the share carried out. */
  fraction?: number;
  /** `delay`: days until it falls due again. */
  days?: number;
  /** The day the record puts it on. */
  day: number;
  text?: string;
  source: SourceRef;
}

export interface RecordedEvent {
  day: number;
  text?: string;
  source: SourceRef;
}

export interface CompiledRecord {
  /** `obligation index:occurrence:attempt` → the recorded answer (occurrence and attempt from 0). */
  answers: ReadonlyMap<string, RecordedAnswer>;
  /** `phase index:day` → the extension agreed or declined at the end of that day. */
  extensions: ReadonlyMap<string, RecordedEvent & { agreed: boolean }>;
  /** `incident index:day` → it happened. */
  incidents: ReadonlyMap<string, RecordedEvent>;
  end?: RecordedEvent & { cause: string };
  /** The last day the record speaks of. */
  lastDay: number;
}

/** How a run relates to the record: following it up to `until` (Infinity: to its end). */
export interface FollowState {
  until: number;
  /** The phase's schedule ran out but the record's end is later: the truce holds, day by day. */
  holding: boolean;
}

const cache = new WeakMap<Model, CompiledRecord>();

export function recordOf(model: Model): CompiledRecord {
  let record = cache.get(model);
  if (!record) {
    record = compileRecord(model);
    cache.set(model, record);
  }
  return record;
}

function compileRecord(model: Model): CompiledRecord {
  const scenario = model.scenario;
  const answers = new Map<string, RecordedAnswer>();
  const extensions = new Map<string, RecordedEvent & { agreed: boolean }>();
  const incidents = new Map<string, RecordedEvent>();
  const attempts = new Map<string, number>();
  let end: CompiledRecord['end'];
  let lastDay = 0;
  for (const entry of scenario.history as HistoryEntry[]) {
    const day = dayNumber(scenario.start, entry.day)!;
    lastDay = Math.max(lastDay, day);
    const event = { day, text: entry.text, source: entry.source };
    switch (entryKind(entry)) {
      case 'obligation': {
        const index = model.obligationIndex.get(entry.obligation!)!;
        const occurrence = entry.occurrence - 1;
        const attempt = attempts.get(`${index}:${occurrence}`) ?? 0;
        attempts.set(`${index}:${occurrence}`, attempt + 1);
        const answer = readAnswer(entry.answer!);
        if (typeof answer === 'string') throw new Error(`history: ${answer}`);
        answers.set(`${index}:${occurrence}:${attempt}`, { ...answer, ...event });
        break;
      }
      case 'extension':
        extensions.set(`${model.phases.findIndex((p) => p.def.id === entry.extension)}:${day}`, { ...event, agreed: entry.answer === 'agreed' });
        break;
      case 'incident':
        incidents.set(`${model.incidents.findIndex((x) => x.def.id === entry.incident)}:${day}`, event);
        break;
      case 'end':
        end = { ...event, cause: entry.cause ?? 'as recorded' };
        break;
    }
  }
  return { answers, extensions, incidents, end, lastDay };
}

/** The run follows the record today. */
export function followingToday(s: SimState): boolean {
  return s.follow !== undefined && s.day <= s.follow.until;
}

/** The record's answer to this attempt, or undefined: an occurrence it does not mention was carried out as agreed. */
export function recordedAnswer(model: Model, obligation: number, occurrence: number, attempt: number): RecordedAnswer | undefined {
  return recordOf(model).answers.get(`${obligation}:${occurrence}:${attempt}`);
}

/** Whether the record has an extension of this phase agreed at the end of today. */
export function recordedExtension(model: Model, s: SimState): (RecordedEvent & { agreed: boolean }) | undefined {
  return recordOf(model).extensions.get(`${s.phaseIndex}:${s.day}`);
}

export function recordedIncident(model: Model, incident: number, day: number): RecordedEvent | undefined {
  return recordOf(model).incidents.get(`${incident}:${day}`);
}

/** The record's end, if the run follows the record on the day it falls. */
export function recordedEndFollowed(model: Model, s: SimState): CompiledRecord['end'] {
  const end = recordOf(model).end;
  return end !== undefined && s.follow !== undefined && end.day <= s.follow.until ? end : undefined;
}

/** What a recorded answer adds to the narrative: `, as recorded` and the entry's own words. */
export function recordedNote(answer: RecordedAnswer | undefined, day: number): string {
  if (!answer) return ' (as agreed)';
  const when = answer.day !== day ? `; the record has it on day ${answer.day}` : '';
  return ` (as recorded${answer.text ? `: ${answer.text}` : ''}${when})`;
}
