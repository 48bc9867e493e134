import { readFileSync, statSync } from 'node:fs';
import { discardPendingOutputs, openOutputFile, type OutputFile } from './output-file.ts';
import { canonicalPath, checkOutputPath } from './output-path.ts';
import { signalExitCode, STOP_SIGNALS, type StopSignal } from './exit-codes.ts';
import { UserError } from './user-error.ts';

export { UserError } from './user-error.ts';
export type { OutputFile } from './output-file.ts';

/** Everything the CLI touches outside itself, injected so commands are testable in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 file of at most `maxBytes` (default 20 MB); throws UserError with a readable message when it cannot. */
  readFile(path: string, maxBytes?: number): string;
  /** Reads a file's bytes (for summaries too large for one string); throws UserError when it cannot. */
  readBytes(path: string, maxBytes: number): Uint8Array;
  /** Throws a UserError when `path` cannot be an output file (given with `flag`); called before any work starts. */
  checkOutput(path: string, flag: string): void;
  /** The file a path names (symlinks resolved), to tell whether two outputs are one file. */
  samePath(a: string, b: string): boolean;
  /** Starts writing an output file beside its path; nothing replaces the path until `commit`. */
  createOutput(path: string): OutputFile;
  /** The process environment (`--shard auto` reads a job array's task index from it); absent means empty. */
  env?: Readonly<Record<string, string | undefined>>;
  /** stderr is an interactive terminal (progress bars only then). */
  isTTY: boolean;
  /**
   * Registers a handler for Ctrl-C (SIGINT), SIGTERM and SIGHUP; returns a function that removes
   * it. A second signal while the first is being handled ends the process at once.
   */
  onStopSignal(handler: (signal: StopSignal) => void): () => void;
}

export const MAX_INPUT_BYTES = 20_000_000;

export function nodeIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    readFile(path, maxBytes = MAX_INPUT_BYTES) {
      let size: number;
      try {
        const stat = statSync(path);
        if (stat.isDirectory()) throw new UserError(`cannot read ${path}: it is a folder, not a file`);
        size = stat.size;
      } catch (error) {
        if (error instanceof UserError) throw error;
        throw new UserError(`cannot read ${path}: no such file`);
      }
      if (size > maxBytes) throw new UserError(`${path} is ${(size / 1e6).toFixed(0)} MB; the most Parley reads here is ${(maxBytes / 1e6).toFixed(0)} MB`);
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        throw new UserError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    },
    readBytes(path, maxBytes) {
      let size: number;
      try {
        const stat = statSync(path);
        if (stat.isDirectory()) throw new UserError(`cannot read ${path}: it is a folder, not a file`);
        size = stat.size;
      } catch (error) {
        if (error instanceof UserError) throw error;
        throw new UserError(`cannot read ${path}: no such file`);
      }
      if (size > maxBytes) throw new UserError(`${path} is ${(size / 1e6).toFixed(0)} MB; the most Parley reads here is ${(maxBytes / 1e6).toFixed(0)} MB`);
      try {
        return readFileSync(path);
      } catch (error) {
        throw new UserError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    },
    checkOutput: (path, flag) => checkOutputPath(path, flag),
    samePath: (a, b) => canonicalPath(a) === canonicalPath(b),
    createOutput: (path) => openOutputFile(path),
    isTTY: Boolean(process.stderr.isTTY),
    onStopSignal(handler) {
      let stopping = false;
      const listeners = STOP_SIGNALS.map((signal) => {
        const listener = () => {
          if (stopping) {
            // A second signal: the person wants out now. Leave no temporary files behind.
            discardPendingOutputs();
            process.stderr.write(`\nparley: stopped at once (${signal}); no output was replaced\n`);
            process.exit(signalExitCode(signal));
          }
          stopping = true;
          handler(signal);
        };
        process.on(signal, listener);
        return [signal, listener] as const;
      });
      return () => {
        for (const [signal, listener] of listeners) process.off(signal, listener);
      };
    },
  };
}
