/**
 * A party's answer to an obligation that fell due: comply or partial (the kind's effect, then
 * what follows `after` it), delay (within its grace, else a violation), violate or refuse — and
 * the reactions each queues for the end of the day.
 */
import type { Decision } from './decision.ts';
import { fresh, makeDue } from './day.ts';
import { holdsLevers, queuePress } from './levers.ts';
import type { CompiledObligation } from './model.ts';
import { followingToday, recordedAnswer, recordedNote } from './record.ts';
import { pickResponse, type Response } from './response.ts';
import { PURPOSE } from './rng.ts';
import { recordEvent, type RunContext } from './run-context.ts';
import type { AgendaItem, ObligationState } from './state.ts';
import { describeObligation } from './wording.ts';

const TRUST_GAIN_ON_COMPLY = 0.02;

export function respond(run: RunContext, decision: Decision, choice: Response | undefined): void {
  const s = run.st;
  const item = s.today.shift()!;
  const o = run.model.obligations[item.obligation]!;
  const { occurrence, attempt } = item;
  // Following the record, its answer (or comply where it is silent) replaces the draws (record.ts).
  const follow = choice === undefined && followingToday(s);
  const recorded = follow ? recordedAnswer(run.model, o.index, occurrence, attempt) : undefined;
  const response = choice ?? (follow ? (recorded?.response ?? 'comply') : pickResponse(decision.probabilities, run.draw(PURPOSE.response, o.idHash, occurrence, attempt)));
  const chosen = choice !== undefined ? true : undefined;
  s.obligations[o.index]!.lastResponse = response;
  run.recordedNow = follow ? { note: recordedNote(recorded, s.day), source: recorded?.source, recorded: recorded !== undefined } : undefined;
  try {
    if (response === 'comply' || response === 'partial') carryOut(run, o, response, chosen, item, recorded?.fraction, follow);
    else if (response === 'delay') delay(run, o, chosen, item, follow ? recorded?.days : undefined, follow);
    else {
      if (run.trace) recordEvent(run, { type: 'party.responded', party: o.party, obligation: o.id, kind: o.kind, response, chosen, text: `${run.partyName(o.party)} ${response === 'violate' ? 'violated the obligation to' : 'refused to'} ${describeObligation(run.model, o)}.`, source: o.def.source });
      fail(run, o, response);
    }
  } finally {
    run.recordedNow = undefined;
  }
}

function carryOut(run: RunContext, o: CompiledObligation, response: 'comply' | 'partial', chosen: true | undefined, item: AgendaItem, recordedFraction: number | undefined, follow: boolean): void {
  const s = run.st;
  const status = s.obligations[o.index]!;
  const party = s.parties[o.party]!;
  const fraction = response === 'comply' ? 1 : (recordedFraction ?? 0.25 + 0.5 * run.draw(PURPOSE.partialFraction, o.idHash, item.occurrence, item.attempt));
  const effect = run.effects.carryOut(o, fraction, item.owed);
  status.status = response === 'comply' ? 'done' : 'partial';
  status.units += effect.units;
  if (effect.changes !== undefined) addByCategory(run, status, effect.changes);
  status.times += 1;
  const name = run.trace ? run.partyName(o.party) : '';
  if (response === 'comply') {
    party.complied += 1;
    react(run, o, TRUST_GAIN_ON_COMPLY, 0, run.trace ? `${name} complied` : '');
  } else {
    party.partials += 1;
    react(run, o, 0, o.grievance.partial, run.trace ? `${name} complied only in part` : '');
  }
  if (run.trace) recordEvent(run, { type: 'party.responded', party: o.party, obligation: o.id, kind: o.kind, response, chosen, changes: effect.changes, text: `${name} ${response === 'comply' ? 'complied' : 'complied in part'}: ${effect.text}.`, source: o.def.source });
  if (o.module.remainder && effect.owed !== undefined && anyOwed(effect.owed)) oweRemainder(run, o, item, effect.owed, follow);
  // Carrying out a remainder brings again only the dependants that pay for it: the others followed the first time.
  const remainder = item.owed !== undefined;
  for (const j of o.dependents) {
    if (remainder && run.model.obligations[j]!.inReturnFor !== o.index) continue;
    const wait = run.model.obligations[j]!.def.wait ?? 0;
    if (wait === 0) makeDue(run, fresh(j, s.day));
    else s.agenda.push(fresh(j, s.day + wait));
  }
}

/** Some category of what an effect reports still owed is above 0. */
function anyOwed(owed: Readonly<Record<string, number>>): boolean {
  for (const key in owed) if (owed[key]! > 0) return true;
  return false;
}

/** Adds an effect's stock changes (keyed `stock.category`, negative for units moved) to the units it has moved per category. */
function addByCategory(run: RunContext, status: ObligationState, changes: Readonly<Record<string, number>>): void {
  for (const key in changes) {
    const change = changes[key]!;
    if (change === 0) continue;
    const moved = (status.unitsByCategory ??= {});
    const category = run.effects.changedCategory(key);
    moved[category] = (moved[category] ?? 0) - change;
  }
}

