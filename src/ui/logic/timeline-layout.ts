/**
 * The timeline as data: days across, tracks down; what was planned, what fell due and how each
 * party responded, one mark per cell (the worst when several land together).
 */
import { TRACKS, trackOf, type Model, type PlannedItem, type TraceEvent, type Track } from '../../engine/index.ts';
import { MARKS, markOfEvent, worse, type Mark } from './marks.ts';
import type { RunView } from './run-view.ts';

export type Row = Track | 'events';

/** The kinds' tracks (src/scenario/kinds), then incidents and phases. */
export const ROWS: readonly { id: Row; label: string }[] = [...TRACKS, { id: 'events', label: 'Incidents & phases' }];

export interface Cell {
  day: number;
  row: Row;
  mark: Mark;
  /** What is behind the mark, one sentence each (planned items first). */
  lines: string[];
}

export interface PhaseBand {
  name: string;
  start: number;
  end: number;
}

export interface TimelineLayout {
  days: number;
  cells: Cell[];
  phases: PhaseBand[];
  /** The current day (0 before day 1). */
  today: number;
  over: boolean;
}

function rowOfEvent(event: TraceEvent): Row | undefined {
  switch (event.type) {
    case 'obligation.due':
    case 'party.responded':
      return event.kind ? trackOf(event.kind) : 'talks-gates';
    case 'party.reacted':
      return event.kind && event.obligation ? trackOf(event.kind) : undefined;
    case 'incident':
    case 'guarantee.withdrawn':
    case 'guarantee.offered':
    case 'phase.extended':
    case 'phase.ended':
    case 'truce.collapsed':
      return 'events';
    default:
      return undefined;
  }
}

function plannedLine(model: Model, item: PlannedItem): string {
  const def = model.obligations[model.obligationIndex.get(item.obligation)!]!.def;
  const who = model.partyById.get(item.party)?.name ?? item.party;
  return `Planned: ${who} — ${def.text ?? item.obligation.replace(/-/g, ' ')}`;
}

export function layoutTimeline(model: Model, planned: readonly PlannedItem[], view: RunView): TimelineLayout {
  const cells = new Map<string, Cell>();
  const cell = (day: number, row: Row): Cell => {
    const key = `${day}/${row}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { day, row, mark: 'planned', lines: [] }));
    return c;
  };
  let plannedEnd = 0;
  for (const item of planned) {
    const c = cell(item.day, item.track);
    c.lines.push(plannedLine(model, item));
    plannedEnd = Math.max(plannedEnd, item.day);
  }
  // Events replace the planned mark; among themselves the worst wins.
  const touched = new Set<Cell>();
  for (const event of view.trace) {
    const row = rowOfEvent(event);
    if (!row || event.day < 1) continue;
    const c = cell(event.day, row);
    const mark = markOfEvent(event);
    c.mark = touched.has(c) ? worse(c.mark, mark) : mark;
    touched.add(c);
    c.lines.push(event.text);
  }

  const phases: PhaseBand[] = [];
  let start = 1;
  for (const phase of model.phases) {
    if (phase.def.final || phase.length === 0) continue;
    phases.push({ name: phase.def.name ?? phase.def.id, start, end: start + phase.length - 1 });
    start += phase.length;
  }
  const days = Math.max(plannedEnd, start - 1, view.state.phaseEndDay, view.day, 1);
  return { days, cells: [...cells.values()], phases, today: view.day, over: view.decision === undefined };
}

/** Tick labels for the day axis: day 1 and every 5th or 10th day. */
export function dayTicks(days: number): number[] {
  const every = days > 45 ? 10 : 5;
  const ticks = [1];
  for (let d = every; d <= days; d += every) ticks.push(d);
  return ticks;
}

/**
 * What a day's column holds, in words, for the day's keyboard target on the timeline:
 * "today; releases complied, incidents & phases incident; 1 more planned", or "nothing planned".
 */
export function daySummary(layout: TimelineLayout, day: number): string {
  const cells = layout.cells.filter((c) => c.day === day);
  const happened = cells.filter((c) => c.mark !== 'planned').map((c) => `${ROWS.find((r) => r.id === c.row)?.label.toLowerCase() ?? c.row} ${MARKS[c.mark].label}`);
  const planned = cells.length - happened.length;
  const parts = [
    ...(day === layout.today ? [layout.over ? 'the run ended here' : 'today'] : []),
    ...happened,
    ...(planned > 0 ? [`${planned} ${happened.length > 0 ? 'more ' : ''}planned`] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : 'nothing planned';
}
