/**
 * Saltelli's sampling scheme for Sobol' indices (Saltelli 2002; Saltelli et al. 2010).
 * Base samples: the first N points of the 2k-dimensional Sobol' sequence, digitally shifted with
 * the stream `"<seed>:sobol-shift"`; matrix A is coordinates 1 … k, matrix B coordinates
 * k + 1 … 2k. AB_i is A with column i taken from B. The design lists, for each row j = 0 … N − 1,
 * the k + 2 points A_j, AB_1j, …, AB_kj, B_j — N·(k + 2) points in all. N a power of two keeps
 * the Sobol' sequence balanced.
 */
import { checkRanges, pointAt, type DesignPoint, type ParameterRange } from './parameters.ts';
import { MAX_SOBOL_DIMENSIONS, sobolPoints } from './sobol-sequence.ts';
import { ExperimentError } from '../errors.ts';

export interface SaltelliDesign {
  ranges: readonly ParameterRange[];
  /** N, the number of base rows. */
  baseSamples: number;
  /** N·(k + 2) points, row by row: A_j, AB_1j … AB_kj, B_j. */
  points: DesignPoint[];
}

export const MAX_SOBOL_PARAMETERS = Math.floor(MAX_SOBOL_DIMENSIONS / 2);

export function saltelliDesign(ranges: readonly ParameterRange[], baseSamples: number, seed: string): SaltelliDesign {
  checkRanges(ranges);
  const k = ranges.length;
  if (k > MAX_SOBOL_PARAMETERS) throw new ExperimentError(`a Sobol analysis can vary at most ${MAX_SOBOL_PARAMETERS} parameters, got ${k}`, 'screen with Morris first and keep the influential ones');
  if (!Number.isInteger(baseSamples) || baseSamples < 2) throw new ExperimentError(`a Sobol analysis needs a whole number of base samples N ≥ 2, got ${baseSamples}`, 'a power of two such as 512 or 1024');
  const base = sobolPoints(2 * k, baseSamples, seed);
  const points: DesignPoint[] = [];
  for (const row of base) {
    const a = row.slice(0, k);
    const b = row.slice(k);
    points.push(pointAt(ranges, a));
    for (let i = 0; i < k; i++) points.push(pointAt(ranges, a.map((x, c) => (c === i ? b[i]! : x))));
    points.push(pointAt(ranges, b));
  }
  return { ranges, baseSamples, points };
}
