/**
 * What a calibrate command is once read (its setup), and what it prints and writes when the
 * calibration is finished: by one unsharded run, or by the merge of a sharded calibration's last
 * step — the same bytes either way.
 */
import { calibrationSummary, formatCalibration, type CalibrationOutcome, type CalibrationRequest } from '../../batch/index.ts';
import type { CliIO } from '../io.ts';
import { writeOutputs } from '../study-options.ts';
import { writeCalibratedDefaults } from '../write-calibration.ts';

/** Everything a calibrate command says, read and checked; shared by the whole run, a shard step and a merge. */
export interface CalibrateSetup {
  file: string;
  request: CalibrationRequest;
  workers: number;
  summaryPath?: string;
  write: boolean;
  date: string;
  /** `calibrate FILE --free … --seed S …`: the arguments every step of a sharded calibration repeats. */
  command: string[];
}

/** Prints the calibration and writes --summary and --write; an exit code when an output failed. */
export function writeCalibration(setup: CalibrateSetup, outcome: CalibrationOutcome, io: CliIO): number | undefined {
  const { request, file } = setup;
  const { result, calibrated } = outcome;
  io.stdout(formatCalibration(request, outcome));
  const written = setup.write ? writeCalibratedDefaults(request.source.text, file, calibrated, result.parameters, { method: result.method, targets: request.targets.map((t) => t.name), runs: request.runs, seed: request.seed, date: setup.date }) : undefined;
  return writeOutputs(io, 'calibrate', [[setup.summaryPath, () => calibrationSummary(request, outcome)], [written === undefined ? undefined : file, () => written!]]);
}

export function writtenNotes(setup: CalibrateSetup, outcome: CalibrationOutcome): string[] {
  const notes: string[] = [];
  if (setup.summaryPath) notes.push(`summary: ${setup.summaryPath}`);
  if (setup.write) notes.push(`wrote the calibrated defaults into ${setup.file}: ${Object.entries(outcome.calibrated).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  return notes;
}

