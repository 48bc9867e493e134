/**
 * Calibration targets and the distance between a candidate's summary statistics and them.
 * A target names a summary statistic, the value to match and a tolerance (> 0), e.g. the share of
 * runs that collapse, 0.15 ± 0.03. The distance of summaries s to targets t is
 *   d = max_i |s_i − t_i| / tolerance_i,
 * so d ≤ 1 means every target is met within its tolerance, and d ≤ ε means within ε tolerances.
 */
import { ExperimentError } from '../errors.ts';

export interface Target {
  /** The summary statistic it constrains, e.g. "p-collapse". */
  name: string;
  value: number;
  tolerance: number;
  /** Where the figure comes from (shown, never computed with). */
  source?: string;
}

/** Summary statistics of one candidate's runs, by name. */
export type Summaries = Record<string, number>;

export interface TargetCheck {
  name: string;
  target: number;
  tolerance: number;
  value: number;
  /** |value − target| / tolerance. */
  distance: number;
  met: boolean;
}

export function checkTargets(targets: readonly Target[]): void {
  if (targets.length === 0) throw new ExperimentError('no targets to calibrate against', 'declare at least one target with a value and a tolerance');
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.name)) throw new ExperimentError(`the target ${t.name} is given twice`, 'give each summary statistic one target');
    seen.add(t.name);
    if (!Number.isFinite(t.value)) throw new ExperimentError(`target ${t.name}: the value ${t.value} is not a number`, 'e.g. value: 0.15');
    if (!(t.tolerance > 0) || !Number.isFinite(t.tolerance)) throw new ExperimentError(`target ${t.name}: the tolerance must be a positive number, got ${t.tolerance}`, 'e.g. tolerance: 0.03');
  }
}

/** Each target against the summaries: the value found, its distance in tolerances, met or missed. */
export function compareToTargets(targets: readonly Target[], summaries: Summaries): TargetCheck[] {
  return targets.map((t) => {
    const value = summaries[t.name];
    if (value === undefined || !Number.isFinite(value)) {
      throw new ExperimentError(`the simulator gave no number for the target ${t.name} (got ${value})`, `the summaries have: ${Object.keys(summaries).join(', ') || 'nothing'}`);
    }
    const distance = Math.abs(value - t.value) / t.tolerance;
    return { name: t.name, target: t.value, tolerance: t.tolerance, value, distance, met: distance <= 1 };
  });
}

/** max_i |s_i − t_i| / tolerance_i. */
export function targetDistance(targets: readonly Target[], summaries: Summaries): number {
  return Math.max(...compareToTargets(targets, summaries).map((c) => c.distance));
}
