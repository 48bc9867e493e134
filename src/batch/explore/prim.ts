/**
 * PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), for scenario discovery
 * (Bryant & Lempert 2010): find a box of input values where an outcome of interest is common.
 *
 * Cases: input values x, an outcome share y in [0, 1] (1/0 for a single run, or the share of a
 * design point's runs with the outcome) and a weight (runs; default 1). For a box B:
 *   support  = Σ_{B} w / Σ w                 (share of all runs inside the box)
 *   density  = Σ_{B} w·y / Σ_{B} w           (share of the runs inside that have the outcome)
 *   coverage = Σ_{B} w·y / Σ w·y             (share of all runs with the outcome that fall inside)
 * A box restricts a parameter by strict bounds: x > lower and/or x < upper, both data values.
 *
 * Peeling: from the box holding every case, try for every parameter and both ends removing the
 * cases at the end that hold a share α of the box's weight (all cases with x ≤ v, v the smallest
 * value reaching α from below; or x ≥ v from above). Take the peel leaving the highest density
 * (ties: more weight left, then parameter order, lower end first), as long as the support stays
 * ≥ minSupport. Stop when no peel is allowed or the density is 1. Every box is a step of the
 * peeling trajectory.
 * The chosen box is the densest step whose coverage is ≥ minCoverage (ties: the earlier step).
 * Pasting (optional): widen the chosen box at one end of one restricted parameter by the nearest
 * outside cases holding a share α of the box's weight, whenever that raises the density; repeat
 * with the best such paste until none raises it.
 */
import { ExperimentError } from '../errors.ts';
import type { DesignPoint } from './parameters.ts';

export interface PrimCase {
  x: DesignPoint;
  /** Share of runs with the outcome, in [0, 1]. */
  y: number;
  /** Number of runs the case stands for (default 1). */
  weight?: number;
}

export interface Bounds {
  /** Cases in the box have x > lower (null: no lower limit). */
  lower: number | null;
  /** Cases in the box have x < upper (null: no upper limit). */
  upper: number | null;
}

export type Box = Record<string, Bounds>;

export interface BoxStats {
  box: Box;
  support: number;
  density: number;
  coverage: number;
  /** Cases (design points or runs) inside. */
  cases: number;
  /** Total weight (runs) inside. */
  weight: number;
  /** Parameters the box limits, in parameter order. */
  restricted: string[];
}

export interface PrimOptions {
  /** Share of the box's weight removed per peel (default 0.05). */
  alpha?: number;
  /** Smallest support a box may keep (default 0.05). */
  minSupport?: number;
  /** The chosen box must cover at least this share of the outcome (default 0.5). */
  minCoverage?: number;
  /** Paste the chosen box (default false). */
  paste?: boolean;
  /** Parameters to peel, in order (default: the keys of the first case). */
  parameters?: readonly string[];
}

export interface PrimResult {
  parameters: string[];
  trajectory: BoxStats[];
  /** Index of the chosen step in the trajectory. */
  chosenStep: number;
  /** The chosen box (after pasting, when asked). */
  chosen: BoxStats;
  /** Density of all cases (the base rate of the outcome). */
  baseDensity: number;
}

export const DEFAULT_PRIM_ALPHA = 0.05;
export const DEFAULT_PRIM_MIN_SUPPORT = 0.05;
export const DEFAULT_PRIM_MIN_COVERAGE = 0.5;

function inside(bounds: Bounds, value: number): boolean {
  return (bounds.lower === null || value > bounds.lower) && (bounds.upper === null || value < bounds.upper);
}

function inBox(box: Box, c: PrimCase, skip?: string): boolean {
  for (const name in box) if (name !== skip && !inside(box[name]!, c.x[name]!)) return false;
  return true;
}

class Cases {
  readonly totalWeight: number;
  readonly totalOutcome: number;
  constructor(readonly list: readonly PrimCase[], readonly parameters: readonly string[]) {
    this.totalWeight = list.reduce((s, c) => s + (c.weight ?? 1), 0);
    this.totalOutcome = list.reduce((s, c) => s + (c.weight ?? 1) * c.y, 0);
  }

  stats(box: Box, members?: readonly PrimCase[]): BoxStats {
    const within = members ?? this.list.filter((c) => inBox(box, c));
    let weight = 0;
    let outcome = 0;
    for (const c of within) {
      weight += c.weight ?? 1;
      outcome += (c.weight ?? 1) * c.y;
    }
    return {
      box,
      support: weight / this.totalWeight,
      density: weight > 0 ? outcome / weight : 0,
      coverage: this.totalOutcome > 0 ? outcome / this.totalOutcome : 0,
      cases: within.length,
      weight,
      restricted: this.parameters.filter((p) => box[p]!.lower !== null || box[p]!.upper !== null),
    };
  }
}

/** The value v at which the cases, taken from one end, first hold `share` of `total` weight. */
function cutValue(sorted: readonly PrimCase[], name: string, share: number, total: number): number {
  let cumulative = 0;
  for (const c of sorted) {
    cumulative += c.weight ?? 1;
    if (cumulative >= share * total * (1 - 1e-12)) return c.x[name]!;
  }
  return sorted[sorted.length - 1]!.x[name]!;
}

