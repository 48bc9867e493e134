/**
 * Properties that hold for every run of the flagship scenario, whatever the seed, the parameter
 * values (within their declared ranges) and the choices a person makes at each decision:
 * stocks are conserved, counts are whole and never negative, days never go back, and a run ends
 * in exactly one terminal event after which nothing happens.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, runOnce, Simulation, type Model, type Response, type SimState, type TraceEvent } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { bundledScenarioFiles, DOHA_FILE, loadBundled } from './helpers.ts';

const doha = loadBundled(DOHA_FILE);
const RESULTS = ['completed', 'extended-then-completed', 'advanced', 'stalled', 'collapsed'];
const TERMINAL = new Set(['truce.collapsed', 'truce.ended']);
const NUM_RUNS = 100;

/** Random values for every declared parameter, within its range (bounds included). */
function parameterValues(s: Scenario): fc.Arbitrary<Record<string, number>> {
  const fields: Record<string, fc.Arbitrary<number>> = {};
  for (const [id, p] of Object.entries(s.parameters)) {
    const [lo, hi] = p.range;
    fields[id] = fc.oneof(
      { arbitrary: fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }), weight: 4 },
      { arbitrary: fc.constantFrom(lo, hi, p.default), weight: 1 },
    );
  }
  return fc.record(fields);
}

const seeds = fc.oneof(fc.nat().map(String), fc.string({ maxLength: 16 }));

function checkState(scenario: Scenario, s: Readonly<SimState>, where: string): void {
  for (const [id, stock] of Object.entries(scenario.stocks)) {
    const live = s.stocks[id];
    if (!live) throw new Error(`${where}: stock ${id} missing from the state`);
    expect(Object.keys(live.held).sort(), `${where}: ${id} held categories`).toEqual(Object.keys(stock.count).sort());
    expect(Object.keys(live.released).sort(), `${where}: ${id} released categories`).toEqual(Object.keys(stock.count).sort());
    for (const [category, initial] of Object.entries(stock.count)) {
      const held = live.held[category]!;
      const released = live.released[category]!;
      if (!Number.isInteger(held) || held < 0) throw new Error(`${where}: ${id}.${category} held = ${held}`);
      if (!Number.isInteger(released) || released < 0) throw new Error(`${where}: ${id}.${category} released = ${released}`);
      if (held + released !== initial) throw new Error(`${where}: ${id}.${category} held ${held} + released ${released} ≠ initial ${initial}`);
    }
  }
  for (const [id, p] of Object.entries(s.parties)) {
    for (const key of ['trust', 'grievance', 'domesticPressure', 'mediatorPressure'] as const) {
      if (!(p[key] >= 0 && p[key] <= 1)) throw new Error(`${where}: ${id}.${key} = ${p[key]} is outside [0, 1]`);
    }
    for (const key of ['violations', 'delays', 'partials', 'complied', 'guaranteesInForce'] as const) {
      if (!Number.isInteger(p[key]) || p[key] < 0) throw new Error(`${where}: ${id}.${key} = ${p[key]}`);
    }
  }
  for (const [key, value] of Object.entries(s.counters)) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`${where}: counter ${key} = ${value}`);
  }
  if (!Number.isInteger(s.day) || s.day < 0) throw new Error(`${where}: day ${s.day}`);
}

function checkTrace(trace: readonly TraceEvent[]): void {
  expect(trace.length).toBeGreaterThan(0);
  expect(trace[0]!.type).toBe('phase.entered');
  for (let i = 1; i < trace.length; i++) {
    if (trace[i]!.day < trace[i - 1]!.day) throw new Error(`trace day goes back at event ${i}: ${trace[i - 1]!.day} → ${trace[i]!.day}`);
  }
  const terminals = trace.filter((e) => TERMINAL.has(e.type));
  expect(terminals, 'exactly one terminal event').toHaveLength(1);
  expect(TERMINAL.has(trace[trace.length - 1]!.type), 'the terminal event is the last').toBe(true);
  for (const e of trace) {
    for (const [key, change] of Object.entries(e.changes ?? {})) {
      if (!Number.isInteger(change) || change > 0) throw new Error(`event change ${key} = ${change} (releases are whole and negative)`);
    }
  }
}

