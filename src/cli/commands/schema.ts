import { scenarioJsonSchema } from '../../scenario/index.ts';
import { parseArgs } from '../args.ts';
import type { Command } from '../command.ts';

export const schemaCommand: Command = {
  name: 'schema',
  usage: 'parley schema',
  summary: 'print the JSON Schema of scenario files (for editor autocomplete)',
  async run(argv, io) {
    parseArgs(argv, {});
    io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