function checkCases(list: readonly PrimCase[], parameters: readonly string[], options: PrimOptions): void {
  if (list.length === 0) throw new ExperimentError('PRIM needs at least one case', 'run the design first');
  if (parameters.length === 0) throw new ExperimentError('PRIM needs at least one input parameter', 'vary at least one parameter');
  list.forEach((c, i) => {
    for (const p of parameters) if (!Number.isFinite(c.x[p])) throw new ExperimentError(`case ${i} has no number for ${p}`, 'every case needs a value for every parameter');
    if (!(c.y >= 0 && c.y <= 1)) throw new ExperimentError(`case ${i}: the outcome share ${c.y} is not in [0, 1]`, 'give 1/0 for a run, or the share of a point’s runs');
    if (c.weight !== undefined && !(c.weight > 0)) throw new ExperimentError(`case ${i}: the weight ${c.weight} is not positive`, 'weights are run counts');
  });
  for (const [key, value] of [['alpha', options.alpha], ['minSupport', options.minSupport], ['minCoverage', options.minCoverage]] as const) {
    if (value !== undefined && !(value > 0 && value < 1)) throw new ExperimentError(`PRIM ${key} must be between 0 and 1, got ${value}`, key === 'alpha' ? 'the usual peeling share is 0.05' : 'e.g. 0.05');
  }
}

export function prim(list: readonly PrimCase[], options: PrimOptions = {}): PrimResult {
  const parameters = [...(options.parameters ?? Object.keys(list[0]?.x ?? {}))];
  checkCases(list, parameters, options);
  const alpha = options.alpha ?? DEFAULT_PRIM_ALPHA;
  const minSupport = options.minSupport ?? DEFAULT_PRIM_MIN_SUPPORT;
  const minCoverage = options.minCoverage ?? DEFAULT_PRIM_MIN_COVERAGE;
  const cases = new Cases(list, parameters);
  let box: Box = Object.fromEntries(parameters.map((p) => [p, { lower: null, upper: null }]));
  let members = [...list];
  const trajectory = [cases.stats(box, members)];

  for (;;) {
    const current = trajectory[trajectory.length - 1]!;
    if (current.density >= 1) break;
    let best: { stats: BoxStats; members: PrimCase[] } | null = null;
    for (const name of parameters) {
      const ascending = [...members].sort((a, b) => a.x[name]! - b.x[name]!);
      const peels: [keyof Bounds, number][] = [
        ['lower', cutValue(ascending, name, alpha, current.weight)],
        ['upper', cutValue([...ascending].reverse(), name, alpha, current.weight)],
      ];
      for (const [end, v] of peels) {
        const kept = members.filter((c) => (end === 'lower' ? c.x[name]! > v : c.x[name]! < v));
        if (kept.length === 0 || kept.length === members.length) continue;
        const candidate = { ...box, [name]: { ...box[name]!, [end]: v } };
        const stats = cases.stats(candidate, kept);
        if (stats.support < minSupport) continue;
        if (!best || stats.density > best.stats.density || (stats.density === best.stats.density && stats.weight > best.stats.weight)) best = { stats, members: kept };
      }
    }
    if (!best) break;
    box = best.stats.box;
    members = best.members;
    trajectory.push(best.stats);
  }

  let chosenStep = 0;
  trajectory.forEach((s, i) => {
    if (s.coverage >= minCoverage && s.density > trajectory[chosenStep]!.density) chosenStep = i;
  });
  const chosen = options.paste ? pasted(cases, trajectory[chosenStep]!, alpha) : trajectory[chosenStep]!;
  return { parameters, trajectory, chosenStep, chosen, baseDensity: trajectory[0]!.density };
}

function pasted(cases: Cases, start: BoxStats, alpha: number): BoxStats {
  let current = start;
  for (;;) {
    let best: BoxStats | null = null;
    for (const name of current.restricted) {
      const bounds = current.box[name]!;
      for (const end of ['lower', 'upper'] as const) {
        const limit = bounds[end];
        if (limit === null) continue;
        const outside = cases.list
          .filter((c) => inBox(current.box, c, name) && (end === 'lower' ? c.x[name]! <= limit : c.x[name]! >= limit))
          .sort((a, b) => (end === 'lower' ? b.x[name]! - a.x[name]! : a.x[name]! - b.x[name]!));
        if (outside.length === 0) continue;
        const v = cutValue(outside, name, alpha, current.weight);
        const beyond = outside.map((c) => c.x[name]!).find((x) => (end === 'lower' ? x < v : x > v));
        const candidate = { ...current.box, [name]: { ...bounds, [end]: beyond ?? null } };
        const stats = cases.stats(candidate);
        if (stats.density > current.density && (!best || stats.density > best.density)) best = stats;
      }
    }
    if (!best) return current;
    current = best;
  }
}
