/**
 * A calibration in steps, for a cluster: each step is one population of candidates (SMC's
 * generation 0, then each batch of proposals; rejection's prior draws), run as shards like any
 * design; merging a step's shards adds its results to the calibration's *state*. ABC is a
 * deterministic function of the results it has seen, so replaying it over the recorded results
 * (`replayCalibration`) reaches the same next population, or the same finished outcome, as one
 * unsharded `parley calibrate` — byte for byte, for any number of shards.
 *
 * The state file records the request's identity and, for each step done, every candidate's target
 * summaries (numbers written as JSON, which reads them back exactly).
 */
import type { AggregateData } from './aggregate.ts';
import { calibrateWith, type CalibrationOutcome, type CalibrationRequest, type CalibrationRunner } from './calibration-run.ts';
import { ExperimentError } from './errors.ts';
import { isRecord, parseJsonFile } from './json-file.ts';
import type { DesignPoint } from './explore/parameters.ts';
import type { Summaries } from './explore/targets.ts';
import { Sha256 } from './sha256.ts';
import { stringifySummary } from './summary.ts';

export const CALIBRATION_STATE_FORMAT = 'parley-calibration-state/1';

/** What makes two calibrate commands the same calibration (the state and the shards' parts carry it). */
export interface CalibrationIdentity {
  parley: string;
  scenario: { id: string; sha256: string };
  method: string;
  seed: string;
  runsPerCandidate: number;
  population: number;
  set: Record<string, number>;
  free: { name: string; lo: number; hi: number }[];
  targets: { id: string; statistic: string; value: number; tolerance: number }[];
}

export interface CalibrationState {
  format: typeof CALIBRATION_STATE_FORMAT;
  identity: CalibrationIdentity;
  /** The step the state's results lead to (1-based; step 1 needs no state). */
  step: number;
  /** That step's population, for people reading the file. */
  next: { candidates: number; runsPerCandidate: number; runs: number };
  /** Per step done, the target summaries of every candidate, in order. */
  results: Summaries[][];
}

export const sha256Of = (text: string) => new Sha256().update(text).digest('hex');

export function calibrationIdentity(request: CalibrationRequest): CalibrationIdentity {
  return {
    parley: request.source.parleyVersion,
    scenario: { id: request.source.scenario.id, sha256: sha256Of(request.source.text) },
    method: request.method,
    seed: request.seed,
    runsPerCandidate: request.runs,
    population: request.population,
    set: request.source.set ?? {},
    free: request.ranges.map((r) => ({ name: r.name, lo: r.lo, hi: r.hi })),
    targets: request.targets.map((t) => ({ id: t.name, statistic: t.statisticText, value: t.value, tolerance: t.tolerance })),
  };
}

/** The fields in which two identities differ (empty when they are the same calibration). */
export function identityDifferences(a: CalibrationIdentity, b: CalibrationIdentity): string[] {
  return (Object.keys(a) as (keyof CalibrationIdentity)[]).filter((k) => stringifySummary(a[k]) !== stringifySummary(b[k]));
}

/** A digest of a step's candidates: shards and merge check they ran the same population. */
export const pointsDigest = (points: readonly DesignPoint[]) => sha256Of(JSON.stringify(points));

class StepNeeded {
  constructor(readonly points: readonly DesignPoint[]) {}
}

export type Replayed = { kind: 'step'; step: number; points: readonly DesignPoint[] } | { kind: 'done'; outcome: CalibrationOutcome };

/**
 * Runs ABC over the recorded results, step by step, until it asks for a population not yet run
 * (the next step's candidates) or finishes; `check` runs the check at the calibrated values.
 */
export async function replayCalibration(request: CalibrationRequest, results: readonly (readonly Summaries[])[], check: (point: DesignPoint) => Promise<AggregateData>): Promise<Replayed> {
  let used = 0;
  const runner: CalibrationRunner = {
    population(points) {
      const recorded = results[used];
      if (recorded === undefined) throw new StepNeeded(points);
      if (recorded.length !== points.length) {
        throw new ExperimentError(`step ${used + 1} of the state holds ${recorded.length} candidates' results but the calibration ran ${points.length} there`, 'the state is from another Parley version or was edited; start the calibration again');
      }
      used++;
      return Promise.resolve(recorded);
    },
    check,
  };
  try {
    const outcome = await calibrateWith(request, runner);
    if (used < results.length) throw new ExperimentError(`the state holds ${results.length} steps but the calibration finished after ${used}`, 'the state is from another Parley version or was edited; start the calibration again');
    return { kind: 'done', outcome };
  } catch (error) {
    if (error instanceof StepNeeded) return { kind: 'step', step: used + 1, points: error.points };
    throw error;
  }
}

export function buildCalibrationState(request: CalibrationRequest, results: readonly (readonly Summaries[])[], next: readonly DesignPoint[]): string {
  const state: CalibrationState = {
    format: CALIBRATION_STATE_FORMAT,
    identity: calibrationIdentity(request),
    step: results.length + 1,
    next: { candidates: next.length, runsPerCandidate: request.runs, runs: next.length * request.runs },
    results: results.map((r) => [...r]),
  };
  return `${stringifySummary(state)}\n`;
}

/** Parses a state file and checks it belongs to this request; returns its recorded results. */
export function parseCalibrationState(text: string, file: string, request: CalibrationRequest): Summaries[][] {
  const data = parseJsonFile(text, file, '--state takes a file written by `parley calibrate --merge … --next FILE`');
  if (!isRecord(data) || data.format !== CALIBRATION_STATE_FORMAT) throw new ExperimentError(`${file} is not a calibration state (format ${CALIBRATION_STATE_FORMAT})`, '--state takes a file written by `parley calibrate --merge … --next FILE`');
  const differs = identityDifferences(calibrationIdentity(request), data.identity as CalibrationIdentity);
  if (differs.length > 0) {
    throw new ExperimentError(`${file} is the state of a different calibration (it differs in ${differs.join(', ')})`, 'every step runs the same calibrate command: same scenario file, Parley version, --free, --targets, --method, --runs, --population, --seed and --set');
  }
  const names = request.targets.map((t) => t.name);
  const results = data.results;
  const valid = Array.isArray(results) && results.every((step) => Array.isArray(step) && step.every((s) => isRecord(s) && names.every((n) => typeof s[n] === 'number')));
  if (!valid || data.step !== results.length + 1) throw new ExperimentError(`${file}: its results are damaged (each step must list every candidate's ${names.join(', ')})`, 'write it again with `parley calibrate --merge`; do not edit it');
  return results as Summaries[][];
}
