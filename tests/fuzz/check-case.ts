/**
 * One fuzz case: load/validate it; a rejection must locate every problem; an accepted file must run
 * to a terminal outcome for 5 seeds within the step budget, and never narrate NaN.
 */
import { compile, runOnce } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';

export const RUN_SEEDS = ['1', '2', '3', '4', '5'];
const TERMINAL = new Set(['completed', 'extended-then-completed', 'stalled', 'collapsed', 'advanced']);

export interface CaseResult {
  index: number;
  bytes: number;
  validateMs: number;
  accepted: boolean;
  /** Why the case failed, if it did. */
  failure?: string;
}

export function checkCase(index: number, text: string, file: string): CaseResult {
  const bytes = Buffer.byteLength(text);
  const t0 = performance.now();
  let result;
  try {
    result = loadScenario(text, file);
  } catch (error) {
    return { index, bytes, validateMs: performance.now() - t0, accepted: false, failure: `uncaught exception in validate: ${describe(error)}` };
  }
  const validateMs = performance.now() - t0;
  if (!result.ok) {
    const unlocated = result.problems.find((p) => p.file !== file || !Number.isInteger(p.line) || p.line < 1 || !Number.isInteger(p.col) || p.col < 1 || !p.message);
    if (result.problems.length === 0) return { index, bytes, validateMs, accepted: false, failure: 'rejected without any problem' };
    if (unlocated) return { index, bytes, validateMs, accepted: false, failure: `rejection without file:line:col: ${JSON.stringify(unlocated).slice(0, 300)}` };
    return { index, bytes, validateMs, accepted: false };
  }
  try {
    const model = compile(result.scenario);
    for (const seed of RUN_SEEDS) {
      const run = runOnce(model, { seed });
      if (!TERMINAL.has(run.outcome.result)) return { index, bytes, validateMs, accepted: true, failure: `seed ${seed}: not a terminal outcome: ${run.outcome.result}` };
      const bad = /.{0,80}(?:\bNaN\b|\bInfinity\b|\bundefined\b).{0,40}/.exec(JSON.stringify(run));
      if (bad) return { index, bytes, validateMs, accepted: true, failure: `seed ${seed}: the run reports NaN, Infinity or undefined: ${bad[0]}` };
    }
  } catch (error) {
    return { index, bytes, validateMs, accepted: true, failure: `uncaught exception in a run: ${describe(error)}` };
  }
  return { index, bytes, validateMs, accepted: true };
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(error);
}
