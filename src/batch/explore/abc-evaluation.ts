/**
 * Shared steps of approximate Bayesian computation: checking the free parameters (continuous
 * ranges, read as uniform priors), the seed set and the targets; and evaluating candidates
 * through the caller's simulator.
 */
import { checkRanges, type DesignPoint, type ParameterRange } from './parameters.ts';
import type { SeedSet, Simulator } from './simulator.ts';
import { checkTargets, targetDistance, type Summaries, type Target } from './targets.ts';
import { ExperimentError } from '../errors.ts';

export interface Evaluated {
  params: DesignPoint;
  summaries: Summaries;
  distance: number;
}

export function checkCalibration(ranges: readonly ParameterRange[], targets: readonly Target[], seeds: SeedSet): void {
  checkRanges(ranges);
  const integer = ranges.find((r) => r.integer);
  if (integer) throw new ExperimentError(`${integer.name} is a whole-number parameter; calibration fits continuous parameters only`, `calibrate ${integer.name} by a sweep instead, or leave it fixed`);
  checkTargets(targets);
  if (!Number.isInteger(seeds.runs) || seeds.runs < 1) throw new ExperimentError(`each candidate needs a whole number of runs ≥ 1, got ${seeds.runs}`, 'e.g. 200 runs per candidate');
  if (seeds.base.length === 0) throw new ExperimentError('the seed set needs a base seed', 'e.g. calibration-1');
}

/** Runs the candidates through the simulator (all at once) and measures each against the targets. */
export async function evaluate(simulate: Simulator, candidates: readonly DesignPoint[], seeds: SeedSet, targets: readonly Target[]): Promise<Evaluated[]> {
  if (candidates.length === 0) return [];
  const summaries = await simulate(candidates, seeds);
  if (summaries.length !== candidates.length) throw new ExperimentError(`the simulator returned ${summaries.length} summaries for ${candidates.length} candidates`, 'return one summary per candidate, in order');
  return candidates.map((params, i) => ({ params, summaries: summaries[i]!, distance: targetDistance(targets, summaries[i]!) }));
}
