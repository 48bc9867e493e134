import { loadScenario, formatProblems } from '../../scenario/index.ts';
import type { Command } from '../command.ts';
import { UserError } from '../io.ts';
import { parseArgs } from '../args.ts';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'parley validate FILE...',
  summary: 'check scenario files; every problem as file:line:col with a hint',
  async run(argv, io) {
    const args = parseArgs(argv, {});
    if (args.positional.length === 0) throw new UserError('validate needs at least one scenario file', 'e.g. parley validate scenarios/*.yaml');
    let failed = 0;
    for (const file of args.positional) {
      let text: string;
      try {
        text = io.readFile(file);
      } catch (error) {
        io.stderr(`${file}: error: ${(error as Error).message}\n`);
        failed++;
        continue;
      }
      const result = loadScenario(text, file);
      if (result.ok) {
        // Warnings print but do not fail the file: the exit code stays 0 (docs/scenario-format.md, "Warnings").
        if (result.warnings.length > 0) io.stderr(`${formatProblems(result.warnings)}\n\n`);
        const warned = result.warnings.length > 0 ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : '';
        io.stdout(`${file}: ok (${result.scenario.title})${warned}\n`);
      }
      else {
        failed++;
        io.stderr(`${formatProblems(result.problems)}\n\n${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}\n`);
      }
    }
    return failed === 0 ? 0 : 1;
  },
};
