/**
 * Every exit code of `parley`, in one place: commands return these, `parley help` and
 * docs/batch.md print the same table.
 */
export const EXIT = {
  ok: 0,
  /** A mistake in the command, an input file or an output path; nothing was run or written. */
  mistake: 1,
  /** A bug in Parley (the message says to report it). */
  internal: 2,
  /** An output could not be written (full disk, I/O error); earlier files at those paths are unchanged. */
  outputFailed: 3,
  /** A batch worker died (out of memory, killed) or a run failed; what was done is kept, marked partial. */
  workerFailed: 4,
  /** `--shard auto` could not tell this task's shard from the job array's environment, or its values disagree; nothing was run. */
  shardUnknown: 5,
} as const;

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

const SIGNAL_NUMBERS: Record<StopSignal, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** 128 + the signal's number, as shells report a process a signal ended: 129, 130, 143. */
export function signalExitCode(signal: StopSignal): number {
  return 128 + SIGNAL_NUMBERS[signal];
}

export function signalName(signal: StopSignal): string {
  return signal === 'SIGINT' ? 'Ctrl-C (SIGINT)' : signal;
}

/** The table `parley help` prints (docs/batch.md has the same rows). */
export const EXIT_CODE_TABLE: readonly [string, string][] = [
  ['0', 'done'],
  ['1', 'a mistake in the command, an input file or an output path (a message says which); nothing was run or written'],
  ['2', 'an internal error in Parley (please report it with the command you ran)'],
  ['3', 'an output could not be written (full disk, I/O error); earlier files at those paths are unchanged'],
  ['4', 'a batch worker died (out of memory, killed) or a run failed; the runs done are kept in a summary marked partial'],
  ['5', '`--shard auto` could not tell which shard this task is from the scheduler\'s environment, or the values disagree (a message says which); nothing was run'],
  ['129', 'stopped by SIGHUP (terminal closed); the runs done are written, marked partial'],
  ['130', 'stopped by Ctrl-C (SIGINT); the runs done are written, marked partial'],
  ['143', 'stopped by SIGTERM (timeout, docker stop, a cluster preempting the job); the runs done are written, marked partial'],
];
