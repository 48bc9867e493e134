/** `disclose`: a party hands over information — about a stock (moved like a release) or in general. */
import { Id, Quantity } from '../primitives.ts';
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';
import { quantityPhrase, scaled } from './quantity.ts';

export const disclose = defineKind({
  kind: 'disclose',
  schema: obligationSchema('disclose', 'Hands over promised information, optionally about units of a stock.', {
    stock: Id.optional().describe('The stock the information is about, moved like a release (optional).'),
    quantity: Quantity.optional(),
  }),
  stock: (o) => (o.stock === undefined ? undefined : { stock: o.stock, quantity: o.quantity }),
  effect(o, ctx, fraction) {
    ctx.count('disclosures', 1);
    if (o.stock === undefined) return { text: fraction < 1 ? 'disclosed part of what was promised' : 'disclosed what was promised', units: 0 };
    const moved = ctx.moveStock(o.stock, scaled(o.quantity, ctx.categories(o.stock), fraction, ctx));
    return { ...moved, text: `disclosed ${moved.text}` };
  },
  wording: (o, ctx) => (o.stock ? `disclose ${quantityPhrase(ctx, o.stock, o.quantity)}` : 'disclose the promised information'),
  track: 'disclosures',
  counters: [{ name: 'disclosures', reported: 'always', summary: 'disclosures', panel: { id: 'disclosures', label: 'Disclosures made', showZero: true } }],
});
