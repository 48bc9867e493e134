import type { ObligationKind, SourceRef } from '../scenario/core.ts';
import type { Response } from './response.ts';
import type { TalksResult } from './talks/negotiate.ts';

export type TraceEventType =
  | 'phase.entered'
  | 'incident'
  | 'obligation.due'
  | 'party.responded'
  | 'party.reacted'
  | 'guarantee.withdrawn'
  /** A played guarantor offered its withdrawn guarantee again. */
  | 'guarantee.offered'
  /** A played mediator used a lever in a way no other event shows: held back, kept a guarantee, let an extension lapse. */
  | 'mediator.acted'
  | 'phase.extended'
  | 'phase.ended'
  | 'truce.collapsed'
  | 'truce.ended';

/** One thing that happened in a run, in the order it happened. */
export interface TraceEvent {
  day: number;
  phase: string;
  type: TraceEventType;
  party?: string;
  obligation?: string;
  kind?: ObligationKind;
  response?: Response;
  /** The response was chosen by a person, not drawn from the party's model. */
  chosen?: boolean;
  /** The run was following the record: the answer is the record's (or, where it is silent, as agreed). */
  recorded?: boolean;
  /** The calendar date of `day` (YYYY-MM-DD), when the scenario has a `start`. */
  date?: string;
  /** An occurrence still waiting when its phase ended: dropped, not carried out (lapse.ts). */
  lapsed?: boolean;
  /** A delay that ran past the obligation's grace: it counts as a violation. */
  expired?: boolean;
  /** Held-stock changes, keyed `stock.category` (negative when released). */
  changes?: Record<string, number>;
  /** A plain-English sentence a student can read. */
  text: string;
  source?: SourceRef;
}

/** `no-deal`: the talks before the truce ended without agreement (only scenarios with `talks:`). */
export type OutcomeResult = 'completed' | 'extended-then-completed' | 'advanced' | 'stalled' | 'collapsed' | 'no-deal';

/** How the talks before the truce ended, for batch tallies: the round, and the agreed value per issue id. */
export interface TalksOutcome {
  deal: boolean;
  round: number;
  terms?: Record<string, number>;
}

/** A run's numbers: days, releases, then the counters (`aidTrucks`, `extensionDays`, …), then violations and delays. */
export interface Metrics {
  /** Days the truce held (the last day reached). */
  days: number;
  /** stock → category → released so far. */
  released: Record<string, Record<string, number>>;
  /** party → violate, refuse and expired (delayed past grace) answers. */
  violations: Record<string, number>;
  /** party → delays granted (an expired delay is a violation only). */
  delays: Record<string, number>;
  /** The counters the scenario reports (Model.counters), by name. */
  [counter: string]: number | Record<string, number> | Record<string, Record<string, number>>;
}

/** A counter's value in metrics; 0 when the scenario does not report it. */
export function counterValue(metrics: Metrics, counter: string): number {
  const value = metrics[counter];
  return typeof value === 'number' ? value : 0;
}

export interface Outcome {
  result: OutcomeResult;
  /** The phase the run ended in (for `advanced`, the final phase reached). */
  phase: string;
  day: number;
  cause?: string;
  metrics: Metrics;
  /** Scenarios with `talks:` only. */
  talks?: TalksOutcome;
}

export interface RunResult {
  scenario: string;
  seed: string;
  params: Record<string, number>;
  outcome: Outcome;
  trace: TraceEvent[];
  /** The talks round by round (scenarios with `talks:` only). */
  talks?: TalksResult;
}
