/**
 * A mediator's or guarantor's levers, when a person plays it: pressing a party that fell short,
 * keeping or withdrawing a guarantee and offering a withdrawn one again become its decisions
 * (brokering an extension is in extensions.ts). Nobody playing it, none of this happens: the model
 * acts as it always did, with no decision counted. The model's answer is the engine's usual act —
 * it always presses, always withdraws when `withdraw-when` holds and never offers a guarantee
 * again — so nothing is drawn (docs/model.md, "Playing a mediator").
 */
import { ACCEPT_OR_DECLINE, type Decision } from './decision.ts';
import type { CompiledParty, Model } from './model.ts';
import type { Response, ResponseProbabilities } from './response.ts';
import { clamp01, type RunContext } from './run-context.ts';
import type { SimState } from './state.ts';
import { describeObligation } from './wording.ts';

export type Lever = 'press' | 'guarantee' | 'broker';

const USE: ResponseProbabilities = Object.freeze({ comply: 1, delay: 0, partial: 0, violate: 0, refuse: 0 });
const DO_NOT_USE: ResponseProbabilities = Object.freeze({ comply: 0, delay: 0, partial: 0, violate: 0, refuse: 1 });

/** The levers a party has in this model: what a person playing it decides. Principals have none. */
export function leversOf(model: Model, partyId: string): Lever[] {
  const party = model.partyById.get(partyId);
  if (!party || party.role === 'principal') return [];
  const levers: Lever[] = [];
  if (party.pressure > 0) levers.push('press');
  if (party.guarantees !== undefined && party.withdrawWhen !== undefined) levers.push('guarantee');
  if (model.phases.some((ph) => ph.extensionRules.some((r) => r.kind === 'mediator' && r.mediator === partyId))) levers.push('broker');
  return levers;
}

/** Does a person hold this party's levers in this run? */
export function holdsLevers(s: SimState, partyId: string): boolean {
  return s.levers !== undefined && s.levers.includes(partyId);
}

/** A played broker would press `party` for a failure: its reaction (just queued) waits for its decision. */
export function queuePress(s: SimState, mediator: string, party: string, obligation: number, why: 'violate' | 'refuse' | 'expired'): void {
  (s.pressQueue ??= []).push({ mediator, party, obligation, why, reaction: s.reactions.length - 1 });
}

/** The played mediator's decision waiting before anything else, if any. */
export function leverDecision(run: RunContext): Decision | undefined {
  const s = run.st;
  const press = s.pressQueue?.[0];
  if (press) {
    const o = run.model.obligations[press.obligation]!;
    const b = run.model.partyById.get(press.mediator)!;
    const what = press.why === 'violate' ? 'violated the obligation to' : press.why === 'refuse' ? 'refused to' : 'ran out of grace to';
    return {
      kind: 'press',
      day: s.day,
      party: press.mediator,
      obligation: o.id,
      target: press.party,
      text: run.trace ? `${run.partyName(press.party)} ${what} ${describeObligation(run.model, o)}: does ${b.name} press ${run.partyName(press.party)} (pressure +${b.pressure.toFixed(2)})?` : '',
      probabilities: USE,
      allowed: ACCEPT_OR_DECLINE,
    };
  }
  if (s.offerAsk !== undefined) return offerDecision(run, s.offerAsk);
  if (s.guaranteeAsk === undefined) return undefined;
  const g = run.model.partyById.get(s.guaranteeAsk)!;
  const condition = run.model.scenario.parties[g.id]!.withdrawWhen ?? '';
  return {
    kind: 'guarantee',
    day: s.day,
    party: g.id,
    obligation: `guarantee:${g.guarantees!}`,
    target: g.guarantees,
    text: run.trace ? `${g.name}'s condition for withdrawing its guarantee to ${run.partyName(g.guarantees!)} holds (${condition}): does it keep the guarantee?` : '',
    probabilities: DO_NOT_USE,
    allowed: ACCEPT_OR_DECLINE,
  };
}

function offerDecision(run: RunContext, guarantor: string): Decision {
  const g = run.model.partyById.get(guarantor)!;
  const beneficiary = run.partyName(g.guarantees!);
  return {
    kind: 'reoffer',
    day: run.st.day,
    party: g.id,
    obligation: `guarantee:${g.guarantees!}`,
    target: g.guarantees,
    text: run.trace ? `${g.name}'s guarantee to ${beneficiary} is not in force, and ${beneficiary} has complied since it was withdrawn: does ${g.name} offer it again (${beneficiary}'s grievance −${run.model.reciprocity.toFixed(2)})?` : '',
    probabilities: DO_NOT_USE,
    allowed: ACCEPT_OR_DECLINE,
  };
}

