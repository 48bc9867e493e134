import { compile, type Model } from './model.ts';
import { Simulation } from './simulation.ts';
import { runWithTalks } from './talks/run-talks.ts';
import type { RunResult } from './trace.ts';

export interface RunOptions {
  seed: string;
  /** Parameter overrides on top of the model's values. */
  params?: Readonly<Record<string, number>>;
  /** Build the narrative trace (default true); batch runs turn it off for speed. */
  trace?: boolean;
  /** Follow the scenario's record up to this day, or to its end (`'end'`), then let the model answer. */
  recordUntil?: number | 'end';
  /** Parties that comply with everything, whatever their model says (`--comply`). */
  comply?: readonly string[];
}

/** The engine's start options for run options: `'end'` is Infinity. */
export function startOptions(options: Pick<RunOptions, 'trace' | 'recordUntil' | 'comply'>) {
  return {
    trace: options.trace,
    followRecordUntil: options.recordUntil === 'end' ? Infinity : options.recordUntil,
    comply: options.comply,
  };
}

/** One run to its terminal outcome, every party following its model. Pure: same inputs, same result. */
export function runOnce(model: Model, options: RunOptions): RunResult {
  const m = options.params && Object.keys(options.params).length > 0 ? compile(model.scenario, { ...model.params, ...options.params }) : model;
  if (m.scenario.talks) return runWithTalks(m, options.seed, startOptions(options));
  const sim = Simulation.start(m, options.seed, startOptions(options));
  const outcome = sim.runToEnd();
  return { scenario: m.scenario.id, seed: options.seed, params: { ...paramsTemplate(m) }, outcome, trace: sim.trace ?? [] };
}

/**
 * A model's parameter values as an ordinary object, made once per model: each run's result gets a
 * spread copy of it, which V8 makes far faster than a copy of the prototype-less `model.params`.
 */
const paramsTemplates = new WeakMap<Model, Readonly<Record<string, number>>>();
function paramsTemplate(m: Model): Readonly<Record<string, number>> {
  let template = paramsTemplates.get(m);
  if (!template) paramsTemplates.set(m, (template = { ...m.params }));
  return template;
}
