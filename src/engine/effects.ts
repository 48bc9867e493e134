/**
 * What carrying out each kind of obligation changes, as a registry keyed by kind.
 * `fraction` is 1 for comply and in [0.25, 0.75) for partial. Stocks never go negative:
 * a release moves at most what is still held.
 */
import type { ObligationKind } from '../scenario/index.ts';
import { readHours, readRatio } from '../scenario/index.ts';
import type { CompiledObligation, Model } from './model.ts';
import type { SimState } from './state.ts';
import { describeObligation } from './wording.ts';

export interface EffectResult {
  /** What happened, finishing the sentence "<Party> <responded>: …". */
  text: string;
  /** Held-stock changes, keyed `stock.category`, negative for releases. */
  changes?: Record<string, number>;
  /** Units moved, for an exchange paid in return. */
  units: number;
}

type Effect = (model: Model, state: SimState, obligation: CompiledObligation, fraction: number) => EffectResult;

function stockName(model: Model, stock: string): string {
  return model.scenario.stocks[stock]?.name ?? stock;
}

/** Moves up to `wanted` per category from held to released; returns what moved. */
function moveStock(model: Model, state: SimState, stock: string, wanted: Record<string, number>): EffectResult {
  const s = state.stocks[stock]!;
  const changes: Record<string, number> = {};
  const parts: string[] = [];
  let units = 0;
  for (const [category, amount] of Object.entries(wanted)) {
    const moved = Math.max(0, Math.min(s.held[category] ?? 0, amount));
    if (moved === 0 && amount > 0) continue;
    s.held[category] = (s.held[category] ?? 0) - moved;
    s.released[category] = (s.released[category] ?? 0) + moved;
    changes[`${stock}.${category}`] = -moved;
    units += moved;
    parts.push(category === 'all' ? `${moved}` : `${moved} ${category}`);
  }
  const list = parts.length === 0 ? 'none (nothing left to release)' : parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return { text: `${list} ${stockName(model, stock)}`, changes, units };
}

function scaled(quantity: CompiledObligation['def']['quantity'], categories: string[], factor: number): Record<string, number> {
  const q = quantity === undefined ? {} : typeof quantity === 'number' ? { [categories[0]!]: quantity } : quantity;
  const out: Record<string, number> = {};
  for (const [category, amount] of Object.entries(q)) out[category] = Math.floor(amount * factor + 1e-9);
  return out;
}

const release: Effect = (model, state, o, fraction) => {
  const stock = o.def.stock!;
  const categories = Object.keys(model.scenario.stocks[stock]!.count);
  const moved = moveStock(model, state, stock, scaled(o.def.quantity, categories, fraction));
  return { ...moved, text: `released ${moved.text}` };
};

const exchange: Effect = (model, state, o, fraction) => {
  const stock = o.def.stock!;
  const categories = Object.keys(model.scenario.stocks[stock]!.count);
  const paidFor = o.inReturnFor !== undefined ? state.obligations[o.inReturnFor]!.lastUnits : undefined;
  let wanted: Record<string, number>;
  if (o.def.ratio !== undefined) {
    const ratio = readRatio(o.def.ratio)!.value;
    wanted = { [o.def.category ?? categories[0]!]: Math.round((paidFor ?? 0) * ratio * fraction) };
  } else {
    const share = paidFor !== undefined && o.plannedUnits > 0 ? paidFor / o.plannedUnits : 1;
    wanted = scaled(o.def.quantity, categories, share * fraction);
  }
  const moved = moveStock(model, state, stock, wanted);
  return { ...moved, text: `released ${moved.text} in exchange` };
};

const disclose: Effect = (model, state, o, fraction) => {
  state.counters.disclosures += 1;
  if (o.def.stock === undefined) return { text: fraction < 1 ? 'disclosed part of what was promised' : 'disclosed what was promised', units: 0 };
  const categories = Object.keys(model.scenario.stocks[o.def.stock]!.count);
  const moved = moveStock(model, state, o.def.stock, scaled(o.def.quantity, categories, fraction));
  return { ...moved, text: `disclosed ${moved.text}` };
};

const withdraw: Effect = (model, state, o, fraction) => {
  const zone = state.zones[o.def.zone!]!;
  const name = model.scenario.zones[o.def.zone!]!.name ?? o.def.zone!;
  if (fraction >= 1) {
    zone.withdrawn = true;
    state.counters.withdrawals += 1;
    return { text: `withdrew from ${name}`, units: 0 };
  }
  state.counters.partialWithdrawals += 1;
  return { text: `withdrew from part of ${name}`, units: 0 };
};

const admitAid: Effect = (_model, state, o, fraction) => {
  const trucks = Math.floor(o.trucks * fraction + 1e-9);
  state.counters.aidTrucks += trucks;
  return { text: `admitted ${trucks} aid trucks`, units: trucks };
};

const openCrossing: Effect = (model, state, o, fraction) => {
  state.crossings[o.def.crossing!] = true;
  const name = model.scenario.crossings[o.def.crossing!]!.name ?? o.def.crossing!;
  return { text: fraction < 1 ? `opened ${name} with restrictions` : `opened ${name}`, units: 0 };
};

const haltOperations: Effect = (_model, state, o, fraction) => {
  state.counters.operationsHalts += 1;
  const hours = o.def.hours !== undefined ? readHours(o.def.hours) : undefined;
  if (hours === undefined) return { text: fraction < 1 ? 'partly halted operations' : 'halted operations', units: 0 };
  return { text: `halted operations for ${Math.round(hours * fraction)} hours`, units: 0 };
};

const returnDisplaced: Effect = (_model, state, o, fraction) => {
  const people = Math.floor(o.people * fraction + 1e-9);
  state.counters.displacedReturned += people;
  return { text: people > 0 ? `let ${people} displaced people return` : fraction < 1 ? 'let some displaced people return' : 'let displaced people return', units: people };
};

const startTalks: Effect = (_model, state, _o, fraction) => {
  state.counters.talksStarted += 1;
  return { text: fraction < 1 ? 'sent a low-level delegation to talks' : 'started talks', units: 0 };
};

const generic: Effect = (model, _state, o, fraction) => ({ text: `${fraction < 1 ? 'in part, ' : ''}${describeObligation(model, o)}`, units: 0 });

export const EFFECTS: Readonly<Record<ObligationKind, Effect>> = {
  release,
  'recover-remains': release,
  exchange,
  disclose,
  withdraw,
  'admit-aid': admitAid,
  'open-crossing': openCrossing,
  'halt-operations': haltOperations,
  'return-displaced': returnDisplaced,
  'start-talks': startTalks,
  generic,
};

/** Undoing an obligation that was violated: a crossing it should open is (or stays) closed. */
export function onViolation(state: SimState, o: CompiledObligation): void {
  if (o.def.kind === 'open-crossing') state.crossings[o.def.crossing!] = false;
}
