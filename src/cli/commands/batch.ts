import pkg from '../../../package.json' with { type: 'json' };
import {
  defaultWorkerCount,
  defineExperiment,
  ExperimentError,
  formatProgress,
  formatSummary,
  looksLikeExperiment,
  nodePool,
  parseExperimentFile,
  parseRuns,
  parseSweepFlag,
  runBatch,
  type BatchOptions,
  type BatchOutcome,
  type ExperimentSpec,
  type PoolFactory,
  type Shard,
  newRecord,
  type Summary,
  type Sweep,
} from '../../batch/index.ts';
import { loadScenario, ScenarioRejected } from '../../scenario/index.ts';
import { lastFlag, parseArgs, parseAssignments, type ParsedArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT, signalExitCode, signalName, type StopSignal } from '../exit-codes.ts';
import { UserError, type CliIO, type OutputFile } from '../io.ts';
import { OutputError } from '../output-file.ts';
import { readRecordFlags, RECORD_FLAGS } from '../record-flags.ts';
import { resolveShard } from '../shard-env.ts';
import { writeSummaryFile } from '../summary-file.ts';

export const DEFAULT_RUNS = 1000;
export const DEFAULT_SEED = '1';

/** Batch errors become the CLI's own: located problems print as `file:line:col`, the rest as messages. */
export function asCliError(error: unknown): unknown {
  if (error instanceof ExperimentError) return error.problems ? new ScenarioRejected(error.problems) : new UserError(error.message, error.hint);
  return error;
}

function dirOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** `studies/../scenarios/x.yaml` → `scenarios/x.yaml` (plain text, so it reads well in messages). */
function normalise(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return `${absolute ? '/' : ''}${out.join('/')}`;
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}

async function parseWorkers(text: string | undefined): Promise<number> {
  if (text === undefined) return defaultWorkerCount();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 512) throw new UserError(`--workers must be a whole number from 1 to 512, got \`${text}\``, `this machine has ${await defaultWorkerCount()} cores; the default uses them all`);
  return n;
}

function parseWorkerHeap(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const mb = Number(text);
  if (!Number.isInteger(mb) || mb < 16 || mb > 65_536) throw new UserError(`--worker-heap must be a whole number of MB from 16 to 65536, got \`${text}\``, 'the default is 128; raise it when a worker runs out of memory');
  return mb;
}

/** Options `batch` reads from flags, on top of (and overriding) an experiment file. */
async function readExperiment(argv: readonly string[], io: CliIO) {
  const args = parseArgs(argv, {
    runs: 'value',
    seed: 'value',
    set: 'value',
    sweep: 'value',
    metric: 'value',
    workers: 'value',
    shard: 'value',
    summary: 'value',
    'runs-csv': 'value',
    'chunk-size': 'value',
    'worker-heap': 'value',
    ...RECORD_FLAGS,
  });
  if (args.positional.length !== 1) {
    throw new UserError('batch needs exactly one scenario or experiment file', 'e.g. parley batch scenarios/doha-60-day-draft.yaml --runs 1000 --sweep clash-rate=0,0.02,0.05');
  }
  const { spec, scenarioFile, scenarioText } = readExperimentFile(args.positional[0]!, io);
  applyFlags(spec, args);

  // Output paths are checked before the scenario is even compiled: a typo must not cost a run.
  const summaryPath = lastFlag(args, 'summary');
  const csvPath = lastFlag(args, 'runs-csv');
  checkOutputs(io, [
    ['--summary', summaryPath],
    ['--runs-csv', csvPath],
  ]);

  const loaded = loadScenario(scenarioText, scenarioFile);
  if (!loaded.ok) throw new ScenarioRejected(loaded.problems);
  spec.replay = readRecordFlags(args, loaded.scenario);
  const experiment = await defineExperiment(loaded.scenario, { text: scenarioText, file: scenarioFile }, spec, pkg.version);
  const shardText = lastFlag(args, 'shard');
  const shard: Shard | undefined = resolveShard(shardText, io.env ?? {});
  return { experiment, shard, workers: await parseWorkers(lastFlag(args, 'workers')), workerHeapMb: parseWorkerHeap(lastFlag(args, 'worker-heap')), summaryPath, csvPath, scenarioFile };
}

