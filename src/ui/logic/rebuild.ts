/**
 * Rebuilds a run from its seed and the choices a person made, one decision at a time, so the
 * rebuilt session can be undone step by step. With the same model and valid choices it gives
 * exactly what `Session.replay` gives; after a parameter or seed change, a choice whose decision is
 * no longer the same (another party or obligation, or a response not allowed there) is dropped.
 */
import { leversOf, Session, type Decision, type DecisionKind, type Model, type Response, type SessionOptions, type TalksAnswer } from '../../engine/index.ts';
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

/**
 * How a branch's session starts: following the record through a day (or to its end) or not, the
 * levers the student holds (a played mediator's), and a person's seat at the talks with their
 * answers there (scenarios with talks; answers that no longer fit their turn are dropped).
 */
export interface BranchStart {
  follow?: RecordFollow;
  levers?: readonly string[];
  seat?: string;
  answers?: readonly TalksAnswer[];
}

/** The engine's session options for a branch's start. */
export function sessionOptions(start: BranchStart): SessionOptions {
  return {
    ...followOptions(start.follow),
    ...(start.levers?.length ? { levers: start.levers } : {}),
    ...(start.seat !== undefined ? { seat: start.seat } : {}),
    ...(start.answers?.length ? { talks: start.answers } : {}),
  };
}

/**
 * Runs a branch again from its start (see `BranchStart`: the talks answers are played first),
 * answering each decision with the person's choice for it where that still fits.
 */
export function rebuildSession(model: Model, seed: string, choices: Readonly<Record<number, ChoiceSpec>>, stop: StopAt, start: BranchStart = {}): Rebuilt {
  const session = Session.start(model, seed, sessionOptions(start));
  const meta: Rebuilt['meta'] = {};
  let dropped = (start.answers?.length ?? 0) - session.talksAnswers.length;
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
 * of the other decisions. The talks (`start`'s seat and answers) come before any lever, as they were.
 */
export function rebuildWithLevers(model: Model, seed: string, choices: Readonly<Record<number, ChoiceSpec>>, decisions: number, start: Omit<BranchStart, 'levers'>, from: readonly string[] | undefined, to: readonly string[] | undefined): Rebuilt {
  const old = Session.start(model, seed, sessionOptions({ ...start, ...(from ? { levers: from } : {}) }));
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
  const session = Session.start(model, seed, sessionOptions({ ...start, ...(to ? { levers: to } : {}) }));
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
