/**
 * What one choice did to P(collapse): from the moment a person answered a decision, the run is
 * played on `runs` times in pairs — once with the person's answer, once with the model answering
 * — and every other decision, then and after, answered by the parties' models. Pair i gives
 * both runs the run key of the seed `"<seed>:<i>"` (common random numbers: with keyed draws the
 * two runs meet the same luck wherever they reach the same decision), so the pair differs only
 * through the choice and what followed from it. docs/model.md, "Futures from a moment".
 */
import { deriveRunSeed, runKey, Simulation, type Model, type Response, type SimState } from '../engine/index.ts';
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

/** Whether the run from `state`, with the pending decision answered `choice` (or by the model), ends collapsed. */
export function collapsesFrom(model: Model, state: SimState, seed: string, choice?: Response): boolean {
  const sim = Simulation.restore(model, { state, traceLength: 0 }, null, seed);
  sim.decide(choice);
  return sim.runToEnd().result === 'collapsed';
}

export function emptyCounts(): PairedCounts {
  return { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
}

/** Folds pairs [from, to) into `counts`: "first" is the person's choice, "second" the model's answer. */
export function foldChoicePairs(input: ChoiceImpactInput, from: number, to: number, counts: PairedCounts = emptyCounts()): PairedCounts {
  for (let i = from; i < to; i++) {
    const seed = deriveRunSeed(input.seed, i);
    const state = rekeyed(input.state, seed);
    const chosen = collapsesFrom(input.model, state, seed, input.choice);
    const modelled = collapsesFrom(input.model, state, seed);
    if (chosen && modelled) counts.both++;
    else if (chosen) counts.firstOnly++;
    else if (modelled) counts.secondOnly++;
    else counts.neither++;
  }
  return counts;
}

/**
 * P(collapse | the person's choice) − P(collapse | the model answers), from `runs` pairs, with
 * Newcombe's 95% interval for paired proportions.
 */
export function choiceImpact(input: ChoiceImpactInput, runs: number): PairedDifference | undefined {
  return pairedDifference(foldChoicePairs(input, 0, runs));
}
