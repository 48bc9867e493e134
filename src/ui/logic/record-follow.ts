/**
 * The record as the stepper shows it (docs/model.md, "Following the record"): whether a scenario
 * has one, how a branch follows it (as it happened, or through day N and then the parties'
 * models), and who answered each line of the narrative — the record, the agreement where the
 * record is silent, the model, or the student.
 */
import { recordOf, type Decision, type Model, type RecordedAnswer, type StartOptions, type TraceEvent } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/core.ts';
import { dayLabel } from './day-label.ts';
import type { RecordFollow } from './share-url.ts';

export function hasRecord(scenario: Pick<Scenario, 'history'>): boolean {
  return scenario.history.length > 0;
}

/** The engine's start options for a way of following the record (none: the models throughout). */
export function followOptions(follow: RecordFollow | undefined): Pick<StartOptions, 'followRecordUntil'> {
  return follow === undefined ? {} : { followRecordUntil: follow === 'end' ? Infinity : follow };
}

/** The last day the record speaks of (its end, if it has one). */
export function recordLastDay(model: Model): number {
  return recordOf(model).lastDay;
}

/** "as it happened, to Day 59 · 18 Mar 2025", "the record through Day 16 · 3 Feb 2025, then the parties' models", … */
export function followSummary(model: Model, follow: RecordFollow | undefined): string {
  if (follow === undefined) return "the parties' models from day 1";
  const last = recordLastDay(model);
  if (follow === 'end' || follow >= last) {
    const end = recordOf(model).end;
    return end ? `as it happened, to ${dayLabel(model.scenario, end.day)} (${end.cause})` : `as it happened, through ${dayLabel(model.scenario, last)} (where the record stops), then the parties' models`;
  }
  return `the record through ${dayLabel(model.scenario, follow)}, then the parties' models`;
}

/** Who answered a line: a person, the record, the agreement (the record is silent), or a party's model. */
export type Provenance = 'chosen' | 'recorded' | 'as-agreed' | 'model';

/**
 * The provenance of a response or an ending. `followedUntil` is the last day the run followed the
 * record (the engine's `state.follow.until`), undefined when it never did.
 */
export function provenanceOf(event: TraceEvent, followedUntil: number | undefined): Provenance | undefined {
  if (event.type !== 'party.responded' && event.type !== 'truce.collapsed') return undefined;
  if (event.chosen) return 'chosen';
  if (event.recorded) return 'recorded';
  if (event.type === 'truce.collapsed') return undefined;
  return followedUntil !== undefined && event.day <= followedUntil ? 'as-agreed' : 'model';
}

export const PROVENANCE_TEXT: Record<Provenance, string> = {
  chosen: 'your choice',
  recorded: 'as recorded',
  'as-agreed': 'as agreed: the record is silent',
  model: 'from the model',
};

/**
 * What the record says about a decision the run follows it on: the recorded answer and its words
 * and source, or undefined where the record is silent (the term is then carried out as agreed).
 */
export function recordedAnswerFor(model: Model, decision: Decision): RecordedAnswer | undefined {
  if (decision.kind !== 'obligation' || decision.occurrence === undefined || decision.attempt === undefined) return undefined;
  const index = model.obligationIndex.get(decision.obligation);
  return index === undefined ? undefined : recordOf(model).answers.get(`${index}:${decision.occurrence}:${decision.attempt}`);
}

/** "delay 2 days", "partial (50%)", … : a recorded answer in words. */
export function answerWords(answer: RecordedAnswer): string {
  switch (answer.response) {
    case 'delay':
      return `delay ${answer.days ?? ''} day${answer.days === 1 ? '' : 's'}`.replace('  ', ' ');
    case 'partial':
      return answer.fraction !== undefined ? `carried out in part (${Math.round(answer.fraction * 100)}%)` : 'carried out in part';
    case 'comply':
      return 'carried out';
    default:
      return answer.response === 'violate' ? 'violated' : 'refused';
  }
}

/** The record's word on extending phase `phaseIndex` at the end of `day`: agreed, declined, or silent (undefined). */
export function recordedExtensionFor(model: Model, phaseIndex: number, day: number): { agreed: boolean; text?: string } | undefined {
  return recordOf(model).extensions.get(`${phaseIndex}:${day}`);
}
