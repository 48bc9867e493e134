import { describe, expect, it } from 'vitest';
import { announcement, type Moment } from '../../src/ui/logic/announce.ts';
import { activeBranch, choose, fork, openRun, selectBranch, setPlaying, step, undo, type RunContext } from '../../src/ui/logic/run-ops.ts';
import { flagship } from './helpers.ts';

const scenario = flagship();
const moment = (run: RunContext): Moment => ({ branch: run.active, view: activeBranch(run).view });

describe('what the live region says after the run moves', () => {
  it('a step: the lines it added, then the decision waiting', () => {
    const start = openRun(scenario, { seed: '3' });
    const next = step(start, 'decision');
    const said = announcement(moment(start), moment(next));
    const added = activeBranch(next).view.trace.slice(activeBranch(start).view.trace.length);
    expect(added.length).toBeGreaterThan(0);
    expect(said.startsWith(`Day ${added[0]!.day}: ${added[0]!.text}`)).toBe(true);
    expect(said.endsWith(`Now: ${activeBranch(next).view.decision!.text}`)).toBe(true);
  });

  it('a long step reads four lines and counts the rest', () => {
    const start = openRun(scenario, { seed: '3' });
    const later = step(start, 'day');
    const added = activeBranch(later).view.trace.length - activeBranch(start).view.trace.length;
    expect(added).toBeGreaterThan(4);
    expect(announcement(moment(start), moment(later))).toContain(`And ${added - 4} more lines under What happened.`);
  });

  it('a choice, undo, a branch switch, and nothing at all', () => {
    let run = openRun(scenario, { seed: '3', at: 13, play: 'hamas' });
    const asked = run;
    run = choose(setPlaying(run, 'hamas'), 'refuse');
    expect(announcement(moment(asked), moment(run))).toMatch(/^Day 10: Hamas refused/);
    const back = undo(run);
    expect(announcement(moment(run), moment(back))).toBe(`Back to day 10. Now: ${activeBranch(back).view.decision!.text}`);
    const forked = fork(back);
    const switched = selectBranch(forked, 'A');
    expect(announcement(moment(forked), moment(switched))).toMatch(/^Branch A, day 10\. Now: /);
    expect(announcement(moment(switched), moment(switched))).toBe('');
    expect(announcement(undefined, moment(switched))).toBe('');
  });
});
