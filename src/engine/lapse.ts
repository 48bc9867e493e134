/**
 * A lapse is never silent: an occurrence still waiting (delayed, due after a `wait`, or the rest
 * owed after a partial answer) when its phase ends is dropped with a trace event saying so, and its
 * obligation's status becomes `lapsed` (a remainder never answered leaves it `partial`).
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
    // A remainder never answered leaves the partial answer standing.
    if (item.owed === undefined || status.status !== 'partial') status.status = 'lapsed';
    if (run.trace) {
      const what = `obligation to ${describeObligation(model, o)}`;
      const how = item.owed !== undefined ? `rest of the ${what} (due again on day ${item.day})` : item.attempt > 0 ? `delayed ${what} (put off to day ${item.day})` : `${what} (due on day ${item.day})`;
      run.record(() => ({ type: 'party.reacted', party: o.party, obligation: o.id, kind: o.kind, lapsed: true, text: `${run.partyName(o.party)}'s ${how} lapsed when ${ended}.`, source: o.def.source }));
    }
  }
  s.agenda = kept;
}
