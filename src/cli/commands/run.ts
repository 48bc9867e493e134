import { compile, recordOf, runOnce } from '../../engine/index.ts';
import { lastFlag, parseArgs, parseAssignments } from '../args.ts';
import type { Command } from '../command.ts';
import { UserError } from '../io.ts';
import { loadScenarioFile } from '../load-file.ts';
import { formatNarrative } from '../narrative.ts';
import { readRecordFlags, RECORD_FLAGS } from '../record-flags.ts';

export const runCommand: Command = {
  name: 'run',
  usage: 'parley run FILE [--seed S] [--set NAME=VALUE]... [--follow-record | --record-until N] [--comply all|PARTY,...] [--json]',
  summary: 'run a scenario once: a day-by-day narrative and a summary (or one JSON object)',
  async run(argv, io) {
    const args = parseArgs(argv, { seed: 'value', set: 'value', json: 'boolean', ...RECORD_FLAGS });
    if (args.positional.length !== 1) throw new UserError('run needs exactly one scenario file', 'e.g. parley run scenarios/doha-60-day-draft.yaml --seed 7');
    const scenario = loadScenarioFile(args.positional[0]!, io);
    const seed = lastFlag(args, 'seed') ?? '1';
    const overrides = parseAssignments(args.flags.get('set'));
    const model = compile(scenario, overrides);
    const replay = readRecordFlags(args, scenario);
    const result = { ...runOnce(model, { seed, ...replay }), ...replay };
    if (args.flags.has('json')) io.stdout(`${JSON.stringify(result)}\n`);
    else {
      const record = recordOf(model);
      io.stdout(formatNarrative(scenario, result, replay, { lastDay: record.lastDay, ends: record.end !== undefined }));
    }
    return 0;
  },
};
