/**
 * What a party must answer: an obligation fell due, it is offered an extension, or — for a
 * mediator or guarantor a person plays — one of its levers (levers.ts): press a party that fell
 * short, keep or withdraw a guarantee, offer a withdrawn guarantee again, broker an extension.
 */
import type { Response, ResponseProbabilities } from './response.ts';

/** `press`, `guarantee`, `reoffer` and `broker` are a played mediator's levers; they exist only when a person holds them. */
export type DecisionKind = 'obligation' | 'extension' | 'press' | 'guarantee' | 'reoffer' | 'broker';

export interface Decision {
  kind: DecisionKind;
  day: number;
  party: string;
  /** The obligation it answers; for a lever, what it is about: the obligation that fell short
   * (`press`), `guarantee:<beneficiary>` (`guarantee`, `reoffer`) or `extension:<phase id>`. */
  obligation: string;
  /** "Hamas must disclose information about the remaining captives." */
  text: string;
  probabilities: ResponseProbabilities;
  /** Responses that make sense here (an extension offer is accepted or declined; a lever is used (comply) or not (refuse)). */
  allowed: readonly Response[];
  /** For an obligation: which occurrence of it (0, 1, …) and which attempt at that occurrence
   * (0, then 1 after a delay, …) — with the obligation, what this decision's draws are keyed by. */
  occurrence?: number;
  attempt?: number;
  /** The run follows the record here: unless a person chooses, the record answers. */
  recorded?: boolean;
  /** For a lever: the party it acts on (the party pressed, the guarantee's beneficiary). */
  target?: string;
}

export const ANY_RESPONSE: readonly Response[] = Object.freeze(['comply', 'delay', 'partial', 'violate', 'refuse'] as const);
export const ACCEPT_OR_DECLINE: readonly Response[] = Object.freeze(['comply', 'refuse'] as const);