/** Steps a run to its end, checking the state after every decision. `choose` picks each answer. */
function stepAndCheck(model: Model, seed: string, choose: (allowed: readonly Response[], n: number) => Response | undefined): void {
  const sim = Simulation.start(model, seed);
  checkState(model.scenario, sim.state, 'start');
  let lastDay = 0;
  let lastTraceLength = sim.trace!.length;
  let n = 0;
  for (;;) {
    const decision = sim.nextDecision();
    checkState(model.scenario, sim.state, `before decision ${n}`);
    if (!decision) break;
    expect(decision.allowed.length).toBeGreaterThan(0);
    expect(decision.day).toBe(sim.state.day);
    const p = decision.probabilities;
    const total = p.comply + p.delay + p.partial + p.violate + p.refuse;
    expect(total).toBeCloseTo(1, 9);
    for (const r of decision.allowed) expect(p[r]).toBeGreaterThanOrEqual(0);
    sim.decide(choose(decision.allowed, n));
    n += 1;
    checkState(model.scenario, sim.state, `after decision ${n - 1}`);
    if (sim.state.day < lastDay) throw new Error(`day went back from ${lastDay} to ${sim.state.day}`);
    lastDay = sim.state.day;
    if (sim.trace!.length < lastTraceLength) throw new Error('the trace shrank');
    lastTraceLength = sim.trace!.length;
    if (n > 5000) throw new Error('the run does not end');
  }
  expect(sim.state.decisions).toBe(n);

  const outcome = sim.outcome();
  expect(outcome).toBeDefined();
  const trace = sim.trace!;
  checkTrace(trace);
  expect(RESULTS).toContain(outcome!.result);
  const last = trace[trace.length - 1]!;
  expect(last.type).toBe(outcome!.result === 'collapsed' ? 'truce.collapsed' : 'truce.ended');
  if (outcome!.result === 'collapsed' || outcome!.result === 'stalled') {
    expect(typeof outcome!.cause).toBe('string');
    expect(outcome!.cause!.length).toBeGreaterThan(0);
  }
  expect(outcome!.day).toBe(sim.state.day);
  expect(outcome!.metrics.days).toBe(outcome!.day);
  expect(last.day).toBe(outcome!.day);

  // What the trace says moved is what the metrics say was released.
  const moved: Record<string, number> = {};
  for (const e of trace) for (const [key, change] of Object.entries(e.changes ?? {})) moved[key] = (moved[key] ?? 0) - change;
  for (const [stock, byCategory] of Object.entries(outcome!.metrics.released)) {
    for (const [category, released] of Object.entries(byCategory)) {
      expect(moved[`${stock}.${category}`] ?? 0, `${stock}.${category}`).toBe(released);
      expect(sim.state.stocks[stock]!.released[category]).toBe(released);
    }
  }

  // Nothing happens after a terminal state.
  const frozen = JSON.stringify({ trace, outcome });
  expect(sim.nextDecision()).toBeUndefined();
  expect(sim.nextDecision()).toBeUndefined();
  expect(() => sim.decide()).toThrow();
  expect(() => sim.decide('comply')).toThrow();
  expect(JSON.stringify({ trace: sim.trace, outcome: sim.outcome() })).toBe(frozen);
}

describe('invariants of the 60-day Doha draft', () => {
  const scenario = doha;
  it('hold for random seeds and parameter values, every party following its model', () => {
    fc.assert(
      fc.property(seeds, parameterValues(scenario), (seed, params) => {
        stepAndCheck(compile(scenario, params), seed, () => undefined);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('hold when a person picks a random allowed response at each decision', () => {
    const picks = fc.array(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 64 });
    fc.assert(
      fc.property(seeds, parameterValues(scenario), picks, (seed, params, pick) => {
        stepAndCheck(compile(scenario, params), seed, (allowed, n) => {
          const k = pick[n % pick.length]! % (allowed.length + 1);
          return k === allowed.length ? undefined : allowed[k]; // sometimes leave it to the model
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('hold when every answer is the same response', () => {
    const model = compile(scenario);
    for (const response of ['comply', 'delay', 'partial', 'violate', 'refuse'] as const) {
      for (const seed of ['1', '2', '3']) {
        stepAndCheck(model, seed, (allowed) => (allowed.includes(response) ? response : allowed[allowed.length - 1]));
      }
    }
  });

  it('always-comply answers release every captive and advance past the gate', () => {
    const model = compile(scenario);
    const sim = Simulation.start(model, 'all-comply');
    while (sim.nextDecision()) sim.decide('comply');
    const outcome = sim.outcome()!;
    expect(outcome.metrics.released.captives).toEqual({ alive: 10, deceased: 18 });
    expect(outcome.metrics.released.prisoners).toEqual({ all: 28 * 30 });
    expect(outcome.result === 'advanced' || outcome.result === 'collapsed').toBe(true);
  });

  it('runOnce gives the same outcome as stepping with no choices', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const model = compile(scenario);
        const sim = Simulation.start(model, seed);
        const outcome = sim.runToEnd();
        expect(JSON.stringify(runOnce(model, { seed }).outcome)).toBe(JSON.stringify(outcome));
      }),
      { numRuns: 50 },
    );
  });
});

describe('invariants of every bundled scenario', () => {
  for (const file of bundledScenarioFiles()) {
    it(`scenarios/${file}: random seeds, parameters and choices`, () => {
      const scenario = loadBundled(file);
      const picks = fc.array(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 64 });
      fc.assert(
        fc.property(seeds, parameterValues(scenario), picks, fc.boolean(), (seed, params, pick, byModel) => {
          stepAndCheck(compile(scenario, params), seed, (allowed, n) => {
            if (byModel) return undefined;
            const k = pick[n % pick.length]! % (allowed.length + 1);
            return k === allowed.length ? undefined : allowed[k];
          });
        }),
        { numRuns: 20 },
      );
    });
  }
});
