import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TalksAnswer } from '../../src/engine/index.ts';
import { bridgeReplies } from '../../src/engine/talks-extras.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { buildCatalog } from '../../src/ui/logic/catalog-build.ts';
import { replayChoices } from '../../src/ui/logic/debrief-choices.ts';
import { startOf, type DebriefRequest } from '../../src/ui/logic/debrief-compute.ts';
import { activeBranch, answerTalks, choose, fork, openRun, playableParties, selectBranch, setPlaying, shareOf, step, yourMove } from '../../src/ui/logic/run-ops.ts';
import { decodeTalksAnswer, encodeTalksAnswer } from '../../src/ui/logic/share-talks.ts';
import { encodeShare, parseHash } from '../../src/ui/logic/share-url.ts';
import { bridgeHeadline, replyText } from '../../src/ui/logic/talks-bridge.ts';

function bundled(file: string): Scenario {
  const text = readFileSync(join(resolve(import.meta.dirname, '../../scenarios'), file), 'utf8');
  const entry = buildCatalog({ [file]: text })[0]!;
  if (!entry.ok) throw new Error(`${file} does not load`);
  return entry.scenario;
}

const buffer = bundled('buffer-zone-talks.yaml');
const doha = bundled('doha-60-day-draft-talks.yaml');
const talksOf = (run: ReturnType<typeof openRun>) => activeBranch(run).view.talks!;
const bridgeOf = (run: ReturnType<typeof openRun>) => activeBranch(run).session.talks!.lastBridge!;

