/**
 * Each occurrence of an obligation keeps its own books (docs/model.md, "Exact points a
 * re-implementation needs"): its grace, its place on a day's list, what is still owed of it after
 * a partial answer, what an exchange still has to pay for, and how its delays are counted.
 */
import { describe, expect, it } from 'vitest';
import { compile, Simulation, type Decision, type Model, type Response, type StartOptions } from '../../src/engine/index.ts';
import { formatProblems, loadScenario } from '../../src/scenario/index.ts';

const HEAD = `parley: 1
id: occurrences
title: Occurrences
sources:
  news: { url: https://example.org/news }
parties:
  a: { role: principal }
  b: { role: principal }
settings: { max-delay: 1 }
`;

function model(text: string): Model {
  const loaded = loadScenario(`${HEAD}${text}`, 'occurrences.yaml');
  if (!loaded.ok) throw new Error(formatProblems(loaded.problems));
  return compile(loaded.scenario);
}

interface Answered {
  day: number;
  obligation: string;
  occurrence: number;
  attempt: number;
}

/** Runs to the end; `choose` answers each decision (undefined: the model or the record does). */
function play(m: Model, choose: (d: Decision) => Response | undefined, options: StartOptions = {}, seed = 's') {
  const sim = Simulation.start(m, seed, options);
  const decisions: Answered[] = [];
  for (let d = sim.nextDecision(); d; d = sim.nextDecision()) {
    if (d.kind === 'obligation') decisions.push({ day: d.day, obligation: d.obligation, occurrence: d.occurrence!, attempt: d.attempt! });
    sim.decide(choose(d));
  }
  return { sim, decisions, trace: sim.trace!, outcome: sim.outcome()! };
}

const responses = (trace: Simulation['trace'], obligation: string) => trace!.filter((e) => e.type === 'party.responded' && e.obligation === obligation);

describe('grace is counted per occurrence', () => {
  // Two occurrences of one term delayed at once, with the delays taken from the record (exact, and
  // counted against grace once the model answers again after day 2).
  const m = model(`phases:
  - { id: truce, length: 8 }
obligations:
  - { id: aid, kind: generic, party: a, days: [1, 2], grace: 3, text: do the thing }
history:
  - { day: 1, obligation: aid, answer: delay 3, source: news }
  - { day: 2, obligation: aid, occurrence: 2, answer: delay 1, source: news }
`);
  const run = play(m, (d) => (d.day === 3 || (d.day === 4 && d.occurrence === 0) ? 'delay' : d.day > 2 ? 'comply' : undefined), { followRecordUntil: 2 });

  it("one occurrence's delays do not use up another's grace", () => {
    const day3 = responses(run.trace, 'aid').find((e) => e.day === 3)!;
    expect(day3).toMatchObject({ response: 'delay' });
    expect(day3.expired).toBeUndefined();
    expect(day3.text).toMatch(/\(2 of 3 days of grace used\)\.$/);
  });

  it('an occurrence expires when its own delay days would pass the grace', () => {
    const day4 = responses(run.trace, 'aid').filter((e) => e.day === 4);
    expect(day4.map((e) => [e.response, e.expired ?? false])).toEqual([['delay', true], ['comply', false]]);
    expect(run.outcome.metrics.violations).toEqual({ a: 1, b: 0 });
  });

  it('a delay past grace counts as a violation only: `delays` counts the delays granted', () => {
    const granted = responses(run.trace, 'aid').filter((e) => e.response === 'delay' && !e.expired);
    expect(granted).toHaveLength(3);
    expect(run.outcome.metrics.delays).toEqual({ a: 3, b: 0 });
    expect(run.sim.state.parties['a']!.delays).toBe(3);
  });

  it('two waiting occurrences coming back on the same day are both listed and answered, in due order', () => {
    expect(run.decisions.filter((d) => d.day === 4)).toEqual([
      { day: 4, obligation: 'aid', occurrence: 0, attempt: 1 },
      { day: 4, obligation: 'aid', occurrence: 1, attempt: 2 },
    ]);
  });
});

