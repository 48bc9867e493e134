/**
 * The bundled records, followed: each ends as the real truce did, with its real totals, on its
 * real date; and January 2025 can be branched at day 16 into model futures.
 */
import { describe, expect, it } from 'vitest';
import { compile, runOnce } from '../../src/engine/index.ts';
import { loadBundled } from '../engine/helpers.ts';

const follow = (file: string, seed = '1') => runOnce(compile(loadBundled(file)), { seed, recordUntil: 'end' });

describe('November 2023 as it happened', () => {
  const { outcome, trace } = follow('november-2023-truce.yaml');

  it('was extended three times by a day (two days agreed on 27 November, one more on 29–30) and collapsed on day 8, 1 December 2023', () => {
    expect(outcome).toMatchObject({ result: 'collapsed', day: 8 });
    expect(outcome.cause).toMatch(/no list of further captives/);
    expect(outcome.metrics.extensionDays).toBe(3);
    expect(trace[trace.length - 1]).toMatchObject({ type: 'truce.collapsed', date: '2023-12-01', recorded: true });
  });

  it('released 80 captives for 240 prisoners', () => {
    expect(outcome.metrics.released.captives).toEqual({ 'women-children': 80, other: 0 });
    expect(outcome.metrics.released.prisoners).toEqual({ 'women-minors': 240 });
  });

  it('is the same whatever the seed', () => {
    expect(follow('november-2023-truce.yaml', 'other').outcome).toEqual(outcome);
  });
});

describe('January 2025 as it happened', () => {
  const { outcome, trace } = follow('january-2025-phase-one.yaml');
  const doneOn = (obligation: string) => trace.filter((e) => e.type === 'party.responded' && e.obligation === obligation && e.response === 'comply').map((e) => e.date);

  it('returned 33 captives (25 alive, 8 deceased) for 1,904 prisoners, with 600 aid trucks a day for 42 days', () => {
    expect(outcome.metrics.released.captives).toEqual({ alive: 25, deceased: 8 });
    expect(outcome.metrics.released.prisoners).toEqual({ all: 1904 });
    expect(outcome.metrics.aidTrucks).toBe(42 * 600);
    expect(outcome.metrics.violations).toEqual({ hamas: 0, israel: 0 });
  });

  it('held up the return north two days (27 January) and the day-35 prisoners to 27 February', () => {
    expect(doneOn('return-north')).toEqual(['2025-01-27']);
    expect(doneOn('exchange-8')).toEqual(['2025-02-27']);
    expect(outcome.metrics.delays).toEqual({ hamas: 0, israel: 2 });
  });

  it('never opened phase two and collapsed on 18 March 2025, day 59', () => {
    expect(outcome).toMatchObject({ result: 'collapsed', phase: 'phase-one', day: 59 });
    expect(trace[trace.length - 1]).toMatchObject({ type: 'truce.collapsed', date: '2025-03-18' });
  });

  it('branched at day 16, the model gives futures that differ, and phase two opens in some of them', () => {
    const m = compile(loadBundled('january-2025-phase-one.yaml'));
    const results: Record<string, number> = {};
    for (let i = 0; i < 100; i++) {
      const run = runOnce(m, { seed: `1:${i}`, recordUntil: 16, trace: false });
      results[run.outcome.result] = (results[run.outcome.result] ?? 0) + 1;
      expect(run.outcome.cause ?? '').not.toMatch(/resumed strikes/);
    }
    expect(results.advanced ?? 0).toBeGreaterThan(0);
    expect(Object.keys(results).length).toBeGreaterThan(1);
  });
});

describe('October 2025 as far as recorded', () => {
  const { outcome, trace } = follow('october-2025-ceasefire.yaml');
  const byDay4 = (stock: string) => -trace.filter((e) => e.day <= 4).reduce((sum, e) => sum + Object.entries(e.changes ?? {}).filter(([k]) => k.startsWith(`${stock}.`)).reduce((a, [, v]) => a + v, 0), 0);

  it('released all 20 living captives and the remains of 4 on 13 October (day 4), for 1,950 prisoners and detainees', () => {
    expect(byDay4('captives')).toBe(24);
    expect(byDay4('prisoners')).toBe(1950);
    const living = trace.find((e) => e.obligation === 'release-living' && e.type === 'party.responded')!;
    expect(living).toMatchObject({ response: 'comply', date: '2025-10-13', recorded: true });
  });

  it('has no recorded end: after day 4 the parties\' models answer, so runs differ by seed', () => {
    expect(trace.filter((e) => e.recorded && e.day > 4)).toEqual([]);
    const m = compile(loadBundled('october-2025-ceasefire.yaml'));
    const ends = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(runOnce(m, { seed: String(i), recordUntil: 'end', trace: false }).outcome.metrics)));
    expect(ends.size).toBeGreaterThan(1);
    expect(outcome.result).not.toBe(undefined);
  });

  it('replayed with everyone complying, returns every captive and opens phase two', () => {
    const scenario = loadBundled('october-2025-ceasefire.yaml');
    const run = runOnce(compile(scenario), { seed: '1', comply: Object.keys(scenario.parties) });
    expect(run.outcome).toMatchObject({ result: 'advanced', phase: 'phase-two' });
    expect(run.outcome.metrics.released.captives).toEqual({ alive: 20, deceased: 28 });
    expect(run.outcome.metrics.released['gazan-remains']).toEqual({ all: 420 });
  });

  it('pays the remains of Gazans per deceased captive at the swept ratio, never for the living', () => {
    const scenario = loadBundled('october-2025-ceasefire.yaml');
    const remains = (ratio: number) => runOnce(compile(scenario, { 'gazan-remains-per-captive': ratio }), { seed: '1', comply: Object.keys(scenario.parties) }).outcome.metrics.released['gazan-remains'];
    expect([0, 5, 10].map(remains)).toEqual([{ all: 0 }, { all: 28 * 5 }, { all: 28 * 10 }]);
  });
});