describe('a played mediator at the talks, in the stepper', () => {
  it('every talks mediator can be played; playing one takes its seat, and Next waits at its bridge', () => {
    expect(playableParties(activeBranch(openRun(doha, {})).model).map((p) => p.id)).toEqual(expect.arrayContaining(['qatar', 'egypt', 'us']));
    const run = setPlaying(openRun(buffer, { seed: '6' }), 'us');
    expect(run.notice?.text).toBe("You take United States's seat at the talks: branch A starts again at round 1.");
    expect(talksOf(run).seat).toBe('us');
    expect(talksOf(run).turn).toEqual({ kind: 'bridge', round: 8, party: 'us', values: [900], last: false });
    expect(talksOf(run).latest).toEqual([[1000], [700]]);
    expect(yourMove(run)).toBe(true);
    expect(step(run, 'decision').notice?.text).toBe('It is your move as United States: answer at the talks first (or let the model decide).');
  });

  it('a proposal off the grid gets a message; a bridge both sides take is the deal, and the US plays on into the truce with its levers', () => {
    let run = openRun(buffer, { seed: '6', play: 'us' });
    const bad = answerTalks(run, { type: 'propose', values: [850] });
    expect(bad.notice).toEqual({ kind: 'error', text: "That proposal cannot be made: buffer width (m): 850 is not on the table's grid; offer a value from 300 to 2000 in steps of 100 (nearest: 900)." });
    expect(talksOf(bad).answers).toEqual([]);
    run = answerTalks(run, { type: 'propose', values: [800] });
    const t = talksOf(run);
    expect(t.result).toMatchObject({ deal: true, round: 8, by: 'us', values: [800] });
    expect(bridgeHeadline(t.talks, bridgeOf(run), bridgeReplies(t.talks, bridgeOf(run)))).toBe('Round 8: you proposed buffer width (m) 800. Both sides accept: that is the deal.');
    expect(activeBranch(run).session.model.params['buffer-width-m']).toBe(800);
    // The truce that follows: the student is still the United States, and its levers wait for them.
    let mine = 0;
    for (let i = 0; i < 400 && activeBranch(run).view.outcome === undefined; i++) {
      if (yourMove(run)) {
        expect(activeBranch(run).view.decision!.party).toBe('us');
        mine++;
        run = choose(run);
      } else run = step(run, 'decision');
    }
    expect(mine).toBeGreaterThan(0);
    expect(activeBranch(run).view.outcome!.talks).toEqual({ deal: true, round: 8, terms: { width: 800 } });
  });

  it('why a side refuses, in one line; staying out says nothing was proposed', () => {
    let run = openRun(buffer, { seed: '1', play: 'us' });
    run = answerTalks(run, { type: 'propose', values: [1000] });
    const t = talksOf(run);
    const replies = bridgeReplies(t.talks, bridgeOf(run));
    const [israel, hamas] = replies;
    expect(bridgeHeadline(t.talks, bridgeOf(run), replies)).toBe('Round 8: you proposed buffer width (m) 1000. One side refuses: the talks go on.');
    expect(replyText(israel!, 'Israel')).toBe('Israel accepts: it is worth at least as much to it as its own next offer (0.17 against 0.08).');
    expect(replyText(hamas!, 'Hamas')).toBe('Hamas refuses: it is worth less to it than its own next offer (0.00 against 0.29).');
    expect(replyText({ party: 'hamas', accepts: true, clears: 'floor', worth: 0.21, next: 0.29, floor: 0.2 }, 'Hamas')).toBe('Hamas accepts: in the last round it takes anything worth at least 0.20 to it, and this is worth 0.21.');
    let qatar = openRun(buffer, { seed: '3', play: 'qatar' });
    qatar = answerTalks(qatar, { type: 'stay' });
    expect(bridgeHeadline(talksOf(qatar).talks, bridgeOf(qatar), [])).toBe('Round 4: you stayed out. Nothing was proposed.');
    expect(talksOf(qatar).notes.map((n) => n.text)).toContain('Qatar stays out this round.');
  });

  it('the link carries the mediator seat and its answers (p… and s), and reopens the same talks and truce', () => {
    const answers: TalksAnswer[] = [{ type: 'propose', values: [700, 60, 0] }, { type: 'stay' }, { type: 'propose', values: [-5, 0.5] }];
    for (const a of answers) expect(decodeTalksAnswer(encodeTalksAnswer(a))).toEqual(a);
    let run = openRun(buffer, { seed: '3', play: 'qatar' });
    run = answerTalks(run, { type: 'stay' });
    run = answerTalks(run, { type: 'propose', values: [1000] });
    while (talksOf(run).turn) run = answerTalks(run, { type: 'model' });
    run = step(run, 'decision');
    const hash = encodeShare(shareOf(run));
    expect(hash).toContain('play=qatar');
    expect(hash).toContain('seat=qatar');
    expect(hash).toMatch(/t=s,p1000(,m)*(&|$)/);
    const parsed = parseHash(hash);
    if (parsed.page !== 'run') throw new Error('not a run link');
    expect(parsed.problems).toEqual([]);
    const reopened = openRun(buffer, parsed.share);
    expect(reopened.notice).toBeUndefined();
    expect(talksOf(reopened).seat).toBe('qatar');
    expect(talksOf(reopened).notes).toEqual(talksOf(run).notes);
    expect(bridgeOf(reopened)).toEqual(bridgeOf(run));
    expect(activeBranch(reopened).view.trace).toEqual(activeBranch(run).view.trace);
  });

  it('a branch forked at a bridge proposes something else; both branches are shared and reopen; the debrief replays the deal', () => {
    let run = openRun(buffer, { seed: '6', play: 'us' });
    run = fork(run);
    expect(run.notice?.text).toBe('Branch B starts here, in round 8 of the talks: try another path. Branch A is kept as it was.');
    run = step(answerTalks(run, { type: 'propose', values: [800] }), 'decision');
    run = selectBranch(run, 'A');
    run = answerTalks(run, { type: 'stay' });
    const hash = encodeShare(shareOf(run));
    expect(hash).toMatch(/&b=B~a\d+~nus~tp800~/);
    const parsed = parseHash(hash);
    if (parsed.page !== 'run') throw new Error('not a run link');
    const reopened = openRun(buffer, parsed.share);
    expect(reopened.notice).toBeUndefined();
    const b = reopened.branches.find((x) => x.name === 'B')!;
    expect(b.view.talks!.result).toMatchObject({ deal: true, round: 8, values: [800], by: 'us' });
    expect(talksOf(reopened).notes.map((n) => n.text)).toContain('United States stays out this round.');
    // The debrief starts the run as the stepper did: the seat and the answers give the same deal.
    const request: Pick<DebriefRequest, 'seat' | 'talks' | 'levers'> = { seat: 'us', talks: b.view.talks!.answers, levers: ['us'] };
    const replay = replayChoices(b.model, '6', b.view.choices, startOf(request));
    expect(replay.model.params['buffer-width-m']).toBe(800);
    // The branch stands at its first decision; the replay goes on to the end along the same trace.
    expect(replay.trace.slice(0, b.view.trace.length)).toEqual(b.view.trace);
  });
});
