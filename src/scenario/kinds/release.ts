/** `release`: a party frees units of a stock it holds (captives, prisoners), per category. */
import { Id, Quantity } from '../primitives.ts';
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';
import { quantityPhrase, releaseQuantity } from './quantity.ts';

export const release = defineKind({
  kind: 'release',
  schema: obligationSchema('release', 'Frees units of a stock the party holds.', {
    stock: Id.describe('The stock released, e.g. `captives`.'),
    quantity: Quantity,
  }),
  stock: (o) => ({ stock: o.stock, quantity: o.quantity }),
  payable: true,
  remainder: true,
  effect: releaseQuantity,
  wording: (o, ctx) => `release ${quantityPhrase(ctx, o.stock, o.quantity)}`,
  track: 'releases',
  counters: [],
});
