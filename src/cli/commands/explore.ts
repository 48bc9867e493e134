import {
  DEFAULT_SAMPLES,
  EXPLORE_METHODS,
  exploreCsv,
  formatExplore,
  nodePool,
  parseRange,
  runExplore,
  stringifySummary,
  type ExploreMethod,
  type PoolFactory,
} from '../../batch/index.ts';
import { lastFlag, parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UserError, type CliIO } from '../io.ts';
import { EXIT, signalExitCode, signalName, type StopSignal } from '../exit-codes.ts';
import { clearProgress, isScenarioPath, parseCount, parseRunsFlag, parseWorkers, progressLine, readSource, spreadValues, writeOutputs } from '../study-options.ts';
import { resolveShard } from '../shard-env.ts';
import { asCliError, checkOutputs, DEFAULT_SEED } from './batch.ts';

export const DEFAULT_EXPLORE_RUNS = 100;

export function makeExploreCommand(pool: PoolFactory = nodePool): Command {
  return {
    name: 'explore',
    usage: 'parley explore FILE --method lhs|morris|sobol --vary NAME=LO:HI... [options]',
    summary:
      'global sensitivity and scenario discovery: R seeded runs per design point; Morris μ*/σ or Sobol S1/ST with bootstrap intervals for P(collapse), P(advanced), mean captives released; ' +
      'options --runs R, --samples N, --metric M, --discover "collapsed before day 30", --seed S, --set NAME=V, --workers N, --shard I/N|auto|auto/N, --summary OUT.json, --csv OUT.csv (docs/explore.md)',
    async run(argv, io) {
      try {
        return await explore(argv, io, pool);
      } catch (error) {
        throw asCliError(error);
      }
    },
  };
}

async function explore(argv: readonly string[], io: CliIO, pool: PoolFactory): Promise<number> {
  const spread = spreadValues(argv, 'vary', (t) => t.includes('=') && !isScenarioPath(t));
  const args = parseArgs(spread, {
    method: 'value',
    vary: 'value',
    runs: 'value',
    samples: 'value',
    metric: 'value',
    discover: 'value',
    seed: 'value',
    set: 'value',
    workers: 'value',
    shard: 'value',
    summary: 'value',
    csv: 'value',
  });
  if (args.positional.length !== 1) throw new UserError('explore needs exactly one scenario file', 'e.g. parley explore scenarios/doha-60-day-draft.yaml --method morris --vary clash-rate=0:0.1 reciprocity=0:0.5 --runs 100');
  const method = lastFlag(args, 'method') as ExploreMethod | undefined;
  if (!method || !EXPLORE_METHODS.includes(method)) throw new UserError(method ? `unknown method \`${method}\`` : 'explore needs --method', `--method ${EXPLORE_METHODS.join(' | ')}`);
  const ranges = (args.flags.get('vary') ?? []).map((text) => parseRange(text, `--vary ${text}`));
  if (ranges.length === 0) throw new UserError('explore needs at least one --vary NAME=LO:HI', 'e.g. --vary clash-rate=0:0.1 reciprocity=0:0.5');
  const source = readSource(args.positional[0]!, args, io);
  const seed = lastFlag(args, 'seed') ?? DEFAULT_SEED;
  const samples = parseCount(lastFlag(args, 'samples'), 'samples', DEFAULT_SAMPLES[method], `e.g. --samples ${DEFAULT_SAMPLES[method]}`);
  const runs = parseRunsFlag(lastFlag(args, 'runs'), DEFAULT_EXPLORE_RUNS);
  const shardText = lastFlag(args, 'shard');
  const shard = resolveShard(shardText, io.env ?? {});
  const workers = await parseWorkers(lastFlag(args, 'workers'));
  const summaryPath = lastFlag(args, 'summary');
  const csvPath = lastFlag(args, 'csv');
  checkOutputs(io, [['--summary', summaryPath], ['--csv', csvPath]]);

  const controller = new AbortController();
  let stopSignal: StopSignal | undefined;
  const removeInterrupt = io.onStopSignal((signal) => {
    stopSignal = signal;
    controller.abort(`stopped by ${signalName(signal)}`);
  });
  const started = performance.now();
  let outcome;
  try {
    outcome = await runExplore(
      { source, spec: { method, ranges, samples, seed }, runs, extraMetrics: args.flags.get('metric') ?? [], discover: lastFlag(args, 'discover') },
      { pool, workers, shard, signal: controller.signal, onProgress: progressLine(io), onNotice: (text) => io.stderr(`parley explore: ${text}\n`) },
    );
  } finally {
    removeInterrupt();
    clearProgress(io);
  }
  const { summary, interrupted, failure } = outcome;
  const seconds = (performance.now() - started) / 1000;
  io.stdout(formatExplore(summary));
  const failed = writeOutputs(io, 'explore', [[summaryPath, () => `${stringifySummary(summary)}\n`], [csvPath, () => exploreCsv(summary)]]);
  if (failed !== undefined) return failed;
  const notes = [
    failure
      ? `${failure.message}, in ${failure.chunks}; the study stopped after ${summary.coverage.runs.toLocaleString('en-US')} runs${summaryPath ? ' and the summary is marked "partial": true' : ''}`
      : interrupted
      ? `${stopSignal ? `stopped by ${signalName(stopSignal)}` : 'interrupted'} after ${summary.coverage.runs.toLocaleString('en-US')} runs; ${summaryPath ? 'the summary is marked "partial": true' : 'no estimates'}`
      : `${summary.coverage.runs.toLocaleString('en-US')} runs in ${seconds.toFixed(1)} s (${Math.round(summary.coverage.runs / Math.max(seconds, 1e-9)).toLocaleString('en-US')} runs/s, ${workers} worker${workers === 1 ? '' : 's'})`,
  ];
  if (summaryPath) notes.push(`summary: ${summaryPath}`);
  if (csvPath) notes.push(`points CSV: ${csvPath}`);
  if (shard) notes.push(`shard ${shard.index}/${shard.count}: combine all shards with \`parley merge\``);
  io.stderr(`${notes.map((n) => `parley explore: ${n}`).join('\n')}\n`);
  if (failure) return EXIT.workerFailed;
  return interrupted ? signalExitCode(stopSignal ?? 'SIGINT') : EXIT.ok;
}

export const exploreCommand: Command = makeExploreCommand();
