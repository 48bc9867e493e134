import { describe, expect, it } from 'vitest';
import { compile, runOnce } from '../../src/engine/index.ts';
import { runKey } from '../../src/engine/rng.ts';
import { initialState } from '../../src/engine/start-state.ts';
import { analyseTalks } from '../../src/engine/talks/analysis.ts';
import { kalaiPoint } from '../../src/engine/talks/kalai.ts';
import { compileTalks } from '../../src/engine/talks/compile.ts';
import { negotiate } from '../../src/engine/talks/negotiate.ts';
import { openingOf } from '../../src/engine/talks/run-talks.ts';
import { utility } from '../../src/engine/talks/utility.ts';
import { formatProblems, loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { loadBundled } from './helpers.ts';

/** A two-principal scenario whose `talks:` is the given YAML (indented two spaces). */
function withTalks(talks: string, extraParams = ''): Scenario {
  const text = `parley: 1
id: talks-test
title: talks test
parameters:
  x: { default: 50, range: [0, 100] }
  y: { default: 5, range: [0, 10] }
${extraParams}
parties:
  a: { role: principal, counterpart: b }
  b: { role: principal, counterpart: a }
  m: { role: mediator }
phases:
  - { id: truce, length: 5 }
talks:
${talks}`;
  const loaded = loadScenario(text, 'talks-test.yaml');
  if (!loaded.ok) throw new Error(formatProblems(loaded.problems));
  return loaded.scenario;
}

function talksOf(scenario: Scenario) {
  const model = compile(scenario);
  return compileTalks(scenario, model.params)!;
}

/** The offer a time-based side makes in round r: ideal + (reservation − ideal)·((r−1)/(T−1))^(1/e), to the nearest whole number. */
const timeBasedOffer = (ideal: number, reservation: number, e: number, r: number, T: number) => Math.floor(ideal + (reservation - ideal) * Math.pow((r - 1) / (T - 1), 1 / e) + 0.5);

describe('talks: strategies against known results', () => {
  it('a linear side meeting a Boulware side ends at the offer the concession formula gives', () => {
    const T = 11;
    const scenario = withTalks(`  deadline: ${T}
  opens: a
  issues: [{ id: x, parameter: x }]
  positions:
    a: { strategy: linear, issues: { x: { ideal: 0, reservation: 60 } } }
    b: { strategy: boulware, e: 0.5, issues: { x: { ideal: 100, reservation: 40 } } }`);
    const a = (r: number) => timeBasedOffer(0, 60, 1, r, T);
    const b = (r: number) => timeBasedOffer(100, 40, 0.5, r, T);
    let expected: { round: number; value: number } | undefined;
    for (let r = 1; r <= T && !expected; r++) {
      if (r % 2 === 1 && a(r) >= b(r + 1)) expected = { round: r, value: a(r) };
      if (r % 2 === 0 && b(r) <= a(r + 1)) expected = { round: r, value: b(r) };
    }
    const result = negotiate(talksOf(scenario), runKey('1'), { trace: false });
    expect(expected).toBeDefined();
    expect(result.deal).toBe(true);
    expect({ round: result.round, value: result.values![0] }).toEqual(expected);
  });

  it('an empty zone of agreement never yields a deal, whatever the strategies and the seed', () => {
    for (const [sa, sb] of [['linear', 'conceder'], ['conceder', 'conceder'], ['tit-for-tat', 'boulware'], ['hard-liner', 'conceder']]) {
      const scenario = withTalks(`  deadline: 12
  opens: a
  issues: [{ id: x, parameter: x }]
  mediators: { m: { method: split-the-difference } }
  positions:
    a: { strategy: ${sa}, min-step: 0.1, issues: { x: { ideal: 0, reservation: 30 } } }
    b: { strategy: ${sb}, min-step: 0.1, issues: { x: { ideal: 100, reservation: 70 } } }`);
      const talks = talksOf(scenario);
      expect(analyseTalks(talks).zoneSize).toBe(0);
      for (let seed = 0; seed < 20; seed++) {
        const run = runOnce(compile(scenario), { seed: String(seed) });
        expect(run.outcome.result).toBe('no-deal');
        expect(run.outcome.day).toBe(0);
        expect(run.trace).toEqual([]);
      }
    }
  });

  it('the Nash and Kalai points of known utilities: each side gets the issue it weighs most', () => {
    const scenario = withTalks(`  deadline: 5
  opens: a
  issues: [{ id: x, parameter: y }, { id: y, parameter: y }]
  positions:
    a: { issues: { x: { ideal: 0, reservation: 10, weight: 3 }, y: { ideal: 0, reservation: 10, weight: 1 } } }
    b: { issues: { x: { ideal: 10, reservation: 0, weight: 1 }, y: { ideal: 10, reservation: 0, weight: 3 } } }`);
    const talks = talksOf(scenario);
    const analysis = analyseTalks(talks);
    expect(analysis.gridSize).toBe(121);
    expect(analysis.nash?.values).toEqual([0, 10]);
    expect(kalaiPoint(analysis)?.values).toEqual([0, 10]);
    expect(analysis.nash?.utilities).toEqual([0.75, 0.75]);
    for (const p of analysis.pareto) {
      for (const q of analysis.pareto) if (q !== p) expect(q.utilities[0] > p.utilities[0] && q.utilities[1] > p.utilities[1]).toBe(false);
    }
    expect(analysis.pareto.some((p) => p.values[0] === 0 && p.values[1] === 10)).toBe(true);
  });

  it('a Nash mediator closes the deal at the Nash point once both sides value it above their own next offer', () => {
    const scenario = withTalks(`  deadline: 9
  opens: a
  issues: [{ id: x, parameter: y }, { id: y, parameter: y }]
  mediators: { m: { method: nash } }
  positions:
    a: { strategy: boulware, issues: { x: { ideal: 0, reservation: 10, weight: 3 }, y: { ideal: 0, reservation: 10, weight: 1 } } }
    b: { strategy: boulware, issues: { x: { ideal: 10, reservation: 0, weight: 1 }, y: { ideal: 10, reservation: 0, weight: 3 } } }`);
    const result = negotiate(talksOf(scenario), runKey('1'), { trace: true });
    expect(result.deal).toBe(true);
    expect(result.by).toBe('m');
    expect(result.values).toEqual([0, 10]);
  });
});

describe('talks: pressure, events and the truce start', () => {
  it('is deterministic, and an event with a chance happens for some seeds and not others', () => {
    const scenario = withTalks(`  deadline: 10
  opens: a
  issues: [{ id: x, parameter: x }]
  events: [{ id: shock, round: 2, chance: 0.5, text: a shock, break-chance: 1 }]
  positions:
    a: { issues: { x: { ideal: 0, reservation: 60 } } }
    b: { issues: { x: { ideal: 100, reservation: 40 } } }`);
    const model = compile(scenario);
    const results = Array.from({ length: 40 }, (_, i) => runOnce(model, { seed: String(i) }));
    expect(Array.from({ length: 40 }, (_, i) => runOnce(model, { seed: String(i) }))).toEqual(results);
    const broken = results.filter((r) => r.outcome.result === 'no-deal');
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.length).toBeLessThan(40);
    for (const r of broken) expect(r.outcome.cause).toBe('a shock');
  });

  it('pressure makes a side cross its red line, and the crossed red line raises its grievance at the truce start', () => {
    const scenario = withTalks(`  deadline: 6
  opens: a
  issues: [{ id: x, parameter: x }]
  levers: [{ by: m, on: b, round: 1, pressure: 0.5 }]
  positions:
    a: { strategy: boulware, e: 0.1, issues: { x: { ideal: 0, reservation: 50 } } }
    b: { conceded: { grievance: 0.3, domestic-pressure: 0.2 }, issues: { x: { ideal: 100, reservation: 40 } } }`);
    const talks = talksOf(scenario);
    const result = negotiate(talks, runKey('1'), { trace: false });
    expect(result.deal).toBe(true);
    expect(result.values![0]).toBeLessThan(40);
    expect(utility(talks.sides[1], result.values!)).toBeLessThan(0);
    const model = compile(scenario, { x: result.values![0]! });
    const opened = initialState(model, '1', openingOf(talks, result));
    const plain = initialState(model, '1');
    expect(opened.parties['b']!.grievance).toBeCloseTo(plain.parties['b']!.grievance + 0.3);
    expect(opened.parties['b']!.domesticPressure).toBeCloseTo(plain.parties['b']!.domesticPressure + 0.2);
    expect(opened.parties['a']).toEqual(plain.parties['a']);
    const run = runOnce(compile(scenario), { seed: '1' });
    expect(run.params['x']).toBe(result.values![0]);
    expect(run.outcome.talks).toEqual({ deal: true, round: result.round, terms: { x: result.values![0] } });
  });
});

describe('talks → truce: the agreed terms are the truce\'s terms', () => {
  it('Hamas picking the names arms Israel\'s red line; a deal without it never trips it', () => {
    const model = compile(loadBundled('prisoner-exchange-talks.yaml'));
    const tripped = (cause: string | undefined) => cause?.includes('prisoners chosen by Hamas') ?? false;
    const byNames = { 0: 0, 1: 0 } as Record<number, number>;
    let trips = 0;
    for (let i = 0; i < 60; i++) {
      const run = runOnce(model, { seed: `names:${i}`, trace: false });
      if (!run.outcome.talks?.deal) continue;
      const names = run.outcome.talks.terms!['names']!;
      expect(run.params['hamas-picks-names']).toBe(names);
      byNames[names]! += 1;
      if (tripped(run.outcome.cause)) {
        trips++;
        expect(names).toBe(1);
      }
    }
    expect(byNames[0]).toBeGreaterThan(0);
    expect(byNames[1]).toBeGreaterThan(0);
    expect(trips).toBeGreaterThan(0);
  });
});