/** Answers a `press` (comply: press, refuse: hold back), `guarantee` (comply: keep, refuse: withdraw) or `reoffer` (comply: offer again, refuse: stay out) decision. */
export function answerLever(run: RunContext, decision: Decision, choice: Response | undefined): void {
  const s = run.st;
  const chosen = choice !== undefined ? true : undefined;
  if (decision.kind === 'reoffer') {
    answerOffer(run, decision, choice);
    return;
  }
  if (decision.kind === 'press') {
    const item = s.pressQueue!.shift()!;
    if (s.pressQueue!.length === 0) delete s.pressQueue;
    const reaction = s.reactions[item.reaction]!;
    if ((choice ?? 'comply') === 'comply') {
      if (chosen) reaction.chosen = true;
      return;
    }
    reaction.mediatorPressure = 0;
    run.record(() => ({ type: 'mediator.acted', party: item.mediator, obligation: decision.obligation, response: 'refuse', chosen, text: `${run.partyName(item.mediator)} held back from pressing ${run.partyName(item.party)}.` }));
    return;
  }
  const g = run.model.partyById.get(s.guaranteeAsk!)!;
  delete s.guaranteeAsk;
  if ((choice ?? 'refuse') === 'refuse') {
    withdrawGuarantee(run, g, chosen);
    return;
  }
  (s.kept ??= {})[g.id] = true;
  run.record(() => ({ type: 'mediator.acted', party: g.id, obligation: decision.obligation, response: 'comply', chosen, text: `${g.name} kept its guarantee to ${run.partyName(g.guarantees!)}: it is not asked again until its condition for withdrawing stops holding.`, source: run.model.scenario.parties[g.id]!.source }));
}

/**
 * Offer again (comply): the guarantee is in force again, its beneficiary gains the guarantee term
 * back and its grievance falls by the reciprocity; the guarantor counts as having kept it. Stay out
 * (refuse, the model): nothing changes, and it is not asked again until the beneficiary complies again.
 */
function answerOffer(run: RunContext, decision: Decision, choice: Response | undefined): void {
  const s = run.st;
  const g = run.model.partyById.get(s.offerAsk!)!;
  delete s.offerAsk;
  const beneficiaryId = g.guarantees!;
  const beneficiary = s.parties[beneficiaryId]!;
  if ((choice ?? 'refuse') === 'refuse') {
    (s.stayedOut ??= {})[g.id] = beneficiary.complied;
    if (choice !== undefined) run.record(() => ({ type: 'mediator.acted', party: g.id, obligation: decision.obligation, response: 'refuse', chosen: true, text: `${g.name} stayed out: its guarantee to ${run.partyName(beneficiaryId)} stays withdrawn until ${run.partyName(beneficiaryId)} complies again.`, source: run.model.scenario.parties[g.id]!.source }));
    return;
  }
  s.guarantees[g.id] = true;
  beneficiary.guaranteesInForce += 1;
  beneficiary.grievance = clamp01(beneficiary.grievance - run.model.reciprocity);
  (s.kept ??= {})[g.id] = true;
  if (s.stayedOut) delete s.stayedOut[g.id];
  run.record(() => ({ type: 'guarantee.offered', party: g.id, chosen: true, text: `${g.name} offered its guarantee to ${run.partyName(beneficiaryId)} again: ${run.partyName(beneficiaryId)}'s grievance falls to ${beneficiary.grievance.toFixed(2)}.`, source: run.model.scenario.parties[g.id]!.source }));
}

/** The guarantee is no longer in force: its beneficiary loses the guarantee term and its grievance rises by the reciprocity. */
export function withdrawGuarantee(run: RunContext, g: CompiledParty, chosen?: true): void {
  const s = run.st;
  s.guarantees[g.id] = false;
  const beneficiaryId = g.guarantees!;
  const beneficiary = s.parties[beneficiaryId]!;
  beneficiary.guaranteesInForce -= 1;
  beneficiary.grievance = clamp01(beneficiary.grievance + run.model.reciprocity);
  // A played guarantor is asked to offer it again only once the beneficiary has complied since.
  if (s.levers !== undefined && holdsLevers(s, g.id)) (s.stayedOut ??= {})[g.id] = beneficiary.complied;
  if (run.trace) run.record(() => ({ type: 'guarantee.withdrawn', party: g.id, chosen, text: `${g.name} withdrew its guarantee to ${run.partyName(beneficiaryId)}.`, source: run.model.scenario.parties[g.id]!.source }));
}
