import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/ui/logic/catalog-build.ts';
import { compareBranches } from '../../src/ui/logic/compare.ts';
import { activeBranch, answerTalks, choose, fork, openRun, playableParties, selectBranch, setPlaying, shareOf, step, yourMove } from '../../src/ui/logic/run-ops.ts';
import { encodeShare, parseHash } from '../../src/ui/logic/share-url.ts';
import { decodeTalksAnswer, encodeTalksAnswer } from '../../src/ui/logic/share-talks.ts';
import { planeSummary, talksPlane } from '../../src/ui/logic/talks-chart.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import type { TalksAnswer } from '../../src/engine/index.ts';
import { replayChoices } from '../../src/ui/logic/debrief-choices.ts';
import { debriefDistribution, impactOf, startOf, type DebriefRequest } from '../../src/ui/logic/debrief-compute.ts';
import { runDebrief, type FromDebriefWorker } from '../../src/ui/logic/debrief-serve.ts';

function bundled(file: string): Scenario {
  const text = readFileSync(join(resolve(import.meta.dirname, '../../scenarios'), file), 'utf8');
  const entry = buildCatalog({ [file]: text })[0]!;
  if (!entry.ok) throw new Error(`${file} does not load`);
  return entry.scenario;
}

const buffer = bundled('buffer-zone-talks.yaml');
const status = (run: ReturnType<typeof openRun>) => activeBranch(run).view.talks!;

