import { describe, expect, it } from 'vitest';
import { compile, runOnce, Session, type TalksAnswer } from '../../src/engine/index.ts';
import { bridgeReplies } from '../../src/engine/talks-extras.ts';
import { counterProblems } from '../../src/engine/talks/seat.ts';
import { acceptance, nextWorth, type Book } from '../../src/engine/talks/table.ts';
import { TALKS_STRATEGY_REGISTRY } from '../../src/engine/talks/strategies/registry.ts';
import { loadBundled } from './helpers.ts';

const buffer = compile(loadBundled('buffer-zone-talks.yaml'));

/** Answers every talks turn with `pick` until the talks end; returns the answers given and the turns asked. */
function playTalks(session: Session, pick: (round: number) => TalksAnswer): { answers: TalksAnswer[]; rounds: number[] } {
  const answers: TalksAnswer[] = [];
  const rounds: number[] = [];
  for (let guard = 0; session.talksTurn && guard < 100; guard++) {
    const turn = session.talksTurn;
    expect(turn.kind).toBe('bridge');
    rounds.push(turn.round);
    const a = pick(turn.round);
    session.answerTalks(a);
    answers.push(a);
  }
  return { answers, rounds };
}

describe('a person in a mediator\'s seat at the talks', () => {
  it('a mediator seat answered `model` at every bridge is exactly the run without a seat (all three talks scenarios, every talks mediator, several seeds)', () => {
    let asked = 0;
    for (const file of ['buffer-zone-talks.yaml', 'doha-60-day-draft-talks.yaml', 'prisoner-exchange-talks.yaml']) {
      const model = compile(loadBundled(file));
      for (const mediator of Object.keys(model.scenario.talks!.mediators)) {
        for (const seed of ['1', '2', '3', '6', '9', 'x']) {
          const session = Session.start(model, seed, { seat: mediator });
          asked += playTalks(session, () => ({ type: 'model' })).rounds.length;
          session.advance('end');
          const plain = runOnce(model, { seed });
          expect(session.talks!.result!.notes).toEqual(plain.talks!.notes);
          expect(session.outcome).toEqual(plain.outcome);
          expect(session.trace).toEqual(plain.trace);
        }
      }
    }
    expect(asked).toBeGreaterThan(50);
  });

  it('is asked at its own rounds only (from/every), with both sides\' latest offers and the model\'s proposal', () => {
    const session = Session.start(buffer, '1', { seat: 'us' });
    expect(session.talksTurn).toEqual({ kind: 'bridge', round: 8, party: 'us', values: [900], last: false });
    expect(session.talks!.latestOffers).toEqual([[1100], [700]]);
    expect(session.decision).toBeUndefined();
    const qatar = Session.start(buffer, '1', { seat: 'qatar' });
    expect(qatar.talksTurn).toMatchObject({ kind: 'bridge', round: 4, party: 'qatar', values: [1000] });
    expect(qatar.talks!.latestOffers).toEqual([[1600], [300]]);
    qatar.answerTalks({ type: 'model' });
    expect(qatar.talksTurn).toMatchObject({ kind: 'bridge', round: 7 });
  });

  it('a package of the person\'s own that both sides accept is the deal, and the truce runs under it', () => {
    const session = Session.start(buffer, '6', { seat: 'us' });
    expect(session.talksTurn).toMatchObject({ kind: 'bridge', round: 8, values: [900] });
    session.answerTalks({ type: 'propose', values: [800] });
    const result = session.talks!.result!;
    expect(result).toMatchObject({ deal: true, round: 8, by: 'us', values: [800] });
    expect(result.notes.at(-1)).toMatchObject({ round: 8, type: 'mediator', party: 'us', values: [800], text: 'United States proposes buffer width (m) 800 (its own bridge): both sides accept.' });
    const bridge = session.talks!.lastBridge!;
    expect(bridge).toMatchObject({ round: 8, answer: 'propose', values: [800] });
    const replies = bridgeReplies(session.talks!.talks, bridge);
    expect(replies.map((r) => [r.party, r.accepts])).toEqual([['israel', true], ['hamas', true]]);
    for (const r of replies) expect(r.worth).toBeGreaterThanOrEqual(r.next - 1e-9);
    expect(session.model.params['buffer-width-m']).toBe(800);
    session.advance('end');
    expect(session.outcome!.talks).toEqual({ deal: true, round: 8, terms: { width: 800 } });
    // The model's own proposal that round (the Nash point, 900 m) is not taken by both.
    const plain = runOnce(buffer, { seed: '6' }).talks!;
    expect(plain.notes.find((n) => n.round === 8 && n.party === 'us')?.text).toMatch(/Nash point\): (Hamas|Israel|both sides) refuses?/);
  });

  it('the acceptance rule names the bar a package clears: the side\'s next offer, or in the last round only its floor', () => {
    const session = Session.start(buffer, '1', { seat: 'us' });
    session.answerTalks({ type: 'propose', values: [1000] });
    const { talks } = session.talks!;
    const book = session.talks!.lastBridge!.book!;
    const [israel, hamas] = bridgeReplies(talks, session.talks!.lastBridge!);
    expect(israel).toMatchObject({ accepts: true, clears: 'next' });
    expect(hamas!.accepts).toBe(false);
    expect(hamas!.clears).toBeUndefined();
    // The floor is the bar only where it lies below the next offer: under more pressure than this book's, for one side or the other.
    let floorsSeen = 0;
    for (const [s, side] of talks.sides.entries()) {
      for (const pressure of [0, 0.5, 1, 2, 4, 8]) {
        const pressed: Book = { ...book, pressure: s === 0 ? [pressure, book.pressure[1]] : [book.pressure[0], pressure] };
        const floor = TALKS_STRATEGY_REGISTRY[side.strategy].floor(side, pressure);
        const last = talks.deadline;
        const next = nextWorth(talks, pressed, s, last);
        expect(acceptance(talks, pressed, s, last, Math.max(floor, next))).toBe('next');
        expect(acceptance(talks, pressed, s, last, Math.min(floor, next) - 0.01)).toBeUndefined();
        if (floor >= next - 0.02) continue;
        floorsSeen++;
        const between = (floor + next) / 2;
        expect(acceptance(talks, pressed, s, last, between)).toBe('floor');
        expect(acceptance(talks, pressed, s, last - 1, Math.min(between, nextWorth(talks, pressed, s, last - 1) - 0.01))).toBeUndefined();
      }
    }
    expect(floorsSeen).toBeGreaterThan(0);
  });

  it('a proposal one side refuses is no deal: the talks go on, the refusal and its reason are kept', () => {
    const session = Session.start(buffer, '1', { seat: 'us' });
    session.answerTalks({ type: 'propose', values: [1000] });
    const bridge = session.talks!.lastBridge!;
    expect(bridge).toMatchObject({ round: 8, answer: 'propose', values: [1000] });
    const [israel, hamas] = bridgeReplies(session.talks!.talks, bridge);
    expect(israel).toMatchObject({ party: 'israel', accepts: true });
    expect(hamas).toMatchObject({ party: 'hamas', accepts: false, worth: 0 });
    expect(hamas!.worth).toBeLessThan(hamas!.next);
    expect(session.talks!.notes.find((n) => n.round === 8 && n.party === 'us')!.text).toBe('United States proposes buffer width (m) 1000 (its own bridge): Hamas refuses.');
    // Round 8 had no deal, so the talks went on to round 9 (where the plain run's deal is struck too).
    expect(session.talks!.result).toMatchObject({ deal: true, round: 9 });
  });

  it('staying out proposes nothing that round (a note says so); the draws of later rounds are those of the run without a seat', () => {
    for (const seed of ['3', '7', '9']) {
      const session = Session.start(buffer, seed, { seat: 'qatar' });
      const { rounds } = playTalks(session, () => ({ type: 'stay' }));
      expect(rounds.length).toBeGreaterThan(0);
      const notes = session.talks!.notes;
      const qatar = notes.filter((n) => n.party === 'qatar');
      expect(qatar.map((n) => n.round)).toEqual(rounds);
      for (const n of qatar) expect(n).toMatchObject({ type: 'mediator', text: 'Qatar stays out this round.' });
      expect(qatar.some((n) => n.values)).toBe(false);
      expect(session.talks!.lastBridge).toEqual({ round: rounds.at(-1), answer: 'stay' });
      expect(bridgeReplies(session.talks!.talks, session.talks!.lastBridge!)).toEqual([]);
      const plain = runOnce(buffer, { seed }).talks!;
      const last = Math.min(plain.round, session.talks!.result!.round);
      const events = (list: typeof notes) => list.filter((n) => n.type === 'event' && n.round <= last).map((n) => [n.round, n.text]);
      expect(events(notes)).toEqual(events(plain.notes));
    }
  });

  it('a proposal off the grid or out of range is refused with the issue, the values allowed and the nearest value; the turn waits', () => {
    const talks = Session.start(buffer, '1', { seat: 'us' }).talks!.talks;
    expect(counterProblems(talks.issues, [850])).toEqual(["buffer width (m): 850 is not on the table's grid; offer a value from 300 to 2000 in steps of 100 (nearest: 900)"]);
    expect(counterProblems(talks.issues, [])).toEqual(['a package needs a value for each of the 1 issues, not 0']);
    const session = Session.start(buffer, '1', { seat: 'us' });
    expect(() => session.answerTalks({ type: 'propose', values: [850] })).toThrow();
    expect(() => session.answerTalks({ type: 'propose', values: [2100] })).toThrow();
    expect(() => session.answerTalks({ type: 'accept' })).toThrow();
    expect(() => session.answerTalks({ type: 'counter', values: [900] })).toThrow();
    expect(session.talksTurn).toMatchObject({ kind: 'bridge', round: 8 });
    const replayed = Session.start(buffer, '1', { seat: 'us', talks: [{ type: 'propose', values: [850] }] });
    expect(replayed.talksAnswers).toEqual([]);
    expect(replayed.talksTurn).toMatchObject({ kind: 'bridge', round: 8 });
  });

  it('the seat and the answers replay the talks and the truce exactly; the model plays a mediator nobody plays now', () => {
    const session = Session.start(buffer, '3', { seat: 'qatar' });
    const { answers } = playTalks(session, (round) => (round === 4 ? { type: 'stay' } : round === 7 ? { type: 'propose', values: [1000] } : { type: 'model' }));
    session.advance('end');
    const again = Session.start(buffer, '3', { seat: 'qatar', talks: answers });
    again.advance('end');
    expect(again.talksAnswers).toEqual(answers);
    expect(again.talks!.notes).toEqual(session.talks!.notes);
    expect(again.outcome).toEqual(session.outcome);
    expect(again.trace).toEqual(session.trace);
    // advance() stops at the played mediator's bridge, and answers it with the model for anyone else.
    const stops = Session.start(buffer, '3', { seat: 'qatar' });
    stops.advance('decision', 'qatar');
    expect(stops.talksTurn).toMatchObject({ kind: 'bridge', round: 4 });
    stops.advance('decision');
    expect(stops.talksTurn).toBeUndefined();
    expect(stops.talksAnswers.every((a) => a.type === 'model')).toBe(true);
  });

  it('a seat that is neither a side nor a talks mediator is no seat', () => {
    const session = Session.start(buffer, '1', { seat: 'egypt' });
    expect(session.talksTurn).toBeUndefined();
    expect(session.talks!.seatId).toBeUndefined();
  });
});
