/**
 * What the stated utilities allow, over every package of the issue grid (first issue slowest):
 * the zone of possible agreement (packages both sides value at least as much as their red-line
 * packages, utility ≥ 0), its Pareto frontier, and the Nash and Kalai–Smorodinsky points with the
 * disagreement point (0, 0).
 */
import type { CompiledIssue, CompiledTalks } from './compile.ts';
import { utility } from './utility.ts';

export interface ScoredPackage {
  values: number[];
  /** Utility to [opening side, other side]. */
  utilities: [number, number];
}

export interface TalksAnalysis {
  /** Packages with utility ≥ 0 to both sides. */
  zoneSize: number;
  gridSize: number;
  pareto: ScoredPackage[];
  nash?: ScoredPackage;
}

const EPS = 1e-9;

/** Calls `visit` with every package of the grid, in order (the array is reused). */
export function forEachPackage(issues: readonly CompiledIssue[], visit: (values: readonly number[]) => void): void {
  const counts = issues.map((i) => Math.floor((i.high - i.low) / i.step + EPS) + 1);
  const index = issues.map(() => 0);
  const values = issues.map((i) => i.low);
  for (;;) {
    visit(values);
    let k = issues.length - 1;
    while (k >= 0 && index[k]! + 1 >= counts[k]!) {
      index[k] = 0;
      values[k] = issues[k]!.low;
      k--;
    }
    if (k < 0) return;
    index[k]! += 1;
    values[k] = issues[k]!.low + index[k]! * issues[k]!.step;
  }
}

/** Keyed by the scenario's `talks:` object: the analysis reads no parameter. */
const cache = new WeakMap<object, TalksAnalysis>();

export function analyseTalks(talks: CompiledTalks): TalksAnalysis {
  const known = cache.get(talks.definition);
  if (known) return known;
  const [a, b] = talks.sides;
  let gridSize = 0;
  const zone: ScoredPackage[] = [];
  forEachPackage(talks.issues, (values) => {
    gridSize++;
    const ua = utility(a, values);
    const ub = utility(b, values);
    if (ua >= -EPS && ub >= -EPS) zone.push({ values: [...values], utilities: [ua, ub] });
  });
  const pareto = paretoOf(zone);
  const nash = bestOnFrontier(pareto, (p) => p.utilities[0] * p.utilities[1]);
  const result: TalksAnalysis = {
    zoneSize: zone.length,
    gridSize,
    pareto,
    ...(nash ? { nash } : {}),
  };
  cache.set(talks.definition, result);
  return result;
}

/** The frontier package with the highest score, the first in frontier order (descending U₀) winning a tie within 10⁻⁹. */
export function bestOnFrontier(pareto: readonly ScoredPackage[], score: (p: ScoredPackage) => number): ScoredPackage | undefined {
  return pareto.reduce<ScoredPackage | undefined>((top, p) => (top === undefined || score(p) > score(top) + EPS ? p : top), undefined);
}

/** The packages no other package beats for one side without losing for the other (of equal pairs, the first in grid order). */
function paretoOf(zone: readonly ScoredPackage[]): ScoredPackage[] {
  const sorted = zone.map((p, order) => ({ p, order })).sort((x, y) => y.p.utilities[0] - x.p.utilities[0] || y.p.utilities[1] - x.p.utilities[1] || x.order - y.order);
  const frontier: ScoredPackage[] = [];
  let bestB = -Infinity;
  for (const { p } of sorted) {
    if (p.utilities[1] > bestB + EPS) {
      frontier.push(p);
      bestB = p.utilities[1];
    }
  }
  return frontier;
}
