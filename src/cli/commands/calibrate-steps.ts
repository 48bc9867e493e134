/**
 * `parley calibrate` in steps, for a cluster (docs/cluster.md, "Calibration on a cluster"):
 *
 *   calibrate … [--state S] --shard I/N --summary PART      one shard of the step S leads to
 *   calibrate … [--state S] --merge PART… --next S2 --summary OUT
 *                                                            the step's shards merged: the next
 *                                                            step's state S2, or the finished
 *                                                            calibration (OUT, stdout, --write)
 *
 * Without --state it is step 1. Each step's population is found by replaying ABC over the state's
 * results, so the finished calibration is byte for byte the unsharded one.
 */
import {
  buildCalibrationState,
  calibrationIdentity,
  checkCalibrationRequest,
  designExperiment,
  isCalibrationPartText,
  mergeCalibrationParts,
  parseCalibrationPart,
  parseCalibrationState,
  planOf,
  pointsDigest,
  poolRunner,
  replayCalibration,
  runDesignExperiment,
  runsIn,
  sha256Of,
  shardChunks,
  stringifyPart,
  targetSummaries,
  CALIBRATION_PART_FORMAT,
  type CalibrationPart,
  type DesignPoint,
  type Experiment,
  type MergedStep,
  type PoolFactory,
  type Shard,
  type StepKey,
  type Summaries,
} from '../../batch/index.ts';
import { EXIT, signalExitCode, signalName, type StopSignal } from '../exit-codes.ts';
import { UserError, type CliIO } from '../io.ts';
import { shardFileName, shellQuote } from '../rerun.ts';
import { clearProgress, progressLine, writeOutputs } from '../study-options.ts';
import { checkOutputs } from './batch.ts';
import { writeCalibration, writtenNotes, type CalibrateSetup } from './calibrate-output.ts';

const MAX_PART_BYTES = 1_000_000_000;

interface Step {
  key: StepKey;
  points: readonly DesignPoint[];
  results: Summaries[][];
  /** The step's population as a design (one variation per candidate). */
  experiment: Experiment;
}

const finished = (statePath: string | undefined) => (): never => {
  throw new UserError(`${statePath ?? 'the calibration'} is the state of a finished calibration: no step is left to run`, 'merging its last step wrote the summary');
};

/** The step the state (none: step 1) leads to: its candidates, found by replaying the calibration. */
async function stepOf(setup: CalibrateSetup, statePath: string | undefined, io: CliIO): Promise<Step> {
  const { request } = setup;
  const stateText = statePath === undefined ? undefined : io.readFile(statePath, MAX_PART_BYTES);
  const results = stateText === undefined ? [] : parseCalibrationState(stateText, statePath!, request);
  await checkCalibrationRequest(request);
  const replayed = await replayCalibration(request, results, finished(statePath));
  if (replayed.kind === 'done') return finished(statePath)();
  const experiment = await designExperiment(request.source, replayed.points, { runs: request.runs, seed: request.seed });
  const key: StepKey = {
    identity: calibrationIdentity(request),
    step: replayed.step,
    state: stateText === undefined ? null : sha256Of(stateText),
    candidates: pointsDigest(replayed.points),
    candidateCount: replayed.points.length,
    chunkSize: experiment.chunkSize,
  };
  return { key, points: replayed.points, results, experiment };
}

const describeStep = (step: Step, runs: number) => `step ${step.key.step} (${step.key.candidateCount} candidates × ${runs} runs)`;

