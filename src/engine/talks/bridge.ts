/**
 * What came of a seated mediator's turn (docs/model.md, "A person at the table"): what it proposed
 * (its own package, the model's, or nothing) and how each side answered it by the acceptance rule,
 * with the numbers the rule compared, so the consequence can be shown next to the choice.
 */

/** One side's answer to a proposal: its utility of it, and the bars of the acceptance rule. */
export interface BridgeReply {
  party: string;
  accepts: boolean;
  /** U(proposal) to this side. */
  worth: number;
  /** U(its own next offer) to this side. */
  next: number;
  /** In the last round only: its floor φ (it also accepts anything worth at least that). */
  floor?: number;
}

export interface BridgeOutcome {
  round: number;
  /** The seated mediator. */
  mediator: string;
  /** `propose`: the person's package; `model`: the model's proposal (or none); `stay`: stayed out. */
  answer: 'propose' | 'model' | 'stay';
  /** What was proposed; absent when nothing was. */
  values?: number[];
  /** Side 0 first; empty when nothing was proposed. */
  replies: BridgeReply[];
  deal: boolean;
}
