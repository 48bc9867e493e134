/**
 * Runs of one model one after another, as a batch makes them: each run's outcome, as
 * `runOnce(model, { seed, trace: false, … })` gives it, but every run after the first reuses the
 * previous run's memory (its state is reset in place: reset-state.ts), so a batch allocates far
 * less per run. Kept apart from Simulation so that pages which never batch do not load it.
 */
import type { Model } from './model.ts';
import { recordOf } from './record.ts';
import { resetState } from './reset-state.ts';
import { runOnce, startOptions, type RunOptions } from './run.ts';
import { Simulation } from './simulation.ts';
import type { Outcome } from './trace.ts';

export type SeriesOptions = Pick<RunOptions, 'recordUntil' | 'comply'>;

export class RunSeries {
  private sim: Simulation | undefined;

  constructor(
    private readonly model: Model,
    private readonly options: SeriesOptions = {},
  ) {}

  /** The outcome of the run with `seed`. */
  outcome(seed: string): Outcome {
    // Talks compile the truce anew from each deal's terms: no run to reuse.
    if (this.model.scenario.talks) return runOnce(this.model, { ...this.options, seed, trace: false }).outcome;
    const sim = this.sim;
    if (!sim) {
      const first = Simulation.start(this.model, seed, startOptions({ ...this.options, trace: false }));
      const outcome = first.runToEnd();
      this.sim = first;
      return outcome;
    }
    const follow = sim.state.follow;
    resetState(this.model, sim.state, seed);
    if (follow) {
      // As Simulation.start sets it (comply, unchanged by a run, stays as it was).
      follow.until = Math.min(this.options.recordUntil === 'end' ? Infinity : this.options.recordUntil!, recordOf(this.model).lastDay);
      follow.holding = false;
    }
    sim.restart(seed);
    return sim.runToEnd();
  }
}
