/** Whether the stocks can meet what the obligations promise, with every occurrence counted. */
import { moduleOf } from '../kinds/registry.ts';
import { own } from '../own.ts';
import type { Scenario } from '../schema.ts';
import { occurrenceCount, phaseOf, quantityByCategory, readRatio } from '../terms.ts';
import type { Reporter } from './references.ts';

/** Flags promises the stocks cannot keep: more released than held, or a ratio that outruns its stock. */
export function checkStockSufficiency(s: Scenario, report: Reporter): void {
  const promised = new Map<string, Record<string, number>>();
  const firstIndex = new Map<string, number>();
  const indexById = new Map(s.obligations.map((o, i) => [o.id, i]));
  const memo = new Map<number, number>();
  const occurrences = (start: number): number => {
    // Follow `after` to the obligation that sets the schedule (iteratively: chains can be long).
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
  const add = (stockId: string, category: string, amount: number, i: number) => {
    const bucket = promised.get(stockId) ?? {};
    bucket[category] = (bucket[category] ?? 0) + amount;
    promised.set(stockId, bucket);
    if (!firstIndex.has(stockId)) firstIndex.set(stockId, i);
  };
  s.obligations.forEach((o, i) => {
    const terms = moduleOf(o).stock?.(o);
    const stock = terms ? own(s.stocks, terms.stock) : undefined;
    if (!terms || !stock) return;
    const categories = Object.keys(stock.count);
    if (terms.ratio !== undefined) {
      const ratio = readRatio(terms.ratio);
      const paidFor = terms.inReturnFor !== undefined ? (indexById.get(terms.inReturnFor) ?? -1) : -1;
      const paidForObligation = s.obligations[paidFor];
      const paidForTerms = paidForObligation ? moduleOf(paidForObligation).stock?.(paidForObligation) : undefined;
      const paidForStock = paidForTerms ? own(s.stocks, paidForTerms.stock) : undefined;
      if (!ratio || !paidForTerms || !paidForStock) return;
      const q = quantityByCategory(paidForTerms.quantity, Object.keys(paidForStock.count));
      const units = q ? Object.values(q).reduce((a, b) => a + b, 0) * occurrences(paidFor) : 0;
      add(terms.stock, terms.category ?? categories[0]!, Math.ceil(units * ratio.value), i);
      return;
    }
    const q = quantityByCategory(terms.quantity, categories);
    if (!q) return;
    for (const [category, amount] of Object.entries(q)) add(terms.stock, category, amount * occurrences(i), i);
  });
  for (const [stockId, bucket] of promised) {
    const stock = s.stocks[stockId]!;
    for (const [category, amount] of Object.entries(bucket)) {
      const held = own(stock.count, category);
      if (held !== undefined && amount > held) {
        const label = category === 'all' ? `\`${stockId}\`` : `\`${stockId}.${category}\``;
        report(['obligations', firstIndex.get(stockId)!], `the obligations release ${amount} of ${label} but only ${held} are held`, `lower the quantities or ratio, or raise \`stocks.${stockId}.count\``);
      }
    }
  }
}
