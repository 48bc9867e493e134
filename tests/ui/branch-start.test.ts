import { describe, expect, it } from 'vitest';
import { activeBranch, branchFromDay, branchStart, branchStartText, openRun, step, type RunContext } from '../../src/ui/logic/run-ops.ts';
import { flagship } from './helpers.ts';

const scenario = flagship();

/** Seed 3 on day 11: days 4–6 have nothing to decide. */
function toDay11(): RunContext {
  let run = openRun(scenario, { seed: '3' });
  while (activeBranch(run).view.day < 11) run = step(run, 'day');
  return run;
}

describe('"Branch from day N" says the day it really starts from', () => {
  it('a day with decisions: the branch starts at its first decision', () => {
    const run = toDay11();
    expect(branchStart(run, 7)).toEqual({ day: 7, over: false });
    expect(branchStartText(7, { day: 7, over: false })).toBe("day 7's first decision");
    expect(activeBranch(branchFromDay(run, 7)).view.day).toBe(7);
  });

  it('a quiet day: the label and the notice name the later day the branch lands on', () => {
    const run = toDay11();
    const start = branchStart(run, 4);
    expect(start).toEqual({ day: 7, over: false });
    expect(branchStartText(4, start!)).toBe("day 7's first decision (days 4–6 had nothing to decide)");
    const branched = branchFromDay(run, 4);
    // What the label promised is where the branch is.
    expect(activeBranch(branched).view.day).toBe(start!.day);
    expect(activeBranch(branched).origin).toBe('A at day 7');
    expect(branched.notice?.text).toBe("Branch B goes back to day 7's first decision (days 4–6 had nothing to decide) in branch A, with the same choices before it.");
  });

  it('after the last decision of a finished run: the branch starts at the end, and says so', () => {
    const ended = step(openRun(scenario, { seed: '3' }), 'end');
    expect(activeBranch(ended).view.day).toBe(67);
    // Seed 3's last decision is on day 60; nothing is decided from day 61 to the end on day 67.
    expect(branchStart(ended, 60)).toEqual({ day: 60, over: false });
    const start = branchStart(ended, 64)!;
    expect(start).toEqual({ day: 67, over: true });
    expect(branchStartText(64, start)).toBe('the end of the run (day 67): nothing was left to decide from day 64 on');
    expect(activeBranch(branchFromDay(ended, 64)).view.day).toBe(67);
  });

  it('offers no branch outside day 1 to today', () => {
    const run = toDay11();
    expect(branchStart(run, 0)).toBeUndefined();
    expect(branchStart(run, 12)).toBeUndefined();
    expect(branchFromDay(run, 12).notice).toMatchObject({ kind: 'error', text: 'Pick a day from 1 to 11 to branch from.' });
  });
});
