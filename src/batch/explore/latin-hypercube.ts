/**
 * Latin hypercube sampling (McKay, Beckman & Conover 1979). Each parameter's unit interval is cut
 * into n equal strata; every stratum holds exactly one of the n points, at a uniform position
 * inside it, and the strata are paired across parameters by independent random permutations.
 * Randomness: the stream `"<seed>:lhs"`; for each parameter in order, a permutation of the
 * strata, then n positions within strata.
 */
import { checkRanges, pointAt, type DesignPoint, type ParameterRange } from './parameters.ts';
import { permutation, seededUniform } from './random.ts';
import { ExperimentError } from '../errors.ts';

export function latinHypercube(ranges: readonly ParameterRange[], points: number, seed: string): DesignPoint[] {
  checkRanges(ranges);
  if (!Number.isInteger(points) || points < 1) throw new ExperimentError(`a Latin hypercube needs a whole number of points ≥ 1, got ${points}`, 'e.g. --points 200');
  const uniform = seededUniform(seed, 'lhs');
  const columns = ranges.map(() => {
    const strata = permutation(uniform, points);
    return strata.map((stratum) => (stratum + uniform()) / points);
  });
  return Array.from({ length: points }, (_, i) => pointAt(ranges, columns.map((c) => c[i]!)));
}
