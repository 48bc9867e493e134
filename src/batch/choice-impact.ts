/**
 * What one choice did to P(collapse): from the moment a person answered a decision, the run is
 * played on `runs` times in pairs — once with the person's answer, once with the model answering
 * — and every other decision, then and after, answered by the parties' models. Pair i gives
 * both runs the run key of the seed `"<seed>:<i>"` (common random numbers: with keyed draws the
 * two runs meet the same luck wherever they reach the same decision), so the pair differs only
 * through the choice and what followed from it. docs/model.md, "Futures from a moment".
 */
import { deriveRunSeed, runKey, Simulation, type Model, type OutcomeResult, type Response, type SimState } from '../engine/index.ts';
import { pairedDifference, type PairedCounts, type PairedDifference } from './paired-difference.ts';

export interface ChoiceImpactInput {
  model: Model;
  /** The run's state with the decision pending (before the person answered it). */
  state: Readonly<SimState>;
  /** What the person answered there. */
  choice: Response;
  /** Pair i uses the run key of `"<seed>:<i>"`. */
  seed: string;
}

/** The state with its run key replaced by the key of `seed`: the same moment with other luck from here on. */
export function rekeyed(state: Readonly<SimState>, seed: string): SimState {
  return { ...(state as SimState), key: runKey(seed) };
}

/** How the run from `state` ends, with the pending decision answered `choice` (or by the model). */
export function outcomeFrom(model: Model, state: SimState, seed: string, choice?: Response): OutcomeResult {
  const sim = Simulation.restore(model, { state, traceLength: 0 }, null, seed);
  sim.decide(choice);
  return sim.runToEnd().result;
}

/** The pairs so far: collapse or not in each run of a pair, and how each side's runs ended. */
export interface ChoicePairs {
  /** "first" is the person's choice, "second" the model's answer. */
  collapse: PairedCounts;
  /** outcome → runs, with the person's choice and with the model's answer. */
  chosen: Partial<Record<OutcomeResult, number>>;
  modelled: Partial<Record<OutcomeResult, number>>;
}

export function emptyPairs(): ChoicePairs {
  return { collapse: { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 }, chosen: {}, modelled: {} };
}

/** Folds pairs [from, to) into `pairs`. */
export function foldChoicePairs(input: ChoiceImpactInput, from: number, to: number, pairs: ChoicePairs = emptyPairs()): ChoicePairs {
  const counts = pairs.collapse;
  for (let i = from; i < to; i++) {
    const seed = deriveRunSeed(input.seed, i);
    const state = rekeyed(input.state, seed);
    const yours = outcomeFrom(input.model, state, seed, input.choice);
    const models = outcomeFrom(input.model, state, seed);
    pairs.chosen[yours] = (pairs.chosen[yours] ?? 0) + 1;
    pairs.modelled[models] = (pairs.modelled[models] ?? 0) + 1;
    const chosen = yours === 'collapsed';
    const modelled = models === 'collapsed';
    if (chosen && modelled) counts.both++;
    else if (chosen) counts.firstOnly++;
    else if (modelled) counts.secondOnly++;
    else counts.neither++;
  }
  return pairs;
}

/**
 * P(collapse | the person's choice) − P(collapse | the model answers), from `runs` pairs, with
 * Newcombe's 95% interval for paired proportions.
 */
export function choiceImpact(input: ChoiceImpactInput, runs: number): PairedDifference | undefined {
  return pairedDifference(foldChoicePairs(input, 0, runs).collapse);
}
