/**
 * The debrief's "which choice moved P(collapse)": Newcombe's interval for paired proportions, and
 * the paired futures from a choice on a scenario whose answer is known exactly.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { choiceImpact, foldChoicePairs, pairedDifference, wilson } from '../../src/batch/index.ts';
import { compile, Session, type Model, type SimState } from '../../src/engine/index.ts';
import { loadFixture } from '../engine/helpers.ts';

describe("Newcombe's paired interval", () => {
  it('has no difference and a symmetric interval around 0 when every pair agrees', () => {
    const d = pairedDifference({ both: 30, firstOnly: 0, secondOnly: 0, neither: 170 })!;
    expect(d.difference).toBe(0);
    expect(d.lo).toBeLessThan(0);
    expect(d.hi).toBeGreaterThan(0);
    expect(d.hi).toBeCloseTo(-d.lo, 12);
  });

  it('is built from the two Wilson intervals when the pairs are uncorrelated (φ = 0)', () => {
    // 10 of 10 against 0 of 10: φ's denominator is 0, so φ = 0 and lo = 1 − √(l₁² + u₂²).
    const d = pairedDifference({ both: 0, firstOnly: 10, secondOnly: 0, neither: 0 })!;
    const l1 = 1 - wilson(10, 10).lo;
    const u2 = wilson(0, 10).hi;
    expect(d.difference).toBe(1);
    expect(d.hi).toBe(1);
    expect(d.lo).toBeCloseTo(1 - Math.sqrt(l1 * l1 + u2 * u2), 12);
    expect(d.lo).toBeCloseTo(0.6075, 4);
  });

  it('is the negative of itself with the two sides swapped', () => {
    const a = pairedDifference({ both: 12, firstOnly: 7, secondOnly: 3, neither: 78 })!;
    const b = pairedDifference({ both: 12, firstOnly: 3, secondOnly: 7, neither: 78 })!;
    expect(b.difference).toBeCloseTo(-a.difference, 12);
    expect(b.lo).toBeCloseTo(-a.hi, 12);
    expect(b.hi).toBeCloseTo(-a.lo, 12);
  });

  it('has nothing to say about no pairs', () => expect(pairedDifference({ both: 0, firstOnly: 0, secondOnly: 0, neither: 0 })).toBeUndefined());

  it('covers the true difference in about 95% of samples of 200 correlated pairs', () => {
    // Pairs with P(both) = 0.2, P(first only) = 0.15, P(second only) = 0.05: true difference 0.10.
    const random = seedrandom.alea('coverage');
    let covered = 0;
    const samples = 2000;
    for (let s = 0; s < samples; s++) {
      const counts = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
      for (let i = 0; i < 200; i++) {
        const u = random();
        if (u < 0.2) counts.both++;
        else if (u < 0.35) counts.firstOnly++;
        else if (u < 0.4) counts.secondOnly++;
        else counts.neither++;
      }
      const d = pairedDifference(counts)!;
      if (d.lo <= 0.1 && 0.1 <= d.hi) covered++;
    }
    expect(covered / samples).toBeGreaterThan(0.93);
    expect(covered / samples).toBeLessThan(0.975);
  });
});

/** The fixture run at alpha's release (decision 1, day 2), with its state before the answer. */
function atRelease(): { model: Model; state: SimState } {
  const model = compile(loadFixture('debrief-red-line.yaml'), {});
  const session = Session.start(model, 'known');
  session.decide();
  expect(session.decision).toMatchObject({ party: 'alpha', obligation: 'release-two', day: 2 });
  expect(session.decision!.probabilities.violate).toBeCloseTo(0.3, 12);
  return { model, state: structuredClone(session.state) as SimState };
}

describe('the impact of a choice on P(collapse), on a case with a known answer', () => {
  // Violating always collapses (the red line); the model violates 30% of the time: +0.70.
  it('violating where the model violates 30% of the time adds 70 points, inside the 95% interval', () => {
    const { model, state } = atRelease();
    const pairs = foldChoicePairs({ model, state, choice: 'violate', seed: 'impact' }, 0, 400);
    const counts = pairs.collapse;
    expect(pairs.chosen).toEqual({ collapsed: 400 });
    expect(pairs.modelled.collapsed).toBe(counts.both);
    expect(counts.secondOnly).toBe(0);
    expect(counts.neither).toBe(0);
    const d = choiceImpact({ model, state, choice: 'violate', seed: 'impact' }, 400)!;
    expect(d.first).toBe(1);
    expect(d.lo).toBeLessThanOrEqual(0.7);
    expect(d.hi).toBeGreaterThanOrEqual(0.7);
    expect(Math.abs(d.difference - 0.7)).toBeLessThan(0.08);
  });

  it('complying there takes 30 points off', () => {
    const { model, state } = atRelease();
    const d = choiceImpact({ model, state, choice: 'comply', seed: 'impact' }, 400)!;
    expect(d.first).toBe(0);
    expect(d.lo).toBeLessThanOrEqual(-0.3);
    expect(d.hi).toBeGreaterThanOrEqual(-0.3);
  });

  it('pairs share their luck: where the model would answer as the person did, the pair ends the same', () => {
    const model = compile(loadFixture('debrief-red-line.yaml'), {});
    const session = Session.start(model, 'known');
    // Beta always complies: choosing comply for it changes nothing in any pair.
    const pairs = foldChoicePairs({ model, state: structuredClone(session.state) as SimState, choice: 'comply', seed: 'impact' }, 0, 200);
    expect(pairs.chosen).toEqual(pairs.modelled);
    const counts = pairs.collapse;
    expect(counts.firstOnly + counts.secondOnly).toBe(0);
    expect(counts.both).toBeGreaterThan(30);
    expect(counts.neither).toBeGreaterThan(100);
  });

  it('gives the same counts for the same seed, in one go or in slices', () => {
    const { model, state } = atRelease();
    const input = { model, state, choice: 'violate' as const, seed: 'slices' };
    const whole = foldChoicePairs(input, 0, 120);
    const sliced = foldChoicePairs(input, 60, 120, foldChoicePairs(input, 0, 60));
    expect(sliced).toEqual(whole);
  });
});
