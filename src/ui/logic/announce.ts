/**
 * What a screen reader hears after the run moves (the stepper's live region): the lines the step
 * added to the narrative, and what waits next. Undo, restart and switching branches say where the
 * run now is instead.
 */
import type { RunView } from './run-view.ts';

/** At most this many new lines are read out; the rest are counted. */
const MAX_LINES = 4;

export interface Moment {
  branch: string;
  view: Pick<RunView, 'trace' | 'day' | 'decision' | 'outcome' | 'decisions'>;
}

function next(view: Moment['view']): string {
  if (view.decision) return `Now: ${view.decision.text}`;
  return view.outcome ? `The run is over: ${view.outcome.result}${view.outcome.cause ? `, ${view.outcome.cause}` : ''}, day ${view.outcome.day}.` : '';
}

const sameEvent = (a: { day: number; text: string } | undefined, b: { day: number; text: string } | undefined) => a?.day === b?.day && a?.text === b?.text;

/** The announcement for going from `before` to `after` (empty when nothing changed). */
export function announcement(before: Moment | undefined, after: Moment): string {
  const { view } = after;
  if (!before) return '';
  if (before.branch !== after.branch) return `Branch ${after.branch}, day ${view.day}. ${next(view)}`.trim();
  const old = before.view;
  if (old.trace === view.trace) return '';
  if (view.decisions < old.decisions || view.trace.length < old.trace.length) return `Back to day ${view.day}. ${next(view)}`.trim();
  const grew = view.trace.length > old.trace.length && sameEvent(view.trace[old.trace.length - 1], old.trace[old.trace.length - 1]);
  if (!grew) return view.trace.length === old.trace.length && view.decisions === old.decisions ? '' : `Day ${view.day}. ${next(view)}`.trim();
  const added = view.trace.slice(old.trace.length);
  const read = added.slice(0, MAX_LINES).map((e) => `Day ${e.day}: ${e.text}`);
  const more = added.length > MAX_LINES ? ` And ${added.length - MAX_LINES} more lines under What happened.` : '';
  return `${read.join(' ')}${more} ${next(view)}`.trim();
}
