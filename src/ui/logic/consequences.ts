/**
 * What a choice changed, shown beside the decision it answered until the student moves on: each
 * party's trust, grievance and pressures before and after the reactions the answer queued (counted
 * even before the day closes and applies them), who reacted and why, and what followed before the
 * next decision.
 * Pure: it reads two states and the trace, never the session.
 */
import type { Decision, Model, PartyState, Response, SimState, TraceEvent } from '../../engine/index.ts';

export type Meter = 'trust' | 'grievance' | 'domesticPressure' | 'mediatorPressure';

/** The meters in the order they are shown, with the words a student reads. */
export const METERS: readonly { meter: Meter; label: string; good: boolean }[] = [
  { meter: 'trust', label: 'trust', good: true },
  { meter: 'grievance', label: 'grievance', good: false },
  { meter: 'domesticPressure', label: 'domestic pressure', good: false },
  { meter: 'mediatorPressure', label: 'mediator pressure', good: true },
];

export interface MeterChange {
  meter: Meter;
  label: string;
  from: number;
  to: number;
}

export interface PartyChange {
  party: string;
  name: string;
  changes: MeterChange[];
  /** Who reacted, and why: "Hamas violated an obligation", "Qatar presses Hamas". */
  because: string[];
}

export interface ChoiceConsequences {
  day: number;
  /** An obligation that fell due, or an offer to extend (its answers read "accept"/"decline"). */
  kind: Decision['kind'];
  party: string;
  partyName: string;
  response?: Response;
  /** A person chose it (false: the model answered for them). */
  chosen: boolean;
  /** What the answer did, in the narrative's words. */
  said: string;
  /** Parties whose meters moved, in the model's party order. */
  changes: PartyChange[];
  /** What else happened before the next decision: reactions applied, guarantees withdrawn, incidents, the end. */
  followed: string[];
  /** The queued reactions wait for the end of the day (the next decision is on the same day). */
  atDayEnd: boolean;
}

/** Changes smaller than this are rounding, not news. */
const NOTICEABLE = 0.005;

const FOLLOW_TYPES: ReadonlySet<TraceEvent['type']> = new Set(['party.reacted', 'guarantee.withdrawn', 'guarantee.offered', 'incident', 'truce.collapsed', 'truce.ended', 'phase.extended', 'phase.ended', 'phase.entered']);

/** The events that are a guarantor's own answer (keep, withdraw, offer again, stay out). */
const GUARANTOR_ACTS: ReadonlySet<TraceEvent['type']> = new Set(['guarantee.withdrawn', 'guarantee.offered', 'mediator.acted']);

type Meters = Record<Meter, number>;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Each party's meters as they will be once `reactions` are applied at the day's end (as the engine applies them, in order). */
function settled(state: SimState, reactions: SimState['reactions']): Map<string, Meters> {
  const out = new Map<string, Meters>();
  for (const [id, p] of Object.entries(state.parties) as [string, PartyState][]) {
    out.set(id, { trust: p.trust, grievance: p.grievance, domesticPressure: p.domesticPressure, mediatorPressure: p.mediatorPressure });
  }
  for (const r of reactions) {
    const m = out.get(r.party);
    if (!m) continue;
    if (r.trust) m.trust = clamp01(m.trust + r.trust);
    if (r.grievance) m.grievance = clamp01(m.grievance + r.grievance);
    if (r.mediatorPressure) m.mediatorPressure = clamp01(m.mediatorPressure + r.mediatorPressure);
  }
  return out;
}

export interface ChoiceMoment {
  /** The state when the decision was put, and the trace's length then. */
  before: { state: SimState; traceLength: number };
  /** The state right after the answer, before any automatic step. */
  answered: SimState;
  /** The trace up to the next decision (or the end). */
  trace: readonly TraceEvent[];
  /** The day of the next decision; undefined when the run is over. */
  nextDay: number | undefined;
}

/** What answering `decision` changed (see the file comment); `response` is the person's choice, if any. */
export function choiceConsequences(model: Model, decision: Decision, response: Response | undefined, moment: ChoiceMoment): ChoiceConsequences {
  const name = (id: string) => model.partyById.get(id)?.name ?? id;
  // The answer's own effect: the reactions it queued, on top of those already waiting. Anything
  // else that moved inside the step (a day's fading, when an answer closes a phase) is not its doing.
  const waiting = moment.before.state.reactions;
  const queued = moment.answered.reactions.slice(waiting.length);
  const before = settled(moment.before.state, waiting);
  // A guarantor's answer moves the beneficiary's grievance at once (withdraw: +r, offer again: −r), not by a reaction.
  const guarantee = decision.kind === 'guarantee' || decision.kind === 'reoffer';
  const after = settled(guarantee ? moment.answered : moment.before.state, [...waiting, ...queued]);
  const changes: PartyChange[] = [];
  for (const party of model.parties) {
    const from = before.get(party.id);
    const to = after.get(party.id);
    if (!from || !to) continue;
    const moved = METERS.filter(({ meter }) => Math.abs(to[meter] - from[meter]) >= NOTICEABLE).map(({ meter, label }) => ({ meter, label, from: from[meter], to: to[meter] }));
    if (moved.length === 0) continue;
    const because = [...new Set(queued.filter((r) => r.party === party.id && r.because !== '').map((r) => r.because))];
    changes.push({ party: party.id, name: party.name, changes: moved, because });
  }
  const events = moment.trace.slice(moment.before.traceLength);
  const answerAt = events.findIndex((e) => e.type === 'party.responded' || e.type === 'phase.extended' || e.type === 'phase.ended' || (guarantee && e.party === decision.party && GUARANTOR_ACTS.has(e.type)));
  const said = answerAt >= 0 ? events[answerAt]!.text : `${name(decision.party)} answered: ${response ?? 'as its model drew'}.`;
  const followed = events.filter((e, i) => i !== answerAt && FOLLOW_TYPES.has(e.type)).map((e) => e.text);
  const shown = response ?? (answerAt >= 0 ? events[answerAt]!.response : undefined);
  return {
    day: decision.day,
    kind: decision.kind,
    party: decision.party,
    partyName: name(decision.party),
    ...(shown !== undefined ? { response: shown } : {}),
    chosen: response !== undefined,
    said,
    changes,
    followed,
    atDayEnd: queued.length > 0 && moment.nextDay === decision.day,
  };
}

/** "grievance 0.10 → 0.24 (+0.14)" */
export function changeText(c: MeterChange): string {
  const delta = c.to - c.from;
  return `${c.label} ${c.from.toFixed(2)} → ${c.to.toFixed(2)} (${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(2)})`;
}

/** Whether a change is good news for the deal: more trust or mediator pressure, less grievance or domestic pressure. */
export function helpsTheDeal(c: MeterChange): boolean {
  const good = METERS.find((m) => m.meter === c.meter)!.good;
  return good === c.to > c.from;
}
