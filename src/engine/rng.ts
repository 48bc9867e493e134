/**
 * Seeded randomness. Every run draws from one alea generator; its state is plain data, so a
 * snapshot of a run includes it and undo/branch replay the exact same draws.
 */
import seedrandom from 'seedrandom';

export type RngState = { c: number; s0: number; s1: number; s2: number };

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  state(): RngState;
}

export function createRng(seed: string, state?: RngState): Rng {
  const prng = state ? seedrandom.alea('', { state }) : seedrandom.alea(seed, { state: true });
  return {
    next: () => prng(),
    state: () => prng.state() as RngState,
  };
}

/**
 * The seed of run `index` of an experiment with base seed `base`: `"<base>:<index>"`.
 * A run is replayed exactly with `parley run --seed "<base>:<index>"`.
 */
export function deriveRunSeed(base: string, index: number): string {
  return `${base}:${index}`;
}
