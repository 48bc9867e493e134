/** `open-crossing`: a party opens a crossing; a violation keeps (or sets) it closed. */
import { own } from '../own.ts';
import { Id } from '../primitives.ts';
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';

export const openCrossing = defineKind({
  kind: 'open-crossing',
  schema: obligationSchema('open-crossing', 'Opens a crossing.', {
    crossing: Id.describe('The crossing opened, e.g. `rafah`.'),
  }),
  check(o, ctx) {
    if (!own(ctx.crossings, o.crossing)) ctx.report(['crossing'], `unknown crossing \`${o.crossing}\``, ctx.hint('crossing', o.crossing, Object.keys(ctx.crossings)));
  },
  effect(o, ctx, fraction) {
    ctx.setCrossingOpen(o.crossing, true);
    const name = ctx.crossingName(o.crossing);
    return { text: fraction < 1 ? `opened ${name} with restrictions` : `opened ${name}`, units: 0 };
  },
  onFailure: (o, ctx) => ctx.setCrossingOpen(o.crossing, false),
  wording: (o, ctx) => `open ${ctx.crossingName(o.crossing)}`,
  track: 'aid-crossings',
  counters: [],
});
