/**
 * `exchange`: a party releases units of its stock in return for a release — at a ratio of what that
 * release actually freed, or a fixed quantity scaled by the share of it carried out.
 */
import * as z from 'zod';
import { BOUNDS, BOUNDS_HINT } from '../bounds.ts';
import { hasOwn } from '../own.ts';
import { Id, Quantity, RatioOrParameter, type NumberOrParameter } from '../primitives.ts';
import { namesStock, readRatio, type Ratio } from '../terms.ts';
import { defineKind, type CheckContext, type EffectContext, type EffectResult, type Payment, type StockTerms, type WordingContext } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';
import { listPhrase, moveOwed, quantityPhrase, scaled } from './quantity.ts';

/** What an exchange in return for a release reports as still owed: units of that release not yet paid for. */
const UNPAID = 'unpaid';

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
    const payment = ctx.payment();
    if (payment === undefined || (o.ratio === undefined && payment.planned <= 0)) {
      const moved = moveOwed(ctx, o.stock, o.ratio !== undefined ? {} : scaled(o.quantity, categories, 1, ctx), fraction);
      moved.text = `released ${moved.text} in exchange`;
      return moved;
    }
    if (typeof o.ratio === 'object') return payPerCategory(o, o.ratio, payment, ctx, fraction);
    const ratio = o.ratio !== undefined ? ctx.number(readRatio(o.ratio)!.value) : undefined;
    // Paid for in release units; what is due in return is rounded over the total paid, so paying in parts loses no unit.
    const inReturn = (paid: number) => (ratio !== undefined ? { [o.category ?? categories[0]!]: Math.round(paid * ratio) } : scaled(o.quantity, categories, paid / payment.planned, ctx));
    // It owes its whole balance, the first time or as a rest (which takes in units released since, whose own copy it displaced).
    const owing = payment.released - payment.paid;
    const paying = Math.floor(owing * fraction + 1e-9);
    const before = inReturn(payment.paid);
    const wanted = inReturn(payment.paid + paying);
    for (const category of Object.keys(wanted)) wanted[category]! -= before[category] ?? 0;
    ctx.pay(paying);
    const moved = ctx.moveStock(o.stock, wanted);
    const anyHeld = Object.keys(wanted).some((category) => ctx.held(o.stock, category) > 0);
    // `moved` is moveStock's fresh result: completed in place rather than spread into a copy.
    moved.text = `released ${moved.text} in exchange`;
    moved.owed = { [UNPAID]: anyHeld ? owing - paying : 0 };
    return moved;
  },
  wording(o, ctx) {
    if (o.ratio === undefined) return `release ${quantityPhrase(ctx, o.stock, o.quantity)} in exchange`;
    return `release ${ratioPhrase(o.ratio, o.stock, ctx)}, in exchange`;
  },
  remainder: true,
  track: 'exchanges',
  counters: [],
});

/**
 * An exchange at a ratio per category of its release: a balance per category the ratio lists (a
 * category it does not list is never paid for), each paid in the same fraction; what is released
 * is the worth Σ k_c·x_c of the total paid, rounded, less that of what was paid before.
 */
function payPerCategory(o: { stock: string; category?: string }, ratio: Readonly<Record<string, NumberOrParameter>>, payment: Payment, ctx: EffectContext, fraction: number): EffectResult {
  const paying: Record<string, number> = {};
  let owing = 0;
  let paid = 0;
  let worthBefore = 0;
  let worthAfter = 0;
  for (const [category, k] of Object.entries(ratio)) {
    const before = payment.paidByCategory[category] ?? 0;
    const balance = (payment.releasedByCategory[category] ?? 0) - before;
    const units = Math.floor(balance * fraction + 1e-9);
    paying[category] = units;
    owing += balance;
    paid += units;
    worthBefore += ctx.number(k) * before;
    worthAfter += ctx.number(k) * (before + units);
  }
  ctx.pay(paid, paying);
  const category = o.category ?? ctx.categories(o.stock)[0]!;
  const moved = ctx.moveStock(o.stock, { [category]: Math.round(worthAfter) - Math.round(worthBefore) });
  return { ...moved, text: `released ${moved.text} in exchange`, owed: { [UNPAID]: ctx.held(o.stock, category) > 0 ? owing - paid : 0 } };
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
