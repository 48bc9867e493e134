/**
 * Sweep values as an analyst writes them: a list `0.6,0.8,1` or a range `lo:hi:step`
 * (both ends included when the step lands on `hi`). Pure; mistakes are ExperimentErrors.
 */
import { ExperimentError } from './errors.ts';

/** One parameter varied over a list of values. Several sweeps form a grid. */
export interface Sweep {
  name: string;
  values: number[];
}

/** Most values one sweep may produce; a typo in a step (0.0001 for 0.01) should not start a week-long job. */
export const MAX_SWEEP_VALUES = 1000;

function decimalsOf(text: string): number {
  const m = /^[+-]?\d*(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m) return 0;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

function number(text: string, what: string, where: string): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) {
    throw new ExperimentError(`${where}: ${what} \`${text}\` is not a number`, 'write values like `0,0.02,0.05` or a range like `0.5:1:0.1` (lo:hi:step)');
  }
  return value;
}

/**
 * `lo:hi:step` → [lo, lo+step, …, ≤ hi]. Values are rounded to the decimals written, so
 * `0.1:0.3:0.1` gives exactly [0.1, 0.2, 0.3], not 0.30000000000000004.
 */
export function rangeValues(lo: number, hi: number, step: number, where: string, decimals?: number): number[] {
  if (step === 0) throw new ExperimentError(`${where}: the step is 0, so the range never advances`, 'write lo:hi:step with a positive step, e.g. `0.5:1:0.1`');
  if (step < 0) throw new ExperimentError(`${where}: the step ${step} is negative`, 'ranges go upwards: write lo:hi:step with lo ≤ hi and a positive step');
  if (lo > hi) throw new ExperimentError(`${where}: the range is empty (${lo} is above ${hi})`, `write the low end first: ${hi}:${lo}:${step}`);
  const places = decimals ?? Math.max(decimalsOf(String(lo)), decimalsOf(String(hi)), decimalsOf(String(step)));
  const count = Math.floor((hi - lo) / step + 1e-9) + 1;
  if (count > MAX_SWEEP_VALUES) {
    throw new ExperimentError(`${where}: the range has ${count} values; a sweep may have at most ${MAX_SWEEP_VALUES}`, 'use a larger step');
  }
  const values: number[] = [];
  for (let k = 0; k < count; k++) values.push(Number((lo + k * step).toFixed(Math.min(places, 15))));
  return values;
}

/** A sweep's text (`a,b,c` or `lo:hi:step`) → its values, in the order given (lists) or ascending (ranges). */
export function parseSweepValues(text: string, where: string): number[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new ExperimentError(`${where}: no values`, 'write values like `0,0.02,0.05` or a range like `0.5:1:0.1`');
  if (trimmed.includes(':')) {
    const parts = trimmed.split(':');
    if (parts.length !== 3) {
      throw new ExperimentError(`${where}: a range is lo:hi:step, got \`${trimmed}\``, `e.g. \`${parts[0] || '0'}:${parts[1] || '1'}:0.1\``);
    }
    const [lo, hi, step] = [number(parts[0]!, 'the low end', where), number(parts[1]!, 'the high end', where), number(parts[2]!, 'the step', where)];
    return rangeValues(lo, hi, step, where, Math.max(...parts.map(decimalsOf)));
  }
  return listValues(trimmed.split(',').map((part, i) => number(part, `value ${i + 1}`, where)), where);
}

/** Checks a list of values (from text or a YAML list): non-empty, no repeats. */
export function listValues(values: readonly number[], where: string): number[] {
  if (values.length === 0) throw new ExperimentError(`${where}: no values`, 'give at least one value');
  if (values.length > MAX_SWEEP_VALUES) throw new ExperimentError(`${where}: ${values.length} values; a sweep may have at most ${MAX_SWEEP_VALUES}`);
  const seen = new Set<number>();
  for (const v of values) {
    if (!Number.isFinite(v)) throw new ExperimentError(`${where}: \`${v}\` is not a finite number`);
    if (seen.has(v)) throw new ExperimentError(`${where}: the value ${v} is listed twice`, 'each value is one variation; list it once (use more --runs for more precision)');
    seen.add(v);
  }
  return [...values];
}

/** `NAME=VALUES` from `--sweep` → a name and its values. */
export function parseSweepFlag(text: string): Sweep {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new ExperimentError(`--sweep needs NAME=VALUES, got \`${text}\``, 'e.g. --sweep clash-rate=0,0.02,0.05 or --sweep hamas-base-comply=0.6:1:0.1');
  const name = text.slice(0, eq).trim();
  return { name, values: parseSweepValues(text.slice(eq + 1), `--sweep ${text}`) };
}
