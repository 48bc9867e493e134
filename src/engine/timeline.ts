/** The agreed schedule as planned (no delays, no extensions), for timelines and replays. */
import { scheduledDays, type ObligationKind, type Track } from '../scenario/core.ts';
import type { Model } from './model.ts';

export type { Track } from '../scenario/core.ts';

export interface PlannedItem {
  obligation: string;
  party: string;
  kind: ObligationKind;
  track: Track;
  /** Absolute truce day, assuming every earlier phase runs its planned length. */
  day: number;
  /** For `after` / `alongside` obligations: what they follow; their day is that one's. */
  follows?: string;
}

/** Every planned occurrence, sorted by day then declaration order. */
export function plannedTimeline(model: Model): PlannedItem[] {
  const items: PlannedItem[] = [];
  const phaseStart: number[] = [];
  let start = 1;
  for (const phase of model.phases) {
    phaseStart.push(start);
    start += phase.length;
  }
  const dayOf = new Map<number, number[]>();
  for (const o of model.obligations) {
    if (o.synthetic) continue;
    const days = scheduledDays(o.def, model.phases[o.phaseIndex]!.length).map((d) => phaseStart[o.phaseIndex]! - 1 + d);
    dayOf.set(o.index, days);
  }
  // `after` chains: due on the same day as what they follow (plus `wait`).
  for (let pass = 0; pass < model.obligations.length; pass++) {
    for (const o of model.obligations) {
      if (o.synthetic || o.def.after === undefined || dayOf.get(o.index)!.length > 0) continue;
      const target = dayOf.get(model.obligationIndex.get(o.def.after)!);
      if (target && target.length > 0) dayOf.set(o.index, target.map((d) => d + (o.def.wait ?? 0)));
    }
  }
  for (const o of model.obligations) {
    if (o.synthetic) continue;
    const track = o.module.track;
    if (o.def.alongside !== undefined) {
      const along = o.def.alongside;
      for (const target of model.obligations) {
        if (target.synthetic || !(target.def.id === along || target.def.kind === along)) continue;
        for (const day of dayOf.get(target.index) ?? []) items.push({ obligation: o.def.id, party: o.def.party, kind: o.def.kind, track, day, follows: target.def.id });
      }
      continue;
    }
    for (const day of dayOf.get(o.index) ?? []) items.push({ obligation: o.def.id, party: o.def.party, kind: o.def.kind, track, day, ...(o.def.after ? { follows: o.def.after } : {}) });
  }
  const order = new Map(model.obligations.map((o) => [o.def.id, o.index]));
  return items.sort((a, b) => a.day - b.day || order.get(a.obligation)! - order.get(b.obligation)!);
}
