/**
 * The debrief's first list: the run's turning points (explain.ts: failures, incidents, withdrawn
 * guarantees, extensions, gates) with the student's choices marked among them, in the order they
 * happened. A choice that is itself a turning point (a refusal, a violation) is that line; a
 * choice that is not (a compliance) gets its own line, so every choice is listed once.
 */
import type { Model, TraceEvent } from '../../engine/index.ts';
import type { StudentChoice } from './debrief-choices.ts';
import { isTurningPoint, withObligation } from './explain.ts';

export interface TimelineLine {
  day: number;
  /** The narrative's sentence for it (for a choice without an event: the decision's text). */
  text: string;
  /** The student's choice, when the line is one. */
  choice?: StudentChoice;
  /** The line is one of the run's turning points. */
  turning: boolean;
}

function answers(event: TraceEvent, choice: StudentChoice): boolean {
  return event.type === 'party.responded' && event.chosen === true && event.day === choice.day && event.party === choice.party && event.obligation === choice.obligation && event.response === choice.response;
}

export function debriefTimeline(model: Model, trace: readonly TraceEvent[], choices: readonly StudentChoice[]): TimelineLine[] {
  const left = [...choices];
  const lines: TimelineLine[] = [];
  for (const event of trace) {
    const at = left.findIndex((c) => answers(event, c));
    const choice = at >= 0 ? left.splice(at, 1)[0] : undefined;
    const turning = isTurningPoint(event);
    if (!turning && !choice) continue;
    lines.push({ day: event.day, text: withObligation(model, event), turning, ...(choice ? { choice } : {}) });
  }
  // Choices with no response in the narrative (an extension offer): placed by their day.
  for (const choice of left) {
    const at = lines.findIndex((l) => l.day > choice.day);
    const line = { day: choice.day, text: choice.text, turning: false, choice };
    if (at < 0) lines.push(line);
    else lines.splice(at, 0, line);
  }
  return lines;
}