/** The spec of the file given: the defaults for a scenario, or an experiment file's with its scenario beside it. */
function readExperimentFile(file: string, io: CliIO): { spec: ExperimentSpec; scenarioFile: string; scenarioText: string } {
  const text = io.readFile(file);
  let scenarioFile = file;
  let scenarioText = text;
  const spec: ExperimentSpec = { runs: DEFAULT_RUNS, seed: DEFAULT_SEED, set: newRecord(), sweeps: [], origins: { set: newRecord(), sweeps: newRecord() } };
  if (looksLikeExperiment(text)) {
    const experimentFile = parseExperimentFile(text, file);
    scenarioFile = isAbsolute(experimentFile.scenario) ? experimentFile.scenario : normalise(`${dirOf(file)}${experimentFile.scenario}`);
    scenarioText = io.readFile(scenarioFile);
    Object.assign(spec, { ...experimentFile.spec, origins: experimentFile.spec.origins });
    spec.set = newRecord(Object.entries(experimentFile.spec.set ?? {}));
    spec.sweeps = [...(experimentFile.spec.sweeps ?? [])];
  }
  return { spec, scenarioFile, scenarioText };
}

/** Flags override the file by name: a --set replaces the file's set or sweep of that parameter, and so does a --sweep. */
function applyFlags(spec: ExperimentSpec, args: ParsedArgs): void {
  const runs = lastFlag(args, 'runs');
  if (runs !== undefined) {
    spec.runs = parseRuns(runs, { label: '--runs' });
    delete spec.origins!.runs;
  }
  const seed = lastFlag(args, 'seed');
  if (seed !== undefined) spec.seed = seed;
  const metric = lastFlag(args, 'metric');
  if (metric !== undefined) {
    spec.metric = metric;
    spec.origins!.metric = { label: '--metric' };
  }
  const sets = parseAssignments(args.flags.get('set'));
  for (const [name, value] of Object.entries(sets)) {
    spec.sweeps = spec.sweeps.filter((s) => s.name !== name);
    spec.set[name] = value;
    spec.origins!.set![name] = { label: `--set ${name}=${value}` };
  }
  const flagSweeps: Sweep[] = (args.flags.get('sweep') ?? []).map(parseSweepFlag);
  const fromFlags = new Set<string>();
  for (const sweep of flagSweeps) {
    if (!fromFlags.has(sweep.name)) {
      spec.sweeps = spec.sweeps.filter((s) => s.name !== sweep.name);
      if (!Object.prototype.hasOwnProperty.call(sets, sweep.name)) delete spec.set[sweep.name];
    }
    fromFlags.add(sweep.name);
    spec.sweeps.push(sweep);
    spec.origins!.sweeps![sweep.name] = { label: `--sweep ${sweep.name}=${sweep.values.join(',')}` };
  }
  const chunkSize = lastFlag(args, 'chunk-size');
  if (chunkSize !== undefined) {
    spec.chunkSize = Number(chunkSize);
    if (!Number.isInteger(spec.chunkSize) || spec.chunkSize < 1) throw new UserError(`--chunk-size must be a whole number ≥ 1, got \`${chunkSize}\``);
  }
}

/** The batch command over an injectable pool (tests may pass the in-thread pool). */
export function makeBatchCommand(pool: PoolFactory = nodePool): Command {
  return {
    name: 'batch',
    usage: 'parley batch FILE [--runs N] [--sweep NAME=VALUES]... [options]',
    summary:
      'seeded runs over a parameter grid: outcome odds with 95% intervals, survival, sensitivity; ' +
      'options --seed S, --set NAME=V, --sweep NAME=a,b,c|lo:hi:step, --metric NAME, --workers N, --shard I/N|auto|auto/N (auto: the task of a job array, docs/cluster.md), --summary OUT.json, --runs-csv OUT.csv, --worker-heap MB, --record-until N (futures from day N of the record), --comply all|PARTY,... (docs/batch.md)',
    async run(argv, io) {
      try {
        return await batch(argv, io, pool);
      } catch (error) {
        throw asCliError(error);
      }
    },
  };
}

