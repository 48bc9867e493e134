/** `admit-aid`: a party lets aid trucks in (a number or a parameter each time it is carried out). */
import { NumberOrParameter } from '../primitives.ts';
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';

export const admitAid = defineKind({
  kind: 'admit-aid',
  schema: obligationSchema('admit-aid', 'Admits aid trucks each time it is carried out.', {
    trucks: NumberOrParameter.describe('Trucks admitted each time it is carried out, e.g. `600`.'),
  }),
  check: (o, ctx) => ctx.value(['trucks'], o.trucks, 'count'),
  effect(o, ctx, fraction) {
    const trucks = Math.floor(ctx.whole(o.trucks) * fraction + 1e-9);
    ctx.count('aidTrucks', trucks);
    return { text: `admitted ${trucks} aid trucks`, units: trucks };
  },
  wording: (o, ctx) => `admit ${ctx.whole(o.trucks)} aid trucks`,
  track: 'aid-crossings',
  counters: [{ name: 'aidTrucks', reported: 'always', summary: 'aid trucks', compare: 'Aid trucks', panel: { id: 'aid', label: 'Aid trucks admitted', showZero: true } }],
});
