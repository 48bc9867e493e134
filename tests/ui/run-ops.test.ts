import { describe, expect, it } from 'vitest';
import { compile, Session } from '../../src/engine/index.ts';
import { activeBranch, branchFromDay, choose, deleteBranch, fork, openRun, playableParties, restart, selectBranch, setParam, setPlaying, setSeed, shareOf, step, undo, yourMove } from '../../src/ui/logic/run-ops.ts';
import { flagship } from './helpers.ts';

const scenario = flagship();

/** Session.replay, advanced to its pending decision (as the UI's views are). */
function replayed(...args: Parameters<typeof Session.replay>) {
  const session = Session.replay(...args);
  void session.decision;
  return session;
}

/** Seed 3 reaches the day-10 disclosure with day 9 quiet. */
function toDay10() {
  let run = openRun(scenario, { seed: '3' });
  while (activeBranch(run).view.day < 10) run = step(run, 'day');
  return run;
}

describe('stepping', () => {
  it('never changes the run it was given: every operation returns a new session', () => {
    const first = openRun(scenario, { seed: '3' });
    const trace = () => JSON.stringify(activeBranch(first).session.trace);
    const state = () => JSON.stringify(activeBranch(first).session.state);
    const [traceBefore, stateBefore] = [trace(), state()];
    const stepped = step(first, 'day');
    const chosen = choose(setPlaying(stepped, 'israel'), 'delay');
    const undone = undo(chosen);
    expect(activeBranch(stepped).session).not.toBe(activeBranch(first).session);
    expect([trace(), state()]).toEqual([traceBefore, stateBefore]);
    expect(activeBranch(first).view.decisions).toBe(0);
    expect(activeBranch(stepped).view.decisions).toBeGreaterThan(0);
    expect(activeBranch(undone).view).toEqual(activeBranch(setPlaying(stepped, 'israel')).view);
    expect(activeBranch(chosen).session.canUndo).toBe(true);
  });

  it('opens at the first decision of day 1', () => {
    const view = activeBranch(openRun(scenario, {})).view;
    expect(view.day).toBe(1);
    expect(view.decision?.text).toBe('Israel must suspend all military operations.');
    expect(view.canUndo).toBe(false);
  });

  it('steps day by day to the day-10 disclosure and notes quiet days', () => {
    const run = toDay10();
    const b = activeBranch(run);
    expect(b.view.decision).toMatchObject({ day: 10, party: 'hamas', obligation: 'captives-disclosure' });
    expect(b.view.trace.some((e) => e.type === 'obligation.due' && e.obligation === 'captives-disclosure' && e.day === 10)).toBe(true);
    expect(b.lastStep).toBe('Day 9 passed with nothing to decide.');
  });

  it('stops at the played party and waits for its answer', () => {
    let run = setPlaying(toDay10(), 'hamas');
    expect(yourMove(run)).toBe(true);
    const before = activeBranch(run).view;
    run = step(run, 'end');
    expect(activeBranch(run).view).toBe(before);
    expect(run.notice?.text).toMatch(/your move as Hamas/);
    run = choose(run, 'violate');
    const after = activeBranch(run).view;
    expect(after.choices).toEqual({ [before.decisions]: 'violate' });
    expect(after.trace.some((e) => e.chosen && e.response === 'violate')).toBe(true);
    run = undo(run);
    expect(activeBranch(run).view.decision).toEqual(before.decision);
    expect(activeBranch(run).view.choices).toEqual({});
  });

  it('restarts from day 1 with the same seed', () => {
    const run = restart(toDay10());
    expect(activeBranch(run).view.day).toBe(1);
    expect(activeBranch(run).view.trace).toEqual(activeBranch(openRun(scenario, { seed: '3' })).view.trace);
  });

  it('runs to the end with the outcome', () => {
    const run = step(openRun(scenario, {}), 'end');
    const view = activeBranch(run).view;
    expect(view.decision).toBeUndefined();
    expect(view.outcome?.result).toBeDefined();
    expect(activeBranch(run).lastStep).toBeUndefined();
  });
});