/** What `batch` was asked to do, from its flags and files. */
type BatchRequest = Awaited<ReturnType<typeof readExperiment>>;

/** The runs CSV being written, and the output error that stopped the batch, if one did. */
interface Outputs {
  csv?: OutputFile;
  failure?: OutputError;
}

async function batch(argv: readonly string[], io: CliIO, pool: PoolFactory): Promise<number> {
  const request = await readExperiment(argv, io);
  const { experiment, shard, workers, workerHeapMb, summaryPath, csvPath, scenarioFile } = request;

  const controller = new AbortController();
  let stopSignal: StopSignal | undefined;
  const outputs: Outputs = {};
  const removeSignals = io.onStopSignal((signal) => {
    stopSignal = signal;
    controller.abort(`stopped by ${signalName(signal)}`);
  });
  const started = performance.now();
  const onProgress = progressLine(io);

  let outcome;
  try {
    if (csvPath) outputs.csv = io.createOutput(csvPath);
    const onNotice = (text: string) => io.stderr(`${io.isTTY ? '\r\x1b[K' : ''}parley batch: ${text}\n`);
    outcome = await runBatch(experiment, { pool, workers, workerHeapMb, shard, csv: outputs.csv ? csvWriter(outputs, controller) : undefined, onProgress, onNotice, signal: controller.signal });
  } catch (error) {
    outputs.csv?.discard();
    throw error;
  } finally {
    removeSignals();
    if (io.isTTY) io.stderr('\r\x1b[K');
  }
  const { summary, failure, interrupted } = outcome;
  const seconds = (performance.now() - started) / 1000;

  if (keepOutputs(io, summaryPath, summary, outputs)) return reportOutputFailure(io, outputs.failure!, outcome, request);

  io.stdout(formatSummary(summary, { scenarioFile }));
  const notes = [batchNote(outcome, request, stopSignal, seconds)];
  if (summaryPath) notes.push(`summary: ${summaryPath}`);
  if (csvPath) notes.push(`runs CSV: ${csvPath}`);
  if (shard) notes.push(`shard ${shard.index}/${shard.count}: combine all shards with \`parley merge\``);
  io.stderr(`${notes.map((n) => `parley batch: ${n}`).join('\n')}\n`);
  if (failure) return EXIT.workerFailed;
  if (interrupted) return signalExitCode(stopSignal ?? 'SIGINT');
  return EXIT.ok;
}

/** On a terminal, the progress bar redrawn at most ten times a second; elsewhere nothing. */
function progressLine(io: CliIO): BatchOptions['onProgress'] {
  if (!io.isTTY) return undefined;
  // The rate is measured from the first finished chunk, so pool start-up does not skew the ETA.
  let first: { at: number; done: number } | undefined;
  let lastDrawn = -Infinity;
  return (done: number, total: number) => {
    const now = performance.now();
    first ??= { at: now, done };
    if (now - lastDrawn < 100 && done < total) return;
    lastDrawn = now;
    const rate = now - first.at > 250 ? ((done - first.done) / (now - first.at)) * 1000 : undefined;
    io.stderr(`\r${formatProgress(done, total, rate)}\x1b[K`);
  };
}

/** Writes CSV text; a CSV that cannot be written stops the runs at once: nothing more could be kept. */
function csvWriter(outputs: Outputs, controller: AbortController): (text: string) => void {
  return (text: string) => {
    if (outputs.failure || !outputs.csv) return;
    try {
      outputs.csv.write(text);
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      outputs.failure = error;
      controller.abort(`stopped: ${error.message}`);
    }
  };
}

