/** The numbers a student watches: stocks moved, aid, withdrawals, extensions, and each party's state. */
import { COUNTERS, type Model, type SimState } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/core.ts';

export interface CounterRow {
  id: string;
  label: string;
  value: number;
  /** e.g. "of 28" or "2 alive, 18 deceased". */
  detail?: string;
}

const DECEASED = /^(deceased|dead|remains|bodies)$/;

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

export interface StockRow {
  id: string;
  /** "Captives" */
  name: string;
  initial: number;
  held: number;
  /** "2 alive, 13 deceased" when the stock has categories. */
  heldSplit?: string;
  /** Per category: "released alive" 8, "deceased returned" 5; or "released" 390. */
  released: { id: string; label: string; value: number; of: number }[];
}

/** For each stock: how many are still held, and how many were released per category. */
export function stockRows(scenario: Scenario, state: SimState): StockRow[] {
  return Object.entries(scenario.stocks).flatMap(([id, stock]) => {
    const s = state.stocks[id];
    if (!s) return [];
    const categories = Object.keys(stock.count);
    return [{
      id,
      name: capital(stock.name ?? id),
      initial: sum(stock.count),
      held: sum(s.held),
      ...(categories.length > 1 ? { heldSplit: categories.map((c) => `${s.held[c] ?? 0} ${c}`).join(', ') } : {}),
      released: categories.map((c) => ({
        id: `${id}.${c}`,
        label: c === 'all' ? 'released' : DECEASED.test(c) ? `${c} returned` : `released ${c}`,
        value: s.released[c] ?? 0,
        of: stock.count[c] ?? 0,
      })),
    }];
  });
}

/** The counters panel's tiles, in the registry's order (src/scenario/kinds): those with a tile, at zero too when they say so. */
export function activityCounters(state: SimState): CounterRow[] {
  const c = state.counters;
  const rows: CounterRow[] = [];
  for (const counter of COUNTERS) {
    const panel = counter.panel;
    const value = c[counter.name];
    if (!panel || value === undefined || (!panel.showZero && value === 0)) continue;
    const detail = panel.detail ? panel.detail.text(c[panel.detail.counter] ?? 0) : undefined;
    rows.push({ id: panel.id, label: panel.label, value, ...(detail !== undefined ? { detail } : {}) });
  }
  return rows;
}

export interface PartyMeters {
  id: string;
  name: string;
  role: string;
  trust: number;
  grievance: number;
  domesticPressure: number;
  mediatorPressure: number;
  /** The grievance at which this party walks away. */
  breakingPoint: number;
  violations: number;
  delays: number;
  /** Guarantees given to this party and still in force. */
  guarantees: number;
}

/** The principals' state (the parties whose choices make or break the truce). */
export function partyMeters(model: Model, state: SimState): PartyMeters[] {
  return model.principals.map((id) => {
    const party = model.partyById.get(id)!;
    const p = state.parties[id]!;
    return {
      id,
      name: party.name,
      role: party.role,
      trust: p.trust,
      grievance: p.grievance,
      domesticPressure: p.domesticPressure,
      mediatorPressure: p.mediatorPressure,
      breakingPoint: party.breakingPoint,
      violations: p.violations,
      delays: p.delays,
      guarantees: p.guaranteesInForce,
    };
  });
}

/** "United States guarantees Hamas: in force" for each guarantor. */
export function guaranteeLines(model: Model, state: SimState): { id: string; text: string; inForce: boolean }[] {
  return model.parties
    .filter((p) => p.guarantees !== undefined)
    .map((p) => ({ id: p.id, text: `${p.name}'s guarantee to ${model.partyById.get(p.guarantees!)?.name ?? p.guarantees}`, inForce: state.guarantees[p.id] === true }));
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
