import { describe, expect, it } from 'vitest';
import { compareBranches } from '../../src/ui/logic/compare.ts';
import { activeBranch, branchFromDay, choose, fork, openRun, selectBranch, setParam, setPlaying, setSeed, shareOf, step, type RunContext } from '../../src/ui/logic/run-ops.ts';
import { decodeBranch, encodeBranch, type BranchShare } from '../../src/ui/logic/share-branches.ts';
import { encodeShare, parseHash } from '../../src/ui/logic/share-url.ts';
import { flagship } from './helpers.ts';

const scenario = flagship();

/** The run a link opens, as the app opens it: through the address text. */
function reopen(run: RunContext): { run: RunContext; hash: string } {
  const hash = encodeShare(shareOf(run));
  const route = parseHash(hash);
  if (route.page !== 'run') throw new Error(`not a run link: ${hash}`);
  expect(route.problems).toEqual([]);
  return { run: openRun(scenario, route.share, route.problems), hash };
}

/** What a student sees of each branch: name, origin, settings, choices, position and the whole narrative. */
function picture(run: RunContext) {
  return {
    active: run.active,
    playing: run.playing,
    branches: run.branches.map((b) => ({ name: b.name, origin: b.origin, seed: b.seed, params: b.params, follow: b.follow, choices: b.view.choices, at: b.view.decisions, day: b.view.day, trace: b.view.trace, decision: b.view.decision })),
  };
}

/** Hamas played on seed 3: A answers the day-10 disclosure by refusing, B (forked on day 10) complies. */
function twoBranches(): RunContext {
  let run = openRun(scenario, { seed: '3' });
  while (activeBranch(run).view.day < 10) run = step(run, 'day');
  run = setPlaying(run, 'hamas');
  run = fork(run);
  run = choose(selectBranch(run, 'A'), 'refuse');
  run = choose(selectBranch(run, 'B'), 'comply');
  return step(run, 'day');
}

describe('a link to a comparison of branches', () => {
  it('reopens both branches with their choices, and the comparison', () => {
    const run = twoBranches();
    const { run: again, hash } = reopen(run);
    expect(hash).toMatch(/&b=A~a\d+~c\d+r&b=B~!~oA\.10$/);
    expect(picture(again)).toEqual(picture(run));
    expect(compareBranches(activeBranch(again).model, again.branches, again.active)).toEqual(compareBranches(activeBranch(run).model, run.branches, run.active));
    expect(again.notice).toBeUndefined();
    // Both branches go on from where they were: the next branch made is C.
    expect(fork(again).branches.map((b) => b.name)).toEqual(['A', 'B', 'C']);
  });

  it('carries several branches with their own seeds, assumptions and origins, in a short address', () => {
    let run = twoBranches();
    run = setParam(run, 'reciprocity', 0.45);
    run = branchFromDay(run, 4);
    run = setSeed(fork(run), 'class 2~%');
    run = step(run, 'day');
    run = selectBranch(run, 'C');
    expect(run.branches.map((b) => b.name)).toEqual(['A', 'B', 'C', 'D']);
    const { run: again, hash } = reopen(run);
    expect(picture(again)).toEqual(picture(run));
    expect(again.branches.map((b) => b.origin)).toEqual(['the start', 'A on day 10', 'B at day 7', 'C on day 7']);
    // Day 4 had nothing to decide for this run: the branch starts at day 7's first decision, and says so.
    // Four branches of a 60-day run fit comfortably in any browser's address bar.
    expect(hash.length).toBeLessThan(320);
  });

  it('opens an old link, with no branch list, as one branch exactly as before', () => {
    const route = parseHash('#/run/doha-60-day-draft?seed=3&at=12&play=hamas&c=10:refuse&set=reciprocity:0.4');
    if (route.page !== 'run') throw new Error('not a run link');
    const run = openRun(scenario, route.share, route.problems);
    expect(run.branches.map((b) => [b.name, b.origin])).toEqual([['A', 'the start']]);
    expect(run.notice).toBeUndefined();
    const a = activeBranch(run);
    expect([a.seed, a.params, a.view.choices, a.view.decisions, run.playing]).toEqual(['3', { reciprocity: 0.4 }, { 10: 'refuse' }, 12, 'hamas']);
    // And it is written back the same way: one branch needs no branch list.
    expect(encodeShare(shareOf(run))).toBe('#/run/doha-60-day-draft?seed=3&at=12&play=hamas&c=10:refuse&set=reciprocity:0.4');
  });

  it('reads a damaged branch list as far as it can and says what it left out', () => {
    const route = parseHash('#/run/doha-60-day-draft?seed=3&at=5&b=A~!&b=B~a4~c2x&b=zz~a1&b=B~a2');
    if (route.page !== 'run') throw new Error('not a run link');
    expect(route.problems.join('; ')).toMatch(/branch B: the part `c2x` is not understood; the branch `zz~a1` does not start with a branch name/);
    const run = openRun(scenario, route.share, route.problems);
    expect(run.branches.map((b) => b.name)).toEqual(['A', 'B']);
    expect(run.notice?.text).toMatch(/names branch B twice/);
  });
});

describe('a branch entry', () => {
  it('round-trips every field', () => {
    const entries: BranchShare[] = [
      { name: 'C', choices: { 3: 'violate', 12: 'comply', 40: 'partial', 41: 'delay', 50: 'refuse' }, at: 51, seed: 'a~b%7E', params: { reciprocity: 0.3, 'clash-rate': 0 }, follow: 16, origin: { from: 'A', day: 16 } },
      { name: 'AB', choices: {}, at: 0, params: {}, follow: 'end', origin: { text: 'the record ~ as it happened' } },
      { name: 'B', active: true, choices: {}, at: 0, origin: { fork: 'A', day: 9 } },
    ];
    for (const entry of entries) {
      const problems: string[] = [];
      expect(decodeBranch(encodeBranch(entry), problems)).toEqual(entry);
      expect(problems).toEqual([]);
    }
    expect(encodeBranch(entries[0]!)).toBe('C~a51~c3v12c40p41d50r~sa%7Eb%257E~pclash-rate:0,reciprocity:0.3~r16~oA*16');
  });
});
