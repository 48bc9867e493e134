/**
 * What an obligation kind is: one module holding its schema, load-time checks, effect, wording,
 * timeline track and counters. The engine runs effects through `EffectContext`, which it
 * implements over its own state, so this layer imports nothing from the engine.
 */
import type * as z from 'zod';
import type { NumberOrParameter, Quantity } from '../primitives.ts';
import type { Ratio } from '../terms.ts';
import type { DataPath } from '../yaml-source.ts';
import type { ObligationBase } from './obligation-base.ts';


/** The rows of the timeline, top to bottom (`events` — incidents and phases — comes last). */
export const TRACKS = [
  { id: 'releases', label: 'Releases' },
  { id: 'exchanges', label: 'Exchanges' },
  { id: 'disclosures', label: 'Disclosures' },
  { id: 'withdrawals', label: 'Withdrawals' },
  { id: 'aid-crossings', label: 'Aid & crossings' },
  { id: 'talks-gates', label: 'Talks & gates' },
  { id: 'operations', label: 'Operations' },
] as const;
export type Track = (typeof TRACKS)[number]['id'];

/**
 * A number a run counts up (a metric column in batch output). `reported: 'always'` puts it in
 * every run's metrics, as format v1's first counters always were; `'when-used'` only in scenarios
 * with an obligation of the kind that declares it, so older outputs keep their columns.
 */
export interface CounterSpec {
  name: string;
  reported: 'always' | 'when-used';
  /** The run summary's words for it, e.g. `aid trucks`; printed when it is not 0. */
  summary?: string;
  /** The label in a branch comparison, e.g. `Aid trucks`. */
  compare?: string;
  /** Its tile in the counters panel (`data-counter` is `id`). */
  panel?: {
    id: string;
    label: string;
    showZero: boolean;
    /** Another counter shown beside it, e.g. `2 partial`; undefined shows nothing. */
    detail?: { counter: string; text: (value: number) => string | undefined };
  };
}

/** Where a stock-moving kind takes its units from: shared checks (stock, categories, sufficiency) read it. */
export interface StockTerms {
  stock: string;
  quantity?: Quantity;
  /** An exchange at a ratio: units of `stock` per unit (or per unit of each category) the paid-for release actually moved. */
  ratio?: Ratio;
  category?: string;
  inReturnFor?: string;
}

/** Names the wording and the effects use. */
export interface WordingContext {
  stockName(stock: string): string;
  zoneName(zone: string): string;
  crossingName(crossing: string): string;
  /** A number, or the value of the named parameter in this run. */
  number(value: NumberOrParameter): number;
  /** A count: a number, or the named parameter's value in this run rounded to the nearest whole number (like days). */
  whole(value: NumberOrParameter): number;
}

export interface EffectResult {
  /** What happened, finishing the sentence "<Party> <responded>: …". */
  text: string;
  /** Held-stock changes, keyed `stock.category`, negative for releases. */
  changes?: Record<string, number>;
  /** Units moved (what an exchange in return for it pays for). */
  units: number;
  /** A kind with `remainder`: what is still owed of this occurrence after carrying it out (all 0: nothing). */
  owed?: Record<string, number>;
}

/**
 * What an exchange `in-return-for` a release has to pay for: the units that release has moved so
 * far (every occurrence; in total and per category of its stock), the units of it this exchange
 * has paid for so far (the same two ways; a category not yet paid for is absent), and the units
 * the release plans per occurrence (its quantity, summed).
 */
export interface Payment {
  released: number;
  releasedByCategory: Readonly<Record<string, number>>;
  paid: number;
  paidByCategory: Readonly<Record<string, number>>;
  planned: number;
}

/** What an effect may do to a run; the engine implements it over its state. */
export interface EffectContext extends WordingContext {
  /** The categories of a stock, in declaration order. */
  categories(stock: string): readonly string[];
  /** Moves up to `wanted` per category from held to released (never below 0); returns what moved, as a fresh result the effect may complete in place (its `text` is empty when the run keeps no trace). */
  moveStock(stock: string, wanted: Readonly<Record<string, number>>): EffectResult;
  /** Units of a stock's category held now. */
  held(stock: string, category: string): number;
  /** When this carrying out is of a remainder: what is still owed of the occurrence, as the kind's effect reported it; undefined the first time. */
  owed(): Readonly<Record<string, number>> | undefined;
  /** For an exchange `in-return-for` a release: what it has to pay for so far (undefined when it pays for no release). */
  payment(): Payment | undefined;
  /** Records that this exchange has paid for `units` more units of its release (`byCategory`: split per category, for a per-category ratio). */
  pay(units: number, byCategory?: Readonly<Record<string, number>>): void;
  count(counter: string, amount: number): void;
  setZoneWithdrawn(zone: string): void;
  setCrossingOpen(crossing: string, open: boolean): void;
}

/** What a kind's load-time checks may look at and report; paths are relative to the obligation. */
export interface CheckContext {
  report(path: DataPath, message: string, hint?: string, where?: { key?: boolean; offset?: number }): void;
  /** Checks a number or parameter used as a count, a probability, a ratio, or freely. */
  value(path: DataPath, value: NumberOrParameter | undefined, use: 'count' | 'probability' | 'ratio' | 'free'): void;
  /** A hint naming the nearest of `candidates`, or listing them. */
  hint(what: string, wanted: string, candidates: readonly string[]): string | undefined;
  stocks: Readonly<Record<string, { heldBy: string; count: Record<string, number> }>>;
  zones: Readonly<Record<string, { heldBy: string }>>;
  crossings: Readonly<Record<string, unknown>>;
  /** Another obligation by id, with what its kind says about stocks. */
  obligation(id: string): { kind: string; stock?: StockTerms; payable: boolean } | undefined;
  obligationIds: readonly string[];
}

export interface ObligationKindModule<K extends string = string, S extends z.ZodType = z.ZodType, O extends ObligationBase = z.output<S> & ObligationBase> {
  kind: K;
  /** A member of the obligations' `z.discriminatedUnion('kind', …)`. */
  schema: S;
  /** Checks beyond shape (references to stocks, zones, crossings, other obligations). */
  check?(o: O, ctx: CheckContext): void;
  /** The stock it moves, for the shared stock checks and the sufficiency check. */
  stock?(o: O): StockTerms | undefined;
  /** An exchange may be made `in-return-for` obligations of this kind. */
  payable?: boolean;
  /**
   * It moves quantities that are owed in full: after a partial answer, its effect reports what is
   * still owed (`EffectResult.owed`) and the rest falls due again the next day (docs/model.md, "Remainders").
   */
  remainder?: boolean;
  /** What carrying it out changes; `fraction` is 1 for comply, in [0.25, 0.75) for partial. */
  effect(o: O, ctx: EffectContext, fraction: number): EffectResult;
  /** What a violation or refusal undoes (e.g. a crossing stays closed). */
  onFailure?(o: O, ctx: EffectContext): void;
  /** Completes "<Party> must …" when the writer gave no `text`. */
  wording(o: O, ctx: WordingContext): string;
  track: Track;
  counters: readonly CounterSpec[];
}

/** Identity with the types checked: a kind module is written as `defineKind({ … })`. */
export function defineKind<K extends string, S extends z.ZodType>(module: ObligationKindModule<K, S>): ObligationKindModule<K, S> {
  return module;
}
