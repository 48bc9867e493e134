/**
 * The debrief's numbers, as pure functions (the debrief worker runs them; tests call them
 * directly). Two parts:
 * - the run among `runs` model runs from the same start: the same scenario, parameters and way
 *   of following the record, seeds `"<seed>:<i>"` as the quick batch and `parley batch` derive
 *   them, tallied by src/batch's Aggregate;
 * - for each of the student's choices, P(collapse) with the choice against the model answering
 *   there, from `impactRuns` paired futures (src/batch's choiceImpact, common random numbers).
 */
import { Aggregate, foldChoicePairs, metricNames, metricReader, outcomeOrder, pairedDifference, wilson, type PairedDifference, type Proportion } from '../../batch/index.ts';
import { compile, deriveRunSeed, Simulation, type Metrics, type Model, type OutcomeResult, type Response } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/core.ts';
import { replayChoices, type StudentChoice } from './debrief-choices.ts';
import { followOptions } from './record-follow.ts';
import { metricLabel } from './debrief-metrics.ts';
import { positionIn, spreadOf, type Position, type Spread } from './debrief-position.ts';
import type { RecordFollow } from './share-url.ts';

export const DEBRIEF_RUNS = 1000;
export const IMPACT_RUNS = 200;

export interface DebriefRequest {
  scenario: Scenario;
  /** Parameters changed from their defaults. */
  params: Readonly<Record<string, number>>;
  seed: string;
  follow?: RecordFollow;
  /** Decision number → the response the student chose. */
  choices: Readonly<Record<number, Response>>;
  runs: number;
  impactRuns: number;
}

export interface MetricPlace {
  name: string;
  label: string;
  position: Position;
  spread: Spread;
}

export interface DebriefDistribution {
  runs: number;
  /** The student's outcome. */
  result: OutcomeResult;
  /** Every outcome the model runs reached, with its share (95% Wilson interval). */
  outcomes: { result: string; share: Proportion }[];
  /** The metrics that vary or are not 0, in the batch's order. */
  metrics: MetricPlace[];
}

export interface ChoiceImpact {
  /** The choice's decision number. */
  n: number;
  /** P(collapse | the choice) − P(collapse | the model answers), with Newcombe's 95% interval. */
  impact: PairedDifference;
  /** How the futures ended, as shares: with the choice, and with the model's answer (outcomes either side reached). */
  outcomes: { result: string; chosen: number; modelled: number }[];
  /** Half the summed differences of those shares (0: the same endings, 1: none in common). */
  shift: number;
}

export function modelOf(request: Pick<DebriefRequest, 'scenario' | 'params'>): Model {
  return compile(request.scenario, { ...request.params });
}

/**
 * Runs [from, to) of the model from the run's start, folded into `aggregate` (its metric names).
 * They start as the stepper's run does (Session.start: the truce, following the record as the
 * run does), so for a scenario without talks run i is `parley batch`'s run i; with talks, the
 * stepper plays the truce without them, and so do these runs.
 */
export function foldModelRuns(model: Model, request: Pick<DebriefRequest, 'seed' | 'follow'>, from: number, to: number, aggregate: Aggregate): void {
  const readers = aggregate.metricNames.map(metricReader);
  for (let i = from; i < to; i++) aggregate.add(Simulation.start(model, deriveRunSeed(request.seed, i), { trace: false, ...followOptions(request.follow) }).runToEnd(), readers);
}

/** Where the student's run falls among the model runs tallied in `aggregate`. */
export function placeRun(model: Model, result: OutcomeResult, metrics: Metrics, aggregate: Aggregate): DebriefDistribution {
  const tally = aggregate.toData();
  const places: MetricPlace[] = [];
  for (const name of aggregate.metricNames) {
    const histogram = tally.metrics[name] ?? [];
    const value = metricReader(name)(metrics);
    const position = positionIn(histogram, value);
    const spread = spreadOf(histogram);
    if (!position || !spread || (value === 0 && spread.max === 0 && spread.min === 0)) continue;
    places.push({ name, label: metricLabel(model, name), position, spread });
  }
  const outcomes = outcomeOrder([...new Set([...Object.keys(tally.outcomes), result])]).map((r) => ({ result: r, share: wilson(tally.outcomes[r] ?? 0, tally.runs) }));
  return { runs: tally.runs, result, outcomes, metrics: places };
}

/** The whole distribution part at once (tests; the worker does it in slices). */
export function debriefDistribution(request: DebriefRequest): { choices: StudentChoice[]; distribution: DebriefDistribution } {
  const model = modelOf(request);
  const replay = replayChoices(model, request.seed, request.choices, request.follow);
  if (!replay.outcome) throw new Error('the run is not over: the debrief needs a finished run');
  const aggregate = new Aggregate(metricNames(replay.outcome.metrics));
  foldModelRuns(model, request, 0, request.runs, aggregate);
  return { choices: replay.choices, distribution: placeRun(model, replay.outcome.result, replay.outcome.metrics, aggregate) };
}

/** One choice's impact on P(collapse) and on how the run ends, from `runs` paired futures. */
export function impactOf(model: Model, seed: string, choice: StudentChoice, runs: number): ChoiceImpact {
  const pairs = foldChoicePairs({ model, state: choice.state, choice: choice.response, seed }, 0, runs);
  const results = outcomeOrder([...Object.keys(pairs.chosen), ...Object.keys(pairs.modelled)].filter((r, i, all) => all.indexOf(r) === i));
  const share = (counts: Partial<Record<string, number>>, r: string) => (counts[r] ?? 0) / runs;
  const outcomes = results.map((result) => ({ result, chosen: share(pairs.chosen, result), modelled: share(pairs.modelled, result) }));
  const shift = outcomes.reduce((sum, o) => sum + Math.abs(o.chosen - o.modelled), 0) / 2;
  return { n: choice.n, impact: pairedDifference(pairs.collapse)!, outcomes, shift };
}

/** Choices ordered by how much they moved P(collapse), up or down; then by how much they changed the ending at all. */
export function rankImpacts(impacts: readonly ChoiceImpact[]): ChoiceImpact[] {
  return [...impacts].sort((a, b) => Math.abs(b.impact.difference) - Math.abs(a.impact.difference) || b.shift - a.shift || a.n - b.n);
}
