/** `recover-remains`: a party returns the remains of the dead it holds; moves a stock like a release. */
import { Id, Quantity } from '../primitives.ts';
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';
import { quantityPhrase, releaseQuantity } from './quantity.ts';

export const recoverRemains = defineKind({
  kind: 'recover-remains',
  schema: obligationSchema('recover-remains', 'Returns the remains of the dead the party holds.', {
    stock: Id.describe('The stock whose remains are returned, e.g. `captives`.'),
    quantity: Quantity,
  }),
  stock: (o) => ({ stock: o.stock, quantity: o.quantity }),
  payable: true,
  remainder: true,
  effect: releaseQuantity,
  wording: (o, ctx) => `return the remains of ${quantityPhrase(ctx, o.stock, o.quantity)}`,
  track: 'releases',
  counters: [],
});