/** `--shard I/N`: runs this shard's chunks of the step and writes its part (partial when stopped). */
export async function runShardStep(setup: CalibrateSetup, how: { shard: Shard; statePath?: string }, io: CliIO, pool: PoolFactory): Promise<number> {
  const { request, summaryPath } = setup;
  if (summaryPath === undefined) throw new UserError('a shard of a calibration step needs --summary FILE: its part of the step goes there', 'e.g. --summary out/step-1/shard-1.json');
  checkOutputs(io, [['--summary', summaryPath]]);
  const step = await stepOf(setup, how.statePath, io);
  const { experiment } = step;
  const controller = new AbortController();
  let stopSignal: StopSignal | undefined;
  const removeInterrupt = io.onStopSignal((signal) => {
    stopSignal = signal;
    controller.abort(`stopped by ${signalName(signal)}`);
  });
  let run;
  try {
    run = await runDesignExperiment(experiment, { pool, workers: setup.workers, shard: how.shard, signal: controller.signal, onProgress: progressLine(io), onNotice: (text) => io.stderr(`parley calibrate: ${text}\n`) });
  } finally {
    removeInterrupt();
    clearProgress(io);
  }
  const plan = planOf(experiment);
  const [first, last] = shardChunks(plan, how.shard);
  const mine = runsIn(plan, first, last);
  const stopped = run.failure ? `${run.failure.message}, in ${run.failure.chunks}` : run.interrupted ? (stopSignal ? `stopped by ${signalName(stopSignal)}` : 'interrupted') : undefined;
  const part: CalibrationPart = {
    format: CALIBRATION_PART_FORMAT,
    ...step.key,
    shard: `${how.shard.index}/${how.shard.count}`,
    command: [...setup.command, ...(how.statePath === undefined ? [] : ['--state', how.statePath])],
    coverage: run.coverage,
    partial: run.coverage.runs < mine,
    ...(stopped === undefined ? {} : { stopped }),
    tallies: run.tallies,
  };
  const failed = writeOutputs(io, 'calibrate', [[summaryPath, () => stringifyPart(part)]]);
  if (failed !== undefined) return failed;
  const done = `${run.coverage.runs.toLocaleString('en-US')} of its ${mine.toLocaleString('en-US')} runs`;
  const notes = [`${describeStep(step, request.runs)}, shard ${part.shard}: ${stopped ? `${stopped} after ${done}; the part is marked "partial": true` : done}`, `part: ${summaryPath}`];
  notes.push(`when every shard of step ${step.key.step} is done, merge them: parley calibrate … ${how.statePath === undefined ? '' : `--state ${how.statePath} `}--merge PARTS… --next STATE.json --summary OUT.json`);
  io.stderr(`${notes.map((n) => `parley calibrate: ${n}`).join('\n')}\n`);
  if (run.failure) return EXIT.workerFailed;
  return run.interrupted ? signalExitCode(stopSignal ?? 'SIGINT') : EXIT.ok;
}

function readParts(files: readonly string[], io: CliIO): CalibrationPart[] {
  return files.map((f) => {
    const text = io.readFile(f, MAX_PART_BYTES);
    if (!isCalibrationPartText(text)) throw new UserError(`${f} is not a shard of a calibration step`, '--merge takes the files written by `parley calibrate … --shard I/N --summary FILE`');
    return parseCalibrationPart(text, f);
  });
}

interface MergeHow {
  parts: readonly string[];
  statePath?: string;
  nextPath?: string;
}

/** What merge says of an incomplete step: the shards (or chunks) missing, and the commands that finish it. */
function incompleteNotes(setup: CalibrateSetup, how: MergeHow, step: Step, merged: Exclude<MergedStep, { complete: true }>, parts: readonly CalibrationPart[]): string[] {
  const state = how.statePath === undefined ? [] : ['--state', how.statePath];
  const notes = [`step ${step.key.step} is incomplete: ${merged.runs.toLocaleString('en-US')} of its ${merged.of.toLocaleString('en-US')} runs are in these files; nothing was written`];
  const gaps = merged.gaps;
  if (gaps === undefined || gaps.gaps.length === 0) {
    notes.push(`missing: chunks ${merged.missing.map(([a, b]) => (b - a === 1 ? `${a}` : `${a}–${b - 1}`)).join(', ')} (the files are not all shards of one count N)`);
    return notes;
  }
  const shards = parts.map((p) => Number(p.shard.split('/')[0]));
  for (const g of gaps.gaps) {
    const name = `shard ${g.shard.index}/${g.shard.count}`;
    notes.push(`missing: ${g.file === undefined ? `${name} is in none of these files (${g.of.toLocaleString('en-US')} runs)` : `${name} (${g.file}) is partial: ${g.stopped ? `${g.stopped} after ` : ''}${g.runs.toLocaleString('en-US')} of its ${g.of.toLocaleString('en-US')} runs`}`);
  }
  notes.push(`run ${gaps.gaps.length === 1 ? 'it' : 'them'} with (any machine, any --workers; a partial shard's file is replaced):`);
  const fileOf = (index: number) => gaps.gaps.find((g) => g.shard.index === index)?.file ?? shardFileName(how.parts, shards, index);
  for (const g of gaps.gaps) notes.push(`  ${['parley', ...setup.command, ...state, '--shard', `${g.shard.index}/${g.shard.count}`, '--summary', fileOf(g.shard.index)].map(shellQuote).join(' ')}`);
  notes.push(`on Slurm from deploy/slurm/calibrate.sh: the same calibrate.sh command with --step ${step.key.step} --retry ${gaps.gaps.map((g) => g.shard.index).join(',')} (docs/cluster.md)`);
  const all = Array.from({ length: gaps.count }, (_, i) => i + 1).filter((i) => shards.includes(i) || gaps.gaps.some((g) => g.shard.index === i)).map((i) => how.parts[shards.indexOf(i)] ?? fileOf(i));
  const again = ['parley', ...setup.command, ...state, '--merge', ...all, ...(how.nextPath ? ['--next', how.nextPath] : []), ...(setup.summaryPath ? ['--summary', setup.summaryPath] : []), ...(setup.write ? ['--write', '--date', setup.date] : [])];
  notes.push(`then merge again: ${again.map(shellQuote).join(' ')}`);
  return notes;
}

