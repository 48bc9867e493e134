/** `start-talks`: a party opens talks (for instance on the next phase). */
import { defineKind } from './kind.ts';
import { obligationSchema } from './obligation-base.ts';

export const startTalks = defineKind({
  kind: 'start-talks',
  schema: obligationSchema('start-talks', 'Opens talks, e.g. on the next phase.', {}),
  effect(_o, ctx, fraction) {
    ctx.count('talksStarted', 1);
    return { text: fraction < 1 ? 'sent a low-level delegation to talks' : 'started talks', units: 0 };
  },
  wording: () => 'start talks',
  track: 'talks-gates',
  counters: [{ name: 'talksStarted', reported: 'always' }],
});
