import { describe, expect, it } from 'vitest';
import { Aggregate } from '../../src/batch/aggregate.ts';
import { metricReader } from '../../src/batch/metrics.ts';
import { talksSummary, talksTallyProblem } from '../../src/batch/talks-tally.ts';
import { compile, runOnce, type Outcome } from '../../src/engine/index.ts';
import { loadBundled } from '../engine/helpers.ts';

const outcomes = (file: string, n: number): Outcome[] => {
  const model = compile(loadBundled(file));
  return Array.from({ length: n }, (_, i) => runOnce(model, { seed: `tally:${i}`, trace: false }).outcome);
};

describe('batch tallies of talks', () => {
  const runs = outcomes('prisoner-exchange-talks.yaml', 80);
  const readers = [metricReader('days')];

  it('counts deals, days to agree, agreed terms and holds after a deal, and merges exactly in any order', () => {
    const whole = new Aggregate(['days']);
    for (const o of runs) whole.add(o, readers);
    const a = new Aggregate(['days']);
    const b = new Aggregate(['days']);
    runs.forEach((o, i) => (i % 3 === 0 ? a : b).add(o, readers));
    expect(new Aggregate(['days']).merge(b.toData()).merge(a.toData()).toData()).toEqual(whole.toData());

    const data = whole.toData().talks!;
    const deals = runs.filter((o) => o.talks?.deal);
    expect(data.deals).toBe(deals.length);
    expect(data.heldAfterDeal).toBe(deals.filter((o) => o.result !== 'collapsed').length);
    expect(talksTallyProblem(data, runs.length)).toBeUndefined();
    const summary = talksSummary(data, runs.length);
    expect(summary.deal.count).toBe(deals.length);
    expect(summary.terms['names']!.mean).toBeCloseTo(deals.reduce((s, o) => s + o.talks!.terms!['names']!, 0) / deals.length);
    const namesHeld = Object.fromEntries(summary.holdsByTerm['names']!.map(([v, , p]) => [v, p.p]));
    expect(namesHeld[1]).toBeLessThan(namesHeld[0]!);
  });

  it('refuses a talks tally that does not add up', () => {
    const whole = new Aggregate(['days']);
    for (const o of runs) whole.add(o, readers);
    const data = whole.toData().talks!;
    expect(talksTallyProblem({ ...data, deals: data.deals + 1 }, runs.length)).toMatch(/add up/);
    expect(talksTallyProblem({ ...data, heldAfterDeal: data.deals + 1 }, runs.length)).toMatch(/deals/);
  });

  it('leaves the tally of a scenario without talks as it was', () => {
    const plain = new Aggregate(['days']);
    for (const o of outcomes('prisoner-exchange-hamas-counter.yaml', 5)) plain.add(o, readers);
    expect('talks' in plain.toData()).toBe(false);
  });
});