/** `--merge`: the step's parts added up; then the next step's state, or the finished calibration. */
export async function mergeStep(setup: CalibrateSetup, how: MergeHow, io: CliIO, pool: PoolFactory): Promise<number> {
  const { request } = setup;
  if (how.nextPath === undefined) throw new UserError('--merge needs --next FILE: the state for the next step goes there (unless this step finishes the calibration)', 'e.g. --merge out/step-1/shard-*.json --next out/state-2.json --summary out/calibration.json');
  checkOutputs(io, [['--next', how.nextPath], ['--summary', setup.summaryPath], ...(setup.write ? [['--write', setup.file] as const] : [])]);
  const step = await stepOf(setup, how.statePath, io);
  const parts = readParts(how.parts, io);
  const merged = mergeCalibrationParts(step.key, { variationCount: step.key.candidateCount, runs: request.runs, chunkSize: step.key.chunkSize, metrics: step.experiment.metrics }, parts, how.parts);
  const say = (notes: readonly string[]) => io.stderr(`${notes.map((n) => (n.startsWith('  ') ? n : `parley calibrate: ${n}`)).join('\n')}\n`);
  if (!merged.complete) {
    say(incompleteNotes(setup, how, step, merged, parts));
    return EXIT.mistake;
  }
  const results = [...step.results, merged.tallies.map((t) => targetSummaries(request.targets, t))];
  let next;
  try {
    next = await replayCalibration(request, results, poolRunner(request, { pool, workers: setup.workers }).check);
  } finally {
    clearProgress(io);
  }
  if (next.kind === 'step') {
    const failed = writeOutputs(io, 'calibrate', [[how.nextPath, () => buildCalibrationState(request, results, next.points)]]);
    if (failed !== undefined) return failed;
    say([
      `merged ${describeStep(step, request.runs)} from ${parts.length} shard${parts.length === 1 ? '' : 's'}`,
      `next: step ${next.step} (${next.points.length} candidates × ${request.runs} runs); its state: ${how.nextPath}`,
      `run its shards with the same command and --state ${how.nextPath} --shard I/N --summary PART, then merge them with --state ${how.nextPath} --merge PARTS… --next STATE.json`,
    ]);
    return EXIT.ok;
  }
  const failed = writeCalibration(setup, next.outcome, io);
  if (failed !== undefined) return failed;
  say([`merged ${describeStep(step, request.runs)} from ${parts.length} shard${parts.length === 1 ? '' : 's'}: the calibration is finished (${next.outcome.runs.toLocaleString('en-US')} runs in ${step.key.step} steps and the check)`, ...writtenNotes(setup, next.outcome)]);
  return EXIT.ok;
}

/** `parley merge` given a calibration step's parts: the calibrate command that merges them. */
export function calibrationPartsError(text: string, files: readonly string[]): UserError {
  const part = parseCalibrationPart(text, files[0]!);
  const command = ['parley', ...part.command, '--merge', ...files, '--next', 'STATE.json', '--summary', 'OUT.json'].map(shellQuote).join(' ');
  return new UserError(
    `${files[0]} is a shard of step ${part.step} of a calibration: merging a step also needs the state it ran from and replays the calibration, so \`parley calibrate\` merges it`,
    `${command}   (STATE.json: where the next step's state goes; OUT.json: the summary, when this step finishes the calibration)`,
  );
}
