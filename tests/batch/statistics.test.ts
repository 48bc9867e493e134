import { describe as group, expect, it } from 'vitest';
import { Aggregate, describe, percentile, survival, wilson, Z95, type AggregateData } from '../../src/batch/index.ts';
import type { Outcome } from '../../src/engine/index.ts';

group('Wilson 95% interval', () => {
  // Expected values computed independently with 40-digit decimals from
  // centre = (p + z²/2n)/(1 + z²/n), half = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²), z = 1.959963984540054.
  const cases: [number, number, number, number][] = [
    [0, 10, 0, 0.2775327998628892],
    [5, 10, 0.236593090512564, 0.763406909487436],
    [10, 10, 0.7224672001371109, 1],
    [81, 263, 0.2552885198782742, 0.3662095769828001],
    [1, 1, 0.2065493143772374, 1],
  ];
  for (const [k, n, lo, hi] of cases) {
    it(`${k} of ${n} → [${lo.toFixed(4)}, ${hi.toFixed(4)}]`, () => {
      const w = wilson(k, n);
      expect(w.p).toBe(k / n);
      expect(w.lo).toBeCloseTo(lo, 12);
      expect(w.hi).toBeCloseTo(hi, 12);
    });
  }
  it('is exactly 0 at k = 0 and exactly 1 at k = n', () => {
    expect(wilson(0, 10).lo).toBe(0);
    expect(wilson(10, 10).hi).toBe(1);
  });
  it('has no estimate for n = 0', () => {
    expect(wilson(0, 0)).toEqual({ count: 0, p: null, lo: 0, hi: 1 });
  });
  it('uses z = 1.959963984540054', () => expect(Z95).toBe(1.959963984540054));
});

group('histogram statistics', () => {
  const oneToTen: [number, number][] = Array.from({ length: 10 }, (_, i) => [i + 1, 1]);
  it('percentiles by nearest rank', () => {
    expect(percentile(oneToTen, 10, 5)).toBe(1);
    expect(percentile(oneToTen, 10, 50)).toBe(5);
    expect(percentile(oneToTen, 10, 95)).toBe(10);
    expect(percentile([[0, 95], [7, 5]], 100, 95)).toBe(0);
    expect(percentile([[0, 94], [7, 6]], 100, 95)).toBe(7);
    expect(percentile([], 0, 50)).toBeNull();
  });
  it('mean and sample sd from counts equal those of the raw values', () => {
    const raw = [3, 3, 3, 7, 10, 10, 0, 28, 28, 28, 28];
    const h = new Map<number, number>();
    for (const x of raw) h.set(x, (h.get(x) ?? 0) + 1);
    const stats = describe([...h.entries()].sort((a, b) => a[0] - b[0]));
    const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
    const sd = Math.sqrt(raw.reduce((a, b) => a + (b - mean) ** 2, 0) / (raw.length - 1));
    expect(stats.mean).toBeCloseTo(mean, 12);
    expect(stats.sd).toBeCloseTo(sd, 12);
    expect([stats.min, stats.max]).toEqual([0, 28]);
  });
  it('sd is 0 for one run, everything null for none', () => {
    expect(describe([[4, 1]]).sd).toBe(0);
    expect(describe([]).mean).toBeNull();
  });
});

function outcome(result: Outcome['result'], day: number, alive: number, cause?: string): Outcome {
  return {
    result,
    phase: 'truce',
    day,
    cause,
    metrics: {
      days: day,
      released: { captives: { alive, deceased: 1 } },
      aidTrucks: 600 * day,
      disclosures: 0,
      withdrawals: 0,
      partialWithdrawals: 0,
      displacedReturned: 0,
      talksStarted: 0,
      operationsHalts: 0,
      extensions: 0,
      extensionDays: 0,
      violations: { a: 1 },
      delays: { a: 0 },
    },
  };
}

group('tallies', () => {
  const names = ['days', 'released.captives.alive', 'released.captives.total', 'aidTrucks'];
  const readers = [
    (m: Outcome['metrics']) => m.days,
    (m: Outcome['metrics']) => m.released['captives']!['alive']!,
    (m: Outcome['metrics']) => m.released['captives']!['alive']! + m.released['captives']!['deceased']!,
    (m: Outcome['metrics']) => m['aidTrucks'] as number,
  ];
  const runs = Array.from({ length: 200 }, (_, i) =>
    i % 7 === 0 ? outcome('collapsed', 1 + (i % 40), i % 5, i % 2 ? 'clash' : 'red line') : outcome(i % 3 ? 'stalled' : 'advanced', 60, i % 11),
  );

  it('merge in any order and any split gives the same data', () => {
    const whole = new Aggregate(names);
    for (const r of runs) whole.add(r, readers);
    const parts = [0, 13, 50, 51, 120, 200];
    const pieces: AggregateData[] = [];
    for (let p = 0; p + 1 < parts.length; p++) {
      const a = new Aggregate(names);
      for (const r of runs.slice(parts[p], parts[p + 1])) a.add(r, readers);
      pieces.push(a.toData());
    }
    const forward = new Aggregate(names);
    for (const piece of pieces) forward.merge(piece);
    const backward = new Aggregate(names);
    for (const piece of [...pieces].reverse()) backward.merge(piece);
    expect(JSON.stringify(forward.toData())).toBe(JSON.stringify(whole.toData()));
    expect(JSON.stringify(backward.toData())).toBe(JSON.stringify(whole.toData()));
  });

  it('survival is the share not collapsed by the end of each day', () => {
    const a = new Aggregate(names);
    a.add(outcome('collapsed', 2, 0, 'x'), readers);
    a.add(outcome('collapsed', 4, 0, 'x'), readers);
    a.add(outcome('stalled', 5, 0), readers);
    a.add(outcome('completed', 5, 0), readers);
    const s = survival(a.toData(), 5);
    expect(s.days).toEqual([1, 2, 3, 4, 5]);
    expect(s.holding).toEqual([1, 0.75, 0.75, 0.5, 0.5]);
    expect(s.lo[1]).toBeCloseTo(wilson(3, 4).lo, 15);
  });
});

group('progress line', () => {
  it('shows share, counts, rate and ETA', async () => {
    const { formatProgress } = await import('../../src/batch/index.ts');
    expect(formatProgress(4500, 10000, 7120, 10)).toBe('[█████░░░░░]  45%  4,500/10,000 runs · 7,120 runs/s · ETA 0:01');
    expect(formatProgress(0, 10000, undefined, 4)).toBe('[░░░░]   0%  0/10,000 runs · — runs/s · ETA —');
    expect(formatProgress(0, 7_200_000, 1000, 4)).toMatch(/ETA 2:00:00$/);
  });
});
