/**
 * Same scenario + seed + parameters ⇒ byte-identical result; different seeds differ; undo, fork
 * and replay of a Session are exact.
 */
import { describe, expect, it } from 'vitest';
import { compile, runOnce, Session, Simulation, type Response } from '../../src/engine/index.ts';
import { DOHA_FILE, loadBundled } from './helpers.ts';

const scenario = loadBundled(DOHA_FILE);
const model = compile(scenario);

/**
 * The exact state of a session, settled at its next decision (the automatic steps before a
 * decision are deterministic). It is read through fork(), whose snapshot refreshes the RNG state.
 */
function exact(session: Session): string {
  void session.decision;
  const copy = session.fork();
  return JSON.stringify({ state: copy.state, trace: copy.trace, choices: copy.choices });
}

/** Runs a session to its end by its models and returns everything it produced. */
function finish(session: Session): string {
  session.advance('end');
  return JSON.stringify({ state: session.state, trace: session.trace, outcome: session.outcome });
}

describe('runOnce', () => {
  it('gives byte-identical JSON for the same scenario, seed and parameters', () => {
    for (const seed of ['1', '42', 'alpha', '']) {
      const a = JSON.stringify(runOnce(model, { seed }));
      runOnce(model, { seed: 'something else in between' });
      const b = JSON.stringify(runOnce(compile(loadBundled(DOHA_FILE)), { seed }));
      expect(b).toBe(a);
    }
  });

  it('gives byte-identical JSON with parameter overrides, and the overrides show in params', () => {
    const params = { 'hamas-base-comply': 0.6, 'clash-rate': 0.1 };
    const a = runOnce(model, { seed: '9', params });
    const b = runOnce(model, { seed: '9', params: { ...params } });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.params['hamas-base-comply']).toBe(0.6);
    expect(a.params['clash-rate']).toBe(0.1);
    // Parameters not overridden keep the scenario's declared default.
    expect(a.params['israel-base-comply']).toBe(scenario.parameters!['israel-base-comply']!.default);
  });

  it('does not change the model it runs', () => {
    const before = JSON.stringify({ params: model.params, scenario: model.scenario });
    runOnce(model, { seed: '5', params: { 'clash-rate': 0.2 } });
    expect(JSON.stringify({ params: model.params, scenario: model.scenario })).toBe(before);
    expect(JSON.stringify(runOnce(model, { seed: '5' }).params)).toBe(JSON.stringify(compile(scenario).params));
  });

  it('gives different traces for different seeds', () => {
    const traces = new Set<string>();
    const outcomes = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const result = runOnce(model, { seed: String(i) });
      expect(result.seed).toBe(String(i));
      traces.add(JSON.stringify(result.trace));
      outcomes.add(JSON.stringify(result.outcome));
    }
    expect(traces.size).toBeGreaterThan(1);
    expect(traces.size).toBeGreaterThanOrEqual(15);
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it('gives the same outcome with trace: false as with the trace', () => {
    for (let i = 0; i < 40; i++) {
      const seed = `t${i}`;
      const traced = runOnce(model, { seed });
      const untraced = runOnce(model, { seed, trace: false });
      expect(JSON.stringify(untraced.outcome)).toBe(JSON.stringify(traced.outcome));
      expect(untraced.trace).toEqual([]);
    }
  });
});

