/** `return-displaced`: a party lets displaced people return (how many, optionally). */
import { NumberOrParameter } from '../primitives.ts';
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';

export const returnDisplaced = defineKind({
  kind: 'return-displaced',
  schema: obligationSchema('return-displaced', 'Lets displaced people return.', {
    people: NumberOrParameter.optional().describe('People allowed to return.'),
  }),
  check: (o, ctx) => ctx.value(['people'], o.people, 'count'),
  effect(o, ctx, fraction) {
    const people = Math.floor((o.people === undefined ? 0 : ctx.whole(o.people)) * fraction + 1e-9);
    ctx.count('displacedReturned', people);
    return { text: people > 0 ? `let ${people} displaced people return` : fraction < 1 ? 'let some displaced people return' : 'let displaced people return', units: people };
  },
  wording: () => 'let displaced people return',
  track: 'withdrawals',
  counters: [{ name: 'displacedReturned', reported: 'always', summary: 'displaced returned', panel: { id: 'displaced', label: 'Displaced people returned', showZero: false } }],
});
