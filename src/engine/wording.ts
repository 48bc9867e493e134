/** Plain-English phrases for the narrative. */
import type { CompiledObligation, Model } from './model.ts';

export { listPhrase } from '../scenario/core.ts';

/** What the obligation asks, completing "<Party> must …". Uses the writer's `text` when given. */
export function describeObligation(model: Model, o: CompiledObligation): string {
  if (o.def.text) return o.def.text;
  return o.module.wording(o.def, model.names);
}
