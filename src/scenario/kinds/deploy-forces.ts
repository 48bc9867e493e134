/** `deploy-forces`: a party deploys troops into a zone (a number or a parameter each time). */
import { own } from '../own.ts';
import { Id, NumberOrParameter } from '../primitives.ts';
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';

export const deployForces = defineKind({
  kind: 'deploy-forces',
  schema: obligationSchema('deploy-forces', 'Deploys troops into a zone, e.g. a stabilization force.', {
    zone: Id.describe('The zone the troops deploy into, e.g. `rafah-sector`.'),
    troops: NumberOrParameter.describe('Troops deployed each time it is carried out: a number or a parameter.'),
  }),
  check(o, ctx) {
    if (!own(ctx.zones, o.zone)) ctx.report(['zone'], `unknown zone \`${o.zone}\``, ctx.hint('zone', o.zone, Object.keys(ctx.zones)));
    ctx.value(['troops'], o.troops, 'count');
  },
  effect(o, ctx, fraction) {
    const troops = Math.floor(ctx.whole(o.troops) * fraction + 1e-9);
    ctx.count('troopsDeployed', troops);
    return { text: `deployed ${troops} troops into ${ctx.zoneName(o.zone)}`, units: troops };
  },
  wording: (o, ctx) => `deploy ${ctx.whole(o.troops)} troops into ${ctx.zoneName(o.zone)}`,
  track: 'withdrawals',
  counters: [{ name: 'troopsDeployed', reported: 'when-used', summary: 'troops deployed', compare: 'Troops deployed', panel: { id: 'troops', label: 'Troops deployed', showZero: true } }],
});
