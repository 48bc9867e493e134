/**
 * A lapse is never silent: an occurrence still waiting (delayed, or due after a `wait`) when its
 * phase ends is dropped with a trace event saying so, and its obligation's status becomes `lapsed`.
 */
import type { RunContext } from './run-context.ts';
import type { AgendaItem } from './state.ts';
import { describeObligation } from './wording.ts';

/**
 * Drops the waiting occurrences of obligations of phase `phaseIndex` or earlier, each with a
 * `party.reacted` event marked `lapsed`. `ended` names what ended: "the 60-day truce ended".
 */
export function lapseWaiting(run: RunContext, phaseIndex: number, ended: string): void {
  const s = run.st;
  const model = run.model;
  const kept: AgendaItem[] = [];
  for (const item of s.agenda) {
    const o = model.obligations[item.obligation]!;
    if (o.phaseIndex > phaseIndex) {
      kept.push(item);
      continue;
    }
    const status = s.obligations[item.obligation]!;
    status.status = 'lapsed';
    if (run.trace) {
      const how = item.attempt > 0 ? `delayed obligation to ${describeObligation(model, o)} (put off to day ${item.day})` : `obligation to ${describeObligation(model, o)} (due on day ${item.day})`;
      run.record(() => ({ type: 'party.reacted', party: o.party, obligation: o.id, kind: o.kind, lapsed: true, text: `${run.partyName(o.party)}'s ${how} lapsed when ${ended}.`, source: o.def.source }));
    }
  }
  s.agenda = kept;
}
