/**
 * What `explore`, `calibrate` and `check-targets` read the same way: the scenario and its text,
 * `--set`, `--workers`, `--runs`, flags that take several values (`--vary a=0:1 b=0:1`), and a
 * progress line on a terminal.
 */
import pkg from '../../package.json' with { type: 'json' };
import { defaultWorkerCount, formatProgress, parseRuns, type DesignSource } from '../batch/index.ts';
import { loadScenario, ScenarioRejected } from '../scenario/index.ts';
import { parseAssignments, type ParsedArgs } from './args.ts';
import { EXIT } from './exit-codes.ts';
import { UserError, type CliIO, type OutputFile } from './io.ts';
import { OutputError } from './output-file.ts';

/**
 * `--flag a b c` → `--flag a --flag b --flag c`: the values after a multi-value flag, up to the
 * next flag or the first token `belongs` refuses (e.g. the scenario file).
 */
export function spreadValues(argv: readonly string[], flag: string, belongs: (token: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    out.push(arg);
    if (arg !== `--${flag}`) continue;
    if (i + 1 < argv.length) out.push(argv[++i]!);
    while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--') && belongs(argv[i + 1]!)) out.push(`--${flag}`, argv[++i]!);
  }
  return out;
}

export const isScenarioPath = (token: string) => /\.ya?ml$/i.test(token) || token.includes('/');

export async function parseWorkers(text: string | undefined): Promise<number> {
  if (text === undefined) return defaultWorkerCount();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 512) throw new UserError(`--workers must be a whole number from 1 to 512, got \`${text}\``, `this machine has ${await defaultWorkerCount()} cores; the default uses them all`);
  return n;
}

export function parseRunsFlag(text: string | undefined, fallback: number): number {
  return text === undefined ? fallback : parseRuns(text, { label: '--runs' });
}

export function parseCount(text: string | undefined, flag: string, fallback: number, example: string): number {
  if (text === undefined) return fallback;
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--${flag} must be a whole number ≥ 1, got \`${text}\``, example);
  return n;
}

/** Reads and validates the scenario; `--set` values become the design's fixed overrides. */
export function readSource(file: string, args: ParsedArgs, io: CliIO): DesignSource {
  const text = io.readFile(file);
  const loaded = loadScenario(text, file);
  if (!loaded.ok) throw new ScenarioRejected(loaded.problems);
  return { scenario: loaded.scenario, text, file, parleyVersion: pkg.version, set: parseAssignments(args.flags.get('set')) };
}

/** A progress line on stderr when it is a terminal (redrawn at most every 100 ms). */
export function progressLine(io: CliIO, label = ''): ((done: number, total: number) => void) | undefined {
  if (!io.isTTY) return undefined;
  let first: { at: number; done: number } | undefined;
  let lastDrawn = -Infinity;
  return (done, total) => {
    const now = performance.now();
    first ??= { at: now, done };
    if (now - lastDrawn < 100 && done < total) return;
    lastDrawn = now;
    const rate = now - first.at > 250 ? ((done - first.done) / (now - first.at)) * 1000 : undefined;
    io.stderr(`\r${label}${formatProgress(done, total, rate)}\x1b[K`);
  };
}

export function clearProgress(io: CliIO): void {
  if (io.isTTY) io.stderr('\r\x1b[K');
}

/**
 * Writes every given output beside its path, then puts them all in place; if any cannot be
 * written, none replaces its path (earlier files stay as they were), the reason goes to stderr
 * and the exit code for a failed output is returned.
 */
export function writeOutputs(io: CliIO, command: string, outputs: readonly (readonly [string | undefined, () => string])[]): number | undefined {
  const files: OutputFile[] = [];
  try {
    for (const [path, text] of outputs) {
      if (path === undefined) continue;
      const file = io.createOutput(path);
      files.push(file);
      file.write(text());
    }
    for (const file of files) file.commit();
    return undefined;
  } catch (error) {
    for (const file of files) file.discard();
    if (!(error instanceof OutputError)) throw error;
    io.stderr(`parley ${command}: ${error.message}. Nothing was written; any earlier file at ${outputs.map(([p]) => p).filter(Boolean).join(' or ')} is unchanged.\n`);
    return EXIT.outputFailed;
  }
}
