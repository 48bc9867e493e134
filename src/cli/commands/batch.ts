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
  parseShard,
  parseSweepFlag,
  runBatch,
  stringifySummary,
  type ExperimentSpec,
  type PoolFactory,
  type Shard,
  type Sweep,
} from '../../batch/index.ts';
import { loadScenario, ScenarioRejected } from '../../scenario/index.ts';
import { lastFlag, parseArgs, parseAssignments } from '../args.ts';
import type { Command } from '../command.ts';
import { UserError, type CliIO } from '../io.ts';
import { readRecordFlags, RECORD_FLAGS } from '../record-flags.ts';

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
    ...RECORD_FLAGS,
  });
  if (args.positional.length !== 1) {
    throw new UserError('batch needs exactly one scenario or experiment file', 'e.g. parley batch scenarios/doha-60-day-draft.yaml --runs 1000 --sweep clash-rate=0,0.02,0.05');
  }
  const file = args.positional[0]!;
  const text = io.readFile(file);
  let scenarioFile = file;
  let scenarioText = text;
  const spec: ExperimentSpec = { runs: DEFAULT_RUNS, seed: DEFAULT_SEED, set: {}, sweeps: [], origins: { set: {}, sweeps: {} } };
  if (looksLikeExperiment(text)) {
    const experimentFile = parseExperimentFile(text, file);
    scenarioFile = isAbsolute(experimentFile.scenario) ? experimentFile.scenario : normalise(`${dirOf(file)}${experimentFile.scenario}`);
    scenarioText = io.readFile(scenarioFile);
    Object.assign(spec, { ...experimentFile.spec, origins: experimentFile.spec.origins });
    spec.set = { ...(experimentFile.spec.set ?? {}) };
    spec.sweeps = [...(experimentFile.spec.sweeps ?? [])];
  }

  // Flags override the file by name: a --set replaces the file's set or sweep of that parameter, and so does a --sweep.
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
      if (!(sweep.name in sets)) delete spec.set[sweep.name];
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

  const loaded = loadScenario(scenarioText, scenarioFile);
  if (!loaded.ok) throw new ScenarioRejected(loaded.problems);
  spec.replay = readRecordFlags(args, loaded.scenario);
  const experiment = await defineExperiment(loaded.scenario, { text: scenarioText, file: scenarioFile }, spec, pkg.version);
  const shardText = lastFlag(args, 'shard');
  const shard: Shard | undefined = shardText === undefined ? undefined : parseShard(shardText);
  return { experiment, shard, workers: await parseWorkers(lastFlag(args, 'workers')), summaryPath: lastFlag(args, 'summary'), csvPath: lastFlag(args, 'runs-csv'), scenarioFile };
}

/** The batch command over an injectable pool (tests may pass the in-thread pool). */
export function makeBatchCommand(pool: PoolFactory = nodePool): Command {
  return {
    name: 'batch',
    usage: 'parley batch FILE [--runs N] [--sweep NAME=VALUES]... [options]',
    summary:
      'seeded runs over a parameter grid: outcome odds with 95% intervals, survival, sensitivity; ' +
      'options --seed S, --set NAME=V, --sweep NAME=a,b,c|lo:hi:step, --metric NAME, --workers N, --shard I/N, --summary OUT.json, --runs-csv OUT.csv, --record-until N (futures from day N of the record), --comply all|PARTY,... (docs/batch.md)',
    async run(argv, io) {
      try {
        return await batch(argv, io, pool);
      } catch (error) {
        throw asCliError(error);
      }
    },
  };
}

async function batch(argv: readonly string[], io: CliIO, pool: PoolFactory): Promise<number> {
  const { experiment, shard, workers, summaryPath, csvPath, scenarioFile } = await readExperiment(argv, io);

  // Find out now, not after an hour of runs, if an output cannot be written.
  if (summaryPath) io.writeFile(summaryPath, '');
  if (csvPath) io.writeFile(csvPath, '');
  const csv = csvPath ? io.openWrite(csvPath) : undefined;

  const controller = new AbortController();
  const removeInterrupt = io.onInterrupt(() => controller.abort());
  const started = performance.now();
  // The rate is measured from the first finished chunk, so pool start-up does not skew the ETA.
  let first: { at: number; done: number } | undefined;
  let lastDrawn = -Infinity;
  const onProgress = io.isTTY
    ? (done: number, total: number) => {
        const now = performance.now();
        first ??= { at: now, done };
        if (now - lastDrawn < 100 && done < total) return;
        lastDrawn = now;
        const rate = now - first.at > 250 ? ((done - first.done) / (now - first.at)) * 1000 : undefined;
        io.stderr(`\r${formatProgress(done, total, rate)}\x1b[K`);
      }
    : undefined;

  let outcome;
  try {
    const onNotice = (text: string) => io.stderr(`${io.isTTY ? '\r\x1b[K' : ''}parley batch: ${text}\n`);
    outcome = await runBatch(experiment, { pool, workers, shard, csv: csv ? (t) => csv.write(t) : undefined, onProgress, onNotice, signal: controller.signal });
  } finally {
    removeInterrupt();
    if (io.isTTY) io.stderr('\r\x1b[K');
    await csv?.close();
  }
  const { summary, interrupted, planned } = outcome;
  const seconds = (performance.now() - started) / 1000;
  if (summaryPath) io.writeFile(summaryPath, `${stringifySummary(summary)}\n`);
  io.stdout(formatSummary(summary, { scenarioFile }));

  const runs = summary.coverage.runs.toLocaleString('en-US');
  const notes: string[] = [];
  if (interrupted) {
    notes.push(`interrupted after ${runs} of ${planned.toLocaleString('en-US')} runs; ${summaryPath ? 'the summary is marked "partial": true' : 'the table is partial'}${csvPath ? ' and the CSV holds exactly those runs' : ''}`);
  } else {
    notes.push(`${runs} runs in ${seconds.toFixed(1)} s (${Math.round(summary.coverage.runs / Math.max(seconds, 1e-9)).toLocaleString('en-US')} runs/s, ${workers} worker${workers === 1 ? '' : 's'})`);
  }
  if (summaryPath) notes.push(`summary: ${summaryPath}`);
  if (csvPath) notes.push(`runs CSV: ${csvPath}`);
  if (shard) notes.push(`shard ${shard.index}/${shard.count}: combine all shards with \`parley merge\``);
  io.stderr(`${notes.map((n) => `parley batch: ${n}`).join('\n')}\n`);
  return interrupted ? 130 : 0;
}

export const batchCommand: Command = makeBatchCommand();