describe('an obligation is on a day\'s list once', () => {
  // `halt` joins both talks terms; `swap` is listed before `halt`'s own delayed entry.
  const m = model(`phases:
  - { id: truce, length: 4 }
obligations:
  - { id: swap, kind: start-talks, party: a, day: 1, text: swap }
  - { id: trade, kind: start-talks, party: a, day: 1, text: trade }
  - { id: halt, kind: generic, party: b, alongside: start-talks, text: halt }
`);
  const run = play(m, (d) => (d.day === 1 && d.obligation !== 'trade' ? 'delay' : 'comply'));

  it('two fresh copies made due the same day: the first is listed and numbered, the second dropped unnumbered', () => {
    expect(run.decisions.filter((d) => d.day === 1)).toEqual([
      { day: 1, obligation: 'swap', occurrence: 0, attempt: 0 },
      { day: 1, obligation: 'trade', occurrence: 0, attempt: 0 },
      { day: 1, obligation: 'halt', occurrence: 0, attempt: 0 },
    ]);
    expect(run.trace.filter((e) => e.day === 1 && e.type === 'obligation.due' && e.obligation === 'halt')).toHaveLength(1);
  });

  it('a delayed entry coming back is listed and answered; the fresh copy its joiner would make due is dropped unnumbered', () => {
    expect(run.decisions.filter((d) => d.day === 2)).toEqual([
      { day: 2, obligation: 'swap', occurrence: 0, attempt: 1 },
      { day: 2, obligation: 'halt', occurrence: 0, attempt: 1 },
    ]);
    expect(run.sim.state.obligations[2]!.occurrences).toBe(1);
    expect(run.trace.find((e) => e.day === 2 && e.type === 'obligation.due' && e.obligation === 'halt')!.text).toBe('b must halt (delayed from day 1).');
  });
});

describe('an exchange pays for the units it has not yet paid for', () => {
  const m = model(`stocks:
  captives: { held-by: a, count: 20 }
  prisoners: { held-by: b, count: 1000 }
phases:
  - { id: truce, length: 4 }
obligations:
  - { id: handover, kind: release, party: a, stock: captives, quantity: 4, days: [1, 3] }
  - { id: by-ratio, kind: exchange, party: b, stock: prisoners, ratio: 3, in-return-for: handover, days: [1, 2, 3, 4] }
  - { id: fixed, kind: exchange, party: b, stock: prisoners, quantity: 110, in-return-for: handover, days: [1, 2] }
`);
  const answers: Record<string, Response> = { 'handover@1': 'comply', 'handover@3': 'violate', 'by-ratio@1': 'partial', 'fixed@1': 'partial' };
  const prisonersOn = (trace: Simulation['trace'], obligation: string) => responses(trace, obligation).map((e) => [e.day, -(e.changes?.['prisoners.all'] ?? 0)]);

  it('paid in parts, the exchange releases exactly what the whole would, and nothing again for units already paid for or never released', () => {
    for (const seed of ['1', '2', '3', '4', '5', '6']) {
      const run = play(m, (d) => answers[`${d.obligation}@${d.day}`] ?? 'comply', {}, seed);
      const byRatio = prisonersOn(run.trace, 'by-ratio');
      expect(byRatio.map(([, n]) => n! % 3)).toEqual([0, 0, 0, 0]);
      expect(byRatio[0]![1]! + byRatio[1]![1]!).toBe(12);
      expect(byRatio.slice(2)).toEqual([[3, 0], [4, 0]]);
      const fixed = prisonersOn(run.trace, 'fixed');
      expect(fixed[0]![1]! + fixed[1]![1]!).toBe(110);
      expect(run.outcome.metrics.released).toEqual({ captives: { all: 4 }, prisoners: { all: 122 } });
    }
  });
});

