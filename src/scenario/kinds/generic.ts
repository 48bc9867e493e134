/** `generic`: any other promise; carrying it out changes nothing but the parties' trust and grievance. */
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';

const wording = (o: { id: string }) => `carry out ${o.id}`;

export const generic = defineKind({
  kind: 'generic',
  schema: obligationSchema('generic', 'Any other promise, described by its `text`.', {}),
  effect: (o, _ctx, fraction) => ({ text: `${fraction < 1 ? 'in part, ' : ''}${o.text ?? wording(o)}`, units: 0 }),
  wording,
  track: 'talks-gates',
  counters: [],
});
