/**
 * The end of a phase: its extension rules are tried in order (a condition, a mediator, or an offer
 * to release more that the holding party answers); if none extends it, the phase ends. A mediator
 * a person plays decides its own rule (`broker`).
 */
import { ACCEPT_OR_DECLINE, type Decision } from './decision.ts';
import { endDay, fresh } from './day.ts';
import { endPhase } from './phases.ts';
import { pickResponse, type Response } from './response.ts';
import { followingToday, recordedEndFollowed, recordedExtension } from './record.ts';
import { holdsLevers } from './levers.ts';
import { PURPOSE } from './rng.ts';
import type { RunContext } from './run-context.ts';
import type { TraceEvent } from './trace.ts';
import { describeObligation } from './wording.ts';

/** Tries the phase's extension rules in order; returns a decision if a party must answer an offer. */
export function phaseEndStep(run: RunContext): Decision | undefined {
  const s = run.st;
  const phase = run.model.phases[s.phaseIndex]!;
  // Following the record, an extension happens only if recorded as agreed, with no draw (record.ts).
  const follow = followingToday(s);
  const agreed = follow && recordedExtension(run.model, s)?.agreed === true;
  while (s.extensionCursor < phase.extensionRules.length && s.phaseExtendedDays < phase.maxExtension) {
    const rule = phase.extensionRules[s.extensionCursor]!;
    const days = Math.min(rule.days, phase.maxExtension - s.phaseExtendedDays);
    if (!(days >= 1)) {
      // The schema allows no 0-day extension; were one to reach here, it would end this phase forever.
      s.extensionCursor += 1;
      continue;
    }
    if (rule.kind === 'per-release') {
      const held = s.stocks[rule.stock]!.held[rule.category] ?? 0;
      if (held > 0) return extensionOffer(run, rule.party, rule.release, days, follow);
      s.extensionCursor += 1;
      continue;
    }
    const ruleIndex = s.extensionCursor;
    // A mediator a person plays decides whether to broker (the cursor stays on its rule until it answers).
    if (rule.kind === 'mediator' && s.levers !== undefined && holdsLevers(s, rule.mediator)) {
      if (follow || rule.when === undefined || rule.when(s)) return brokerDecision(run, rule.mediator, rule.chance, days, follow ? agreed : undefined);
      s.extensionCursor += 1;
      continue;
    }
    s.extensionCursor += 1;
    const holds = rule.when === undefined || rule.when(s);
    if (follow ? agreed : holds && run.chance(PURPOSE.extensionChance, phase.idHash, ruleIndex, s.day, rule.chance)) {
      extend(run, days, rule.kind === 'while' ? `the condition \`${rule.text}\` holds` : `${run.partyName(rule.mediator)} brokered it`, rule.source);
      return undefined;
    }
  }
  // Following the record, a schedule that ran out before the record's end: the truce holds until then.
  const end = follow ? recordedEndFollowed(run.model, s) : undefined;
  if (end && end.day > s.day) {
    if (!s.follow!.holding) run.record(() => ({ type: 'phase.ended', recorded: true, text: `The ${run.phaseName()}'s schedule is over, but no next phase begins: as recorded, the truce holds without it until day ${end.day}.`, source: end.source }));
    s.follow!.holding = true;
    s.phaseEndDay = s.day + 1;
    endDay(run);
    return undefined;
  }
  endPhase(run);
  return undefined;
}

function extensionOffer(run: RunContext, party: string, releaseIndex: number, days: number, follow: boolean): Decision {
  const p = run.probabilitiesFor(party);
  const release = run.model.obligations[releaseIndex]!;
  return {
    kind: 'extension',
    day: run.st.day,
    party,
    obligation: release.def.id,
    text: `${run.partyName(party)} may ${describeObligation(run.model, release)} (${days} more day${days === 1 ? '' : 's'}).`,
    probabilities: { comply: p.comply, delay: 0, partial: 0, violate: 0, refuse: 1 - p.comply },
    allowed: ACCEPT_OR_DECLINE,
    ...(follow ? { recorded: true } : {}),
  };
}

