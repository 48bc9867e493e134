/**
 * The Sobol' low-discrepancy sequence (Bratley & Fox 1988, Algorithm 659; Joe & Kuo 2008
 * direction numbers), up to 41 dimensions and 2^32 points, generated in Gray-code order:
 * x_i = x_{i−1} XOR v_c, where c is the position of the lowest zero bit of i − 1.
 * Optionally randomised by a digital shift: every coordinate's 32 bits are XORed with one seeded
 * 32-bit integer per dimension (stream `"<seed>:sobol-shift"`). A digital shift keeps the
 * sequence's stratification ((t, m, s)-net) properties and makes the points an unbiased sample of
 * the unit cube.
 */
import { JOE_KUO_DIRECTIONS } from './joe-kuo-directions.ts';
import { seededUniform, uniformUint32 } from './random.ts';
import { ExperimentError } from '../errors.ts';

const BITS = 32;
export const MAX_SOBOL_DIMENSIONS = JOE_KUO_DIRECTIONS.length + 1;

/** Direction integers v_1 … v_32 (scaled to 32 bits) of dimension `d` (0-based). */
function directionIntegers(d: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (d === 0) {
    for (let k = 1; k <= BITS; k++) v[k] = (1 << (BITS - k)) >>> 0;
    return v;
  }
  const [a, ...m] = JOE_KUO_DIRECTIONS[d - 1]!;
  const s = m.length;
  for (let k = 1; k <= Math.min(s, BITS); k++) v[k] = (m[k - 1]! << (BITS - k)) >>> 0;
  for (let k = s + 1; k <= BITS; k++) {
    let value = (v[k - s]! ^ (v[k - s]! >>> s)) >>> 0;
    for (let i = 1; i < s; i++) if ((a! >>> (s - 1 - i)) & 1) value = (value ^ v[k - i]!) >>> 0;
    v[k] = value;
  }
  return v;
}

/**
 * The first `count` points of the `dimensions`-dimensional Sobol' sequence (point 0 is the
 * origin before any shift), each coordinate in [0, 1). With `shiftSeed` the points are digitally
 * shifted.
 */
export function sobolPoints(dimensions: number, count: number, shiftSeed?: string): number[][] {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > MAX_SOBOL_DIMENSIONS) {
    throw new ExperimentError(`the Sobol' sequence here has 1 to ${MAX_SOBOL_DIMENSIONS} dimensions, asked for ${dimensions}`, `vary at most ${Math.floor(MAX_SOBOL_DIMENSIONS / 2)} parameters in a Sobol analysis`);
  }
  if (!Number.isInteger(count) || count < 0 || count > 2 ** BITS) throw new ExperimentError(`cannot make ${count} Sobol' points`, 'ask for a whole number of points');
  const directions = Array.from({ length: dimensions }, (_, d) => directionIntegers(d));
  const uniform = shiftSeed === undefined ? undefined : seededUniform(shiftSeed, 'sobol-shift');
  const shift = Array.from({ length: dimensions }, () => (uniform ? uniformUint32(uniform) : 0));
  const state = new Uint32Array(dimensions);
  const points: number[][] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      let c = 1;
      let rest = i - 1;
      while (rest % 2 === 1) {
        rest = (rest - 1) / 2;
        c++;
      }
      for (let d = 0; d < dimensions; d++) state[d] = (state[d]! ^ directions[d]![c]!) >>> 0;
    }
    points.push(Array.from(state, (x, d) => ((x ^ shift[d]!) >>> 0) / 2 ** BITS));
  }
  return points;
}
