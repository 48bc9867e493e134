import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIO, OutputFile } from '../../src/cli/io.ts';
import { UserError } from '../../src/cli/io.ts';
import { OutputError } from '../../src/cli/output-file.ts';
import type { StopSignal } from '../../src/cli/exit-codes.ts';

export const DOHA = 'scenarios/doha-60-day-draft.yaml';
export const DOHA_TEXT = readFileSync(DOHA, 'utf8');

export interface FakeIO extends CliIO {
  out: string;
  err: string;
  /** Committed files: what a reader of the folder would see. */
  files: Map<string, string>;
  /** Output files being written (not yet committed), by path. */
  pending: Map<string, string>;
  /** Calls the registered stop-signal handlers (Ctrl-C unless another signal is named). */
  interrupt(signal?: StopSignal): void;
}

export interface FakeIOOptions {
  files?: Record<string, string>;
  isTTY?: boolean;
  /** Called after each write to an output file. */
  onWrite?(path: string, io: FakeIO): void;
  /** Output paths that fail the up-front check, with the message. */
  badOutputs?: Record<string, string>;
  /** Makes a write fail like a full disk: return true to fail this write to `path`. */
  failWrite?(path: string, text: string): boolean;
}

/** An in-memory CliIO: reads real files unless given, captures outputs (atomically, as the real one does). */
export function fakeIO(options: FakeIOOptions = {}): FakeIO {
  const handlers = new Set<(signal: StopSignal) => void>();
  const io: FakeIO = {
    out: '',
    err: '',
    files: new Map(Object.entries(options.files ?? {})),
    pending: new Map(),
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
    readBytes(path) {
      return Buffer.from(io.readFile(path), 'utf8');
    },
    checkOutput(path, flag) {
      const bad = options.badOutputs?.[path];
      if (bad) throw new UserError(`${flag} ${path}: ${bad}`);
    },
    samePath: (a, b) => resolve(a) === resolve(b),
    createOutput(path): OutputFile {
      io.pending.set(path, '');
      let open = true;
      return {
        path,
        write(text) {
          if (!open) throw new OutputError(path, 'the file was already closed');
          if (options.failWrite?.(path, text)) {
            open = false;
            io.pending.delete(path);
            throw new OutputError(path, 'the disk is full (ENOSPC)');
          }
          io.pending.set(path, io.pending.get(path)! + text);
          options.onWrite?.(path, io);
        },
        commit() {
          if (!open) throw new OutputError(path, 'the file was already closed');
          open = false;
          io.files.set(path, io.pending.get(path)!);
          io.pending.delete(path);
        },
        discard() {
          open = false;
          io.pending.delete(path);
        },
      };
    },
    isTTY: options.isTTY ?? false,
    onStopSignal(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    interrupt(signal = 'SIGINT') {
      for (const h of [...handlers]) h(signal);
    },
  };
  return io;
}
