/** The state a run starts from, built with plain loops and literals (spreading zod-made objects was most of a run's start-up). */
import type { Model } from './model.ts';
import { runKey } from './rng.ts';
import type { PartyState, SimState } from './state.ts';

export function initialState(model: Model, seed: string): SimState {
  const parties: Record<string, PartyState> = Object.create(null);
  for (const p of model.parties) {
    parties[p.id] = { trust: p.initial.trust, grievance: p.initial.grievance, domesticPressure: p.initial.domesticPressure, mediatorPressure: 0, guaranteesInForce: 0, violations: 0, delays: 0, partials: 0, complied: 0 };
  }
  const guarantees: Record<string, boolean> = Object.create(null);
  for (const p of model.parties) {
    if (p.guarantees) {
      guarantees[p.id] = true;
      parties[p.guarantees]!.guaranteesInForce += 1;
    }
  }
  const stocks: SimState['stocks'] = Object.create(null);
  for (const stock of model.start.stocks) {
    const held: Record<string, number> = Object.create(null);
    const released: Record<string, number> = Object.create(null);
    for (let i = 0; i < stock.categories.length; i++) {
      held[stock.categories[i]!] = stock.counts[i]!;
      released[stock.categories[i]!] = 0;
    }
    stocks[stock.id] = { held, released };
  }
  const zones: SimState['zones'] = Object.create(null);
  for (const zone of model.start.zones) zones[zone.id] = { heldBy: zone.heldBy, withdrawn: false };
  const crossings: SimState['crossings'] = Object.create(null);
  for (const crossing of model.start.crossings) crossings[crossing.id] = crossing.open;
  const incidents: Record<string, number> = Object.create(null);
  for (const incident of model.incidents) incidents[incident.def.id] = 0;
  const counters: SimState['counters'] = {};
  for (const name of model.counters) counters[name] = 0;
  const obligations: SimState['obligations'] = new Array(model.obligations.length);
  for (let i = 0; i < obligations.length; i++) obligations[i] = { status: 'waiting', delayed: 0, lastUnits: 0, lastChanges: undefined, times: 0, occurrences: 0 };
  const initial = model.initialMachineSnapshot;
  return {
    decisions: 0,
    day: 0,
    stage: 'day-start',
    phaseIndex: 0,
    phaseStartDay: 1,
    phaseEndDay: 0,
    phaseExtendedDays: 0,
    extensionCursor: 0,
    today: [],
    agenda: [],
    obligations,
    stocks,
    zones,
    crossings,
    parties,
    guarantees,
    incidents,
    reactions: [],
    counters,
    key: runKey(seed),
    machine: { value: initial.value, context: initial.context },
  };
}