/**
 * Both outputs are written beside their paths first; only when both are complete do they replace
 * the paths. Any failure leaves every earlier file as it was. True when an output failed.
 */
function keepOutputs(io: CliIO, summaryPath: string | undefined, summary: Summary, outputs: Outputs): boolean {
  let summaryFile: OutputFile | undefined;
  if (!outputs.failure) {
    try {
      if (summaryPath) summaryFile = writeSummaryFile(io, summaryPath, summary);
      outputs.csv?.commit();
      summaryFile?.commit();
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      outputs.failure = error;
    }
  }
  if (!outputs.failure) return false;
  outputs.csv?.discard();
  summaryFile?.discard();
  return true;
}

/** Shows the table anyway and says that no output was written; the exit code for it. */
function reportOutputFailure(io: CliIO, outputFailure: OutputError, outcome: BatchOutcome, request: BatchRequest): number {
  const { summary, planned } = outcome;
  const runs = summary.coverage.runs.toLocaleString('en-US');
  const of = planned.toLocaleString('en-US');
  io.stdout(formatSummary(summary, { scenarioFile: request.scenarioFile }));
  const kept = [request.summaryPath, request.csvPath].filter(Boolean).join(' or ');
  const how = summary.coverage.runs === planned ? `All ${runs} runs were done (the table shows them)` : `The runs stopped after ${runs} of ${of} (the table shows them)`;
  io.stderr(
    `parley batch: ${outputFailure.message}. ${how}, but no output was written: any earlier file at ${kept} is unchanged. ` +
      'Free some space or choose another folder, then run the command again.\n',
  );
  return EXIT.outputFailed;
}

/** How the batch ended: the failure and what was kept, the interruption, or the runs and their speed. */
function batchNote(outcome: BatchOutcome, request: BatchRequest, stopSignal: StopSignal | undefined, seconds: number): string {
  const { summary, interrupted, planned, failure } = outcome;
  const { summaryPath, csvPath, workers } = request;
  const runs = summary.coverage.runs.toLocaleString('en-US');
  const of = planned.toLocaleString('en-US');
  if (failure) {
    return (
      `${failure.message}, in ${failure.chunks}. The batch stopped after ${runs} of ${of} runs; ` +
      (summaryPath ? `the summary holds them and is marked "partial": true with the reason in "stopped"` : 'the table holds them') +
      (csvPath ? ', and the CSV holds exactly those runs' : '') +
      (/out of memory/.test(failure.message) ? '. Give the workers more memory with --worker-heap MB (default 128) and run again.' : '.')
    );
  }
  if (interrupted) {
    return `${stopSignal ? `stopped by ${signalName(stopSignal)}` : 'interrupted'} after ${runs} of ${of} runs; ${summaryPath ? 'the summary is marked "partial": true' : 'the table is partial'}${csvPath ? ' and the CSV holds exactly those runs' : ''}`;
  }
  return `${runs} runs in ${seconds.toFixed(1)} s (${Math.round(summary.coverage.runs / Math.max(seconds, 1e-9)).toLocaleString('en-US')} runs/s, ${workers} worker${workers === 1 ? '' : 's'})`;
}

/** Checks every output path before anything runs: writable, not a folder, and no two the same file. */
export function checkOutputs(io: CliIO, outputs: readonly (readonly [string, string | undefined])[]): void {
  const given = outputs.filter((o): o is readonly [string, string] => o[1] !== undefined);
  for (const [flag, path] of given) io.checkOutput(path, flag);
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      if (io.samePath(given[i]![1], given[j]![1])) {
        throw new UserError(`${given[i]![0]} and ${given[j]![0]} name the same file, ${given[j]![1]}; one would overwrite the other`, 'give each output its own file, e.g. --summary study.json --runs-csv study.csv');
      }
    }
  }
}

export const batchCommand: Command = makeBatchCommand();
