/**
 * Output files that never exist half-written. Text goes to a temporary file beside the target
 * (same folder, so the rename cannot cross file systems); `commit` flushes it to disk (fsync)
 * and renames it over the target in one step. Until then, and whenever anything fails, an
 * earlier file at the target path stays exactly as it was. A target that exists and is not a
 * regular file (a terminal, a pipe, /dev/null, /dev/full) is written directly: it cannot be
 * replaced by a rename, and holds nothing to lose.
 */
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The part of `node:fs` output files use; tests inject faults through it (a full disk, an I/O error). */
export type OutputFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'statSync'>;

/** A file being written. Every method throws OutputError when the file system refuses. */
export interface OutputFile {
  readonly path: string;
  write(text: string): void;
  /** Flushes to disk and puts the file at its path, replacing any earlier one. */
  commit(): void;
  /** Drops what was written; an earlier file at the path is left as it was. Never throws. */
  discard(): void;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than this file system allows',
  EIO: 'the disk reported an input/output error',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'it is a folder',
};

/** Why an output could not be written, in words, with the system's code for searching. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** An output file could not be written (full disk, I/O error, …); the earlier file at `path` is intact. */
export class OutputError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`cannot write ${path}: ${reason}`);
    this.name = 'OutputError';
  }
}

/** Temporary files not yet committed or discarded, so a second Ctrl-C can remove them on its way out. */
const pending = new Set<string>();

export function discardPendingOutputs(fs: Pick<OutputFs, 'unlinkSync'> = nodeFs): void {
  for (const temp of pending) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** A file replaced keeps its permissions (e.g. a scenario that `calibrate --write` updates); a new one is 0644. */
function existingMode(path: string, fs: OutputFs): number {
  try {
    return fs.statSync(path).mode & 0o777;
  } catch {
    return 0o644;
  }
}

function isSpecialFile(path: string, fs: OutputFs): boolean {
  try {
    const stat = fs.statSync(path);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

/** The temporary name beside `path`: hidden, unique to this process, recognisably Parley's. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.parley-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

export function openOutputFile(path: string, fs: OutputFs = nodeFs): OutputFile {
  const direct = isSpecialFile(path, fs);
  const target = direct ? path : tempPathFor(path);
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, direct ? 'w' : 'wx', existingMode(path, fs));
  } catch (error) {
    throw new OutputError(path, describeFsError(error));
  }
  if (!direct) pending.add(target);
  let finished = false;
  const close = () => {
    if (fd === undefined) return;
    const was = fd;
    fd = undefined;
    fs.closeSync(was);
  };
  const discard = () => {
    if (finished) return;
    finished = true;
    try {
      close();
    } catch {
      // the descriptor is gone either way
    }
    if (!direct) {
      pending.delete(target);
      try {
        fs.unlinkSync(target);
      } catch {
        // nothing to remove
      }
    }
  };
  const fail = (error: unknown): never => {
    discard();
    throw new OutputError(path, describeFsError(error));
  };
  return {
    path,
    write(text) {
      if (finished) throw new OutputError(path, 'the file was already closed');
      const bytes = Buffer.from(text, 'utf8');
      let at = 0;
      try {
        while (at < bytes.length) at += fs.writeSync(fd!, bytes, at, bytes.length - at);
      } catch (error) {
        fail(error);
      }
    },
    commit() {
      if (finished) throw new OutputError(path, 'the file was already closed');
      try {
        if (!direct) fs.fsyncSync(fd!);
        close();
        if (!direct) fs.renameSync(target, path);
      } catch (error) {
        fail(error);
      }
      finished = true;
      pending.delete(target);
    },
    discard,
  };
}
