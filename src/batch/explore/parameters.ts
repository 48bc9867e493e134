/**
 * The parameters an exploration varies: a name, a range lo:hi and whether values are whole
 * numbers. Designs are built in the unit cube [0, 1)^k and mapped to values here:
 * - continuous: value = lo + u · (hi − lo);
 * - integer:    value = min(hi, lo + ⌊u · (hi − lo + 1)⌋), so each whole number in lo … hi gets an
 *   equal share of the unit interval.
 */
import { ExperimentError } from '../errors.ts';

export interface ParameterRange {
  name: string;
  lo: number;
  hi: number;
  /** Values are whole numbers lo … hi (both ends whole). */
  integer?: boolean;
}

/** One design point: a value for every varied parameter, by name. */
export type DesignPoint = Record<string, number>;

/** Throws an ExperimentError naming the first mistake: no parameters, a repeated name, an empty or reversed range. */
export function checkRanges(ranges: readonly ParameterRange[]): void {
  if (ranges.length === 0) throw new ExperimentError('no parameters to vary', 'give at least one, e.g. --vary clash-rate=0.01:0.05');
  const seen = new Set<string>();
  for (const r of ranges) {
    if (r.name.trim() === '') throw new ExperimentError('a varied parameter has no name', 'write name=lo:hi');
    if (seen.has(r.name)) throw new ExperimentError(`the parameter ${r.name} is varied twice`, 'give each parameter one range');
    seen.add(r.name);
    if (!Number.isFinite(r.lo) || !Number.isFinite(r.hi)) throw new ExperimentError(`${r.name}: the range ${r.lo}:${r.hi} is not two finite numbers`, 'write name=lo:hi, e.g. clash-rate=0.01:0.05');
    if (!(r.lo < r.hi)) throw new ExperimentError(`${r.name}: the range ${r.lo}:${r.hi} is empty`, `write the low end first and make it smaller than the high end, e.g. ${r.name}=${Math.min(r.lo, r.hi)}:${Math.max(r.lo, r.hi) === Math.min(r.lo, r.hi) ? Math.min(r.lo, r.hi) + 1 : Math.max(r.lo, r.hi)}`);
    if (r.integer && (!Number.isInteger(r.lo) || !Number.isInteger(r.hi))) throw new ExperimentError(`${r.name}: an integer parameter needs whole-number ends, got ${r.lo}:${r.hi}`, `e.g. ${r.name}=${Math.ceil(r.lo)}:${Math.floor(r.hi)}`);
  }
}

/** The value of a parameter at unit coordinate `u` in [0, 1]. */
export function valueAt(range: ParameterRange, u: number): number {
  if (range.integer) return Math.min(range.hi, range.lo + Math.floor(u * (range.hi - range.lo + 1)));
  return range.lo + u * (range.hi - range.lo);
}

/** A design point from unit coordinates, one per range, in the ranges' order. */
export function pointAt(ranges: readonly ParameterRange[], unit: readonly number[]): DesignPoint {
  const point: DesignPoint = {};
  ranges.forEach((r, i) => (point[r.name] = valueAt(r, unit[i]!)));
  return point;
}

/**
 * `name=lo:hi` (or `name=lo:hi:int` for whole numbers) → a range. `where` prefixes messages,
 * e.g. `--vary` or `explore.yaml:4:3`.
 */
export function parseRange(text: string, where: string): ParameterRange {
  const m = /^\s*([^=\s]+)\s*=\s*([^:]*):([^:]*)(?::(int))?\s*$/.exec(text);
  if (!m) throw new ExperimentError(`${where}: \`${text}\` is not name=lo:hi`, 'e.g. clash-rate=0.01:0.05, or rounds=1:5:int for whole numbers');
  const lo = Number(m[2]!.trim());
  const hi = Number(m[3]!.trim());
  if (m[2]!.trim() === '' || m[3]!.trim() === '' || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new ExperimentError(`${where}: the range of ${m[1]} (\`${m[2]}:${m[3]}\`) is not two numbers`, `e.g. ${m[1]}=0.01:0.05`);
  }
  const range: ParameterRange = { name: m[1]!, lo, hi, ...(m[4] ? { integer: true } : {}) };
  try {
    checkRanges([range]);
  } catch (e) {
    if (e instanceof ExperimentError) throw new ExperimentError(`${where}: ${e.message}`, e.hint);
    throw e;
  }
  return range;
}
