/** Branches side by side: the outcome and the totals that differ between them. */
import { COUNTERS, type Model } from '../../engine/index.ts';
import { followSummary, hasRecord } from './record-follow.ts';
import { responseText } from './responses.ts';
import type { Branch } from './run-ops.ts';

export interface CompareColumn {
  id: string;
  name: string;
  active: boolean;
}

export interface CompareRow {
  label: string;
  values: string[];
  /** The branches disagree on this row. */
  differs: boolean;
}

const num = (x: number) => x.toLocaleString('en-US');

const RESULT_TEXT: Record<string, string> = {
  completed: 'held to the end',
  'extended-then-completed': 'held, extended',
  advanced: 'moved to the next phase',
  stalled: 'stalled',
  collapsed: 'collapsed',
};

export function compareBranches(model: Model, branches: readonly Branch[], active: string): { columns: CompareColumn[]; rows: CompareRow[] } {
  const columns = branches.map((b) => ({ id: b.id, name: `Branch ${b.name}`, active: b.id === active }));
  const rows: { label: string; values: string[] }[] = [];
  const add = (label: string, value: (b: Branch) => string) => rows.push({ label, values: branches.map(value) });

  add('Outcome', (b) => (b.view.outcome ? `${RESULT_TEXT[b.view.outcome.result] ?? b.view.outcome.result} (day ${b.view.outcome.day})` : `running — day ${b.view.day}`));
  add('Why it ended', (b) => b.view.outcome?.cause ?? (b.view.outcome ? '—' : 'not over yet'));
  for (const [id, stock] of Object.entries(model.scenario.stocks)) {
    const categories = Object.keys(stock.count);
    const name = stock.name ?? id;
    add(`${name.charAt(0).toUpperCase()}${name.slice(1)} released`, (b) => {
      const released = b.view.state.stocks[id]?.released ?? {};
      const total = Object.values(released).reduce((x, y) => x + y, 0);
      return categories.length > 1 ? `${num(total)} (${categories.map((c) => `${num(released[c] ?? 0)} ${c}`).join(', ')})` : num(total);
    });
  }
  for (const counter of COUNTERS) {
    if (counter.compare !== undefined && model.counters.includes(counter.name)) add(counter.compare, (b) => num(b.view.state.counters[counter.name] ?? 0));
  }
  for (const id of model.principals) {
    const name = model.partyById.get(id)!.name;
    add(`${name}: violations`, (b) => String(b.view.state.parties[id]?.violations ?? 0));
    add(`${name}: grievance`, (b) => (b.view.state.parties[id]?.grievance ?? 0).toFixed(2));
  }
  add('Your choices', (b) => {
    // Decisions are numbered from 1 on screen (from 0 in the engine and in links).
    const list = Object.entries(b.view.choices).map(([n, r]) => `#${Number(n) + 1} ${responseText(r, b.meta[Number(n)]?.kind).label.toLowerCase()}`);
    return list.length > 0 ? list.join(', ') : 'none';
  });
  if (hasRecord(model.scenario)) add('The record', (b) => followSummary(b.model, b.follow));
  add('Seed', (b) => b.seed);
  add('Changed assumptions', (b) => {
    const list = Object.entries(b.params).map(([k, v]) => `${k} = ${v}`);
    return list.length > 0 ? list.join(', ') : 'none';
  });
  add('Started from', (b) => b.origin);
  return { columns, rows: rows.map((r) => ({ ...r, differs: new Set(r.values).size > 1 })) };
}
