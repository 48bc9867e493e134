/**
 * The debrief worker's side (debrief-worker.ts is its entry): takes one request, runs the model
 * runs and then each choice's paired futures, and posts what it has as it goes, so the page
 * shows the distribution first and each choice's impact as it comes. Stopping is the page's
 * `terminate()`: nothing here needs to yield.
 */
import { Aggregate, metricNames } from '../../batch/index.ts';
import { foldModelRuns, impactOf, modelOf, placeRun, type ChoiceImpact, type DebriefDistribution, type DebriefRequest } from './debrief-compute.ts';
import { replayChoices } from './debrief-choices.ts';

export type ToDebriefWorker = { type: 'start'; request: DebriefRequest };
export type FromDebriefWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'distribution'; distribution: DebriefDistribution }
  | { type: 'impact'; impact: ChoiceImpact }
  | { type: 'done' }
  | { type: 'failed'; message: string };

/** Runs between progress messages. */
const STEP = 50;

export function runDebrief(request: DebriefRequest, post: (message: FromDebriefWorker) => void): void {
  const model = modelOf(request);
  const replay = replayChoices(model, request.seed, request.choices, request.follow);
  if (!replay.outcome) throw new Error('the run is not over: the debrief needs a finished run');
  // A pair is two runs from the middle of a run: count it as one run of work.
  const total = request.runs + replay.choices.length * request.impactRuns;
  const aggregate = new Aggregate(metricNames(replay.outcome.metrics));
  let done = 0;
  for (let from = 0; from < request.runs; from += STEP) {
    const to = Math.min(request.runs, from + STEP);
    foldModelRuns(model, request, from, to, aggregate);
    done += to - from;
    post({ type: 'progress', done, total });
  }
  post({ type: 'distribution', distribution: placeRun(model, replay.outcome.result, replay.outcome.metrics, aggregate) });
  for (const choice of replay.choices) {
    post({ type: 'impact', impact: impactOf(model, request.seed, choice, request.impactRuns) });
    done += request.impactRuns;
    post({ type: 'progress', done, total });
  }
  post({ type: 'done' });
}

export function serveDebrief(scope: { onmessage: ((event: MessageEvent<ToDebriefWorker>) => void) | null; postMessage(message: FromDebriefWorker): void }): void {
  scope.onmessage = (event) => {
    try {
      runDebrief(event.data.request, (m) => scope.postMessage(m));
    } catch (error) {
      scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
