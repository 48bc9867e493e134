/**
 * The programmatic CLI: argv in, exit code out, all IO injected. Typed errors become exit codes
 * here and nowhere else: user mistakes print a message and exit 1, never a stack trace.
 */
import { ParameterError, StepBudgetExceeded } from '../engine/index.ts';
import { ScenarioRejected, nearMatch } from '../scenario/index.ts';
import { COMMANDS } from './commands/index.ts';
import { EXIT, EXIT_CODE_TABLE } from './exit-codes.ts';
import { UserError, type CliIO } from './io.ts';
import { OutputError } from './output-file.ts';
import { ShardEnvironmentError } from './shard-env.ts';

export function helpText(): string {
  return [
    'Parley — a negotiation scenario simulator for phased truces',
    '',
    'Usage:',
    ...COMMANDS.flatMap((c) => [`  ${c.usage}`, ...wrap(c.summary, HELP_WIDTH - 6).map((line) => `      ${line}`)]),
    '',
    'Exit codes:',
    ...EXIT_CODE_TABLE.map(([code, meaning]) => `  ${code.padStart(3)}  ${meaning}`),
    '',
    'Docs: README.md, docs/scenario-format.md, docs/model.md, docs/batch.md, docs/explore.md, docs/ui.md',
    '',
  ].join('\n');
}

const HELP_WIDTH = 96;

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(helpText());
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) {
      const near = nearMatch(name, COMMANDS.map((c) => c.name));
      throw new UserError(`unknown command \`${name}\``, near ? `did you mean \`parley ${near}\`?` : 'run `parley help` for the commands');
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`Usage: ${command.usage}\n  ${command.summary}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof ScenarioRejected) {
      io.stderr(`${error.message}\n`);
      return EXIT.mistake;
    }
    if (error instanceof ShardEnvironmentError) {
      io.stderr(`parley${command ? ` ${command.name}` : ''}: ${error.message}\n  hint: ${error.hint}\n`);
      return EXIT.shardUnknown;
    }
    if (error instanceof UserError || error instanceof ParameterError) {
      io.stderr(`parley${command ? ` ${command.name}` : ''}: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
      return EXIT.mistake;
    }
    if (error instanceof StepBudgetExceeded) {
      io.stderr(`parley${command ? ` ${command.name}` : ''}: ${error.message}\n`);
      return EXIT.internal;
    }
    if (error instanceof OutputError) {
      io.stderr(`parley${command ? ` ${command.name}` : ''}: ${error.message}; any earlier file there is unchanged\n`);
      return EXIT.outputFailed;
    }
    throw error;
  }
}
