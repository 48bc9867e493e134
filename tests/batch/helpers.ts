import { readFileSync } from 'node:fs';
import type { CliIO } from '../../src/cli/io.ts';
import { UserError } from '../../src/cli/io.ts';

export const DOHA = 'scenarios/doha-60-day-draft.yaml';
export const DOHA_TEXT = readFileSync(DOHA, 'utf8');

export interface FakeIO extends CliIO {
  out: string;
  err: string;
  files: Map<string, string>;
  /** Calls the registered Ctrl-C handlers. */
  interrupt(): void;
}

/** An in-memory CliIO: reads real files unless given, captures writes and streams. */
export function fakeIO(options: { files?: Record<string, string>; isTTY?: boolean; onWrite?(path: string, io: FakeIO): void } = {}): FakeIO {
  const handlers = new Set<() => void>();
  const io: FakeIO = {
    out: '',
    err: '',
    files: new Map(Object.entries(options.files ?? {})),
    stdout(text) {
      io.out += text;
    },
    stderr(text) {
      io.err += text;
    },
    readFile(path) {
      const given = io.files.get(path);
      if (given !== undefined) return given;
      try {
        return readFileSync(path, 'utf8');
      } catch {
        throw new UserError(`cannot read ${path}: no such file`);
      }
    },
    writeFile(path, text) {
      io.files.set(path, text);
    },
    openWrite(path) {
      io.files.set(path, '');
      return {
        write(text) {
          io.files.set(path, io.files.get(path)! + text);
          options.onWrite?.(path, io);
        },
        close: async () => undefined,
      };
    },
    isTTY: options.isTTY ?? false,
    onInterrupt(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    interrupt() {
      for (const h of [...handlers]) h();
    },
  };
  return io;
}
