/** A run's state made a fresh start state again, in place (batch runs: run-series.ts). */
import type { Model } from './model.ts';
import { runKey } from './rng.ts';
import type { SimState } from './state.ts';

/**
 * Makes `state` — a run of `model`, ended or not — the state `initialState(model, seed)` (start-state.ts) builds,
 * in place, so that a batch's next run reuses this run's objects instead of allocating them
 * (run-series.ts). For states without talks before the truce or played levers (batch runs have
 * neither); `follow` and `comply` are the caller's to set again.
 */
export function resetState(model: Model, state: SimState, seed: string): void {
  for (const p of model.parties) {
    const party = state.parties[p.id]!;
    party.trust = p.initial.trust;
    party.grievance = p.initial.grievance;
    party.domesticPressure = p.initial.domesticPressure;
    party.mediatorPressure = 0;
    party.guaranteesInForce = 0;
    party.violations = 0;
    party.delays = 0;
    party.partials = 0;
    party.complied = 0;
  }
  for (const p of model.parties) {
    if (p.guarantees) {
      state.guarantees[p.id] = true;
      state.parties[p.guarantees]!.guaranteesInForce += 1;
    }
  }
  for (const stock of model.start.stocks) {
    const { held, released } = state.stocks[stock.id]!;
    // A kind may have touched a category the stock does not count: gone, as in a fresh state.
    for (const category in held) if (!stock.categories.includes(category)) delete held[category];
    for (const category in released) if (!stock.categories.includes(category)) delete released[category];
    for (let i = 0; i < stock.categories.length; i++) {
      held[stock.categories[i]!] = stock.counts[i]!;
      released[stock.categories[i]!] = 0;
    }
  }
  for (const zone of model.start.zones) {
    const z = state.zones[zone.id]!;
    z.heldBy = zone.heldBy;
    z.withdrawn = false;
  }
  for (const crossing of model.start.crossings) state.crossings[crossing.id] = crossing.open;
  for (const incident of model.incidents) state.incidents[incident.def.id] = 0;
  resetCounters(model, state.counters);
  for (const o of state.obligations) {
    o.status = 'waiting';
    o.units = 0;
    o.paid = 0;
    o.times = 0;
    o.occurrences = 0;
    o.unitsByCategory = undefined;
    o.paidByCategory = undefined;
    o.lastResponse = undefined;
  }
  state.decisions = 0;
  state.day = 0;
  state.stage = 'day-start';
  state.phaseIndex = 0;
  state.phaseStartDay = 1;
  state.phaseEndDay = 0;
  state.phaseExtendedDays = 0;
  state.extensionCursor = 0;
  state.today.length = 0;
  state.agenda.length = 0;
  state.reactions.length = 0;
  state.key = runKey(seed);
  state.machine.value = model.initialMachineSnapshot.value;
  state.machine.context = model.initialMachineSnapshot.context;
}

/** The model's counters back to 0, in their order; a counter a kind added on the way is removed. */
function resetCounters(model: Model, counters: SimState['counters']): void {
  for (const name in counters) if (!model.counters.includes(name)) delete counters[name];
  for (const name of model.counters) counters[name] = 0;
}