describe('Session', () => {
  it('undo restores the exact state and trace', () => {
    const session = Session.start(model, '3');
    session.advance('decision');
    session.advance('decision');
    const before = exact(session);
    session.decide('violate');
    session.advance('day');
    session.advance('decision');
    expect(exact(session)).not.toBe(before);
    expect(session.undo()).toBe(true);
    expect(session.undo()).toBe(true);
    expect(session.undo()).toBe(true);
    expect(exact(session)).toBe(before);
  });

  it('after undo the run continues exactly as it would have', () => {
    const session = Session.start(model, '11');
    for (let i = 0; i < 8; i++) session.advance('decision');
    const reference = session.fork();
    session.decide('refuse');
    session.advance('day');
    session.undo();
    session.undo();
    expect(finish(session)).toBe(finish(reference));
  });

  it('undo with nothing to undo returns false and changes nothing', () => {
    const session = Session.start(model, '4');
    const before = exact(session);
    expect(session.canUndo).toBe(false);
    expect(session.undo()).toBe(false);
    expect(exact(session)).toBe(before);
  });

  it('undo all the way back gives the start of the run', () => {
    const session = Session.start(model, '8');
    const start = exact(session);
    for (let i = 0; i < 12; i++) session.decide(i % 3 === 0 ? 'delay' : undefined);
    while (session.undo());
    expect(exact(session)).toBe(start);
  });

  it('fork then diverge leaves the original untouched', () => {
    const session = Session.start(model, '6');
    for (let i = 0; i < 5; i++) session.advance('decision');
    const before = exact(session);
    const beforeTraceLength = session.trace.length;

    const branch = session.fork();
    branch.decide('violate');
    branch.decide('refuse');
    branch.advance('end');
    expect(branch.outcome).toBeDefined();

    expect(exact(session)).toBe(before);
    expect(session.trace.length).toBe(beforeTraceLength);

    // The original then runs exactly like a session that never forked.
    const twin = Session.start(model, '6');
    for (let i = 0; i < 5; i++) twin.advance('decision');
    expect(finish(session)).toBe(finish(twin));
    expect(finish(branch)).not.toBe(finish(session));
  });

  it('the branch shares the past: its trace starts with the original trace', () => {
    const session = Session.start(model, '12');
    for (let i = 0; i < 6; i++) session.advance('decision');
    const past = JSON.stringify(session.trace);
    const branch = session.fork();
    branch.advance('end');
    expect(JSON.stringify(branch.trace.slice(0, session.trace.length))).toBe(past);
  });

  it('replay(model, seed, choices, n) reproduces a session that made choices', () => {
    const session = Session.start(model, '21');
    const script: (Response | 'model')[] = ['comply', 'model', 'delay', 'model', 'model', 'partial', 'violate', 'model', 'comply', 'refuse'];
    for (const step of script) {
      if (!session.decision) break;
      if (step === 'model') session.advance('decision');
      else {
        const allowed = session.decision.allowed;
        session.decide(allowed.includes(step) ? step : allowed[0]);
      }
    }
    session.advance('day');
    const n = session.state.decisions;
    expect(Object.keys(session.choices).length).toBeGreaterThan(0);

    const replayed = Session.replay(model, '21', session.choices, n);
    expect(replayed.state.decisions).toBe(n);
    expect(JSON.stringify(replayed.choices)).toBe(JSON.stringify(session.choices));
    expect(exact(replayed)).toBe(exact(session));
    expect(finish(replayed)).toBe(finish(session));
  });

  it('replay through a JSON round trip of the choice log (a shared link)', () => {
    const session = Session.start(model, 'link');
    session.decide('comply');
    session.decide('delay');
    session.advance('day');
    session.decide('violate');
    const link = JSON.parse(JSON.stringify({ seed: session.seed, choices: session.choices, n: session.state.decisions })) as { seed: string; choices: Record<number, Response>; n: number };
    const replayed = Session.replay(model, link.seed, link.choices, link.n);
    expect(exact(replayed)).toBe(exact(session));
  });

  it('chosen responses are marked in the trace, model responses are not', () => {
    const session = Session.start(model, '2');
    session.decide('partial');
    const responded = session.trace.filter((e) => e.type === 'party.responded');
    expect(responded[0]).toMatchObject({ response: 'partial', chosen: true });
    session.advance('decision');
    const after = session.trace.filter((e) => e.type === 'party.responded');
    expect(after[1]!.chosen).toBeUndefined();
  });

  it('a session run by its models matches runOnce', () => {
    for (const seed of ['1', '2', '3']) {
      const session = Session.start(model, seed);
      session.advance('end');
      const result = runOnce(model, { seed });
      expect(JSON.stringify(session.trace)).toBe(JSON.stringify(result.trace));
      expect(JSON.stringify(session.outcome)).toBe(JSON.stringify(result.outcome));
    }
  });
});

describe('snapshots', () => {
  it('Simulation.snapshot()/restore continue exactly', () => {
    const sim = Simulation.start(model, '7');
    for (let i = 0; i < 5; i++) sim.decide();
    const copy = Simulation.restore(model, sim.snapshot(), sim.trace!);
    expect(JSON.stringify(copy.runToEnd())).toBe(JSON.stringify(sim.runToEnd()));
    expect(JSON.stringify(copy.trace)).toBe(JSON.stringify(sim.trace));
  });

  // state.ts documents SimState as "a structured clone of it is an exact snapshot": the live
  // `state` must carry the current RNG state, not the one from the last snapshot.
  it('a structured clone of the live state is an exact snapshot (RNG included)', () => {
    const sim = Simulation.start(model, '7');
    for (let i = 0; i < 5; i++) sim.decide();
    const copy = Simulation.restore(model, { state: structuredClone(sim.state), traceLength: sim.trace!.length }, sim.trace!);
    expect(JSON.stringify(copy.runToEnd())).toBe(JSON.stringify(sim.runToEnd()));
  });
});
