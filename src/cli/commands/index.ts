import type { Command } from '../command.ts';
import { runCommand } from './run.ts';
import { schemaCommand } from './schema.ts';
import { validateCommand } from './validate.ts';

/** Every `parley` subcommand, in the order `parley help` lists them. */
export const COMMANDS: readonly Command[] = [validateCommand, runCommand, schemaCommand];
