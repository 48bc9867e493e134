/** The debrief's logic: choices with the model's odds, where a run falls among model runs, the worker's messages. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/index.ts';
import { replayChoices, oddsSentence, modelFavourite } from '../../src/ui/logic/debrief-choices.ts';
import { Aggregate, ChunkRunner, mergePacket } from '../../src/batch/index.ts';
import { debriefDistribution, foldModelRuns, rankImpacts } from '../../src/ui/logic/debrief-compute.ts';
import { positionIn, positionSentence, spreadOf } from '../../src/ui/logic/debrief-position.ts';
import { runDebrief, type FromDebriefWorker } from '../../src/ui/logic/debrief-serve.ts';
import { barScale } from '../../src/ui/components/DebriefImpacts.tsx';
import { loadBundled, loadFixture } from '../engine/helpers.ts';
import { flagship } from './helpers.ts';

describe('where a value falls in a histogram', () => {
  const histogram: [number, number][] = [[10, 20], [20, 50], [30, 30]];

  it('counts the runs below, equal and above, and gives the mid-rank percentile', () => {
    expect(positionIn(histogram, 20)).toEqual({ value: 20, runs: 100, below: 20, equal: 50, above: 30, rank: 45 });
    expect(positionIn(histogram, 5)).toMatchObject({ below: 0, equal: 0, above: 100, rank: 0 });
    expect(positionIn(histogram, 99)).toMatchObject({ below: 100, equal: 0, above: 0, rank: 100 });
    expect(positionIn(histogram, 25)!.rank).toBe(70);
    expect(positionIn([], 3)).toBeUndefined();
  });

  it('says it in words', () => {
    expect(positionSentence(positionIn(histogram, 20)!)).toBe('lower than 30% of model runs, higher than 20%, the same as 50%');
    expect(positionSentence(positionIn(histogram, 99)!)).toBe('higher than 100%');
  });

  it('gives nearest-rank quantiles, as parley batch does', () => {
    expect(spreadOf(histogram)).toEqual({ min: 10, p5: 10, p25: 20, p50: 20, p75: 30, p95: 30, max: 30 });
    expect(spreadOf([[7, 1]])).toEqual({ min: 7, p5: 7, p25: 7, p50: 7, p75: 7, p95: 7, max: 7 });
  });
});

describe("the student's choices with the model's odds", () => {
  const model = compile(loadFixture('debrief-red-line.yaml'), {});

  it('keeps each choice with its decision, the odds there and the state before it', () => {
    const run = replayChoices(model, 'known', { 1: 'violate' });
    expect(run.outcome?.result).toBe('collapsed');
    expect(run.choices).toHaveLength(1);
    const [choice] = run.choices;
    expect(choice).toMatchObject({ n: 1, day: 2, party: 'alpha', obligation: 'release-two', response: 'violate' });
    expect(choice!.probabilities.violate).toBeCloseTo(0.3, 12);
    expect(choice!.state.decisions).toBe(1);
    expect(oddsSentence(choice!)).toBe('You violated where the model violates 30% of the time.');
    expect(modelFavourite(choice!)).toBe('Comply (70%)');
  });

  it('says accepted or declined for an extension offer', () => {
    expect(oddsSentence({ kind: 'extension', response: 'refuse', probabilities: { comply: 0.96, delay: 0, partial: 0, violate: 0, refuse: 0.04 } })).toBe('You declined where the model declines 4% of the time.');
  });

  it("says what a played mediator did with its lever, in the lever's own words", () => {
    const always = { comply: 1, delay: 0, partial: 0, violate: 0, refuse: 0 };
    expect(oddsSentence({ kind: 'press', response: 'refuse', probabilities: always })).toBe('You held back where the model holds back 0% of the time.');
    expect(oddsSentence({ kind: 'guarantee', response: 'refuse', probabilities: always })).toBe('You withdrew the guarantee where the model withdraws it 0% of the time.');
    expect(oddsSentence({ kind: 'broker', response: 'comply', probabilities: { ...always, comply: 0.5, refuse: 0.5 } })).toBe('You brokered the extension where the model brokers it 50% of the time.');
    expect(oddsSentence({ kind: 'reoffer', response: 'refuse', probabilities: { ...always, comply: 0, refuse: 1 } })).toBe('You stayed out where the model stays out 100% of the time.');
  });

  it('drops a choice that is not an answer there', () => {
    expect(replayChoices(model, 'known', { 7: 'violate' }).choices).toEqual([]);
  });
});

describe('the run among model runs from the same start', () => {
  it('places the run, with the outcome shares and each metric that varies', () => {
    const { choices, distribution } = debriefDistribution({ scenario: loadFixture('debrief-red-line.yaml'), params: {}, seed: 'known', choices: { 1: 'violate' }, runs: 400, impactRuns: 0 });
    expect(choices).toHaveLength(1);
    expect(distribution.runs).toBe(400);
    expect(distribution.result).toBe('collapsed');
    const collapsed = distribution.outcomes.find((o) => o.result === 'collapsed')!;
    expect(collapsed.share.lo).toBeLessThan(0.3);
    expect(collapsed.share.hi).toBeGreaterThan(0.3);
    const days = distribution.metrics.find((m) => m.name === 'days')!;
    // The run collapsed on day 2; about 30% of model runs did too, the rest held 10 days.
    expect(days.label).toBe('Days the truce held');
    expect(days.position.value).toBe(2);
    expect(days.position.below).toBe(0);
    expect(days.position.equal + days.position.above).toBe(400);
    expect(days.spread.max).toBe(10);
    expect(distribution.metrics.map((m) => m.name)).not.toContain('aidTrucks');
  });

  it('tallies the runs `parley batch --runs N --seed S` makes (a scenario without talks)', () => {
    const scenario = flagship();
    const model = compile(scenario, {});
    const mine = new Aggregate(['days', 'violations.hamas']);
    foldModelRuns(model, { seed: 's' }, 0, 80, mine);
    const job = { scenario, scenarioFile: 'doha-60-day-draft.yaml', seed: 's', runs: 80, chunkSize: 80, set: {}, sweeps: [], variationCount: 1, metrics: ['days', 'violations.hamas'], csv: false };
    const theirs = new Aggregate(job.metrics);
    mergePacket(theirs, new ChunkRunner(job).run(0).tally);
    expect(mine.toData()).toEqual(theirs.toData());
  });

  it('follows the record as the run does: a run as it happened is the middle of runs as it happened', () => {
    const { distribution } = debriefDistribution({ scenario: loadBundled('january-2025-phase-one.yaml'), params: {}, seed: '1', follow: 'end', choices: {}, runs: 30, impactRuns: 0 });
    expect(distribution.result).toBe('collapsed');
    expect(distribution.outcomes.find((o) => o.result === 'collapsed')!.share.count).toBe(30);
    for (const m of distribution.metrics) expect(m.position).toMatchObject({ equal: 30, rank: 50 });
  });

  it('on the 60-day draft, labels metrics in words', () => {
    const { distribution } = debriefDistribution({ scenario: flagship(), params: {}, seed: '1', choices: {}, runs: 60, impactRuns: 0 });
    const labels = distribution.metrics.map((m) => m.label);
    expect(labels).toContain('Captives released alive');
    expect(labels).toContain('Violations by Hamas');
  });
});

describe('the debrief worker', () => {
  it('posts progress, the distribution, then each impact, then done', () => {
    const messages: FromDebriefWorker[] = [];
    runDebrief({ scenario: loadFixture('debrief-red-line.yaml'), params: {}, seed: 'known', choices: { 1: 'violate' }, runs: 100, impactRuns: 100 }, (m) => messages.push(m));
    const types = messages.map((m) => m.type);
    expect(types.indexOf('distribution')).toBeGreaterThan(types.indexOf('progress'));
    expect(types.indexOf('impact')).toBeGreaterThan(types.indexOf('distribution'));
    expect(types.at(-1)).toBe('done');
    const last = messages.filter((m) => m.type === 'progress').at(-1);
    expect(last).toEqual({ type: 'progress', done: 200, total: 200 });
    const impact = messages.find((m) => m.type === 'impact');
    expect(impact?.type === 'impact' && impact.impact.impact.difference).toBeGreaterThan(0.5);
    // Violating always collapses; the model's answer mostly leads on to the next phase.
    const outcomes = impact?.type === 'impact' ? impact.impact.outcomes : [];
    expect(outcomes.find((o) => o.result === 'collapsed')?.chosen).toBe(1);
    expect(outcomes.find((o) => o.result === 'advanced')?.modelled).toBeGreaterThan(0.5);
    expect(impact?.type === 'impact' && impact.impact.shift).toBeCloseTo(outcomes.find((o) => o.result === 'advanced')!.modelled, 12);
  });

  it('draws every impact bar on one scale wide enough for every interval', () => {
    const at = (lo: number, hi: number) => ({ n: 0, impact: { runs: 1, first: 0, second: 0, difference: (lo + hi) / 2, lo, hi }, outcomes: [], shift: 0 });
    expect(barScale([at(-0.02, 0.02)])).toBe(0.1);
    expect(barScale([at(-0.02, 0.02), at(0.05, 0.15)])).toBe(0.2);
    expect(barScale([at(-0.6, -0.3)])).toBe(1);
    expect(barScale([])).toBe(0.1);
  });

  it('ranks choices by the size of the change, either way', () => {
    const at = (n: number, difference: number, shift = 0) => ({ n, impact: { runs: 1, first: 0, second: 0, difference, lo: 0, hi: 0 }, outcomes: [], shift });
    expect(rankImpacts([at(1, 0.1), at(2, -0.4), at(3, 0.2)]).map((i) => i.n)).toEqual([2, 3, 1]);
    // No change in P(collapse): the choice that changed the ending more comes first.
    expect(rankImpacts([at(1, 0, 0.1), at(2, 0, 0.7), at(3, 0)]).map((i) => i.n)).toEqual([2, 1, 3]);
  });
});
