/**
 * What calibration asks of the model. The caller runs every candidate with the SAME seed set
 * (common random numbers): run r of every candidate uses the seed "<base>:<r>", so candidates
 * differ only by their parameters, not by their luck. A whole population of candidates is passed
 * at once so the caller can spread it over a worker pool; it returns one summary per candidate,
 * in the same order.
 */
import type { DesignPoint } from './parameters.ts';
import type { Summaries } from './targets.ts';

export interface SeedSet {
  /** Base seed of the runs. */
  base: string;
  /** Runs per candidate. */
  runs: number;
}

export type Simulator = (candidates: readonly DesignPoint[], seeds: SeedSet) => Promise<readonly Summaries[]> | readonly Summaries[];
