/**
 * Output paths are checked before any work starts, so a typo in a path does not cost an hour of
 * runs: the folder must exist and take a new file, the path must not be a folder, and two outputs
 * of one command must not be the same file.
 */
import * as nodeFs from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeFsError, tempPathFor } from './output-file.ts';
import { UserError } from './user-error.ts';

export type PathFs = Pick<typeof nodeFs, 'statSync' | 'openSync' | 'closeSync' | 'unlinkSync' | 'realpathSync'>;

/** Throws a UserError saying what is wrong with `path` as an output file (given as `flag`). */
export function checkOutputPath(path: string, flag: string, fs: PathFs = nodeFs): void {
  if (path.trim() === '') throw new UserError(`${flag} needs a file name, got an empty one`);
  let stat: nodeFs.Stats | undefined;
  try {
    stat = fs.statSync(path);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw new UserError(`${flag} ${path}: that is a folder, not a file`, `give a file name inside it, e.g. ${flag} ${path.replace(/\/+$/, '')}/out${flag === '--runs-csv' ? '.csv' : '.json'}`);
  if (stat && !stat.isFile()) return; // a terminal, pipe or device is written directly
  const folder = dirname(path);
  let folderStat: nodeFs.Stats;
  try {
    folderStat = fs.statSync(folder);
  } catch {
    throw new UserError(`${flag} ${path}: the folder ${folder} does not exist`, `create it first (mkdir -p ${folder}) or choose another path`);
  }
  if (!folderStat.isDirectory()) throw new UserError(`${flag} ${path}: ${folder} is not a folder`);
  // The real test: can a file be created beside the target (that is how outputs are written)?
  const probe = tempPathFor(path);
  try {
    fs.closeSync(fs.openSync(probe, 'wx', 0o644));
  } catch (error) {
    // The folder exists (checked above), so ENOENT here means it does not take new files (/proc, /sys).
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not take new files (ENOENT)' : describeFsError(error);
    throw new UserError(`${flag} ${path}: cannot create files in ${folder}: ${reason}`, 'choose a folder you can write to');
  }
  try {
    fs.unlinkSync(probe);
  } catch {
    // it was created, so it can be removed; if not, it is an empty hidden file
  }
}

/** The file a path names, for comparing two outputs: symlinks resolved where the file exists. */
export function canonicalPath(path: string, fs: Pick<PathFs, 'realpathSync'> = nodeFs): string {
  try {
    return fs.realpathSync(path);
  } catch {
    try {
      return resolve(fs.realpathSync(dirname(path)), path.split('/').pop()!);
    } catch {
      return resolve(path);
    }
  }
}
