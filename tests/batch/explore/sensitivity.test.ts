import { describe, expect, it } from 'vitest';
import { morrisDesign, morrisEffects } from '../../../src/batch/explore/morris.ts';
import { saltelliDesign } from '../../../src/batch/explore/saltelli.ts';
import { sobolIndices } from '../../../src/batch/explore/sobol-indices.ts';
import type { DesignPoint } from '../../../src/batch/explore/parameters.ts';

describe('Morris elementary effects', () => {
  const ranges = [
    { name: 'a', lo: 0, hi: 2 },
    { name: 'b', lo: -1, hi: 1 },
    { name: 'c', lo: 10, hi: 15 },
    { name: 'd', lo: 0, hi: 1 },
  ];

  it('lists r(k + 1) points on the p-level grid, each step moving one parameter by Δ', () => {
    const design = morrisDesign(ranges, { trajectories: 10, levels: 4, seed: 'm' });
    expect(design.delta).toBeCloseTo(2 / 3, 15);
    expect(design.points).toHaveLength(10 * 5);
    for (const u of design.unit) for (const x of u) expect([0, 1 / 3, 2 / 3, 1].some((l) => Math.abs(l - x) < 1e-12)).toBe(true);
    for (let t = 0; t < 10; t++) {
      expect([...design.order[t]!].sort()).toEqual([0, 1, 2, 3]);
      for (let j = 0; j < 4; j++) {
        const before = design.unit[t * 5 + j]!;
        const after = design.unit[t * 5 + j + 1]!;
        const moved = before.map((x, i) => i).filter((i) => before[i] !== after[i]);
        expect(moved).toEqual([design.order[t]![j]]);
        expect(Math.abs(after[moved[0]!]! - before[moved[0]!]!)).toBeCloseTo(2 / 3, 12);
      }
    }
  });

  it('on a linear function gives μ* = |coefficient · range| exactly and σ = 0', () => {
    const coefficients = { a: 3, b: -2, c: 0.5, d: 0 };
    const f = (p: DesignPoint) => 3 * p.a! - 2 * p.b! + 0.5 * p.c! + 0 * p.d!;
    const design = morrisDesign(ranges, { trajectories: 12, seed: 'linear' });
    const effects = morrisEffects(design, design.points.map(f), { seed: 'linear' });
    for (const e of effects) {
      const r = ranges.find((x) => x.name === e.name)!;
      const expected = coefficients[e.name as keyof typeof coefficients] * (r.hi - r.lo);
      expect(e.mu).toBeCloseTo(expected, 9);
      expect(e.muStar).toBeCloseTo(Math.abs(expected), 9);
      expect(e.sigma).toBeLessThan(1e-9);
      expect(e.effects).toHaveLength(12);
    }
    expect(effects.map((e) => e.muStar.toFixed(6))).toEqual(['6.000000', '4.000000', '2.500000', '0.000000']);
  });

  it('shows σ > 0 only for the parameters that interact', () => {
    const f = (p: DesignPoint) => 2 * p.a! + 4 * p.b! * p.c! + p.d! ** 0;
    const design = morrisDesign(ranges, { trajectories: 20, seed: 'interaction' });
    const [a, b, c, d] = morrisEffects(design, design.points.map(f), { seed: 'interaction' });
    expect(a!.sigma).toBeLessThan(1e-9);
    expect(a!.muStar).toBeCloseTo(4, 9);
    expect(b!.sigma).toBeGreaterThan(1);
    expect(c!.sigma).toBeGreaterThan(1);
    expect(d!.muStar).toBe(0);
    expect(d!.sigma).toBe(0);
    expect(b!.muStarInterval.lo).toBeLessThanOrEqual(b!.muStar);
    expect(b!.muStarInterval.hi).toBeGreaterThanOrEqual(b!.muStar);
  });

  it('checks its inputs', () => {
    expect(() => morrisDesign(ranges, { trajectories: 1, seed: 's' })).toThrow(/trajectories ≥ 2/);
    expect(() => morrisDesign(ranges, { trajectories: 4, levels: 5, seed: 's' })).toThrow(/even/);
    const design = morrisDesign(ranges, { trajectories: 2, seed: 's' });
    expect(() => morrisEffects(design, [1, 2], { seed: 's' })).toThrow(/10 points, 2 outputs/);
    expect(() => morrisEffects(design, design.points.map(() => Number.NaN), { seed: 's' })).toThrow(/design point 0 is NaN/);
  });
});

