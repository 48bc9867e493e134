import { describe, expect, it } from 'vitest';
import { compile, runOnce, Session } from '../../src/engine/index.ts';
import { compileTalks } from '../../src/engine/talks/compile.ts';
import { counterProblems, type TalksAnswer } from '../../src/engine/talks/seat.ts';
import { loadBundled } from './helpers.ts';

const model = compile(loadBundled('prisoner-exchange-talks.yaml'));
const talks = compileTalks(model.scenario, model.params)!;

/** Plays every talks turn with `pick` until the talks end; returns the answers given. */
function playTalks(session: Session, pick: (kind: string, round: number) => TalksAnswer): TalksAnswer[] {
  const given: TalksAnswer[] = [];
  for (let guard = 0; session.talksTurn && guard < 100; guard++) {
    const a = pick(session.talksTurn.kind, session.talksTurn.round);
    session.answerTalks(a);
    given.push(a);
  }
  return given;
}

describe('a person in a seat at the talks', () => {
  it('is asked first to answer the opening offer of the other side, and a seat the model answers is the run without a seat', () => {
    for (const seed of ['1', '2', '7', 'x', '13']) {
      const session = Session.start(model, seed, { seat: 'hamas' });
      const first = session.talksTurn!;
      expect(first).toMatchObject({ kind: 'respond', round: 1, party: 'hamas', from: 'israel', values: [400, 15, 0] });
      expect(session.decision).toBeUndefined();
      expect(session.over).toBe(false);
      playTalks(session, () => ({ type: 'model' }));
      session.advance('end');
      const plain = runOnce(model, { seed });
      expect(session.talks!.result!.notes).toEqual(plain.talks!.notes);
      expect(session.outcome).toEqual(plain.outcome);
      expect(session.trace).toEqual(plain.trace);
    }
  });

  it('a counter-offer is the seated side\'s next offer; the same answers replay the same talks and truce', () => {
    const counter: TalksAnswer = { type: 'counter', values: [850, 100, 1] };
    const session = Session.start(model, '5', { seat: 'hamas' });
    const answers = playTalks(session, (kind) => (kind === 'mediator' ? { type: 'refuse' } : counter));
    const offers = session.talks!.notes.filter((n) => n.type === 'offer' && n.party === 'hamas');
    expect(offers.length).toBeGreaterThan(0);
    for (const o of offers) expect(o.values).toEqual([850, 100, 1]);
    session.advance('end');
    const again = Session.start(model, '5', { seat: 'hamas', talks: answers });
    again.advance('end');
    expect(again.talksAnswers).toEqual(answers);
    expect(again.talks!.notes).toEqual(session.talks!.notes);
    expect(again.outcome).toEqual(session.outcome);
    expect(again.trace).toEqual(session.trace);
  });

  it('keyed draws: the talks events of the seated run are those of the unseated run in every round both reach', () => {
    for (const seed of ['3', '4', '9', '21']) {
      const plain = runOnce(model, { seed }).talks!;
      const session = Session.start(model, seed, { seat: 'hamas' });
      playTalks(session, (kind) => (kind === 'mediator' ? { type: 'refuse' } : { type: 'counter', values: [900, 120, 1] }));
      const last = Math.min(plain.round, session.talks!.result!.round);
      const events = (notes: readonly (typeof plain.notes)[number][]) => notes.filter((n) => n.type === 'event' && n.round <= last).map((n) => [n.round, n.text]);
      expect(events(session.talks!.notes)).toEqual(events(plain.notes));
    }
  });

  it('a deal struck on the person\'s terms becomes the truce\'s parameters', () => {
    // Israel (Boulware) ends at its floor in the last round; Hamas counters at Israel's red lines until Israel takes them.
    let dealt = 0;
    for (const seed of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      const session = Session.start(model, seed, { seat: 'hamas' });
      playTalks(session, (kind) => (kind === 'mediator' ? { type: 'refuse' } : { type: 'counter', values: [700, 60, 0] }));
      const result = session.talks!.result!;
      if (!result.deal) continue;
      dealt++;
      expect(result.values).toEqual([700, 60, 0]);
      expect(result.by).toBe('hamas');
      expect(session.model.params['prisoners-released']).toBe(700);
      expect(session.model.params['life-sentences']).toBe(60);
      session.advance('end');
      expect(session.outcome!.talks).toEqual({ deal: true, round: result.round, terms: { prisoners: 700, 'life-sentences': 60, names: 0 } });
    }
    expect(dealt).toBeGreaterThan(0);
  });

  it('walking away ends the run no-deal on day 0; accepting the opening offer starts the truce on it', () => {
    const walked = Session.start(model, '1', { seat: 'hamas' });
    walked.answerTalks({ type: 'walk' });
    expect(walked.over).toBe(true);
    expect(walked.outcome).toMatchObject({ result: 'no-deal', day: 0, cause: 'Hamas walked out' });
    const accepted = Session.start(model, '1', { seat: 'hamas' });
    accepted.answerTalks({ type: 'accept' });
    expect(accepted.talks!.result).toMatchObject({ deal: true, round: 1, values: [400, 15, 0] });
    expect(accepted.decision).toBeDefined();
    expect(accepted.model.params['prisoners-released']).toBe(400);
  });

  it('the opening side\'s seat is asked for the first offer', () => {
    const session = Session.start(model, '1', { seat: 'israel' });
    expect(session.talksTurn).toMatchObject({ kind: 'open', round: 1, party: 'israel' });
    session.answerTalks({ type: 'counter', values: [500, 20, 0] });
    expect(session.talks!.notes[0]).toMatchObject({ round: 1, type: 'offer', party: 'israel', values: [500, 20, 0] });
  });

  it('undo goes back through the talks exactly; a fork has its own future', () => {
    const session = Session.start(model, '2', { seat: 'hamas' });
    session.answerTalks({ type: 'counter', values: [800, 80, 1] });
    const atRound3 = structuredClone(session.talks!.notes);
    const fork = session.fork();
    session.answerTalks({ type: 'walk' });
    expect(session.outcome?.result).toBe('no-deal');
    expect(session.undo()).toBe(true);
    expect(session.talks!.notes).toEqual(atRound3);
    expect(session.talksTurn).toBeDefined();
    expect(fork.talksTurn).toEqual(session.talksTurn);
    fork.answerTalks({ type: 'accept' });
    expect(fork.talks!.result!.deal).toBe(true);
    expect(session.talks!.result).toBeUndefined();
  });

  it('a counter out of range or off the grid is refused with a message naming the issue and the values allowed', () => {
    expect(counterProblems(talks.issues, [975, 60, 0])).toEqual(['prisoners released: 975 is outside the range; offer a value from 400 to 950 in steps of 50']);
    expect(counterProblems(talks.issues, [725, 60, 0])[0]).toBe('prisoners released: 725 is not on the table\'s grid; offer a value from 400 to 950 in steps of 50 (nearest: 750)');
    expect(counterProblems(talks.issues, [700, 60, 2])[0]).toContain('who picks the names: 2 is outside the range; offer a value one of israel-approves, hamas-picks');
    expect(counterProblems(talks.issues, [700, 60])).toEqual(['a package needs a value for each of the 3 issues, not 2']);
    const session = Session.start(model, '1', { seat: 'hamas' });
    expect(() => session.answerTalks({ type: 'counter', values: [975, 60, 0] })).toThrow();
    expect(() => session.answerTalks({ type: 'refuse' })).toThrow();
    // A link whose answer does not fit stops the replay there: the turn waits.
    const replayed = Session.start(model, '1', { seat: 'hamas', talks: [{ type: 'counter', values: [975, 60, 0] }] });
    expect(replayed.talksAnswers).toEqual([]);
    expect(replayed.talksTurn?.round).toBe(1);
  });
});

