/** The state a run starts from, built with plain loops and literals (spreading zod-made objects was most of a run's start-up). */
import type { Model } from './model.ts';
import { runKey } from './rng.ts';
import type { PartyState, SimState } from './state.ts';

/** How talks before the truce change its start: state added per party (clamped to 0..1), guarantors that withdrew. */
export interface TruceOpening {
  add: Record<string, { grievance: number; domesticPressure: number }>;
  withdrawn: readonly string[];
}

/**
 * An empty record for keys that are scenario ids: nothing inherited (an id such as `constructor` is
 * an ordinary key, never Object.prototype's), like `Object.create(null)`, but in V8's fast mode,
 * which `Object.create(null)` is not (it makes a hash table): a run reads these records on every
 * day, and fast ones made the 60-day draft's runs about 4% faster.
 */
const IdRecord = function IdRecord() {} as unknown as new () => Record<string, never>;
IdRecord.prototype = Object.create(null);

function idRecord<T>(): Record<string, T> {
  return new IdRecord() as Record<string, T>;
}

export function initialState(model: Model, seed: string, opening?: TruceOpening): SimState {
  const parties = idRecord<PartyState>();
  for (const p of model.parties) {
    parties[p.id] = { trust: p.initial.trust, grievance: p.initial.grievance, domesticPressure: p.initial.domesticPressure, mediatorPressure: 0, guaranteesInForce: 0, violations: 0, delays: 0, partials: 0, complied: 0 };
  }
  const guarantees = idRecord<boolean>();
  for (const p of model.parties) {
    if (p.guarantees) {
      guarantees[p.id] = true;
      parties[p.guarantees]!.guaranteesInForce += 1;
    }
  }
  if (opening) open(parties, guarantees, model, opening);
  const stocks: SimState['stocks'] = idRecord();
  for (const stock of model.start.stocks) {
    const held = idRecord<number>();
    const released = idRecord<number>();
    for (let i = 0; i < stock.categories.length; i++) {
      held[stock.categories[i]!] = stock.counts[i]!;
      released[stock.categories[i]!] = 0;
    }
    stocks[stock.id] = { held, released };
  }
  const zones: SimState['zones'] = idRecord();
  for (const zone of model.start.zones) zones[zone.id] = { heldBy: zone.heldBy, withdrawn: false };
  const crossings: SimState['crossings'] = idRecord();
  for (const crossing of model.start.crossings) crossings[crossing.id] = crossing.open;
  const incidents = idRecord<number>();
  for (const incident of model.incidents) incidents[incident.def.id] = 0;
  const counters: SimState['counters'] = {};
  for (const name of model.counters) counters[name] = 0;
  const obligations: SimState['obligations'] = new Array(model.obligations.length);
  for (let i = 0; i < obligations.length; i++) obligations[i] = { status: 'waiting', units: 0, paid: 0, times: 0, occurrences: 0 };
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

function open(parties: Record<string, PartyState>, guarantees: Record<string, boolean>, model: Model, opening: TruceOpening): void {
  for (const [id, add] of Object.entries(opening.add)) {
    const p = parties[id]!;
    p.grievance = Math.min(1, p.grievance + add.grievance);
    p.domesticPressure = Math.min(1, p.domesticPressure + add.domesticPressure);
  }
  for (const id of opening.withdrawn) {
    const beneficiary = model.parties.find((p) => p.id === id)?.guarantees;
    if (!guarantees[id] || beneficiary === undefined) continue;
    guarantees[id] = false;
    parties[beneficiary]!.guaranteesInForce -= 1;
  }
}