describe('the negotiator\'s seat in the stepper', () => {
  it('playing a side of the talks takes its seat: the run opens at its first turn, and Next waits for the student', () => {
    // The two sides at the table; Qatar and the US through their levers in the truce.
    expect(playableParties(activeBranch(openRun(buffer, {})).model).map((p) => p.id)).toEqual(['hamas', 'israel', 'qatar', 'us']);
    const watched = openRun(buffer, { seed: '1' });
    expect(status(watched).seat).toBeUndefined();
    expect(status(watched).result?.deal).toBe(true);
    const run = setPlaying(watched, 'hamas');
    expect(run.notice?.text).toBe("You take Hamas's seat at the talks: branch A starts again at round 1.");
    expect(status(run).turn).toMatchObject({ kind: 'respond', round: 1, values: [2000] });
    expect(yourMove(run)).toBe(true);
    expect(step(run, 'decision').notice?.text).toBe('It is your move as Hamas: answer at the talks first (or let the model decide).');
  });

  it('a counter off the table is refused with the issue and the values allowed; a good one is played', () => {
    const run = openRun(buffer, { seed: '1', play: 'hamas' });
    const bad = answerTalks(run, { type: 'counter', values: [2500] });
    expect(bad.notice).toEqual({ kind: 'error', text: 'That counter-offer cannot be made: buffer width (m): 2500 is outside the range; offer a value from 300 to 2000 in steps of 100.' });
    expect(status(bad).answers).toEqual([]);
    const good = answerTalks(run, { type: 'counter', values: [1000] });
    expect(status(good).notes.map((n) => n.text)).toContain('Hamas offers buffer width (m) 1000.');
    expect(status(good).turn?.round).toBe(3);
  });

  it('the link carries the seat and the answers, and reopens the same talks and truce', () => {
    let run = openRun(buffer, { seed: '1', play: 'hamas' });
    while (status(run).turn) run = answerTalks(run, status(run).turn!.kind === 'mediator' ? { type: 'refuse' } : { type: 'counter', values: [1000] });
    expect(status(run).result).toMatchObject({ deal: true, round: 8, values: [1000], by: 'hamas' });
    expect(activeBranch(run).session.model.params['buffer-width-m']).toBe(1000);
    run = step(run, 'decision');
    const hash = encodeShare(shareOf(run));
    expect(hash).toContain('seat=hamas');
    expect(hash).toContain('t=c1000,c1000,r,');
    const parsed = parseHash(hash);
    if (parsed.page !== 'run') throw new Error('not a run link');
    expect(parsed.problems).toEqual([]);
    const reopened = openRun(buffer, parsed.share);
    expect(reopened.notice).toBeUndefined();
    expect(status(reopened).notes).toEqual(status(run).notes);
    expect(activeBranch(reopened).view.trace).toEqual(activeBranch(run).view.trace);
    expect(activeBranch(reopened).view.decisions).toBe(activeBranch(run).view.decisions);
  });

  it('talks answers read from a link: letters, counters, and a message for what is not one', () => {
    const answers: TalksAnswer[] = [{ type: 'accept' }, { type: 'walk' }, { type: 'refuse' }, { type: 'model' }, { type: 'counter', values: [700, 60, 0] }, { type: 'counter', values: [-5, 0.5] }];
    for (const a of answers) expect(decodeTalksAnswer(encodeTalksAnswer(a))).toEqual(a);
    const parsed = parseHash('#/run/buffer-zone-talks?seed=1&seat=hamas&t=c1000,x9,a');
    if (parsed.page !== 'run') throw new Error('not a run link');
    expect(parsed.share.talks).toEqual([{ type: 'counter', values: [1000] }]);
    expect(parsed.problems[0]).toContain('the talks answer `x9` is not');
  });

  it('a branch forked at the table settles early; compare shows both deals', () => {
    let run = openRun(buffer, { seed: '1', play: 'hamas' });
    run = answerTalks(run, { type: 'counter', values: [1000] });
    run = fork(run);
    expect(run.notice?.text).toBe('Branch B starts here, in round 3 of the talks: try another path. Branch A is kept as it was.');
    run = answerTalks(run, { type: 'accept' });
    expect(status(run).result).toMatchObject({ deal: true, round: 3, values: [1600] });
    run = selectBranch(run, 'A');
    expect(status(run).turn?.round).toBe(3);
    const table = compareBranches(activeBranch(run).model, run.branches, run.active);
    const talks = table.rows.find((r) => r.label === 'The talks')!;
    expect(talks.values).toEqual(['going on — round 3', 'deal in round 3: buffer width (m) 1600']);
    expect(talks.differs).toBe(true);
  });

  it('a shared comparison of two branches that settled differently at the talks reopens both exactly', () => {
    let run = openRun(buffer, { seed: '1', play: 'hamas' });
    run = answerTalks(run, { type: 'counter', values: [1000] });
    run = fork(run);
    run = step(answerTalks(run, { type: 'accept' }), 'decision');
    run = selectBranch(run, 'A');
    while (status(run).turn) run = answerTalks(run, status(run).turn!.kind === 'mediator' ? { type: 'refuse' } : { type: 'counter', values: [1000] });
    run = step(run, 'decision');
    const [a, b] = run.branches;
    expect(a!.view.talks!.result).toMatchObject({ deal: true, values: [1000] });
    expect(b!.view.talks!.result).toMatchObject({ deal: true, values: [1600] });
    const hash = encodeShare(shareOf(run));
    // A is on screen (the address's own seat= and t=); B's seat and answers are in its b entry.
    expect(hash).toContain('&b=A~!');
    expect(hash).toMatch(/&b=B~a\d+~nhamas~tc1000,a~/);
    const parsed = parseHash(hash);
    if (parsed.page !== 'run') throw new Error('not a run link');
    expect(parsed.problems).toEqual([]);
    const reopened = openRun(buffer, parsed.share);
    expect(reopened.notice).toBeUndefined();
    expect(reopened.active).toBe('A');
    for (const name of ['A', 'B']) {
      const before = run.branches.find((x) => x.name === name)!;
      const after = reopened.branches.find((x) => x.name === name)!;
      expect(after.view.talks!.seat).toBe('hamas');
      expect(after.view.talks!.answers).toEqual(before.view.talks!.answers);
      expect(after.view.talks!.result).toEqual(before.view.talks!.result);
      expect(after.session.model.params['buffer-width-m']).toBe(before.session.model.params['buffer-width-m']);
      expect(after.view.trace).toEqual(before.view.trace);
      expect(after.view.decisions).toBe(before.view.decisions);
      expect(after.origin).toBe(before.origin);
    }
    const talks = compareBranches(activeBranch(reopened).model, reopened.branches, reopened.active).rows.find((r) => r.label === 'The talks')!;
    expect(talks.values).toEqual(['deal in round 8: buffer width (m) 1000', 'deal in round 3: buffer width (m) 1600']);
  });

  it('a comparison link from before the talks were shared per branch still opens (no seat in its b entries)', () => {
    const parsed = parseHash('#/run/buffer-zone-talks?seed=1&at=0&play=hamas&seat=hamas&t=c1000&b=A~!&b=B~a0');
    if (parsed.page !== 'run') throw new Error('not a run link');
    expect(parsed.problems).toEqual([]);
    const run = openRun(buffer, parsed.share);
    expect(run.notice).toBeUndefined();
    expect(run.branches.map((x) => x.name)).toEqual(['A', 'B']);
    expect(status(run).answers).toEqual([{ type: 'counter', values: [1000] }]);
    const other = run.branches.find((x) => x.name === 'B')!;
    expect(other.view.talks!.seat).toBeUndefined();
    expect(other.view.talks!.result?.deal).toBe(true);
  });

  it("the debrief of a run played from the seat replays the student's deal and choices, and places the run", () => {
    let run = openRun(buffer, { seed: '1', play: 'hamas' });
    run = answerTalks(run, { type: 'counter', values: [1000] });
    run = answerTalks(run, { type: 'accept' });
    let delays = 0;
    for (let i = 0; i < 500 && activeBranch(run).view.outcome === undefined; i++) {
      const d = activeBranch(run).view.decision;
      if (yourMove(run) && d) run = choose(run, delays < 2 && d.allowed.includes('delay') ? (delays++, 'delay') : undefined);
      else run = step(run, 'end');
    }
    const b = activeBranch(run);
    expect(b.view.outcome).toBeDefined();
    expect(delays).toBe(2);
    const request: DebriefRequest = { scenario: buffer, params: {}, seed: '1', seat: 'hamas', talks: b.view.talks!.answers, choices: b.view.choices, runs: 40, impactRuns: 10 };
    // The replay is the student's run: their deal's terms, the same trace, their two delays.
    const replay = replayChoices(b.model, '1', b.view.choices, startOf(request));
    expect(replay.model.params['buffer-width-m']).toBe(b.session.model.params['buffer-width-m']);
    expect(replay.model.params['buffer-width-m']).not.toBe(b.model.params['buffer-width-m']);
    expect(replay.trace).toEqual(b.view.trace);
    expect(replay.outcome?.result).toBe(b.view.outcome!.result);
    expect(replay.choices.map((c) => c.response)).toEqual(['delay', 'delay']);
    const { choices, distribution } = debriefDistribution({ ...request, impactRuns: 0 });
    expect(choices).toHaveLength(2);
    expect(distribution.result).toBe(b.view.outcome!.result);
    expect(distribution.runs).toBe(40);
    expect(impactOf(replay.model, '1', choices[0]!, 10).outcomes.length).toBeGreaterThan(0);
    const messages: FromDebriefWorker[] = [];
    runDebrief(request, (m) => messages.push(m));
    expect(messages.filter((m) => m.type === 'impact')).toHaveLength(2);
    expect(messages.at(-1)).toEqual({ type: 'done' });
  });

  it('the chart puts the deal, the Nash point and the offers in the utility plane', () => {
    let run = openRun(buffer, { seed: '1', play: 'hamas' });
    run = answerTalks(run, { type: 'accept' });
    const t = status(run);
    const plane = talksPlane(t.talks, t.notes, t.result!.values);
    expect(plane.deal).toMatchObject({ x: 1, y: (1000 - 2000) / 700 });
    expect(plane.nash!.x).toBeCloseTo(100 / 1200);
    expect(plane.offers).toHaveLength(1);
    expect(planeSummary(t.talks, plane)).toBe('3 of 18 packages meet both red lines. Nash point: Israel 0.08, Hamas 0.14. Kalai point: Israel 0.08, Hamas 0.14. The deal: Israel 1.00, Hamas -1.43.');
  });
});
