/** The lab's table sorting, histogram bins and bar-chart ticks (pure parts of the views). */
import { describe, expect, it } from 'vitest';
import { histogramBins } from '../../src/ui/logic/lab-charts.ts';
import { sortRows } from '../../src/ui/logic/lab-table.ts';
import { niceTicks } from '../../src/ui/components/LabBars.tsx';

describe('sorting a table', () => {
  const rows = [
    { name: 'b', p: 0.2 },
    { name: 'a10', p: null },
    { name: 'a9', p: 0.5 },
    { name: 'c', p: 0.2 },
  ];
  it('orders numbers by value and text by its words (a9 before a10), keeps ties in table order, and puts empty cells last either way', () => {
    expect(sortRows(rows, (r) => r.p, 'ascending').map((r) => r.name)).toEqual(['b', 'c', 'a9', 'a10']);
    expect(sortRows(rows, (r) => r.p, 'descending').map((r) => r.name)).toEqual(['a9', 'b', 'c', 'a10']);
    expect(sortRows(rows, (r) => r.name, 'ascending').map((r) => r.name)).toEqual(['a9', 'a10', 'b', 'c']);
  });
});

describe('histogram bins', () => {
  it('gives one bin per whole number from the lowest to the highest value, empty ones included', () => {
    expect(histogramBins([[0, 5], [2, 1], [3, 4]])).toEqual([
      { lo: 0, hi: 0, count: 5 },
      { lo: 1, hi: 1, count: 0 },
      { lo: 2, hi: 2, count: 1 },
      { lo: 3, hi: 3, count: 4 },
    ]);
  });
  it('falls back to equal-width bins for fractions or wide ranges, every run in exactly one bin and the highest value in the last', () => {
    const bins = histogramBins([[0, 1], [0.5, 2], [1, 3]], 4);
    expect(bins.map((b) => b.count)).toEqual([1, 0, 2, 3]);
    const wide = histogramBins(Array.from({ length: 100 }, (_, i) => [i * 7, 1] as [number, number]), 10);
    expect(wide).toHaveLength(10);
    expect(wide.reduce((s, b) => s + b.count, 0)).toBe(100);
    expect(wide[9]!.hi).toBe(693);
  });
});

describe('bar-chart ticks', () => {
  it('are round steps that cover the data, with 0 among them when the data straddles it', () => {
    expect(niceTicks(-0.35, 1.8)).toEqual([-1, 0, 1, 2]);
    expect(niceTicks(0, 0.74)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });
});
