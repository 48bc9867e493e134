/**
 * How things that happen are marked on the timeline, in the log and in the legend: each mark has a
 * shape and a word as well as a colour, so it reads without colour.
 */
import type { Response, TraceEvent } from '../../engine/index.ts';

export type Mark =
  | 'planned'
  | 'due'
  | 'comply'
  | 'delay'
  | 'partial'
  | 'violate'
  | 'refuse'
  | 'cancelled'
  | 'incident'
  | 'extended'
  | 'phase'
  | 'collapsed'
  | 'note';

export interface MarkInfo {
  /** The word shown beside the shape in legends and read by screen readers. */
  label: string;
  /** One character for plain-text places. */
  glyph: string;
}

export const MARKS: Readonly<Record<Mark, MarkInfo>> = {
  planned: { label: 'planned', glyph: '○' },
  due: { label: 'due now', glyph: '◇' },
  comply: { label: 'complied', glyph: '✓' },
  delay: { label: 'delayed', glyph: '▶' },
  partial: { label: 'partly done', glyph: '◐' },
  violate: { label: 'violated', glyph: '✗' },
  refuse: { label: 'refused', glyph: '✗' },
  cancelled: { label: 'called off or declined', glyph: '–' },
  incident: { label: 'incident', glyph: '!' },
  extended: { label: 'extended', glyph: '+' },
  phase: { label: 'phase', glyph: '|' },
  collapsed: { label: 'collapsed', glyph: '✖' },
  note: { label: 'reaction', glyph: '·' },
};

/** Marks in the timeline legend, in reading order. */
export const LEGEND: readonly Mark[] = ['planned', 'due', 'comply', 'delay', 'partial', 'violate', 'cancelled', 'incident', 'extended', 'collapsed'];

/** Worse marks win when several land in one cell. */
const SEVERITY: Readonly<Record<Mark, number>> = {
  planned: 0,
  note: 0,
  phase: 1,
  due: 2,
  cancelled: 3,
  comply: 4,
  extended: 4,
  partial: 5,
  delay: 6,
  incident: 7,
  refuse: 8,
  violate: 8,
  collapsed: 9,
};

export function worse(a: Mark, b: Mark): Mark {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** A delay past the grace days is traced as a delay flagged `expired`: it counts as a violation. */
export function countsAsViolation(event: TraceEvent): boolean {
  return event.type === 'party.responded' && event.expired === true;
}

export function markOfEvent(event: TraceEvent): Mark {
  switch (event.type) {
    case 'party.responded':
      if (countsAsViolation(event)) return 'violate';
      // An extension offer (no obligation kind) that is declined is not a breach.
      if (event.kind === undefined && event.response === 'refuse') return 'cancelled';
      return (event.response ?? 'comply') satisfies Response;
    case 'obligation.due': return 'due';
    case 'party.reacted': return event.obligation !== undefined ? 'cancelled' : 'note';
    case 'incident':
    case 'guarantee.withdrawn': return 'incident';
    case 'guarantee.offered':
    case 'mediator.acted': return 'note';
    case 'phase.extended': return 'extended';
    case 'truce.collapsed': return 'collapsed';
    case 'phase.entered':
    case 'phase.ended':
    case 'truce.ended': return 'phase';
  }
}
