/**
 * Whether the stocks can meet what the obligations promise, with every occurrence counted. A
 * quantity or ratio that names a parameter is counted at the top of the parameter's range.
 */
import { moduleOf } from '../kinds/registry.ts';
import { own } from '../own.ts';
import type { NumberOrParameter } from '../primitives.ts';
import type { Scenario } from '../schema.ts';
import { occurrenceCount, phaseOf, quantityByCategory, readRatio, type Ratio } from '../terms.ts';
import type { Reporter } from './references.ts';

/** Flags promises the stocks cannot keep: more released than held, or a ratio that outruns its stock. */
export function checkStockSufficiency(s: Scenario, report: Reporter): void {
  const promised = new Map<string, Record<string, number>>();
  const firstIndex = new Map<string, number>();
  const indexById = new Map(s.obligations.map((o, i) => [o.id, i]));
  const occurrences = occurrenceCounter(s, indexById);
  /** Per stock, the parameters counted at the top of their range in what it is asked for. */
  const swept = new Map<string, Set<string>>();
  let used = new Set<string>();
  /** A number, or a parameter at the top of its range (an unknown parameter is reported elsewhere and counts 0). */
  const top = (v: NumberOrParameter): number => {
    if (typeof v === 'number') return v;
    const parameter = own(s.parameters, v);
    if (parameter) used.add(v);
    return parameter ? parameter.range[1] : 0;
  };
  const add = (stockId: string, category: string, amount: number, i: number) => {
    const bucket = promised.get(stockId) ?? {};
    bucket[category] = (bucket[category] ?? 0) + amount;
    promised.set(stockId, bucket);
    if (!firstIndex.has(stockId)) firstIndex.set(stockId, i);
    for (const p of used) swept.set(stockId, (swept.get(stockId) ?? new Set()).add(p));
  };
  s.obligations.forEach((o, i) => {
    used = new Set();
    const terms = moduleOf(o).stock?.(o);
    const stock = terms ? own(s.stocks, terms.stock) : undefined;
    if (!terms || !stock) return;
    const categories = Object.keys(stock.count);
    if (terms.ratio !== undefined) {
      const paidFor = terms.inReturnFor !== undefined ? (indexById.get(terms.inReturnFor) ?? -1) : -1;
      const paidForObligation = s.obligations[paidFor];
      const paidForTerms = paidForObligation ? moduleOf(paidForObligation).stock?.(paidForObligation) : undefined;
      const paidForStock = paidForTerms ? own(s.stocks, paidForTerms.stock) : undefined;
      const q = paidForTerms && paidForStock ? quantityByCategory(paidForTerms.quantity, Object.keys(paidForStock.count)) : undefined;
      const perOccurrence = q ? unitsAtTopRatio(terms.ratio, q, top) : undefined;
      if (perOccurrence !== undefined) add(terms.stock, terms.category ?? categories[0]!, Math.ceil(perOccurrence * occurrences(paidFor)), i);
      return;
    }
    const q = quantityByCategory(terms.quantity, categories);
    if (!q) return;
    for (const [category, amount] of Object.entries(q)) add(terms.stock, category, top(amount) * occurrences(i), i);
  });
  for (const [stockId, bucket] of promised) {
    const stock = s.stocks[stockId]!;
    const parameters = [...(swept.get(stockId) ?? [])];
    const atTop = parameters.length === 0 ? '' : `, with ${parameters.map((p) => `\`${p}\``).join(', ')} at the top of ${parameters.length === 1 ? 'its range' : 'their ranges'}`;
    for (const [category, amount] of Object.entries(bucket)) {
      const held = own(stock.count, category);
      if (held !== undefined && amount > held) {
        const label = category === 'all' ? `\`${stockId}\`` : `\`${stockId}.${category}\``;
        report(['obligations', firstIndex.get(stockId)!], `the obligations release ${amount} of ${label} but only ${held} are held${atTop}`, `lower the quantities or ratio${parameters.length > 0 ? ' (or the top of the parameter ranges)' : ''}, or raise \`stocks.${stockId}.count\``);
      }
    }
  }
}

/** Units a ratio asks for per occurrence of the paid-for release `q`; undefined when the ratio cannot be read. */
function unitsAtTopRatio(ratio: Ratio, q: Readonly<Record<string, NumberOrParameter>>, top: (v: NumberOrParameter) => number): number | undefined {
  if (typeof ratio === 'object') return Object.entries(ratio).reduce((sum, [category, k]) => sum + (own(q, category) === undefined ? 0 : top(q[category]!) * top(k)), 0);
  const read = readRatio(ratio);
  if (!read) return undefined;
  return Object.values(q).reduce<number>((sum, amount) => sum + top(amount), 0) * top(read.value);
}

/** Occurrences of each obligation, following `after` to the obligation that sets the schedule (iteratively: chains can be long). */
function occurrenceCounter(s: Scenario, indexById: ReadonlyMap<string, number>): (start: number) => number {
  const memo = new Map<number, number>();
  return (start) => {
    const chain: number[] = [];
    const seen = new Set<number>();
    let i = start;
    while (!memo.has(i) && chain.length <= s.obligations.length) {
      chain.push(i);
      seen.add(i);
      const target = s.obligations[i]!.after;
      const next = target !== undefined ? indexById.get(target) : undefined;
      if (next === undefined || seen.has(next)) {
        const o = s.obligations[i]!;
        const days = next === undefined ? occurrenceCount(o, phaseOf(s, o).length ?? 0) : 1;
        memo.set(i, days > 0 ? days : 1);
        break;
      }
      i = next;
    }
    const value = memo.get(i) ?? 1;
    for (const k of chain) memo.set(k, value);
    return value;
  };
}
