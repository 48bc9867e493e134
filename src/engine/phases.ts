/** Leaving a phase through its gate, and entering the next one the statechart goes to. */
import { BOUNDS } from '../scenario/core.ts';
import { endDay, fresh } from './day.ts';
import { activePhase } from './machine.ts';
import { lapseWaiting } from './lapse.ts';
import { finish } from './outcome.ts';
import type { RunContext } from './run-context.ts';

export function endPhase(run: RunContext): void {
  const s = run.st;
  const phase = run.model.phases[s.phaseIndex]!;
  const gateOpen = phase.gate ? phase.gate.requires(s) !== 0 : true;
  run.record(() => ({ type: 'phase.ended', text: phase.gate ? `The ${run.phaseName()} ends. Gate: ${phase.gate.text} — ${gateOpen ? 'met' : 'not met'}.` : `The ${run.phaseName()} ends.`, source: phase.gate?.source ?? phase.def.source }));
  lapseWaiting(run, s.phaseIndex, `the ${run.phaseName()} ended`);
  run.send(gateOpen ? { type: 'phase.end', gateOpen } : { type: 'phase.end', gateOpen, cause: `gate not met: ${phase.gate!.text}` });
  const next = activePhase(run.machineSnapshot);
  if (next !== undefined) {
    enterPhase(run, run.model.phases.findIndex((p) => p.def.id === next));
    endDay(run);
    return;
  }
  finish(run);
}

/** Enters the phase at `index` and lays out its schedule (what earlier phases left waiting lapsed as they ended). */
export function enterPhase(run: RunContext, index: number): void {
  const s = run.st;
  const model = run.model;
  const phase = model.phases[index]!;
  s.phaseIndex = index;
  s.phaseStartDay = s.day + 1;
  s.phaseEndDay = phase.openEnded ? Math.max(s.day + 1, BOUNDS.truceDays) : s.day + phase.length;
  s.phaseExtendedDays = 0;
  s.extensionCursor = 0;
  for (const { obligation, day } of phase.schedule) s.agenda.push(fresh(obligation, s.day + day));
  run.record(() => ({ type: 'phase.entered', text: phase.openEnded ? `The ${run.phaseName()} begins, open-ended: it lasts until ${phase.def.endsWhen}.` : `The ${run.phaseName()} begins: ${phase.length} days, to day ${s.phaseEndDay}${phase.endsWhen ? `, or until ${phase.def.endsWhen}` : ''}.`, source: phase.def.source }));
}
