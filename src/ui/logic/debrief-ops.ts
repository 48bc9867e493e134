/** Opening and closing the debrief of a run (the `debrief=1` of its address). */
import type { RunContext } from './run-ops.ts';

export function openDebrief(run: RunContext): RunContext {
  return { ...run, debrief: true };
}

export function closeDebrief(run: RunContext): RunContext {
  const { debrief: _open, ...rest } = run;
  return rest;
}
