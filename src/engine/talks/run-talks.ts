/**
 * A run of a scenario with `talks:`: the talks first; with a deal, the truce runs with the agreed
 * values as its parameters (as `--set` would give them) and opens with the conceded red lines'
 * grievance and pressure; without one, the run ends `no-deal` before day 1.
 */
import { compile, type Model } from '../model.ts';
import { metricsOf } from '../outcome.ts';
import { runKey } from '../rng.ts';
import { Simulation, type StartOptions } from '../simulation.ts';
import { initialState, type TruceOpening } from '../start-state.ts';
import type { Outcome, RunResult, TalksOutcome } from '../trace.ts';
import { compileTalks, type CompiledTalks } from './compile.ts';
import { negotiate, type TalksResult } from './negotiate.ts';
import { crossedRedLines } from './utility.ts';

export function runWithTalks(model: Model, seed: string, options: StartOptions): RunResult {
  const talks = compileTalks(model.scenario, model.params)!;
  const result = negotiate(talks, runKey(seed), { trace: options.trace !== false, ...(model.scenario.start !== undefined ? { truceStart: model.scenario.start } : {}) });
  if (!result.deal) return { scenario: model.scenario.id, seed, params: { ...model.params }, outcome: noDealOutcome(model, seed, talks, result), trace: [], talks: result };
  const agreed = agreedModel(model, talks, result);
  const sim = Simulation.start(agreed, seed, { ...options, opening: openingOf(talks, result) });
  const outcome = { ...sim.runToEnd(), talks: talksOutcome(talks, result) };
  return { scenario: agreed.scenario.id, seed, params: { ...agreed.params }, outcome, trace: sim.trace ?? [], talks: result };
}

/** The outcome of talks that ended without a deal: `no-deal` on day 0 of the first phase. */
export function noDealOutcome(model: Model, seed: string, talks: CompiledTalks, result: TalksResult): Outcome {
  return { result: 'no-deal', phase: model.phases[0]!.def.id, day: 0, cause: result.cause!, metrics: metricsOf(model, initialState(model, seed)), talks: talksOutcome(talks, result) };
}

/** The truce's model under a deal: the agreed values on top of the run's parameters. */
export function agreedModel(model: Model, talks: CompiledTalks, result: TalksResult): Model {
  return compile(model.scenario, { ...model.params, ...agreedParameters(talks, result.values!) });
}

export function agreedParameters(talks: CompiledTalks, values: readonly number[]): Record<string, number> {
  const params: Record<string, number> = {};
  talks.issues.forEach((issue, i) => (params[issue.parameter] = values[i]!));
  return params;
}

export function talksOutcome(talks: CompiledTalks, result: TalksResult): TalksOutcome {
  if (!result.deal) return { deal: false, round: result.round };
  const terms: Record<string, number> = {};
  talks.issues.forEach((issue, i) => (terms[issue.id] = result.values![i]!));
  return { deal: true, round: result.round, terms };
}

/** Each side's conceded red lines, as grievance and domestic pressure added at the start; the guarantees withdrawn. */
export function openingOf(talks: CompiledTalks, result: TalksResult): TruceOpening {
  const add: TruceOpening['add'] = {};
  for (const side of talks.sides) {
    const crossed = crossedRedLines(side, result.values ?? []).length;
    if (crossed > 0) add[side.id] = { grievance: crossed * side.conceded.grievance, domesticPressure: crossed * side.conceded.domesticPressure };
  }
  return { add, withdrawn: result.withdrawnGuarantees };
}
