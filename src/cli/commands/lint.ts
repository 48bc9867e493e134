import { DEFAULT_LINT_RUNS, formatFindings, parseRuns, playthroughCheck } from '../../batch/index.ts';
import { parseArgs, lastFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { UserError } from '../io.ts';
import { loadScenarioFile } from '../load-file.ts';

export const lintCommand: Command = {
  name: 'lint',
  usage: 'parley lint FILE [--runs N] [--seed S]',
  summary: 'playthrough check: many seeded runs and the planned schedule; terms, phases, gates, red lines and incidents that never (or always) happen',
  async run(argv, io) {
    const args = parseArgs(argv, { runs: 'value', seed: 'value' });
    const file = args.positional[0];
    if (file === undefined || args.positional.length > 1) throw new UserError('lint needs one scenario file', 'e.g. parley lint scenarios/my-truce.yaml');
    const runsFlag = lastFlag(args, 'runs');
    const runs = runsFlag === undefined ? DEFAULT_LINT_RUNS : parseRuns(runsFlag, { label: '--runs' });
    const seed = lastFlag(args, 'seed') ?? 'lint';
    const scenario = loadScenarioFile(file, io);
    const findings = playthroughCheck(scenario, io.readFile(file), { runs, seed });
    io.stdout(formatFindings(file, findings, runs));
    return findings.length === 0 ? 0 : 1;
  },
};
