import { describe, expect, it } from 'vitest';
import { chunkAt, chunkCount, ExperimentError, parseRuns, parseShard, parseSweepValues, runsIn, shardChunks, variationValues } from '../../src/batch/index.ts';

const where = '--sweep x';

describe('sweep values', () => {
  it('reads lists in the order given', () => {
    expect(parseSweepValues('0, 0.02,0.05', where)).toEqual([0, 0.02, 0.05]);
    expect(parseSweepValues('7', where)).toEqual([7]);
  });
  it('reads ranges lo:hi:step with both ends and no float drift', () => {
    expect(parseSweepValues('0.1:0.3:0.1', where)).toEqual([0.1, 0.2, 0.3]);
    expect(parseSweepValues('0.6:1:0.1', where)).toEqual([0.6, 0.7, 0.8, 0.9, 1]);
    expect(parseSweepValues('0:10000:2500', where)).toEqual([0, 2500, 5000, 7500, 10000]);
    expect(parseSweepValues('0:1:0.3', where)).toEqual([0, 0.3, 0.6, 0.9]);
    expect(parseSweepValues('0.5:0.5:0.1', where)).toEqual([0.5]);
  });
  const bad: [string, RegExp][] = [
    ['1:0:0.1', /range is empty \(1 is above 0\)/],
    ['0:1:0', /step is 0/],
    ['0:1:-0.1', /step -0.1 is negative/],
    ['0:1', /a range is lo:hi:step/],
    ['a,b', /value 1 `a` is not a number/],
    ['0.1,,0.2', /value 2 `` is not a number/],
    ['0.1,0.1', /listed twice/],
    ['', /no values/],
    ['0:1:0.0001', /at most 1000/],
  ];
  for (const [text, message] of bad) {
    it(`rejects \`${text}\``, () => {
      expect(() => parseSweepValues(text, where)).toThrow(ExperimentError);
      expect(() => parseSweepValues(text, where)).toThrow(message);
    });
  }
});

describe('grid, runs, chunks, shards', () => {
  const sweeps = [
    { name: 'a', values: [1, 2] },
    { name: 'b', values: [10, 20, 30] },
  ];
  it('orders variations with the last sweep fastest', () => {
    expect([0, 1, 2, 3, 5].map((v) => variationValues(sweeps, v))).toEqual([
      { a: 1, b: 10 },
      { a: 1, b: 20 },
      { a: 1, b: 30 },
      { a: 2, b: 10 },
      { a: 2, b: 30 },
    ]);
    expect(variationValues([], 0)).toEqual({});
  });
  it('reads run counts and rejects runs ≤ 0', () => {
    expect(parseRuns('10_000')).toBe(10000);
    expect(parseRuns('1e3')).toBe(1000);
    for (const text of ['0', '-5', '1.5', 'many', '']) expect(() => parseRuns(text)).toThrow(/runs must be a whole number of at least 1/);
  });
  it('splits runs into chunks, block by block, covering each run once', () => {
    const plan = { variationCount: 3, runs: 250, chunkSize: 100 };
    expect(chunkCount(plan)).toBe(9);
    expect(chunkAt(plan, 0)).toEqual({ index: 0, variation: 0, start: 0, end: 100 });
    expect(chunkAt(plan, 4)).toEqual({ index: 4, variation: 1, start: 100, end: 200 });
    expect(chunkAt(plan, 8)).toEqual({ index: 8, variation: 2, start: 200, end: 250 });
    expect(runsIn(plan, 0, 9)).toBe(750);
    expect(runsIn(plan, 5, 8)).toBe(100 + 50 + 50);
    const covered = new Set<string>();
    for (let k = 0; k < 9; k++) {
      const c = chunkAt(plan, k);
      for (let i = c.start; i < c.end; i++) covered.add(`${c.variation}:${i}`);
    }
    expect(covered.size).toBe(750);
  });
  it('gives shards disjoint contiguous chunk ranges that cover everything', () => {
    const plan = { variationCount: 4, runs: 1000, chunkSize: 300 };
    const ranges = [1, 2, 3].map((i) => shardChunks(plan, { index: i, count: 3 }));
    expect(ranges).toEqual([[0, 5], [5, 10], [10, 16]]);
    expect(shardChunks(plan, undefined)).toEqual([0, 16]);
  });
  it('parses --shard I/N and rejects bad ones', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('0/3')).toThrow(/shard 0 does not exist among 3/);
    expect(() => parseShard('4/3')).toThrow(/shard 4 does not exist/);
    expect(() => parseShard('1-3')).toThrow(/must look like I\/N/);
    expect(() => parseShard('1/0')).toThrow(/at least 1 shard/);
  });
});
