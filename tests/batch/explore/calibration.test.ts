import { describe, expect, it } from 'vitest';
import { rejectionAbc } from '../../../src/batch/explore/abc-rejection.ts';
import { smcAbc } from '../../../src/batch/explore/abc-smc.ts';
import { normalCdf } from '../../../src/batch/explore/normal.ts';
import { compareToTargets, targetDistance, type Summaries, type Target } from '../../../src/batch/explore/targets.ts';
import { seededUniform } from '../../../src/batch/explore/random.ts';
import type { DesignPoint } from '../../../src/batch/explore/parameters.ts';
import type { SeedSet, Simulator } from '../../../src/batch/explore/simulator.ts';

/**
 * A cheap stochastic truce: in each run the truce collapses with probability `clash`; if it holds,
 * phase two starts with probability `reciprocity`. Run r draws its two uniforms from the seed
 * "<base>:<r>", so every candidate meets the same luck (common random numbers).
 */
const luck = new Map<string, [number, number][]>();
function draws(seeds: SeedSet): [number, number][] {
  const key = `${seeds.base}/${seeds.runs}`;
  if (!luck.has(key)) {
    luck.set(key, Array.from({ length: seeds.runs }, (_, r) => {
      const u = seededUniform(seeds.base, String(r));
      return [u(), u()];
    }));
  }
  return luck.get(key)!;
}
function truce(p: DesignPoint, seeds: SeedSet): Summaries {
  let collapse = 0;
  let phaseTwo = 0;
  for (const [u1, u2] of draws(seeds)) {
    if (u1 < p.clash!) collapse++;
    else if (u2 < p.reciprocity!) phaseTwo++;
  }
  return { 'p-collapse': collapse / seeds.runs, 'p-phase-two': phaseTwo / seeds.runs };
}
const calls: number[] = [];
const simulate: Simulator = async (candidates, seeds) => {
  calls.push(candidates.length);
  return candidates.map((c) => truce(c, seeds));
};

const ranges = [
  { name: 'clash', lo: 0, hi: 1 },
  { name: 'reciprocity', lo: 0, hi: 1 },
];
const truth = { clash: 0.3, reciprocity: 0.6 };
// Targets observed from the truth with other seeds than the calibration's.
const observed = truce(truth, { base: 'the-world', runs: 400 });
const targets: Target[] = [
  { name: 'p-collapse', value: observed['p-collapse']!, tolerance: 0.03 },
  { name: 'p-phase-two', value: observed['p-phase-two']!, tolerance: 0.03 },
];
const seeds = { base: 'calibration', runs: 400 };

describe('targets', () => {
  it('measure distance in tolerances and say which are met', () => {
    const checks = compareToTargets(targets, { 'p-collapse': targets[0]!.value + 0.015, 'p-phase-two': targets[1]!.value - 0.06 });
    expect(checks.map((c) => [c.distance.toFixed(6), c.met])).toEqual([['0.500000', true], ['2.000000', false]]);
    expect(targetDistance(targets, { 'p-collapse': targets[0]!.value, 'p-phase-two': targets[1]!.value })).toBe(0);
    expect(() => targetDistance(targets, { 'p-collapse': 0.1 })).toThrow(/no number for the target p-phase-two/);
  });
});

describe('the normal distribution', () => {
  it('has the textbook cumulative probabilities', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 6);
  });
});

describe('rejection ABC', () => {
  it('recovers the synthetic truth within its intervals', async () => {
    const result = await rejectionAbc(ranges, targets, simulate, { draws: 4000, seed: 'rejection', seeds });
    expect(result.samples.length).toBeGreaterThan(20);
    for (const p of result.parameters) {
      expect(p.lo).toBeLessThanOrEqual(truth[p.name as keyof typeof truth]);
      expect(p.hi).toBeGreaterThanOrEqual(truth[p.name as keyof typeof truth]);
      expect(p.hi - p.lo).toBeLessThan(0.25);
    }
    expect(result.samples.every((s) => s.distance <= 1)).toBe(true);
    expect(result.best.distance).toBeLessThan(0.5);
  });

  it('keeps the nearest candidates when asked, and says when none is near enough', async () => {
    const nearest = await rejectionAbc(ranges, targets, simulate, { draws: 500, keep: 25, seed: 'keep', seeds });
    expect(nearest.samples).toHaveLength(25);
    expect(nearest.epsilon).toBe(Math.max(...nearest.samples.map((s) => s.distance)));
    await expect(rejectionAbc(ranges, targets, simulate, { draws: 5, tolerance: 0.01, seed: 'few', seeds })).rejects.toThrow(/no candidate of 5 came within 0.01 tolerances/);
  });
});

