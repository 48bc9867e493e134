/**
 * Rebuilds a run from its seed and the choices a person made, one decision at a time, so the
 * rebuilt session can be undone step by step. With the same model and valid choices it gives
 * exactly what `Session.replay` gives; after a parameter or seed change, a choice whose decision is
 * no longer the same (another party or obligation, or a response not allowed there) is dropped.
 */
import { leversOf, Session, type Decision, type DecisionKind, type Model, type Response, type StartOptions } from '../../engine/index.ts';
import { followOptions } from './record-follow.ts';
import type { RecordFollow } from './share-url.ts';

export interface ChoiceSpec {
  response: Response;
  /** Who and what it answered, when known: a choice only applies to the same decision. */
  party?: string;
  obligation?: string;
}

/** Who and what a person's choice answered; `kind` says how to word it (a lever reads "hold back", not "refuse"). */
export interface ChoiceMeta {
  party: string;
  obligation: string;
  kind?: DecisionKind;
}

export interface Rebuilt {
  session: Session;
  /** decision number → who and what each kept choice answered. */
  meta: Record<number, ChoiceMeta>;
  dropped: number;
}

export type StopAt = { decisions: number } | { day: number };

/** How a branch's session starts: following the record or not, and the levers the student holds (a played mediator's). */
export function sessionOptions(follow: RecordFollow | undefined, levers: readonly string[] | undefined): Omit<StartOptions, 'trace'> {
  return { ...followOptions(follow), ...(levers?.length ? { levers } : {}) };
}

/**
 * `follow`: the run follows the scenario's record through that day (or to its end), then the models.
 * `levers`: the mediator the student plays, whose levers are decisions.
 */
export function rebuildSession(model: Model, seed: string, choices: Readonly<Record<number, ChoiceSpec>>, stop: StopAt, follow?: RecordFollow, levers?: readonly string[]): Rebuilt {
  const session = Session.start(model, seed, sessionOptions(follow, levers));
  const meta: Rebuilt['meta'] = {};
  let dropped = 0;
  for (;;) {
    const decision = session.decision;
    if (!decision || reached(stop, session, decision)) break;
    const n = session.state.decisions;
    const choice = choices[n];
    const fits = choice !== undefined && fitsDecision(choice, decision);
    if (choice !== undefined && !fits) dropped += 1;
    if (fits) meta[n] = { party: decision.party, obligation: decision.obligation, kind: decision.kind };
    session.decide(fits ? choice.response : undefined);
  }
  return { session, meta, dropped };
}

function reached(stop: StopAt, session: Session, decision: Decision): boolean {
  return 'decisions' in stop ? session.state.decisions >= stop.decisions : decision.day >= stop.day;
}

function fitsDecision(choice: ChoiceSpec, decision: Decision): boolean {
  if (!decision.allowed.includes(choice.response)) return false;
  if (choice.party !== undefined && choice.party !== decision.party) return false;
  if (choice.obligation !== undefined && choice.obligation !== decision.obligation) return false;
  return true;
}

/** A played mediator's lever: a decision that exists only while a person plays that mediator. */
function isLever(d: Decision): boolean {
  return d.kind === 'press' || d.kind === 'guarantee' || d.kind === 'reoffer' || d.kind === 'broker';
}

/**
 * The same run with other levers held (the student now plays another party, a mediator or not):
 * lever decisions exist only while their mediator is played, so the choices made at the other
 * decisions keep their place among those decisions (not their number), the old levers' choices
 * are left to the model (counted as dropped), and the run stops where it stood — after as many
 * of the other decisions.
 */
export function rebuildWithLevers(model: Model, seed: string, choices: Readonly<Record<number, ChoiceSpec>>, decisions: number, follow: RecordFollow | undefined, from: readonly string[] | undefined, to: readonly string[] | undefined): Rebuilt {
  const old = Session.start(model, seed, sessionOptions(follow, from));
  const byPlace: ChoiceSpec[] = [];
  let places = 0;
  let dropped = 0;
  for (let d = old.decision; d && old.state.decisions < decisions; d = old.decision) {
    const choice = choices[old.state.decisions];
    const fits = choice !== undefined && fitsDecision(choice, d);
    if (fits && isLever(d)) dropped += 1;
    else if (fits) byPlace[places] = choice;
    if (!isLever(d)) places += 1;
    old.decide(fits ? choice.response : undefined);
  }
  const session = Session.start(model, seed, sessionOptions(follow, to));
  const meta: Rebuilt['meta'] = {};
  let place = 0;
  for (let d = session.decision; d && place < places; d = session.decision) {
    const choice = isLever(d) ? undefined : byPlace[place++];
    if (choice !== undefined) meta[session.state.decisions] = { party: d.party, obligation: d.obligation, kind: d.kind };
    session.decide(choice?.response);
  }
  return { session, meta, dropped };
}

/** The levers the student holds: those of the mediator or guarantor they play (none for a principal). */
export function leversFor(model: Model, playing: string | undefined): string[] | undefined {
  return playing !== undefined && leversOf(model, playing).length > 0 ? [playing] : undefined;
}
