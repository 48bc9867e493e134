/** `withdraw`: a party's forces leave a zone it holds (in part, with a partial response). */
import { own } from '../own.ts';
import { Id } from '../primitives.ts';
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';

export const withdraw = defineKind({
  kind: 'withdraw',
  schema: obligationSchema('withdraw', 'Forces leave a zone the party holds.', {
    zone: Id.describe('The zone left, e.g. `morag-corridor`.'),
  }),
  check(o, ctx) {
    const zone = own(ctx.zones, o.zone);
    if (!zone) ctx.report(['zone'], `unknown zone \`${o.zone}\``, ctx.hint('zone', o.zone, Object.keys(ctx.zones)));
    else if (zone.heldBy !== o.party) ctx.report(['party'], `\`${o.party}\` cannot withdraw from \`${o.zone}\`: \`${zone.heldBy}\` holds it`);
  },
  effect(o, ctx, fraction) {
    const name = ctx.zoneName(o.zone);
    if (fraction >= 1) {
      ctx.setZoneWithdrawn(o.zone);
      ctx.count('withdrawals', 1);
      return { text: `withdrew from ${name}`, units: 0 };
    }
    ctx.count('partialWithdrawals', 1);
    return { text: `withdrew from part of ${name}`, units: 0 };
  },
  wording: (o, ctx) => `withdraw from ${ctx.zoneName(o.zone)}`,
  track: 'withdrawals',
  counters: [
    {
      name: 'withdrawals',
      reported: 'always',
      summary: 'withdrawals',
      compare: 'Withdrawals',
      panel: { id: 'withdrawals', label: 'Withdrawals', showZero: true, detail: { counter: 'partialWithdrawals', text: (n) => (n > 0 ? `${n} partial` : undefined) } },
    },
    { name: 'partialWithdrawals', reported: 'always' },
  ],
});
