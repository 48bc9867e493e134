/** Why a run went the way it did: the outcome in a sentence and the turning points behind it. */
import type { Model, Outcome, TraceEvent } from '../../engine/index.ts';
import { countsAsViolation } from './marks.ts';
import type { RunView } from './run-view.ts';

export interface Explanation {
  /** "The truce held", "The truce collapsed", … */
  headline: string;
  tone: 'held' | 'broke' | 'open';
  /** The engine's own sentence for the ending. */
  summary?: string;
  /** Turning points, in order: failures, incidents, withdrawn guarantees, extensions, gates. */
  reasons: { day: number; text: string }[];
}

const HEADLINES: Record<Outcome['result'], { headline: string; tone: Explanation['tone'] }> = {
  completed: { headline: 'The truce held to its end', tone: 'held' },
  'extended-then-completed': { headline: 'The truce held, with extensions', tone: 'held' },
  advanced: { headline: 'The agreement moved on to its next phase', tone: 'held' },
  stalled: { headline: 'The truce stalled at a gate', tone: 'broke' },
  collapsed: { headline: 'The truce collapsed', tone: 'broke' },
  'no-deal': { headline: 'The talks ended without a deal', tone: 'broke' },
};

export function isTurningPoint(e: TraceEvent): boolean {
  if (e.type === 'party.responded') return e.response === 'violate' || e.response === 'refuse' || countsAsViolation(e);
  return e.type === 'incident' || e.type === 'guarantee.withdrawn' || e.type === 'guarantee.offered' || e.type === 'phase.extended' || e.type === 'truce.collapsed' || (e.type === 'phase.ended' && /Gate:/.test(e.text));
}

/** "Hamas violated it." → "Hamas violated it (final release)." so a reason reads on its own. */
export function withObligation(model: Model, e: TraceEvent): string {
  if (e.type !== 'party.responded' || !e.obligation || !/\bit\b/.test(e.text)) return e.text;
  const o = model.obligations[model.obligationIndex.get(e.obligation) ?? -1];
  const what = o?.def.text ?? e.obligation.replace(/-/g, ' ');
  return `${e.text.replace(/\.$/, '')} (${what}).`;
}

export function explainRun(model: Model, view: RunView): Explanation {
  const reasons = view.trace.filter(isTurningPoint).map((e) => ({ day: e.day, text: withObligation(model, e) }));
  const outcome = view.outcome;
  if (!outcome) {
    return { headline: `Day ${view.day}: the truce is holding so far`, tone: 'open', reasons };
  }
  const end = [...view.trace].reverse().find((e) => e.type === 'truce.ended' || e.type === 'truce.collapsed');
  const h = HEADLINES[outcome.result];
  const walkedAway = model.principals.filter((id) => view.state.parties[id]!.grievance >= model.partyById.get(id)!.breakingPoint);
  const extra = walkedAway.map((id) => ({ day: outcome.day, text: `${model.partyById.get(id)!.name}'s grievance reached its breaking point.` }));
  return { headline: h.headline, tone: h.tone, summary: end?.text ?? outcome.cause, reasons: [...reasons, ...extra] };
}
