/**
 * `exchange`: a party releases units of its stock in return for a release — at a ratio of what that
 * release actually freed, or a fixed quantity scaled by the share of it carried out.
 */
import * as z from 'zod';
import { BOUNDS, BOUNDS_HINT } from '../bounds.ts';
import { hasOwn } from '../own.ts';
import { Id, Quantity, RatioOrParameter } from '../primitives.ts';
import { namesStock, readRatio, type Ratio } from '../terms.ts';
import { defineKind, type CheckContext, type EffectContext, type StockTerms, type WordingContext } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';
import { listPhrase, quantityPhrase, scaled } from './quantity.ts';

export const exchange = defineKind({
  kind: 'exchange',
  schema: obligationSchema('exchange', 'Releases units of a stock in return for a release.', {
    stock: Id.describe('The stock released in exchange, e.g. `prisoners`.'),
    quantity: Quantity.optional(),
    ratio: z
      .union([z.number().min(0, { error: `a ratio is from 0 to ${BOUNDS.ratio}` }).max(BOUNDS.ratio, { error: `a ratio is at most ${BOUNDS.ratio}` }), z.string(), z.record(Id, RatioOrParameter)], { error: 'a ratio is a number, a parameter, `3 prisoners per captive`, or one per category like `{ civilian: 30, soldier: 50 }`' })
      .optional()
      .describe('How many per unit released, e.g. `3`, a parameter, `3 prisoners per captive`, or per category of the paid-for release, e.g. `{ civilian: 30, soldier: 50 }`.'),
    category: Id.optional().describe('With a ratio: the category released (default: the first).'),
    'in-return-for': Id.optional().describe('The release this pays for; its size scales with what that release actually freed.'),
  }).transform(({ 'in-return-for': inReturnFor, ...rest }) => ({ ...rest, inReturnFor })),
  stock: (o) => ({ stock: o.stock, quantity: o.quantity, ratio: o.ratio, category: o.category, inReturnFor: o.inReturnFor }),
  check(o, ctx) {
    if (o.ratio === undefined && o.quantity === undefined) ctx.report([], 'an exchange needs `ratio` (with `in-return-for`) or `quantity`');
    const paidFor = o.inReturnFor !== undefined ? ctx.obligation(o.inReturnFor) : undefined;
    if (o.inReturnFor !== undefined) {
      if (!paidFor) ctx.report(['in-return-for'], `unknown obligation \`${o.inReturnFor}\``, ctx.hint('obligation', o.inReturnFor, ctx.obligationIds));
      else if (!paidFor.payable) ctx.report(['in-return-for'], `\`${o.inReturnFor}\` is a ${paidFor.kind}, not a release`);
    }
    if (o.ratio === undefined) return;
    checkRatio(o, o.ratio, paidFor?.stock, ctx);
    const stock = hasOwn(ctx.stocks, o.stock) ? ctx.stocks[o.stock] : undefined;
    if (o.category !== undefined && stock && !hasOwn(stock.count, o.category)) ctx.report(['category'], `stock \`${o.stock}\` has no category \`${o.category}\``, ctx.hint('category', o.category, Object.keys(stock.count)));
  },
  effect(o, ctx, fraction) {
    const categories = ctx.categories(o.stock);
    const paidFor = ctx.paidForUnits();
    let wanted: Record<string, number>;
    if (o.ratio !== undefined) {
      wanted = { [o.category ?? categories[0]!]: Math.round(unitsAtRatio(o.ratio, paidFor, ctx) * fraction) };
    } else {
      const planned = ctx.paidForPlannedUnits();
      const share = paidFor !== undefined && planned > 0 ? paidFor / planned : 1;
      wanted = scaled(o.quantity, categories, share * fraction, ctx);
    }
    const moved = ctx.moveStock(o.stock, wanted);
    return { ...moved, text: `released ${moved.text} in exchange` };
  },
  wording(o, ctx) {
    if (o.ratio === undefined) return `release ${quantityPhrase(ctx, o.stock, o.quantity)} in exchange`;
    return `release ${ratioPhrase(o.ratio, o.stock, ctx)}, in exchange`;
  },
  track: 'exchanges',
  counters: [],
});

/**
 * Units of the exchanged stock a ratio asks for, before the fraction: one ratio times the units the
 * paid-for release moved, or each category's ratio times its units, summed (categories it does
 * not name pay nothing).
 */
function unitsAtRatio(ratio: Ratio, paidFor: number | undefined, ctx: EffectContext): number {
  if (typeof ratio !== 'object') return (paidFor ?? 0) * ctx.number(readRatio(ratio)!.value);
  const moved = ctx.paidForUnitsByCategory() ?? {};
  let units = 0;
  for (const [category, k] of Object.entries(ratio)) units += (moved[category] ?? 0) * ctx.number(k);
  return units;
}

function ratioPhrase(ratio: Ratio, stock: string, ctx: WordingContext): string {
  if (typeof ratio === 'object') return `${ctx.stockName(stock)}: ${listPhrase(Object.entries(ratio).map(([category, k]) => `${ctx.number(k)} for each ${category}`))} freed`;
  const read = readRatio(ratio);
  if (read?.give !== undefined) return `${ratio} freed`;
  return `${read ? ctx.number(read.value) : ratio} ${ctx.stockName(stock)} for each one freed`;
}

/** A ratio reads, lies within its bound (a parameter: its whole range), and names what the two releases move. */
function checkRatio(o: { stock: string; inReturnFor?: string }, ratio: Ratio, paidFor: StockTerms | undefined, ctx: CheckContext): void {
  if (o.inReturnFor === undefined) ctx.report(['ratio'], 'a ratio needs `in-return-for: <release>` to say what it is a ratio of');
  if (typeof ratio === 'object') {
    const paidForStock = paidFor && hasOwn(ctx.stocks, paidFor.stock) ? ctx.stocks[paidFor.stock] : undefined;
    for (const [category, k] of Object.entries(ratio)) {
      ctx.value(['ratio', category], k, 'ratio');
      if (paidForStock && !hasOwn(paidForStock.count, category)) ctx.report(['ratio', category], `\`${o.inReturnFor}\` releases \`${paidFor!.stock}\`, which has no category \`${category}\``, ctx.hint('category', category, Object.keys(paidForStock.count)), { key: true });
    }
    return;
  }
  const read = readRatio(ratio);
  if (!read) return ctx.report(['ratio'], `cannot read the ratio \`${ratio}\``, 'write `3`, a parameter, `3 prisoners per captive`, or one per category like `{ civilian: 30, soldier: 50 }`');
  if (typeof read.value === 'number' && read.value > BOUNDS.ratio) ctx.report(['ratio'], `a ratio of ${read.value} is outside 0 to ${BOUNDS.ratio}`, BOUNDS_HINT);
  else ctx.value(['ratio'], read.value, 'ratio');
  if (read.give && !namesStock(read.give, o.stock)) ctx.report(['ratio'], `the ratio gives \`${read.give}\` but the exchange releases \`${o.stock}\``);
  if (read.per && paidFor?.stock && !namesStock(read.per, paidFor.stock)) ctx.report(['ratio'], `the ratio is per \`${read.per}\` but \`${o.inReturnFor}\` releases \`${paidFor.stock}\``);
}
