/**
 * Everything a run knows at one moment, as plain data: a structured clone of it (with the run
 * key and the statechart's value) is an exact snapshot for undo and branching.
 */
import type { StateValue } from 'xstate';
import type { RunKey } from './rng.ts';
import type { TruceContext } from './machine.ts';
import type { Response } from './response.ts';
import type { FollowState } from './record.ts';

export type ObligationStatus = 'waiting' | 'due' | 'done' | 'partial' | 'failed' | 'cancelled' | 'lapsed';

export interface ObligationState {
  status: ObligationStatus;
  /** Units moved so far by every carrying out of it (what exchanges `in-return-for` it pay for). */
  units: number;
  /** The same per category of its stock; absent until it has moved a unit. */
  unitsByCategory?: Record<string, number>;
  /** An exchange `in-return-for` a release: units of that release it has paid for so far. */
  paid: number;
  /** The same per category of the release, for an exchange at a per-category ratio; absent until it has paid for a unit. */
  paidByCategory?: Record<string, number>;
  /** Times carried out, fully or in part. */
  times: number;
  /** Occurrences made due so far (a delayed occurrence falling due again is not a new one). */
  occurrences: number;
  lastResponse?: Response;
}

export interface PartyState {
  trust: number;
  grievance: number;
  domesticPressure: number;
  mediatorPressure: number;
  /** Guarantees given to this party and not withdrawn. */
  guaranteesInForce: number;
  violations: number;
  delays: number;
  partials: number;
  complied: number;
}

export interface AgendaItem {
  obligation: number;
  day: number;
  /** The day it first fell due: orders items due on the same day. */
  firstDue: number;
  /** Which occurrence of the obligation (0, 1, …; −1 until it is first made due) and which
   * attempt at it (0, then 1 after a delay, …): the identity its draws are keyed by. */
  occurrence: number;
  attempt: number;
  /** Days of delay this occurrence has taken so far, counted against its obligation's grace. */
  delayed: number;
  /** A remainder (after a partial answer): what is still owed of the occurrence, as its kind reported it. */
  owed: Record<string, number> | undefined;
}

/** A party-state change waiting for the "counterparts and mediators react" step of the day. */
export interface Reaction {
  party: string;
  trust?: number;
  grievance?: number;
  mediatorPressure?: number;
  because: string;
  /** A played mediator's press a person chose (levers.ts). */
  chosen?: true;
}

/** A played mediator's press decision waiting (levers.ts): its reaction is already queued, in its place. */
export interface PressItem {
  mediator: string;
  /** The party that fell short, and how. */
  party: string;
  obligation: number;
  why: 'violate' | 'refuse' | 'expired';
  /** Its reaction's index in `reactions`. */
  reaction: number;
}

export type Stage = 'day-start' | 'obligations' | 'phase-end' | 'over';

export interface SimState {
  /** Decisions answered so far; numbers the decisions for choice logs and shared links. */
  decisions: number;
  /** The current truce day; 0 before the first day starts. */
  day: number;
  stage: Stage;
  phaseIndex: number;
  phaseStartDay: number;
  phaseEndDay: number;
  phaseExtendedDays: number;
  /** Next extension rule to try at the end of the phase. */
  extensionCursor: number;
  /** Obligations still to answer today, in order. */
  today: AgendaItem[];
  agenda: AgendaItem[];
  obligations: ObligationState[];
  stocks: Record<string, { held: Record<string, number>; released: Record<string, number> }>;
  zones: Record<string, { heldBy: string; withdrawn: boolean }>;
  crossings: Record<string, boolean>;
  parties: Record<string, PartyState>;
  /** guarantor id → its guarantee is in force. */
  guarantees: Record<string, boolean>;
  incidents: Record<string, number>;
  reactions: Reaction[];
  counters: Counters;
  /** The run key every draw is hashed from (rng.ts). */
  key: RunKey;
  machine: { value: StateValue; context: TruceContext };
  /** Following the scenario's record (record.ts); absent when the model answers throughout. */
  follow?: FollowState;
  /** Parties made to comply with everything, whatever their model says (`--comply`). */
  comply?: string[];
  /** Mediators and guarantors a person plays: their levers are decisions (levers.ts). Absent: none. */
  levers?: string[];
  /** Press decisions of played mediators still to answer today, in the order failures queued them. */
  pressQueue?: PressItem[];
  /** A played guarantor whose `withdraw-when` holds: its keep-or-withdraw decision is waiting. */
  guaranteeAsk?: string;
  /** Played guarantors that kept their guarantee: not asked again until `withdraw-when` has stopped holding. */
  kept?: Record<string, boolean>;
  /** A played guarantor whose guarantee is not in force and whose beneficiary has complied since: its offer-or-stay-out decision is waiting. */
  offerAsk?: string;
  /** Played guarantor → its beneficiary's `complied` count when the guarantee was withdrawn or the guarantor last stayed out:
   * asked to offer it again only once the beneficiary has complied more (absent: 0). */
  stayedOut?: Record<string, number>;
}

/** Counter name → count so far, in metrics order (src/scenario/kinds/registry.ts, `COUNTERS`). */
export type Counters = Record<string, number>;