describe('ABC-SMC', () => {
  it('narrows the tolerance generation by generation and recovers the truth within its intervals', async () => {
    calls.length = 0;
    const result = await smcAbc(ranges, targets, simulate, { seed: 'smc', seeds, populationSize: 150 });
    expect(result.stopReason).toBe('tolerance reached');
    expect(result.reachedTolerance).toBe(true);
    const epsilons = result.generations.map((g) => g.epsilon);
    for (let i = 1; i < epsilons.length; i++) expect(epsilons[i]).toBeLessThan(epsilons[i - 1]!);
    expect(epsilons[epsilons.length - 1]).toBe(1);
    expect(result.samples).toHaveLength(150);
    expect(result.samples.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 12);
    expect(result.samples.every((s) => s.distance <= 1)).toBe(true);
    for (const p of result.parameters) {
      const value = truth[p.name as keyof typeof truth];
      expect(p.lo).toBeLessThanOrEqual(value);
      expect(p.hi).toBeGreaterThanOrEqual(value);
      expect(p.hi - p.lo).toBeLessThan(0.15);
    }
    expect(compareToTargets(targets, result.best.summaries).every((c) => c.met)).toBe(true);
    // Whole populations go to the simulator at once: the first generation, then batches of N.
    expect(calls[0]).toBe(300);
    expect(calls.slice(1).every((c) => c === 150)).toBe(true);
    expect(result.evaluations).toBe(calls.reduce((s, c) => s + c, 0));
  });

  it('recovers a known posterior: uniform over the values within tolerance, also at the edge of the range', async () => {
    // s = x exactly and a uniform prior on [0, 1]: the posterior at ε = 1 is uniform on [t − 0.1, t + 0.1] ∩ [0, 1].
    const identity: Simulator = (candidates) => candidates.map((c) => ({ s: c.x! }));
    for (const [t, lo, hi] of [[0.5, 0.4, 0.6], [0.05, 0, 0.15]] as const) {
      const result = await smcAbc([{ name: 'x', lo: 0, hi: 1 }], [{ name: 's', value: t, tolerance: 0.1 }], identity, { seed: `edge-${t}`, seeds: { base: 'b', runs: 1 }, populationSize: 1000 });
      const [x] = result.parameters;
      const width = hi - lo;
      expect(x!.mean).toBeCloseTo((lo + hi) / 2, 1);
      expect(Math.abs(x!.lo - (lo + 0.025 * width))).toBeLessThan(0.015);
      expect(Math.abs(x!.median - (lo + 0.5 * width))).toBeLessThan(0.015);
      expect(Math.abs(x!.hi - (lo + 0.975 * width))).toBeLessThan(0.015);
    }
  });

  it('is a function of its seeds, and stops within its evaluation budget', async () => {
    const options = { seed: 'again', seeds, populationSize: 40, finalTolerance: 0.3, maxEvaluations: 400 };
    const first = await smcAbc(ranges, targets, simulate, options);
    expect(await smcAbc(ranges, targets, simulate, options)).toEqual(first);
    expect(first.evaluations).toBeLessThanOrEqual(400);
    expect(first.stopReason).toBe('evaluation budget');
    expect(first.reachedTolerance).toBe(false);
  });

  it('rejects what it cannot calibrate', async () => {
    await expect(smcAbc([{ name: 'rounds', lo: 1, hi: 5, integer: true }], targets, simulate, { seed: 's', seeds })).rejects.toThrow(/whole-number parameter/);
    await expect(smcAbc(ranges, [], simulate, { seed: 's', seeds })).rejects.toThrow(/no targets/);
    await expect(smcAbc(ranges, [{ name: 'x', value: 1, tolerance: 0 }], simulate, { seed: 's', seeds })).rejects.toThrow(/tolerance must be a positive number/);
    await expect(smcAbc(ranges, targets, simulate, { seed: 's', seeds: { base: 'b', runs: 0 } })).rejects.toThrow(/runs ≥ 1/);
    await expect(smcAbc(ranges, targets, async () => [], { seed: 's', seeds })).rejects.toThrow(/returned 0 summaries for 400 candidates/);
  });
});
