/** `halt-operations`: a party suspends military operations, optionally for some hours a day. */
import * as z from 'zod';
import { BOUNDS } from '../bounds.ts';
import { readHours } from '../terms.ts';
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';

export const haltOperations = defineKind({
  kind: 'halt-operations',
  schema: obligationSchema('halt-operations', 'Suspends military operations.', {
    hours: z.union([z.number().positive().max(BOUNDS.hours, { error: `at most ${BOUNDS.hours} hours a day` }), z.string()]).optional().describe('Hours a day, e.g. `10-12`.'),
  }),
  check(o, ctx) {
    if (o.hours === undefined) return;
    const hours = readHours(o.hours);
    if (hours === undefined) ctx.report(['hours'], `cannot read hours \`${o.hours}\``, 'write `10` or `10-12`');
    else if (hours <= 0 || hours > BOUNDS.hours) ctx.report(['hours'], `${hours} hours is not part of a day`, `write from 1 to ${BOUNDS.hours} hours`);
  },
  effect(o, ctx, fraction) {
    ctx.count('operationsHalts', 1);
    const hours = o.hours !== undefined ? readHours(o.hours) : undefined;
    if (hours === undefined) return { text: fraction < 1 ? 'partly halted operations' : 'halted operations', units: 0 };
    return { text: `halted operations for ${Math.round(hours * fraction)} hours`, units: 0 };
  },
  wording: (o) => (o.hours !== undefined ? `halt operations for ${o.hours} hours` : 'halt operations'),
  track: 'operations',
  counters: [{ name: 'operationsHalts', reported: 'always' }],
});
