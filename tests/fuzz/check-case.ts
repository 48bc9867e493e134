/**
 * One fuzz case: load/validate it; a rejection must locate every problem; an accepted file must run
 * to a terminal outcome for 5 seeds within the step budget, and never narrate NaN.
 */
import { compile, runOnce } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';

export const RUN_SEEDS = ['1', '2', '3', '4', '5'];
const TERMINAL = new Set(['completed', 'extended-then-completed', 'stalled', 'collapsed', 'advanced', 'no-deal']);

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
      const bad = badNumber(run, text);
      if (bad) return { index, bytes, validateMs, accepted: true, failure: `seed ${seed}: the run reports ${bad}` };
    }
  } catch (error) {
    return { index, bytes, validateMs, accepted: true, failure: `uncaught exception in a run: ${describe(error)}` };
  }
  return { index, bytes, validateMs, accepted: true };
}

const NOT_A_NUMBER = ['NaN', 'Infinity', 'undefined'] as const;

/**
 * A number in the run that is not finite, or NaN/Infinity/undefined in its sentences that the
 * scenario's own text does not contain (a writer may name an incident "Infinity"). Linear in the
 * run's size: the words are found with indexOf, not a backtracking pattern.
 */
function badNumber(run: unknown, scenarioText: string): string | undefined {
  const stack: unknown[] = [run];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'number' && !Number.isFinite(value)) return `a number that is ${value}`;
    if (value !== null && typeof value === 'object') stack.push(...Object.values(value));
  }
  const json = JSON.stringify(run);
  for (const word of NOT_A_NUMBER) {
    const at = json.indexOf(word);
    if (at >= 0 && !scenarioText.includes(word)) return `"${word}" in its text: …${json.slice(Math.max(0, at - 80), at + 40)}…`;
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(error);
}
