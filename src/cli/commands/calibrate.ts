import { calibrationSummary, formatCalibration, nodePool, ownValue, parseRange, runCalibration, type CalibrationMethod, type ParameterRange, type PoolFactory } from '../../batch/index.ts';
import { parameterValueProblem, type Scenario } from '../../scenario/index.ts';
import { lastFlag, parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UserError, type CliIO } from '../io.ts';
import { readTargets } from '../read-targets.ts';
import { EXIT } from '../exit-codes.ts';
import { clearProgress, isScenarioPath, parseCount, parseRunsFlag, parseWorkers, readSource, spreadValues, writeOutputs } from '../study-options.ts';
import { writeCalibratedDefaults } from '../write-calibration.ts';
import { asCliError, checkOutputs, DEFAULT_SEED } from './batch.ts';

export const DEFAULT_CALIBRATION_RUNS = 200;
export const DEFAULT_POPULATION = { smc: 100, rejection: 1000 } as const;

export function makeCalibrateCommand(pool: PoolFactory = nodePool): Command {
  return {
    name: 'calibrate',
    usage: 'parley calibrate FILE --free NAME[=LO:HI]... [options]',
    summary:
      'fit free parameters to targets by approximate Bayesian computation with common random numbers: posterior intervals, best fit, targets at the calibrated values; ' +
      'options --targets FILE[#ID,...], --method smc|rejection, --runs R, --population N, --seed S, --set NAME=V, --workers N, --summary OUT.json, --write (records the defaults in FILE), --date YYYY-MM-DD (docs/explore.md)',
    async run(argv, io) {
      try {
        return await calibrate(argv, io, pool);
      } catch (error) {
        throw asCliError(error);
      }
    },
  };
}

/** `name` (its declared range) or `name=lo:hi` (a narrower prior). */
function freeRange(text: string, scenario: Scenario): ParameterRange {
  if (text.includes('=')) return parseRange(text, `--free ${text}`);
  const declared = ownValue(scenario.parameters, text);
  if (!declared) {
    const unknown = parameterValueProblem(scenario, text, 0)!;
    throw new UserError(`--free ${text}: ${unknown.message}`, unknown.hint);
  }
  return { name: text, lo: declared.range[0], hi: declared.range[1] };
}

async function calibrate(argv: readonly string[], io: CliIO, pool: PoolFactory): Promise<number> {
  const spread = spreadValues(argv, 'free', (t) => !isScenarioPath(t));
  const args = parseArgs(spread, {
    free: 'value',
    targets: 'value',
    method: 'value',
    runs: 'value',
    population: 'value',
    seed: 'value',
    set: 'value',
    workers: 'value',
    summary: 'value',
    write: 'boolean',
    date: 'value',
    shard: 'value',
  });
  if (args.flags.has('shard')) {
    throw new UserError('calibrate does not shard: each SMC generation is drawn from the one before, so the generations cannot run as separate jobs', 'run calibrate on one machine and give it its cores with --workers N; `batch` and `explore` shard (docs/cluster.md)');
  }
  if (args.positional.length !== 1) throw new UserError('calibrate needs exactly one scenario file', 'e.g. parley calibrate scenarios/doha-60-day-draft.yaml --free clash-rate reciprocity --runs 200');
  const file = args.positional[0]!;
  const source = readSource(file, args, io);
  const frees = (args.flags.get('free') ?? []).flatMap((f) => f.split(',')).filter(Boolean);
  if (frees.length === 0) throw new UserError('calibrate needs the parameters to fit: --free NAME...', `e.g. --free ${Object.keys(source.scenario.parameters).slice(0, 2).join(' ')}`);
  const ranges = frees.map((f) => freeRange(f, source.scenario));
  const method = (lastFlag(args, 'method') ?? 'smc') as CalibrationMethod;
  if (method !== 'smc' && method !== 'rejection') throw new UserError(`unknown method \`${method}\``, '--method smc (the default) or --method rejection');
  const targets = readTargets(args, source, io);
  const runs = parseRunsFlag(lastFlag(args, 'runs'), DEFAULT_CALIBRATION_RUNS);
  const population = parseCount(lastFlag(args, 'population'), 'population', DEFAULT_POPULATION[method], 'e.g. --population 100');
  const seed = lastFlag(args, 'seed') ?? DEFAULT_SEED;
  const workers = await parseWorkers(lastFlag(args, 'workers'));
  const date = lastFlag(args, 'date') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UserError(`--date must be YYYY-MM-DD, got \`${date}\``);
  const summaryPath = lastFlag(args, 'summary');
  checkOutputs(io, [['--summary', summaryPath], ...(args.flags.has('write') ? [['--write', file] as const] : [])]);

  const request = { source, ranges, targets, method, runs, population, seed };
  const started = performance.now();
  let outcome;
  try {
    outcome = await runCalibration(request, { pool, workers, onNotice: (text) => io.stderr(`parley calibrate: ${text}\n`) });
  } finally {
    clearProgress(io);
  }
  const { result, calibrated } = outcome;
  const seconds = (performance.now() - started) / 1000;
  io.stdout(formatCalibration(request, outcome));
  const written = args.flags.has('write') ? writeCalibratedDefaults(source.text, file, calibrated, result.parameters, { method: result.method, targets: targets.map((t) => t.name), runs, seed, date }) : undefined;
  const failed = writeOutputs(io, 'calibrate', [[summaryPath, () => calibrationSummary(request, outcome)], [written === undefined ? undefined : file, () => written!]]);
  if (failed !== undefined) return failed;
  const notes = [`${outcome.runs.toLocaleString('en-US')} runs in ${seconds.toFixed(1)} s (${workers} worker${workers === 1 ? '' : 's'})`];
  if (summaryPath) notes.push(`summary: ${summaryPath}`);
  if (written !== undefined) {
    notes.push(`wrote the calibrated defaults into ${file}: ${Object.entries(calibrated).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  }
  io.stderr(`${notes.map((n) => `parley calibrate: ${n}`).join('\n')}\n`);
  return EXIT.ok;
}

export const calibrateCommand: Command = makeCalibrateCommand();
