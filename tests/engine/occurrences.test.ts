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
    const day4 = responses(run.trace, 'aid').find((e) => e.day === 4)!;
    expect(day4).toMatchObject({ response: 'delay', expired: true });
    expect(run.outcome.metrics.violations).toEqual({ a: 1, b: 0 });
  });
});
