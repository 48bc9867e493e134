/**
 * Seeded randomness for exploration designs and estimates. Every stream is an alea generator
 * seeded with `"<seed>:<purpose>"`, e.g. `"study-1:lhs"`, `"study-1:morris"`,
 * `"study-1:sobol-shift"`, `"study-1:bootstrap"`, `"study-1:smc:3:0"`. A stream is keyed by what
 * it decides, not by how many numbers were drawn before it, so the design does not depend on the
 * order in which estimates are asked for, nor on how the caller chunks the runs.
 */
import seedrandom from 'seedrandom';

/** Uniform numbers in [0, 1). */
export type Uniform = () => number;

/** The stream for `purpose` under the analyst's `seed`: alea(`"<seed>:<purpose>"`). */
export function seededUniform(seed: string, purpose: string): Uniform {
  const prng = seedrandom.alea(`${seed}:${purpose}`);
  return () => prng();
}

/** A whole number in 0 … n − 1. */
export function uniformIndex(uniform: Uniform, n: number): number {
  return Math.min(n - 1, Math.floor(uniform() * n));
}

/** A uniformly random order of 0 … n − 1 (Fisher–Yates, drawing from the end). */
export function permutation(uniform: Uniform, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = uniformIndex(uniform, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** An unsigned 32-bit integer from one draw (alea draws are multiples of 2^−32). */
export function uniformUint32(uniform: Uniform): number {
  return Math.floor(uniform() * 2 ** 32) >>> 0;
}
