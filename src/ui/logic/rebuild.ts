/**
 * Rebuilds a run from its seed and the choices a person made, one decision at a time, so the
 * rebuilt session can be undone step by step. With the same model and valid choices it gives
 * exactly what `Session.replay` gives; after a parameter or seed change, a choice whose decision is
 * no longer the same (another party or obligation, or a response not allowed there) is dropped.
 */
import { Session, type Decision, type Model, type Response, type TalksAnswer } from '../../engine/index.ts';
import { followOptions } from './record-follow.ts';
import type { RecordFollow } from './share-url.ts';

export interface ChoiceSpec {
  response: Response;
  /** Who and what it answered, when known: a choice only applies to the same decision. */
  party?: string;
  obligation?: string;
}

export interface Rebuilt {
  session: Session;
  /** decision number → who and what each kept choice answered. */
  meta: Record<number, { party: string; obligation: string }>;
  dropped: number;
}

export type StopAt = { decisions: number } | { day: number };

/** A person's seat at the talks and their answers there (scenarios with talks). */
export interface TalksSeat {
  seat?: string;
  answers?: readonly TalksAnswer[];
}

/**
 * `follow`: the run follows the scenario's record through that day (or to its end), then the models.
 * `talks`: the seat and the answers at the talks, played first (answers that no longer fit are dropped).
 */
export function rebuildSession(model: Model, seed: string, choices: Readonly<Record<number, ChoiceSpec>>, stop: StopAt, follow?: RecordFollow, talks: TalksSeat = {}): Rebuilt {
  const session = Session.start(model, seed, { ...followOptions(follow), ...(talks.seat !== undefined ? { seat: talks.seat } : {}), talks: talks.answers ?? [] });
  const meta: Rebuilt['meta'] = {};
  let dropped = (talks.answers?.length ?? 0) - session.talksAnswers.length;
  for (;;) {
    const decision = session.decision;
    if (!decision || reached(stop, session, decision)) break;
    const n = session.state.decisions;
    const choice = choices[n];
    const fits = choice !== undefined && fitsDecision(choice, decision);
    if (choice !== undefined && !fits) dropped += 1;
    if (fits) meta[n] = { party: decision.party, obligation: decision.obligation };
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