export function answerExtension(run: RunContext, decision: Decision, choice: Response | undefined): void {
  const s = run.st;
  const phase = run.model.phases[s.phaseIndex]!;
  const rule = phase.extensionRules[s.extensionCursor]!;
  if (rule.kind !== 'per-release') throw new Error('no extension offer is pending');
  const recorded = choice === undefined && followingToday(s) ? recordedExtension(run.model, s) : undefined;
  const response = choice ?? (decision.recorded ? (recorded?.agreed ? 'comply' : 'refuse') : pickResponse(decision.probabilities, run.draw(PURPOSE.extensionOffer, phase.idHash, s.extensionCursor, s.day)));
  if (decision.recorded && choice === undefined) run.recordedNow = { note: recorded ? ` (as recorded${recorded.text ? `: ${recorded.text}` : ''})` : ' (not in the record: no extension)', source: recorded?.source, recorded: recorded !== undefined };
  const name = run.partyName(rule.party);
  const chosen = choice !== undefined ? true : undefined;
  if (response === 'comply') {
    run.record(() => ({ type: 'party.responded', party: rule.party, obligation: decision.obligation, response, chosen, text: `${name} agreed to release more to extend the truce.`, source: rule.source }));
    run.recordedNow = undefined;
    s.agenda.push(fresh(rule.release, s.day + 1));
    extend(run, Math.min(rule.days, phase.maxExtension - s.phaseExtendedDays), `${name} offered further releases`, rule.source);
    return;
  }
  run.record(() => ({ type: 'party.responded', party: rule.party, obligation: decision.obligation, response, chosen, text: `${name} declined to release more to extend the truce.`, source: rule.source }));
  run.recordedNow = undefined;
  s.extensionCursor += 1;
}

function brokerDecision(run: RunContext, mediator: string, chance: number, days: number, agreed: boolean | undefined): Decision {
  const use = Math.min(1, Math.max(0, chance));
  const phase = run.model.phases[run.st.phaseIndex]!;
  return {
    kind: 'broker',
    day: run.st.day,
    party: mediator,
    obligation: `extension:${phase.def.id}`,
    text: run.trace ? `The ${run.phaseName()} reaches its last day: does ${run.partyName(mediator)} broker an extension of ${days} day${days === 1 ? '' : 's'}?` : '',
    probabilities: agreed === undefined ? { comply: use, delay: 0, partial: 0, violate: 0, refuse: 1 - use } : { comply: agreed ? 1 : 0, delay: 0, partial: 0, violate: 0, refuse: agreed ? 0 : 1 },
    allowed: ACCEPT_OR_DECLINE,
    ...(agreed !== undefined ? { recorded: true } : {}),
  };
}

/** A played mediator's `broker` decision: comply extends the phase by its rule, refuse lets it lapse (the next rule is tried). */
export function answerBroker(run: RunContext, decision: Decision, choice: Response | undefined): void {
  const s = run.st;
  const phase = run.model.phases[s.phaseIndex]!;
  const ruleIndex = s.extensionCursor;
  const rule = phase.extensionRules[ruleIndex]!;
  if (rule.kind !== 'mediator') throw new Error('no extension is waiting for a mediator');
  // The model: the recorded answer while following the record, else the rule's own draw, as when nobody plays it.
  const brokers = choice !== undefined ? choice === 'comply' : decision.recorded ? decision.probabilities.comply === 1 : run.chance(PURPOSE.extensionChance, phase.idHash, ruleIndex, s.day, rule.chance);
  const chosen = choice !== undefined ? true : undefined;
  s.extensionCursor += 1;
  if (brokers) {
    extend(run, Math.min(rule.days, phase.maxExtension - s.phaseExtendedDays), `${run.partyName(rule.mediator)} brokered it`, rule.source, chosen);
    return;
  }
  run.record(() => ({ type: 'mediator.acted', party: rule.mediator, obligation: decision.obligation, response: 'refuse', chosen, text: `${run.partyName(rule.mediator)} let the ${run.phaseName()} end without brokering an extension.`, source: rule.source }));
}

/** The statechart counts the extension days; the run reads them back from it. */
function extend(run: RunContext, days: number, why: string, source: TraceEvent['source'], chosen?: true): void {
  const s = run.st;
  for (let day = s.phaseEndDay + 1; day <= s.phaseEndDay + days; day++) {
    for (const j of run.model.phases[s.phaseIndex]!.duringExtension) s.agenda.push(fresh(j, day));
  }
  s.phaseEndDay += days;
  s.phaseExtendedDays += days;
  s.counters['extensions']! += 1;
  run.send({ type: 'phase.extended', days });
  run.record(() => ({ type: 'phase.extended', chosen, text: `The ${run.phaseName()} is extended by ${days} day${days === 1 ? '' : 's'}, to day ${s.phaseEndDay}: ${why}.`, source }));
  endDay(run);
}
