/** The numbers a student watches: stocks moved, aid, withdrawals, extensions, and each party's state. */
import type { Model, SimState } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/index.ts';

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

export function activityCounters(state: SimState): CounterRow[] {
  const c = state.counters;
  const rows: CounterRow[] = [
    { id: 'aid', label: 'Aid trucks admitted', value: c.aidTrucks },
    { id: 'disclosures', label: 'Disclosures made', value: c.disclosures },
    { id: 'withdrawals', label: 'Withdrawals', value: c.withdrawals, ...(c.partialWithdrawals > 0 ? { detail: `${c.partialWithdrawals} partial` } : {}) },
    { id: 'extensions', label: 'Extensions', value: c.extensions, detail: `+${c.extensionDays} day${c.extensionDays === 1 ? '' : 's'}` },
  ];
  if (c.displacedReturned > 0) rows.push({ id: 'displaced', label: 'Displaced people returned', value: c.displacedReturned });
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
