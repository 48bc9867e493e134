import type { CliIO } from './io.ts';

/** One `parley <name>` subcommand. `run` returns the exit code; errors are mapped in cli.ts. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(argv: readonly string[], io: CliIO): Promise<number>;
}