/** The rest of a partly carried out occurrence falls due the next day, a day against its grace; with no grace left it lapses. */
function oweRemainder(run: RunContext, o: CompiledObligation, item: AgendaItem, owed: Record<string, number>, follow: boolean): void {
  const s = run.st;
  // Following the record, as with a recorded delay, the record (not the grace rule) says what happened next.
  if (!follow && item.delayed + 1 > o.grace) {
    if (run.trace) recordEvent(run, { type: 'party.reacted', party: o.party, obligation: o.id, kind: o.kind, lapsed: true, text: `The rest of ${run.partyName(o.party)}'s obligation to ${describeObligation(run.model, o)} lapsed: no grace left to carry it out (${item.delayed} of ${o.grace} days used).`, source: o.def.source });
    return;
  }
  s.agenda.push({ obligation: o.index, day: s.day + 1, firstDue: item.firstDue, occurrence: item.occurrence, attempt: item.attempt + 1, delayed: item.delayed + 1, owed });
}

function delay(run: RunContext, o: CompiledObligation, chosen: true | undefined, item: AgendaItem, recordedDays: number | undefined, follow: boolean): void {
  const s = run.st;
  const status = s.obligations[o.index]!;
  const days = recordedDays ?? 1 + Math.floor(run.draw(PURPOSE.delayDays, o.idHash, item.occurrence, item.attempt) * run.model.maxDelay);
  const name = run.trace ? run.partyName(o.party) : '';
  // A recorded delay never expires: the record, not the grace rule, says what happened next.
  if (!follow && item.delayed + days > o.grace) {
    if (run.trace) recordEvent(run, { type: 'party.responded', party: o.party, obligation: o.id, kind: o.kind, response: 'delay', chosen, expired: true, text: o.grace === 0 ? `${name} let the deadline to ${describeObligation(run.model, o)} pass: it counts as a violation.` : `${name} delayed again (${describeObligation(run.model, o)}), past the ${o.grace} days of grace: it counts as a violation.`, source: o.def.source });
    fail(run, o, 'expired');
    return;
  }
  s.parties[o.party]!.delays += 1;
  const delayed = item.delayed + days;
  status.status = 'waiting';
  s.agenda.push({ obligation: o.index, day: s.day + days, firstDue: item.firstDue, occurrence: item.occurrence, attempt: item.attempt + 1, delayed, owed: item.owed });
  react(run, o, 0, o.grievance.delay, run.trace ? `${name} delayed` : '');
  if (run.trace) recordEvent(run, { type: 'party.responded', party: o.party, obligation: o.id, kind: o.kind, response: 'delay', chosen, text: `${name} delayed (${describeObligation(run.model, o)}) by ${days} day${days === 1 ? '' : 's'}, to day ${s.day + days}${s.day + days > s.phaseEndDay ? `, after the ${run.phaseName()}'s last day (${s.phaseEndDay}): it lapses unless the ${run.phaseName()} is extended` : ''} (${delayed} of ${o.grace} days of grace used).`, source: o.def.source });
}

function fail(run: RunContext, o: CompiledObligation, why: 'violate' | 'refuse' | 'expired'): void {
  const s = run.st;
  const model = run.model;
  s.obligations[o.index]!.status = 'failed';
  s.parties[o.party]!.violations += 1;
  run.effects.fail(o);
  const name = run.partyName(o.party);
  const what = why === 'violate' ? 'violated' : why === 'refuse' ? 'refused' : 'ran out of grace on';
  react(run, o, -model.reciprocity, o.grievance.violate, run.trace ? `${name} ${what} an obligation` : '');
  for (const broker of model.brokers) {
    const b = model.partyById.get(broker)!;
    if (b.guarantees !== undefined && !s.guarantees[broker]) continue;
    s.reactions.push({ party: o.party, mediatorPressure: b.pressure, because: run.trace ? `${b.name} presses ${name}` : '' });
    // A mediator a person plays decides first whether to press (levers.ts); its reaction keeps its place meanwhile.
    if (s.levers !== undefined && b.pressure > 0 && holdsLevers(s, broker)) queuePress(s, broker, o.party, o.index, why);
  }
  cancelDependents(run, o);
}

function cancelDependents(run: RunContext, o: CompiledObligation): void {
  const s = run.st;
  for (const j of o.dependents) {
    const st = s.obligations[j]!;
    if (st.status !== 'waiting' && st.status !== 'due') continue;
    st.status = 'cancelled';
    s.today = s.today.filter((t) => t.obligation !== j);
    s.agenda = s.agenda.filter((t) => t.obligation !== j);
    const dependent = run.model.obligations[j]!;
    if (run.trace) recordEvent(run, { type: 'party.reacted', party: dependent.party, obligation: dependent.id, kind: dependent.kind, text: `${run.partyName(dependent.party)} need not ${describeObligation(run.model, dependent)}: it depended on ${o.id}.` });
    cancelDependents(run, dependent);
  }
}

/** Queues a change to the counterpart of `o`'s party, applied when counterparts react. */
function react(run: RunContext, o: CompiledObligation, trust: number, grievance: number, because: string): void {
  const counterpart = o.counterpart;
  if (!counterpart) return;
  const reaction: { party: string; trust?: number; grievance?: number; because: string } = { party: counterpart, because };
  if (trust !== 0) reaction.trust = trust;
  if (grievance !== 0) reaction.grievance = grievance;
  run.st.reactions.push(reaction);
}
