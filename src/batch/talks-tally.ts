/**
 * The talks part of a variation's tally (scenarios with `talks:` only): deals, the round each deal
 * was struck in, the agreed value of each issue, and how the truce did after a deal — all counts,
 * so it merges exactly like the rest of the tally (aggregate.ts) — and the statistics from it.
 */
import type { Outcome } from '../engine/index.ts';
import { newRecord } from './record.ts';
import { describe, wilson, type MetricStats, type Proportion } from './statistics.ts';

/** As stored in a summary's tally; `[value, runs]` pairs ascending by value. */
export interface TalksTallyData {
  deals: number;
  /** Runs with a deal whose truce did not collapse. */
  heldAfterDeal: number;
  dealRounds: [number, number][];
  /** issue id → [agreed value, runs]. */
  terms: Record<string, [number, number][]>;
  /** issue id → [agreed value, runs whose truce then did not collapse]. */
  heldTerms: Record<string, [number, number][]>;
}

export interface TalksSummary {
  /** P(deal). */
  deal: Proportion;
  /** Round of the deal = days of talks to agree. */
  daysToAgree: MetricStats;
  /** Per issue: the agreed value's distribution. */
  terms: Record<string, MetricStats>;
  /** P(the truce does not collapse | deal). */
  holdsGivenDeal: Proportion;
  /** P(deal and the truce does not collapse) over all runs. */
  holds: Proportion;
  /** Per issue: [agreed value, deals on it, P(the truce does not collapse | deal on that value)]. */
  holdsByTerm: Record<string, [number, number, Proportion][]>;
}

type Histogram = Map<number, number>;
const bump = (h: Histogram, key: number, by = 1) => h.set(key, (h.get(key) ?? 0) + by);
const pairs = (h: Histogram): [number, number][] => [...h.entries()].sort((a, b) => a[0] - b[0]);

export class TalksTally {
  deals = 0;
  heldAfterDeal = 0;
  readonly dealRounds: Histogram = new Map();
  readonly terms = new Map<string, Histogram>();
  readonly heldTerms = new Map<string, Histogram>();

  add(outcome: Outcome): void {
    const talks = outcome.talks;
    if (!talks?.deal) return;
    const held = outcome.result !== 'collapsed';
    this.deals++;
    if (held) this.heldAfterDeal++;
    bump(this.dealRounds, talks.round);
    for (const [issue, value] of Object.entries(talks.terms ?? {})) {
      bump(this.histogram(this.terms, issue), value);
      bump(this.histogram(this.heldTerms, issue), value, held ? 1 : 0);
    }
  }

  merge(data: TalksTallyData): this {
    this.deals += data.deals;
    this.heldAfterDeal += data.heldAfterDeal;
    for (const [round, n] of data.dealRounds) bump(this.dealRounds, round, n);
    for (const [issue, list] of Object.entries(data.terms)) for (const [v, n] of list) bump(this.histogram(this.terms, issue), v, n);
    for (const [issue, list] of Object.entries(data.heldTerms)) for (const [v, n] of list) bump(this.histogram(this.heldTerms, issue), v, n);
    return this;
  }

  toData(): TalksTallyData {
    const record = (m: Map<string, Histogram>) => {
      const out = newRecord<[number, number][]>();
      for (const key of [...m.keys()].sort()) out[key] = pairs(m.get(key)!);
      return out;
    };
    return { deals: this.deals, heldAfterDeal: this.heldAfterDeal, dealRounds: pairs(this.dealRounds), terms: record(this.terms), heldTerms: record(this.heldTerms) };
  }

  private histogram(m: Map<string, Histogram>, issue: string): Histogram {
    let h = m.get(issue);
    if (!h) m.set(issue, (h = new Map()));
    return h;
  }
}

export function talksSummary(data: TalksTallyData, runs: number): TalksSummary {
  const terms = newRecord<MetricStats>();
  const holdsByTerm = newRecord<[number, number, Proportion][]>();
  for (const [issue, list] of Object.entries(data.terms)) {
    terms[issue] = describe(list);
    const held = new Map(data.heldTerms[issue] ?? []);
    holdsByTerm[issue] = list.map(([value, n]) => [value, n, wilson(held.get(value) ?? 0, n)]);
  }
  return {
    deal: wilson(data.deals, runs),
    daysToAgree: describe(data.dealRounds),
    terms,
    holdsGivenDeal: wilson(data.heldAfterDeal, data.deals),
    holds: wilson(data.heldAfterDeal, runs),
    holdsByTerm,
  };
}

/** What does not add up in a talks tally of `runs` runs, or undefined. */
export function talksTallyProblem(t: unknown, runs: number): string | undefined {
  const d = t as TalksTallyData;
  const isCount = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  if (!d || typeof d !== 'object' || !isCount(d.deals) || !isCount(d.heldAfterDeal) || !Array.isArray(d.dealRounds) || typeof d.terms !== 'object' || typeof d.heldTerms !== 'object') return 'the talks tally is missing deals, heldAfterDeal, dealRounds, terms or heldTerms';
  if (d.deals > runs || d.heldAfterDeal > d.deals) return `the talks tally holds ${d.deals} deals (${d.heldAfterDeal} held) for ${runs} runs`;
  const total = (list: unknown) => (Array.isArray(list) ? list.reduce((a: number, p: unknown) => a + (Array.isArray(p) && isCount(p[1]) ? (p[1] as number) : NaN), 0) : NaN);
  if (total(d.dealRounds) !== d.deals) return `the talks deal rounds add up to ${total(d.dealRounds)} but the tally holds ${d.deals} deals`;
  for (const [issue, list] of Object.entries(d.terms)) if (total(list) !== d.deals) return `the agreed values of ${issue} add up to ${total(list)} runs but the tally holds ${d.deals} deals`;
  return undefined;
}
