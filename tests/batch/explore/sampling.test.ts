import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../../../src/batch/explore/latin-hypercube.ts';
import { parseRange, valueAt, checkRanges } from '../../../src/batch/explore/parameters.ts';
import { sobolPoints, MAX_SOBOL_DIMENSIONS } from '../../../src/batch/explore/sobol-sequence.ts';
import { ExperimentError } from '../../../src/batch/errors.ts';

const ranges = [
  { name: 'clash-rate', lo: 0.01, hi: 0.05 },
  { name: 'reciprocity', lo: 0, hi: 1 },
  { name: 'rounds', lo: 1, hi: 4, integer: true },
];

describe('parameter ranges', () => {
  it('parses name=lo:hi and name=lo:hi:int', () => {
    expect(parseRange('clash-rate=0.01:0.05', '--vary')).toEqual({ name: 'clash-rate', lo: 0.01, hi: 0.05 });
    expect(parseRange('rounds=1:5:int', '--vary')).toEqual({ name: 'rounds', lo: 1, hi: 5, integer: true });
  });
  it('rejects bad ranges with the place and a hint', () => {
    expect(() => parseRange('clash-rate=0.05:0.01', '--vary')).toThrow(/--vary: clash-rate: the range 0.05:0.01 is empty/);
    expect(() => parseRange('clash-rate', '--vary')).toThrow(/not name=lo:hi/);
    expect(() => parseRange('x=a:1', 'f.yaml:3:5')).toThrow(/f\.yaml:3:5: the range of x/);
    expect(() => parseRange('n=0.5:3:int', '--vary')).toThrow(/whole-number ends/);
    expect(() => checkRanges([ranges[0]!, ranges[0]!])).toThrow(ExperimentError);
    expect(() => checkRanges([])).toThrow(/no parameters/);
  });
  it('maps the unit interval onto equal shares of whole numbers', () => {
    const r = { name: 'n', lo: 1, hi: 4, integer: true };
    expect([0, 0.24, 0.25, 0.5, 0.75, 0.9999, 1].map((u) => valueAt(r, u))).toEqual([1, 1, 2, 3, 4, 4, 4]);
  });
});

describe('Latin hypercube', () => {
  it('puts exactly one point in each of the n strata of every parameter', () => {
    const n = 50;
    const points = latinHypercube(ranges, n, 'lhs-test');
    expect(points).toHaveLength(n);
    for (const r of ranges.slice(0, 2)) {
      const strata = points.map((p) => Math.floor(((p[r.name]! - r.lo) / (r.hi - r.lo)) * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
    const counts = [1, 2, 3, 4].map((v) => points.filter((p) => p.rounds === v).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
  });
  it('is a function of the seed', () => {
    expect(latinHypercube(ranges, 20, 's')).toEqual(latinHypercube(ranges, 20, 's'));
    expect(latinHypercube(ranges, 20, 's')).not.toEqual(latinHypercube(ranges, 20, 't'));
  });
  it('rejects a point count that is not a whole number ≥ 1', () => {
    expect(() => latinHypercube(ranges, 0, 's')).toThrow(/whole number of points/);
  });
});

describe("Sobol' sequence", () => {
  it('matches the published first points (Joe–Kuo directions)', () => {
    expect(sobolPoints(3, 8)).toEqual([
      [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
    ]);
  });
  it('fills every dyadic interval of every one of its dimensions exactly once per 2^m points', () => {
    const m = 8;
    const points = sobolPoints(MAX_SOBOL_DIMENSIONS, 2 ** m);
    for (let d = 0; d < MAX_SOBOL_DIMENSIONS; d++) {
      const cells = points.map((p) => Math.floor(p[d]! * 2 ** m)).sort((a, b) => a - b);
      expect(cells).toEqual(Array.from({ length: 2 ** m }, (_, i) => i));
    }
  });
  it('is a (0, 2)-net in its first two dimensions: each 2^a × 2^(m−a) box holds one of 2^m points', () => {
    const m = 6;
    const points = sobolPoints(2, 2 ** m);
    for (let a = 0; a <= m; a++) {
      const boxes = new Set(points.map((p) => `${Math.floor(p[0]! * 2 ** a)},${Math.floor(p[1]! * 2 ** (m - a))}`));
      expect(boxes.size).toBe(2 ** m);
    }
  });
  it('a digital shift keeps the stratification and depends on the seed only', () => {
    const shifted = sobolPoints(4, 64, 'shift');
    expect(shifted).toEqual(sobolPoints(4, 64, 'shift'));
    expect(shifted[0]).not.toEqual([0, 0, 0, 0]);
    for (let d = 0; d < 4; d++) expect(new Set(shifted.map((p) => Math.floor(p[d]! * 64))).size).toBe(64);
  });
  it('refuses more dimensions than it has direction numbers for', () => {
    expect(() => sobolPoints(MAX_SOBOL_DIMENSIONS + 1, 4)).toThrow(/1 to 41 dimensions/);
  });
});
