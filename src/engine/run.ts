import { compile, type Model } from './model.ts';
import { Simulation } from './simulation.ts';
import type { RunResult } from './trace.ts';

export interface RunOptions {
  seed: string;
  /** Parameter overrides on top of the model's values. */
  params?: Readonly<Record<string, number>>;
  /** Build the narrative trace (default true); batch runs turn it off for speed. */
  trace?: boolean;
}

/** One run to its terminal outcome, every party following its model. Pure: same inputs, same result. */
export function runOnce(model: Model, options: RunOptions): RunResult {
  const m = options.params && Object.keys(options.params).length > 0 ? compile(model.scenario, { ...model.params, ...options.params }) : model;
  const sim = Simulation.start(m, options.seed, { trace: options.trace });
  const outcome = sim.runToEnd();
  return { scenario: m.scenario.id, seed: options.seed, params: { ...m.params }, outcome, trace: sim.trace ?? [] };
}
