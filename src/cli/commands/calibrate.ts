import { nodePool, ownValue, parseRange, runCalibration, type CalibrationMethod, type ParameterRange, type PoolFactory } from '../../batch/index.ts';
import { parameterValueProblem, type Scenario } from '../../scenario/index.ts';
import { lastFlag, parseArgs, type ParsedArgs } from '../args.ts';
import { resolveShard } from '../shard-env.ts';
import { mergeStep, runShardStep } from './calibrate-steps.ts';
import { writeCalibration, writtenNotes, type CalibrateSetup } from './calibrate-output.ts';
import type { Command } from '../command.ts';
import { UserError, type CliIO } from '../io.ts';
import { readTargets } from '../read-targets.ts';
import { EXIT } from '../exit-codes.ts';
import { clearProgress, isScenarioPath, parseCount, parseRunsFlag, parseWorkers, readSource, spreadValues } from '../study-options.ts';
import { asCliError, checkOutputs, DEFAULT_SEED } from './batch.ts';

export const DEFAULT_CALIBRATION_RUNS = 200;
export const DEFAULT_POPULATION = { smc: 100, rejection: 1000 } as const;

export function makeCalibrateCommand(pool: PoolFactory = nodePool): Command {
  return {
    name: 'calibrate',
    usage: 'parley calibrate FILE --free NAME[=LO:HI]... [options]',
    summary:
      'fit free parameters to targets by approximate Bayesian computation with common random numbers: posterior intervals, best fit, targets at the calibrated values; ' +
      'options --targets FILE[#ID,...], --method smc|rejection, --runs R, --population N, --seed S, --set NAME=V, --workers N, --summary OUT.json, --write (records the defaults in FILE), --date YYYY-MM-DD (docs/explore.md); ' +
      'on a cluster, step by step: --shard I/N|auto|auto/N [--state STATE.json] --summary PART.json runs one shard of a step, --merge PART.json... --next STATE.json [--summary OUT.json] merges it into the next step\'s state or the finished calibration (docs/cluster.md)',
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

function readSetup(args: ParsedArgs, io: CliIO, workers: number): CalibrateSetup {
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
  const date = lastFlag(args, 'date') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UserError(`--date must be YYYY-MM-DD, got \`${date}\``);
  const command = [
    'calibrate', file,
    ...ranges.flatMap((r) => ['--free', `${r.name}=${r.lo}:${r.hi}`]),
    ...(args.flags.get('targets') ?? []).flatMap((t) => ['--targets', t]),
    '--method', method, '--runs', String(runs), '--population', String(population), '--seed', seed,
    ...Object.entries(source.set ?? {}).flatMap(([k, v]) => ['--set', `${k}=${v}`]),
  ];
  const request = { source, ranges, targets, method, runs, population, seed };
  return { file, request, workers, summaryPath: lastFlag(args, 'summary'), write: args.flags.has('write'), date, command };
}

async function calibrate(argv: readonly string[], io: CliIO, pool: PoolFactory): Promise<number> {
  const spread = spreadValues(spreadValues(argv, 'free', (t) => !isScenarioPath(t)), 'merge', (t) => !/\.ya?ml$/i.test(t));
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
    state: 'value',
    merge: 'value',
    next: 'value',
  });
  const shardText = lastFlag(args, 'shard');
  const merging = args.flags.has('merge');
  if (shardText !== undefined && merging) throw new UserError('--shard runs one shard of a step and --merge merges a step\'s shards: give one of them', 'docs/cluster.md, "Calibration on a cluster"');
  if (!merging && args.flags.has('next')) throw new UserError('--next names where --merge writes the next step\'s state', 'e.g. --merge out/step-1/shard-*.json --next out/state-2.json');
  if (shardText === undefined && !merging && args.flags.has('state')) throw new UserError('--state is for the steps of a sharded calibration: give --shard I/N (run a shard of the step) or --merge FILES (merge the step)', 'docs/cluster.md, "Calibration on a cluster"');
  const shard = resolveShard(shardText, io.env ?? {});
  const setup = readSetup(args, io, await parseWorkers(lastFlag(args, 'workers')));
  const statePath = lastFlag(args, 'state');
  if (shard) return runShardStep(setup, { shard, statePath }, io, pool);
  if (merging) return mergeStep(setup, { parts: args.flags.get('merge') ?? [], statePath, nextPath: lastFlag(args, 'next') }, io, pool);
  return calibrateWhole(setup, io, pool);
}

async function calibrateWhole(setup: CalibrateSetup, io: CliIO, pool: PoolFactory): Promise<number> {
  const { request, workers, summaryPath, file } = setup;
  checkOutputs(io, [['--summary', summaryPath], ...(setup.write ? [['--write', file] as const] : [])]);
  const started = performance.now();
  let outcome;
  try {
    outcome = await runCalibration(request, { pool, workers, onNotice: (text) => io.stderr(`parley calibrate: ${text}\n`) });
  } finally {
    clearProgress(io);
  }
  const seconds = (performance.now() - started) / 1000;
  const failed = writeCalibration(setup, outcome, io);
  if (failed !== undefined) return failed;
  const notes = [`${outcome.runs.toLocaleString('en-US')} runs in ${seconds.toFixed(1)} s (${workers} worker${workers === 1 ? '' : 's'})`, ...writtenNotes(setup, outcome)];
  io.stderr(`${notes.map((n) => `parley calibrate: ${n}`).join('\n')}\n`);
  return EXIT.ok;
}

export const calibrateCommand: Command = makeCalibrateCommand();
