/** What a party must answer: an obligation fell due, or it is offered an extension. */
import type { Response, ResponseProbabilities } from './response.ts';

export interface Decision {
  kind: 'obligation' | 'extension';
  day: number;
  party: string;
  obligation: string;
  /** "Hamas must disclose information about the remaining captives." */
  text: string;
  probabilities: ResponseProbabilities;
  /** Responses that make sense here (an extension offer is accepted or declined). */
  allowed: readonly Response[];
  /** For an obligation: which occurrence of it (0, 1, …) and which attempt at that occurrence
   * (0, then 1 after a delay, …) — with the obligation, what this decision's draws are keyed by. */
  occurrence?: number;
  attempt?: number;
  /** The run follows the record here: unless a person chooses, the record answers. */
  recorded?: boolean;
}

export const ANY_RESPONSE: readonly Response[] = Object.freeze(['comply', 'delay', 'partial', 'violate', 'refuse'] as const);
export const ACCEPT_OR_DECLINE: readonly Response[] = Object.freeze(['comply', 'refuse'] as const);
