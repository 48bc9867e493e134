/**
 * Morris elementary effects (Morris 1991; μ* from Campolongo, Cariboni & Saltelli 2007).
 *
 * Design: r trajectories on a grid of p levels {0, 1/(p−1), …, 1} in the unit cube, step
 * Δ = p / (2(p − 1)) (p even). A trajectory starts at a random grid point and moves one parameter
 * at a time, in a random order, by +Δ or −Δ, so it has k + 1 points. For each parameter: a low
 * level drawn uniformly from the levels ≤ 1 − Δ and a random direction (start low and go up, or
 * start high and go down). Randomness: the stream `"<seed>:morris"`, trajectory by trajectory
 * (levels, directions, then the order of parameters).
 *
 * Estimates, for parameter i with elementary effects EE_i^t = (y(after) − y(before)) / (±Δ)
 * (the change of the output per unit of the parameter's *whole range*; so for y = c·x with
 * x ∈ [lo, hi], EE = c · (hi − lo) exactly):
 *   μ_i = mean_t EE_i^t,  μ*_i = mean_t |EE_i^t|,  σ_i = sample sd of EE_i^t (r − 1 denominator).
 * μ* ranks overall influence, σ shows interaction or non-linearity.
 */
import { bootstrapIntervals, DEFAULT_LEVEL, type Interval } from './bootstrap.ts';
import { checkRanges, pointAt, type DesignPoint, type ParameterRange } from './parameters.ts';
import { permutation, seededUniform, uniformIndex } from './random.ts';
import { ExperimentError } from '../errors.ts';

export interface MorrisOptions {
  /** Number of trajectories r (≥ 2). */
  trajectories: number;
  /** Number of grid levels p (even, ≥ 2; default 4). */
  levels?: number;
  seed: string;
}

export interface MorrisDesign {
  ranges: readonly ParameterRange[];
  trajectories: number;
  levels: number;
  /** Δ = p / (2(p − 1)), in unit-cube coordinates. */
  delta: number;
  /** r·(k + 1) points to run, trajectory after trajectory. */
  points: DesignPoint[];
  /** The same points in unit-cube coordinates. */
  unit: number[][];
  /** For trajectory t, the index of the parameter changed at its step j (between points j and j + 1). */
  order: number[][];
}

export const DEFAULT_MORRIS_LEVELS = 4;

export function morrisDesign(ranges: readonly ParameterRange[], options: MorrisOptions): MorrisDesign {
  checkRanges(ranges);
  const levels = options.levels ?? DEFAULT_MORRIS_LEVELS;
  const r = options.trajectories;
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new ExperimentError(`Morris levels must be an even whole number ≥ 2, got ${levels}`, 'the usual choice is 4');
  if (!Number.isInteger(r) || r < 2) throw new ExperimentError(`Morris needs a whole number of trajectories ≥ 2, got ${r}`, 'typically 10 to 50');
  const k = ranges.length;
  const delta = levels / (2 * (levels - 1));
  const lowLevels = levels / 2;
  const uniform = seededUniform(options.seed, 'morris');
  const unit: number[][] = [];
  const order: number[][] = [];
  for (let t = 0; t < r; t++) {
    const low = ranges.map(() => uniformIndex(uniform, lowLevels) / (levels - 1));
    const upwards = ranges.map(() => uniform() < 0.5);
    const steps = permutation(uniform, k);
    let x = low.map((l, i) => (upwards[i] ? l : l + delta));
    unit.push(x);
    for (const i of steps) {
      x = [...x];
      x[i] = upwards[i] ? low[i]! + delta : low[i]!;
      unit.push(x);
    }
    order.push(steps);
  }
  return { ranges, trajectories: r, levels, delta, points: unit.map((u) => pointAt(ranges, u)), unit, order };
}

export interface MorrisEffect {
  name: string;
  mu: number;
  muStar: number;
  sigma: number;
  /** Percentile bootstrap interval of μ* over trajectories. */
  muStarInterval: Interval;
  /** The r elementary effects, trajectory by trajectory. */
  effects: number[];
}

export interface MorrisEstimateOptions {
  seed: string;
  level?: number;
  resamples?: number;
}

/** Elementary-effect statistics from the outputs of `design.points`, in the same order. */
export function morrisEffects(design: MorrisDesign, outputs: readonly number[], options: MorrisEstimateOptions): MorrisEffect[] {
  const k = design.ranges.length;
  if (outputs.length !== design.points.length) throw new ExperimentError(`Morris needs one output per design point: ${design.points.length} points, ${outputs.length} outputs`, 'run every point of the design, in order');
  const bad = outputs.findIndex((y) => !Number.isFinite(y));
  if (bad >= 0) throw new ExperimentError(`the output of design point ${bad} is ${outputs[bad]}, not a number`, 'every design point needs a finite output');
  const effects: number[][] = design.ranges.map(() => []);
  for (let t = 0; t < design.trajectories; t++) {
    const base = t * (k + 1);
    design.order[t]!.forEach((i, j) => {
      const step = design.unit[base + j + 1]![i]! - design.unit[base + j]![i]!;
      effects[i]!.push((outputs[base + j + 1]! - outputs[base + j]!) / step);
    });
  }
  const muStar = (ee: readonly number[], indices: readonly number[]) => indices.reduce((s, t) => s + Math.abs(ee[t]!), 0) / indices.length;
  const all = Array.from({ length: design.trajectories }, (_, t) => t);
  const intervals = bootstrapIntervals(design.trajectories, (indices) => effects.map((ee) => muStar(ee, indices)), 'morris', { seed: options.seed, level: options.level ?? DEFAULT_LEVEL, resamples: options.resamples });
  return design.ranges.map((range, i) => {
    const ee = effects[i]!;
    const mu = ee.reduce((s, e) => s + e, 0) / ee.length;
    const variance = ee.reduce((s, e) => s + (e - mu) * (e - mu), 0) / (ee.length - 1);
    return { name: range.name, mu, muStar: muStar(ee, all), sigma: Math.sqrt(variance), muStarInterval: intervals[i]!, effects: ee };
  });
}
