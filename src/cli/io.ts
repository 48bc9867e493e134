import { readFileSync, writeFileSync, statSync, createWriteStream } from 'node:fs';

/** Everything the CLI touches outside itself, injected so commands are testable in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 file; throws UserError with a readable message when it cannot. */
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  /** Opens a file for streaming writes (CSV rows as they come). */
  openWrite(path: string): { write(text: string): void; close(): Promise<void> };
  /** stderr is an interactive terminal (progress bars only then). */
  isTTY: boolean;
  /** Registers a handler for Ctrl-C; returns a function that removes it. */
  onInterrupt(handler: () => void): () => void;
}

/** A mistake by the person running the command: printed as a message, exit code 1, no stack. */
export class UserError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function nodeIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile(path) {
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        throw new UserError(`cannot read ${path}: no such file`);
      }
      if (size > 20_000_000) throw new UserError(`${path} is ${(size / 1e6).toFixed(0)} MB; that is far too large for a scenario or experiment file`);
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        throw new UserError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    },
    writeFile(path, text) {
      try {
        writeFileSync(path, text);
      } catch (error) {
        throw new UserError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    },
    openWrite(path) {
      const stream = createWriteStream(path);
      return {
        write: (text) => void stream.write(text),
        close: () => new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
      };
    },
    isTTY: Boolean(process.stderr.isTTY),
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}