describe('Sobol indices (Saltelli scheme) on the Ishigami function', () => {
  const a = 7;
  const b = 0.1;
  const ranges = ['x1', 'x2', 'x3'].map((name) => ({ name, lo: -Math.PI, hi: Math.PI }));
  const ishigami = (p: DesignPoint) => Math.sin(p.x1!) + a * Math.sin(p.x2!) ** 2 + b * p.x3! ** 4 * Math.sin(p.x1!);
  // Analytic values (Ishigami & Homma 1990).
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = (8 * b ** 2 * pi8) / 225;
  const v = v1 + v2 + v13;
  const trueFirst = [v1 / v, v2 / v, 0];
  const trueTotal = [(v1 + v13) / v, v2 / v, v13 / v];

  it('has the textbook values', () => {
    expect(trueFirst.map((s) => s.toFixed(3))).toEqual(['0.314', '0.442', '0.000']);
    expect(trueTotal.map((s) => s.toFixed(3))).toEqual(['0.558', '0.442', '0.244']);
  });

  const n = 2048;
  const design = saltelliDesign(ranges, n, 'ishigami');
  const outputs = design.points.map(ishigami);

  it('lays out N·(k + 2) points: A, AB_1 … AB_k, B per row', () => {
    expect(design.points).toHaveLength(n * 5);
    const [A, AB1, AB2, AB3, B] = design.points.slice(0, 5);
    expect(AB1).toEqual({ x1: B!.x1, x2: A!.x2, x3: A!.x3 });
    expect(AB2).toEqual({ x1: A!.x1, x2: B!.x2, x3: A!.x3 });
    expect(AB3).toEqual({ x1: A!.x1, x2: A!.x2, x3: B!.x3 });
  });

  for (const firstOrder of ['saltelli2010', 'jansen'] as const) {
    it(`recovers S1 and ST within 0.03 and its 95% bootstrap intervals cover them (${firstOrder})`, () => {
      const result = sobolIndices(design, outputs, { seed: 'ishigami', firstOrder, resamples: 500 });
      expect(result.indices).not.toBeNull();
      result.indices!.forEach((index, i) => {
        expect(Math.abs(index.first - trueFirst[i]!)).toBeLessThan(0.03);
        expect(Math.abs(index.total - trueTotal[i]!)).toBeLessThan(0.03);
        expect(index.firstInterval.lo).toBeLessThanOrEqual(trueFirst[i]!);
        expect(index.firstInterval.hi).toBeGreaterThanOrEqual(trueFirst[i]!);
        expect(index.totalInterval.lo).toBeLessThanOrEqual(trueTotal[i]!);
        expect(index.totalInterval.hi).toBeGreaterThanOrEqual(trueTotal[i]!);
        expect(index.totalInterval.hi - index.totalInterval.lo).toBeLessThan(0.15);
      });
      expect(result.variance).toBeCloseTo(v, 0);
    });
  }

  it('depends only on the ordered outputs: any chunking gives the same numbers', () => {
    const whole = sobolIndices(design, outputs, { seed: 'ishigami', resamples: 200 });
    const chunks: number[] = [];
    for (let start = 0; start < design.points.length; start += 777) chunks.push(...design.points.slice(start, start + 777).map(ishigami));
    expect(sobolIndices(saltelliDesign(ranges, n, 'ishigami'), chunks, { seed: 'ishigami', resamples: 200 })).toEqual(whole);
  });

  it('its 95% intervals cover the exact indices in most of 20 independent small studies (N = 256)', () => {
    let covered = 0;
    let intervals = 0;
    for (let study = 0; study < 20; study++) {
      const small = saltelliDesign(ranges, 256, `coverage-${study}`);
      const result = sobolIndices(small, small.points.map(ishigami), { seed: `coverage-${study}`, resamples: 300 });
      result.indices!.forEach((index, i) => {
        covered += Number(index.firstInterval.lo <= trueFirst[i]! && trueFirst[i]! <= index.firstInterval.hi);
        covered += Number(index.totalInterval.lo <= trueTotal[i]! && trueTotal[i]! <= index.totalInterval.hi);
        intervals += 2;
      });
    }
    expect(covered / intervals).toBeGreaterThanOrEqual(0.85);
  });

  it('says so when the output does not vary', () => {
    const flat = sobolIndices(design, outputs.map(() => 0.5), { seed: 's', resamples: 10 });
    expect(flat.indices).toBeNull();
    expect(flat.variance).toBe(0);
  });
});
