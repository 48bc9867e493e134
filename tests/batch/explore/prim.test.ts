import { describe, expect, it } from 'vitest';
import { prim, type PrimCase } from '../../../src/batch/explore/prim.ts';
import { boxStatement } from '../../../src/batch/explore/box-statement.ts';
import { latinHypercube } from '../../../src/batch/explore/latin-hypercube.ts';
import { seededUniform } from '../../../src/batch/explore/random.ts';

const ranges = [
  { name: 'clash-rate', lo: 0, hi: 0.1 },
  { name: 'reciprocity', lo: 0, hi: 1 },
  { name: 'patience', lo: 0, hi: 1 },
];
// Known box: clash-rate > 0.06 and reciprocity < 0.4; outcome certain inside, 5% outside.
const inKnownBox = (x: Record<string, number>) => x['clash-rate']! > 0.06 && x.reciprocity! < 0.4;

function syntheticCases(n: number, seed: string): PrimCase[] {
  const noise = seededUniform(seed, 'noise');
  return latinHypercube(ranges, n, seed).map((x) => ({ x, y: inKnownBox(x) || noise() < 0.05 ? 1 : 0 }));
}

describe('PRIM scenario discovery', () => {
  const cases = syntheticCases(2000, 'prim');
  const result = prim(cases);

  it('recovers a known box: its bounds approximately, density near 1, the untouched parameter left free', () => {
    const { chosen } = result;
    expect(chosen.restricted).toEqual(['clash-rate', 'reciprocity']);
    expect(chosen.box['clash-rate']!.lower).toBeGreaterThan(0.055);
    expect(chosen.box['clash-rate']!.lower).toBeLessThan(0.066);
    expect(chosen.box.reciprocity!.upper).toBeGreaterThan(0.34);
    expect(chosen.box.reciprocity!.upper).toBeLessThan(0.41);
    expect(chosen.density).toBeGreaterThan(0.95);
    expect(chosen.coverage).toBeGreaterThan(0.7);
  });

  it('keeps a peeling trajectory from the whole space with coverage, density and support per step', () => {
    const [first, ...rest] = result.trajectory;
    expect(first!.support).toBe(1);
    expect(first!.coverage).toBe(1);
    expect(first!.density).toBeCloseTo(result.baseDensity, 15);
    expect(first!.restricted).toEqual([]);
    let previous = first!;
    for (const step of rest) {
      expect(step.support).toBeLessThan(previous.support);
      expect(step.support).toBeGreaterThanOrEqual(0.05);
      expect(step.coverage).toBeLessThanOrEqual(previous.coverage);
      previous = step;
    }
    expect(result.trajectory[result.chosenStep]!.density).toBeGreaterThan(first!.density * 3);
  });

  it('states the chosen box in plain words, naming only the narrowed parameters', () => {
    const statement = boxStatement(result.chosen, { verb: 'collapse', plural: 'collapses' });
    expect(statement).toMatch(/^clash-rate > 0\.0\d+ and reciprocity < 0\.\d+: \d+% of such runs collapse; \d+% of all collapses$/);
    expect(statement).toContain(`${Math.round(result.chosen.density * 100)}% of such runs collapse`);
    expect(statement).not.toContain('patience');
  });

  it('pasting never lowers the density and can only widen the box', () => {
    const pasted = prim(cases, { paste: true });
    expect(pasted.chosen.density).toBeGreaterThanOrEqual(result.chosen.density);
    expect(pasted.chosen.support).toBeGreaterThanOrEqual(result.chosen.support);
    for (const name of pasted.chosen.restricted) {
      const before = result.chosen.box[name]!;
      const after = pasted.chosen.box[name]!;
      if (before.lower !== null && after.lower !== null) expect(after.lower).toBeLessThanOrEqual(before.lower);
      if (before.upper !== null && after.upper !== null) expect(after.upper).toBeGreaterThanOrEqual(before.upper);
    }
  });

  it('takes design points with outcome shares and run counts as weights', () => {
    const points = latinHypercube(ranges, 400, 'weighted').map((x) => ({ x, y: inKnownBox(x) ? 0.9 : 0.1, weight: 50 }));
    const weighted = prim(points);
    expect(weighted.chosen.restricted).toEqual(['clash-rate', 'reciprocity']);
    expect(weighted.chosen.density).toBeCloseTo(0.9, 2);
    expect(weighted.chosen.weight % 50).toBe(0);
  });

  it('gives the same trajectory for one case per run as for one weighted case per design point', () => {
    const runs = 8;
    const luck = seededUniform('per-run', 'outcomes');
    const points = latinHypercube(ranges, 150, 'per-run').map((x) => ({ x, outcomes: Array.from({ length: runs }, () => (luck() < (inKnownBox(x) ? 0.8 : 0.15) ? 1 : 0)) }));
    const perRun = prim(points.flatMap((p) => p.outcomes.map((y) => ({ x: p.x, y }))));
    const perPoint = prim(points.map((p) => ({ x: p.x, y: p.outcomes.reduce((s: number, y) => s + y, 0) / runs, weight: runs })));
    const strip = (r: typeof perRun) => r.trajectory.map((s) => [s.box, s.support.toFixed(12), s.density.toFixed(12), s.coverage.toFixed(12), s.weight]);
    expect(strip(perPoint)).toEqual(strip(perRun));
    expect(perPoint.chosenStep).toBe(perRun.chosenStep);
  });

  it('says so when the box is the whole space', () => {
    const flat = prim(latinHypercube(ranges, 50, 'flat').map((x) => ({ x, y: 1 })));
    expect(flat.trajectory).toHaveLength(1);
    expect(boxStatement(flat.chosen, { verb: 'collapse', plural: 'collapses' })).toBe('over the whole range: 100% of runs collapse');
  });

  it('rejects unusable cases', () => {
    expect(() => prim([])).toThrow(/at least one case/);
    expect(() => prim([{ x: { a: 1 }, y: 2 }])).toThrow(/case 0: the outcome share 2/);
    expect(() => prim([{ x: { a: 1 }, y: 1 }], { parameters: ['b'] })).toThrow(/no number for b/);
    expect(() => prim(cases, { alpha: 0 })).toThrow(/alpha must be between 0 and 1/);
  });
});
