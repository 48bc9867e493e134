/**
 * What came of a seated mediator's turn (docs/model.md, "A person at the table"): what it proposed
 * (its own package, the model's, or nothing) and how each side answered it by the acceptance rule,
 * with the numbers the rule compared, so the consequence can be shown next to the choice. The
 * table keeps only its book at that moment; the answers are worked out here when asked for (the
 * stepper's talks panel), which keeps them off the app's first page.
 */
import type { CompiledTalks } from './compile.ts';
import { TALKS_STRATEGY_REGISTRY } from './strategies/registry.ts';
import { acceptance, nextWorth, type Book } from './table.ts';
import { utility } from './utility.ts';

/** One side's answer to a proposal: its utility of it, and the bars of the acceptance rule. */
export interface BridgeReply {
  party: string;
  accepts: boolean;
  /** The bar of the rule the proposal cleared (absent when refused): its own next offer, or its floor in the last round. */
  clears?: 'next' | 'floor';
  /** U(proposal) to this side. */
  worth: number;
  /** U(its own next offer) to this side. */
  next: number;
  /** In the last round only: its floor φ (it also accepts anything worth at least that). */
  floor?: number;
}

export interface BridgeOutcome {
  round: number;
  /** `propose`: the person's package; `model`: the model's proposal (or none); `stay`: stayed out. */
  answer: 'propose' | 'model' | 'stay';
  /** What was proposed; absent when nothing was. */
  values?: number[];
  /** The table's book when the sides answered the proposal (with `values`). */
  book?: Book;
}

/** Each side's answer to the bridge's proposal (side 0 first; none when nothing was proposed). Both accept: the deal. */
export function bridgeReplies(talks: CompiledTalks, bridge: BridgeOutcome): BridgeReply[] {
  const { values, book, round } = bridge;
  if (!values || !book) return [];
  return talks.sides.map((side, s) => {
    const worth = utility(side, values);
    const floor = round === talks.deadline ? { floor: TALKS_STRATEGY_REGISTRY[side.strategy].floor(side, book.pressure[s]!) } : {};
    const clears = acceptance(talks, book, s, round, worth);
    return { party: side.id, accepts: clears !== undefined, ...(clears ? { clears } : {}), worth, next: nextWorth(talks, book, s, round), ...floor };
  });
}