describe('branches', () => {
  it('fork keeps the original and makes the new branch active', () => {
    const run = fork(setPlaying(toDay10(), 'hamas'));
    expect(run.branches.map((b) => b.name)).toEqual(['A', 'B']);
    expect(run.active).toBe('B');
    const b = choose(run, 'comply');
    const a = choose(selectBranch(b, 'A'), 'violate');
    expect(Object.values(activeBranch(a).view.choices)).toEqual(['violate']);
    expect(Object.values(a.branches.find((x) => x.id === 'B')!.view.choices)).toEqual(['comply']);
  });

  it('branches from a past day with the same past', () => {
    const run = step(toDay10(), 'day');
    const from = branchFromDay(run, 7);
    const b = activeBranch(from);
    expect(b.name).toBe('B');
    expect(b.view.day).toBe(7);
    expect(b.view.canUndo).toBe(true);
    const a = from.branches[0]!;
    expect(a.view.trace.slice(0, b.view.trace.length)).toEqual(b.view.trace);
    expect(branchFromDay(run, 99).notice?.kind).toBe('error');
  });

  it('deletes a branch but never the last one', () => {
    const run = fork(toDay10());
    const one = deleteBranch(run, 'B');
    expect(one.branches.map((b) => b.id)).toEqual(['A']);
    expect(one.active).toBe('A');
    expect(deleteBranch(one, 'A')).toBe(one);
  });
});

describe('assumptions and seed', () => {
  it('re-runs the branch from its start with a new parameter, keeping seed, choices and position', () => {
    let run = choose(setPlaying(toDay10(), 'hamas'), 'delay');
    const before = activeBranch(run).view;
    run = setParam(run, 'reciprocity', 0.4);
    const b = activeBranch(run);
    expect(b.params).toEqual({ reciprocity: 0.4 });
    expect(b.model.params.reciprocity).toBe(0.4);
    expect(b.view.decisions).toBe(before.decisions);
    expect(b.view.choices).toEqual(before.choices);
    expect(run.notice?.text).toMatch(/re-ran from day 1 with reciprocity = 0.4 \(seed 3, your choices kept\)/);
    // The same run can be built directly from the engine.
    expect(b.view.trace).toEqual(replayed(compile(scenario, { reciprocity: 0.4 }), '3', before.choices, before.decisions).trace);
    expect(shareOf(run).params).toEqual({ reciprocity: 0.4 });
    expect(activeBranch(setParam(run, 'reciprocity', undefined)).params).toEqual({});
  });

  it('rejects a value outside the range with a message', () => {
    const run = setParam(openRun(scenario, {}), 'reciprocity', 7);
    expect(run.notice).toMatchObject({ kind: 'error' });
    expect(activeBranch(run).params).toEqual({});
  });

  it('changes the seed and re-runs', () => {
    const run = setSeed(toDay10(), '42');
    expect(activeBranch(run).seed).toBe('42');
    expect(activeBranch(run).view.trace).toEqual(replayed(compile(scenario), '42', {}, activeBranch(run).view.decisions).trace);
  });
});

describe('shared state', () => {
  it('reopens exactly the state it describes', () => {
    let run = choose(setPlaying(toDay10(), 'hamas'), 'violate');
    run = step(step(run, 'decision'), 'decision');
    const reopened = openRun(scenario, shareOf(run));
    expect(activeBranch(reopened).view.trace).toEqual(activeBranch(run).view.trace);
    expect(activeBranch(reopened).view.decision).toEqual(activeBranch(run).view.decision);
    expect(reopened.playing).toBe('hamas');
    expect(reopened.notice).toBeUndefined();
  });

  it('falls back to defaults for parts of a link that do not fit', () => {
    const run = openRun(scenario, { params: { nonsense: 1 }, play: 'nobody' });
    expect(run.notice?.kind).toBe('error');
    expect(run.playing).toBeUndefined();
    expect(activeBranch(run).params).toEqual({});
  });

  it('lists the parties that make decisions, principals first, then the mediators with levers', () => {
    expect(playableParties(compile(scenario))).toEqual([
      { id: 'hamas', name: 'Hamas', role: 'principal' },
      { id: 'israel', name: 'Israel', role: 'principal' },
      { id: 'qatar', name: 'Qatar', role: 'mediator' },
      { id: 'egypt', name: 'Egypt', role: 'mediator' },
      { id: 'us', name: 'United States', role: 'guarantor' },
    ]);
  });
});
