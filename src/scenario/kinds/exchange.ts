/**
 * `exchange`: a party releases units of its stock in return for a release — at a ratio of what that
 * release actually freed, or a fixed quantity scaled by the share of it carried out.
 */
import * as z from 'zod';
import { BOUNDS, BOUNDS_HINT } from '../bounds.ts';
import { hasOwn } from '../own.ts';
import { Id, Quantity } from '../primitives.ts';
import { namesStock, readRatio } from '../terms.ts';
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';
import { moveOwed, quantityPhrase, scaled } from './quantity.ts';

/** What an exchange in return for a release reports as still owed: units of that release not yet paid for. */
const UNPAID = 'unpaid';

export const exchange = defineKind({
  kind: 'exchange',
  schema: obligationSchema('exchange', 'Releases units of a stock in return for a release.', {
    stock: Id.describe('The stock released in exchange, e.g. `prisoners`.'),
    quantity: Quantity.optional(),
    ratio: z.union([z.number().positive().max(BOUNDS.ratio, { error: `a ratio is at most ${BOUNDS.ratio}` }), z.string()]).optional().describe('How many per unit released, e.g. `3` or `3 prisoners per captive`.'),
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
    const ratio = readRatio(o.ratio);
    if (!ratio) ctx.report(['ratio'], `cannot read the ratio \`${o.ratio}\``, 'write `3` or `3 prisoners per captive`');
    else if (ratio.value <= 0 || ratio.value > BOUNDS.ratio) ctx.report(['ratio'], `a ratio of ${ratio.value} is outside 0 to ${BOUNDS.ratio}`, BOUNDS_HINT);
    if (o.inReturnFor === undefined) ctx.report(['ratio'], 'a ratio needs `in-return-for: <release>` to say what it is a ratio of');
    if (ratio?.give && !namesStock(ratio.give, o.stock)) ctx.report(['ratio'], `the ratio gives \`${ratio.give}\` but the exchange releases \`${o.stock}\``);
    const paidForStock = paidFor?.stock?.stock;
    if (ratio?.per && paidForStock && !namesStock(ratio.per, paidForStock)) ctx.report(['ratio'], `the ratio is per \`${ratio.per}\` but \`${o.inReturnFor}\` releases \`${paidForStock}\``);
    const stock = hasOwn(ctx.stocks, o.stock) ? ctx.stocks[o.stock] : undefined;
    if (o.category !== undefined && stock && !hasOwn(stock.count, o.category)) ctx.report(['category'], `stock \`${o.stock}\` has no category \`${o.category}\``, ctx.hint('category', o.category, Object.keys(stock.count)));
  },
  effect(o, ctx, fraction) {
    const categories = ctx.categories(o.stock);
    const payment = ctx.payment();
    const ratio = o.ratio !== undefined ? readRatio(o.ratio)!.value : undefined;
    if (payment === undefined || (ratio === undefined && payment.planned <= 0)) {
      const moved = moveOwed(ctx, o.stock, ratio !== undefined ? {} : scaled(o.quantity, categories, 1), fraction);
      return { ...moved, text: `released ${moved.text} in exchange` };
    }
    // Paid for in release units; what is due in return is rounded over the total paid, so paying in parts loses no unit.
    const inReturn = (paid: number) => (ratio !== undefined ? { [o.category ?? categories[0]!]: Math.round(paid * ratio) } : scaled(o.quantity, categories, paid / payment.planned));
    // It owes its whole balance, the first time or as a rest (which takes in units released since, whose own copy it displaced).
    const owing = payment.released - payment.paid;
    const paying = Math.floor(owing * fraction + 1e-9);
    const before = inReturn(payment.paid);
    const wanted = inReturn(payment.paid + paying);
    for (const category of Object.keys(wanted)) wanted[category]! -= before[category] ?? 0;
    ctx.pay(paying);
    const moved = ctx.moveStock(o.stock, wanted);
    const anyHeld = Object.keys(wanted).some((category) => ctx.held(o.stock, category) > 0);
    return { ...moved, text: `released ${moved.text} in exchange`, owed: { [UNPAID]: anyHeld ? owing - paying : 0 } };
  },
  wording(o, ctx) {
    if (o.ratio === undefined) return `release ${quantityPhrase(ctx, o.stock, o.quantity)} in exchange`;
    return typeof o.ratio === 'string' ? `release ${o.ratio} freed, in exchange` : `release ${o.ratio} ${ctx.stockName(o.stock)} for each one freed, in exchange`;
  },
  remainder: true,
  track: 'exchanges',
  counters: [],
});