describe('a partial answer leaves the rest owed', () => {
  const text = (grace: number, length = 6) => `stocks:
  captives: { held-by: a, count: 10 }
  prisoners: { held-by: b, count: 1000 }
phases:
  - { id: truce, length: ${length} }
obligations:
  - { id: handover, kind: release, party: a, stock: captives, quantity: 4, day: 1, grace: ${grace} }
  - { id: payment, kind: exchange, party: b, stock: prisoners, quantity: 110, in-return-for: handover, after: handover }
  - { id: aid, kind: admit-aid, party: b, trucks: 100, day: 1 }
`;
  const m = model(text(3));
  const seeds = ['1', '2', '3', '4', '5', '6', '7', '8'];
  const released = (run: ReturnType<typeof play>) => run.outcome.metrics.released;
  const keys = (run: ReturnType<typeof play>, obligation: string) => run.decisions.filter((d) => d.obligation === obligation).map((d) => `${d.day}:${d.occurrence}.${d.attempt}`);

  it('the rest falls due the next day as the next attempt of the same occurrence, and complying with it makes the occurrence whole', () => {
    for (const seed of seeds) {
      const run = play(m, (d) => (d.day === 1 && d.obligation !== 'aid' ? 'partial' : 'comply'), {}, seed);
      expect(keys(run, 'handover')).toEqual(['1:0.0', '2:0.1']);
      expect(released(run)).toEqual({ captives: { all: 4 }, prisoners: { all: 110 } });
      expect(run.trace.find((e) => e.type === 'obligation.due' && e.obligation === 'handover' && e.day === 2)!.text).toBe('a must release 4 captives (the rest of what fell due on day 1).');
    }
  });

  it('a partial answer to the rest leaves a smaller rest, a day more against the grace', () => {
    for (const seed of seeds) {
      const run = play(m, (d) => (d.obligation === 'handover' && d.day < 3 ? 'partial' : 'comply'), {}, seed);
      expect(keys(run, 'handover')).toEqual(['1:0.0', '2:0.1', '3:0.2']);
      expect(released(run).captives).toEqual({ all: 4 });
      const moved = responses(run.trace, 'handover').map((e) => -(e.changes?.['captives.all'] ?? 0));
      expect(moved.every((n) => n >= 0) && moved[2]! > 0).toBe(true);
    }
  });

  it('with no grace left the rest lapses with a trace event; it is not a violation, and the partial answer stands', () => {
    const run = play(model(text(1)), (d) => (d.obligation === 'handover' ? 'partial' : 'comply'), {}, '3');
    expect(keys(run, 'handover')).toEqual(['1:0.0', '2:0.1']);
    const lapsed = run.trace.filter((e) => e.lapsed);
    expect(lapsed).toHaveLength(1);
    expect(lapsed[0]).toMatchObject({ day: 2, type: 'party.reacted', obligation: 'handover' });
    expect(lapsed[0]!.text).toBe("The rest of a's obligation to release 4 captives lapsed: no grace left to carry it out (1 of 1 days used).");
    expect(run.outcome.metrics.violations).toEqual({ a: 0, b: 0 });
    expect(released(run).captives!.all).toBeLessThan(4);
    expect(run.sim.state.obligations[0]!.status).toBe('partial');
  });

  it('a rest still owed when the phase ends lapses with it, leaving the partial answer standing', () => {
    const run = play(model(text(3, 1)), (d) => (d.obligation === 'handover' ? 'partial' : 'comply'));
    const lapsed = run.trace.filter((e) => e.lapsed);
    expect(lapsed.map((e) => e.text)).toEqual(["a's rest of the obligation to release 4 captives (due again on day 2) lapsed when the truce ended."]);
    expect(run.sim.state.obligations[0]!.status).toBe('partial');
  });

  it('an exchange answered in part owes the rest of its payment the next day', () => {
    for (const seed of seeds) {
      const run = play(m, (d) => (d.obligation === 'payment' && d.day === 1 ? 'partial' : 'comply'), {}, seed);
      expect(keys(run, 'payment')).toEqual(['1:0.0', '2:0.1']);
      expect(released(run)).toEqual({ captives: { all: 4 }, prisoners: { all: 110 } });
    }
  });

  it('kinds that count a flow (aid trucks) owe no rest: their partial answer is final', () => {
    const run = play(m, (d) => (d.obligation === 'aid' ? 'partial' : 'comply'));
    expect(keys(run, 'aid')).toEqual(['1:0.0']);
    expect(run.outcome.metrics.aidTrucks).toBeLessThan(100);
  });
});