describe('buffer-zone talks → truce: the agreed width decides which red line arms', () => {
  const buffer = compile(loadBundled('buffer-zone-talks.yaml'));
  const HAMAS_LINE = "Hamas's red line crossed: no buffer zone wider than 900 m";
  const LIKUD_LINE = "Israel's red line crossed: the Likud rebels' red lines";

  /** Collapse causes over seeds of a truce whose width the seated side settles at once. */
  function causes(seat: 'hamas' | 'israel'): { width: number; causes: string[] } {
    const found: string[] = [];
    let width = NaN;
    for (let i = 0; i < 80; i++) {
      const session = Session.start(buffer, `width:${i}`, { seat });
      // Hamas's seat takes Israel's opening 2,000 m; Israel's seat opens at 300 m, which Hamas takes.
      session.answerTalks(seat === 'hamas' ? { type: 'accept' } : { type: 'counter', values: [300] });
      expect(session.talks!.result!.deal).toBe(true);
      width = session.model.params['buffer-width-m']!;
      session.advance('end');
      if (session.outcome!.result === 'collapsed') found.push(session.outcome!.cause!);
    }
    return { width, causes: found };
  }

  it('2,000 m arms Hamas\'s red line and never the Likud rebels\'; 300 m the other way round', () => {
    const wide = causes('hamas');
    expect(wide.width).toBe(2000);
    expect(wide.causes.some((c) => c.startsWith(HAMAS_LINE))).toBe(true);
    expect(wide.causes.some((c) => c.startsWith(LIKUD_LINE))).toBe(false);
    const narrow = causes('israel');
    expect(narrow.width).toBe(300);
    expect(narrow.causes.some((c) => c.startsWith(LIKUD_LINE))).toBe(true);
    expect(narrow.causes.some((c) => c.startsWith(HAMAS_LINE))).toBe(false);
  });
});
