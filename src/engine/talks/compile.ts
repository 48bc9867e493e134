/** A scenario's `talks:` with names resolved: issues as number grids, the two sides' positions as vectors. */
import { issueScale, issueValue, own, type NumberOrParameter, type Scenario, type SourceRef, type TalksStrategyName } from '../../scenario/core.ts';

export interface CompiledIssue {
  id: string;
  name: string;
  parameter: string;
  low: number;
  high: number;
  step: number;
  options?: readonly string[];
  yesNo: boolean;
}

export interface TalksSide {
  id: string;
  name: string;
  strategy: TalksStrategyName;
  /** Strategy settings: `e` (time-based), `line` (hard-liner), `minStep` (tit-for-tat). */
  e: number;
  line: number;
  minStep: number;
  walkBelow?: number;
  walkAfter: number;
  ideal: number[];
  reservation: number[];
  /** Normalised to sum 1. */
  weight: number[];
  conceded: { grievance: number; domesticPressure: number };
  source?: SourceRef;
}

export interface CompiledTalks {
  /** The scenario's `talks:` section (what is cached per scenario is keyed by it). */
  definition: object;
  deadline: number;
  /** The date of round 1, when known (talks `start`). */
  start?: string;
  issues: CompiledIssue[];
  /** [opening side, the other]. */
  sides: [TalksSide, TalksSide];
  mediators: { id: string; name: string; method: 'split-the-difference' | 'nash'; from: number; every: number; source?: SourceRef }[];
  levers: { by: string; byName: string; on: number; round: number; pressure: number; withdrawAfter?: number; text?: string; source?: SourceRef }[];
  events: { id: string; text: string; round: number; chance: number; pressure: [number, number]; breakChance: number; source?: SourceRef }[];
}

const DEFAULT_E: Partial<Record<TalksStrategyName, number>> = { boulware: 0.2, linear: 1, conceder: 5 };

export function compileTalks(scenario: Scenario, params: Readonly<Record<string, number>>): CompiledTalks | undefined {
  const t = scenario.talks;
  if (!t) return undefined;
  const num = (v: NumberOrParameter | undefined, fallback: number) => (v === undefined ? fallback : typeof v === 'number' ? v : own(params, v)!);
  const partyName = (id: string) => scenario.parties[id]?.name ?? id;
  const issues: CompiledIssue[] = t.issues.map((issue) => ({
    id: issue.id,
    name: issue.name ?? issue.id,
    parameter: issue.parameter,
    ...issueScale(issue, scenario),
    ...(issue.options ? { options: issue.options } : {}),
    yesNo: issue.type === 'yes-no',
  }));
  const ids = Object.keys(t.positions);
  const order = [t.opens, ids.find((id) => id !== t.opens)!];
  const sides = order.map((id): TalksSide => {
    const p = t.positions[id]!;
    const weights = t.issues.map((issue) => p.issues[issue.id]!.weight);
    const total = weights.reduce((a, b) => a + b, 0);
    return {
      id,
      name: partyName(id),
      strategy: p.strategy,
      e: num(p.e, DEFAULT_E[p.strategy] ?? 1),
      line: num(p.line, 0.5),
      minStep: num(p.minStep, 0),
      ...(p.walkBelow !== undefined ? { walkBelow: num(p.walkBelow, 0) } : {}),
      walkAfter: p.walkAfter ?? 1,
      ideal: t.issues.map((issue) => issueValue(issue, p.issues[issue.id]!.ideal) as number),
      reservation: t.issues.map((issue) => issueValue(issue, p.issues[issue.id]!.reservation) as number),
      weight: weights.map((w) => w / total),
      conceded: { grievance: num(p.conceded.grievance, 0), domesticPressure: num(p.conceded.domesticPressure, 0) },
      ...(p.source !== undefined ? { source: p.source } : {}),
    };
  }) as [TalksSide, TalksSide];
  return {
    definition: t,
    deadline: t.deadline,
    ...(t.start !== undefined ? { start: t.start } : {}),
    issues,
    sides,
    mediators: Object.entries(t.mediators).map(([id, m]) => ({ id, name: partyName(id), method: m.method, from: m.from, every: m.every, ...(m.source !== undefined ? { source: m.source } : {}) })),
    levers: t.levers.map((l) => ({
      by: l.by,
      byName: partyName(l.by),
      on: order.indexOf(l.on),
      round: l.round,
      pressure: num(l.pressure, 0),
      ...(l.withdrawAfter !== undefined ? { withdrawAfter: l.withdrawAfter } : {}),
      ...(l.text !== undefined ? { text: l.text } : {}),
      ...(l.source !== undefined ? { source: l.source } : {}),
    })),
    events: t.events.map((e) => ({
      id: e.id,
      text: e.text,
      round: e.round,
      chance: num(e.chance, 1),
      pressure: [num(own(e.pressure, order[0]!), 0), num(own(e.pressure, order[1]!), 0)],
      breakChance: num(e.breakChance, 0),
      ...(e.source !== undefined ? { source: e.source } : {}),
    })),
  };
}
