import type { Command } from '../command.ts';
import { batchCommand } from './batch.ts';
import { exploreCommand } from './explore.ts';
import { checkTargetsCommand } from './check-targets.ts';
import { calibrateCommand } from './calibrate.ts';
import { lintCommand } from './lint.ts';
import { mergeCommand } from './merge.ts';
import { runCommand } from './run.ts';
import { schemaCommand } from './schema.ts';
import { validateCommand } from './validate.ts';

/** Every `parley` subcommand, in the order `parley help` lists them. */
export const COMMANDS: readonly Command[] = [validateCommand, lintCommand, runCommand, batchCommand, exploreCommand, checkTargetsCommand, calibrateCommand, mergeCommand, schemaCommand];
