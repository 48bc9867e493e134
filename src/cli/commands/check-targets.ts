import { checkTargetMetrics, checkTargetsOn, formatTargetResults, nodePool, runDesign, stringifySummary, type PoolFactory } from '../../batch/index.ts';
import { lastFlag, parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UserError, type CliIO } from '../io.ts';
import { readTargets } from '../read-targets.ts';
import { EXIT } from '../exit-codes.ts';
import { clearProgress, parseRunsFlag, parseWorkers, progressLine, readSource, writeOutputs } from '../study-options.ts';
import { asCliError, checkOutputs, DEFAULT_RUNS, DEFAULT_SEED } from './batch.ts';

export function makeCheckTargetsCommand(pool: PoolFactory = nodePool): Command {
  return {
    name: 'check-targets',
    usage: 'parley check-targets FILE [--runs N] [options]',
    summary: 'run a batch and report each target met or missed, with the simulated value and its 95% interval; options --targets FILE[#ID,...], --seed S, --set NAME=V, --workers N, --summary OUT.json (docs/explore.md)',
    async run(argv, io) {
      try {
        return await checkTargets(argv, io, pool);
      } catch (error) {
        throw asCliError(error);
      }
    },
  };
}

async function checkTargets(argv: readonly string[], io: CliIO, pool: PoolFactory): Promise<number> {
  const args = parseArgs(argv, { targets: 'value', runs: 'value', seed: 'value', set: 'value', workers: 'value', summary: 'value' });
  if (args.positional.length !== 1) throw new UserError('check-targets needs exactly one scenario file', 'e.g. parley check-targets scenarios/doha-60-day-draft.yaml --runs 2000');
  const source = readSource(args.positional[0]!, args, io);
  const targets = readTargets(args, source, io);
  const runs = parseRunsFlag(lastFlag(args, 'runs'), DEFAULT_RUNS);
  const seed = lastFlag(args, 'seed') ?? DEFAULT_SEED;
  const workers = await parseWorkers(lastFlag(args, 'workers'));
  const summaryPath = lastFlag(args, 'summary');
  checkOutputs(io, [['--summary', summaryPath]]);
  let run;
  try {
    run = await runDesign(source, [{}], { pool, workers, runs, seed, onProgress: progressLine(io) });
  } finally {
    clearProgress(io);
  }
  checkTargetMetrics(targets, run.experiment.metrics);
  const results = checkTargetsOn(targets, run.tallies[0]!);
  const set = Object.entries(source.set ?? {}).map(([k, v]) => ` --set ${k}=${v}`).join('');
  const met = results.filter((r) => r.met).length;
  io.stdout(
    [
      source.scenario.title,
      `${runs.toLocaleString('en-US')} runs · seed ${seed}${set ? ` ·${set}` : ''}`,
      '',
      ...formatTargetResults(results),
      '',
      `${met} of ${results.length} targets met. A target is met when the simulated value is within its tolerance of the target value.`,
      'The 95% interval is the simulation’s own error over these runs (Wilson for shares, order statistics for quantiles, mean ± 1.96·sd/√n);',
      'it shrinks with --runs. The tolerance carries the target’s own uncertainty; see each source.',
      '',
    ].join('\n'),
  );
  return writeOutputs(io, 'check-targets', [[summaryPath, () => `${stringifySummary({ format: 'parley-target-check/1', scenario: { id: source.scenario.id, title: source.scenario.title, sha256: run.experiment.scenarioSha256 }, parley: run.experiment.parleyVersion, seed, runs, set: source.set ?? {}, params: run.experiment.params, results })}\n`]]) ?? EXIT.ok;
}

export const checkTargetsCommand: Command = makeCheckTargetsCommand();
