/**
 * The truce statechart's paths: with xstate/graph, every phase and terminal state a scenario's
 * structure allows is reachable; and many seeded runs of the flagship scenario actually visit the
 * main outcomes.
 */
import { transition, type StateValue } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { compile, runOnce, Session, type TruceEvent, type TruceMachine } from '../../src/engine/index.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { bundledScenarioFiles, DOHA_FILE, loadBundled, loadFixture } from './helpers.ts';

const EVENTS: TruceEvent[] = [
  { type: 'phase.extended', days: 7 },
  { type: 'phase.end', gateOpen: true },
  { type: 'phase.end', gateOpen: false },
  { type: 'truce.collapsed', cause: 'a test collapse' },
];
const TERMINAL_NAMES = ['completed', 'extended-then-completed', 'stalled', 'collapsed'];

interface Reached {
  /** Every state value reached, as `phase.sub` or a top-level name. */
  values: Set<string>;
  /** Top-level final states reached, with the events that lead there. */
  finals: Map<string, string[]>;
}

function label(value: unknown): string {
  if (typeof value === 'string') return value;
  const [phase, sub] = Object.entries(value as Record<string, unknown>)[0]!;
  return `${phase}.${label(sub)}`;
}

function reachable(machine: TruceMachine): Reached {
  const paths = getShortestPaths(machine, {
    events: EVENTS,
    // The context counts extension days without bound; whether the truce was extended is all that matters.
    serializeState: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.extensionDays > 0, snapshot.status]),
  });
  const values = new Set<string>();
  const finals = new Map<string, string[]>();
  for (const path of paths) {
    const name = label(path.state.value);
    values.add(name);
    if (path.state.status === 'done' && !finals.has(name)) {
      finals.set(name, path.steps.map((s) => (s.event.type === 'phase.end' ? `phase.end(${s.event.gateOpen ? 'open' : 'shut'})` : s.event.type)));
    }
  }
  return { values, finals };
}

function fromYaml(text: string): Scenario {
  const result = loadScenario(text, 'inline.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return result.scenario;
}

const doha = compile(loadBundled(DOHA_FILE));

describe('statechart paths (xstate/graph)', () => {
  it('the Doha draft: both sub-states of the truce, the final phase, stalled and collapsed are reachable', () => {
    const { values, finals } = reachable(doha.machine);
    for (const state of ['truce.running', 'truce.extended', 'permanent-ceasefire', 'stalled', 'collapsed']) {
      expect(values, state).toContain(state);
    }
    // A gate with `otherwise: stalled` and a final phase after it: these are all its terminal states.
    expect([...finals.keys()].sort()).toEqual(['collapsed', 'permanent-ceasefire', 'stalled']);
    expect(finals.get('permanent-ceasefire')).toEqual(['xstate.init', 'phase.end(open)']);
    expect(finals.get('stalled')).toEqual(['xstate.init', 'phase.end(shut)']);
    expect(finals.get('collapsed')).toEqual(['xstate.init', 'truce.collapsed']);
  });

  it('the machine declares every terminal outcome', () => {
    const states = Object.keys(doha.machine.root.states);
    for (const name of [...TERMINAL_NAMES, 'truce', 'permanent-ceasefire']) expect(states).toContain(name);
    for (const name of TERMINAL_NAMES) expect(doha.machine.root.states[name]!.type).toBe('final');
    expect(doha.machine.root.states['permanent-ceasefire']!.type).toBe('final');
  });

  it('a truce without a final phase reaches completed, extended-then-completed and collapsed', () => {
    const model = compile(loadFixture('no-final-phase.yaml'));
    const { finals } = reachable(model.machine);
    expect([...finals.keys()].sort()).toEqual(['collapsed', 'completed', 'extended-then-completed']);
    expect(finals.get('extended-then-completed')).toEqual(['xstate.init', 'phase.extended', 'phase.end(open)']);
  });

  it('gates that end in completed or collapsed route through their transient states', () => {
    const scenario = fromYaml(`parley: 1
id: gates
title: Gates
parties:
  a: { role: principal }
  b: { role: principal }
phases:
  - id: first
    length: 5
    gate: { requires: "day > 0", otherwise: completed }
  - id: second
    length: 5
    gate: { requires: "day > 0", otherwise: collapsed }
  - id: third
    final: true
`);
    const { values, finals } = reachable(compile(scenario).machine);
    for (const state of ['first.running', 'first.extended', 'second.running', 'second.extended']) expect(values, state).toContain(state);
    expect([...finals.keys()].sort()).toEqual(['collapsed', 'completed', 'extended-then-completed', 'third']);
    // Shortest paths keep one path per state, so walk the gate routes explicitly too.
    const machine = compile(scenario).machine;
    const from = (value: StateValue) => machine.resolveState({ value, context: { extensionDays: 0 } });
    expect(transition(machine, from({ second: 'running' }), { type: 'phase.end', gateOpen: false })[0].value).toBe('collapsed');
    expect(transition(machine, from({ first: 'running' }), { type: 'phase.end', gateOpen: false })[0].value).toBe('completed');
    expect(transition(machine, from({ first: 'running' }), { type: 'phase.end', gateOpen: true })[0].value).toEqual({ second: 'running' });
    expect(transition(machine, from({ second: 'extended' }), { type: 'phase.end', gateOpen: true })[0].value).toBe('third');
  });

  for (const file of bundledScenarioFiles()) {
    it(`scenarios/${file}: every phase is reachable and every end is a named outcome`, () => {
      const scenario = loadBundled(file);
      const { values, finals } = reachable(compile(scenario).machine);
      const finalPhases = scenario.phases.filter((p) => p.final).map((p) => p.id);
      for (const phase of scenario.phases) {
        if (phase.final) expect(values, phase.id).toContain(phase.id);
        else expect(values, phase.id).toContain(`${phase.id}.running`);
      }
      expect(finals.size).toBeGreaterThan(0);
      expect(finals.has('collapsed')).toBe(true);
      for (const name of finals.keys()) expect([...TERMINAL_NAMES, ...finalPhases]).toContain(name);
    });
  }
});

describe('outcomes seen in seeded runs', () => {
  it('300 runs of the Doha draft visit collapsed, stalled and advanced', () => {
    const seen = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const { outcome } = runOnce(doha, { seed: `sweep-${i}`, trace: false });
      seen.set(outcome.result, (seen.get(outcome.result) ?? 0) + 1);
      if (outcome.result === 'advanced') expect(outcome.phase).toBe('permanent-ceasefire');
      if (outcome.result === 'stalled') expect(outcome.day).toBeGreaterThanOrEqual(60);
    }
    for (const result of ['collapsed', 'stalled', 'advanced']) expect(seen.get(result) ?? 0, result).toBeGreaterThan(0);
    expect([...seen.keys()].every((r) => ['collapsed', 'stalled', 'advanced'].includes(r))).toBe(true);
  });

  it('the fixture without a final phase completes, or is extended and then completes', () => {
    const scenario = loadFixture('no-final-phase.yaml');
    const plain = runOnce(compile(scenario, { 'extend-chance': 0 }), { seed: '1' }).outcome;
    expect(plain).toMatchObject({ result: 'completed', day: 10 });
    const extended = runOnce(compile(scenario, { 'extend-chance': 1 }), { seed: '1' }).outcome;
    expect(extended).toMatchObject({ result: 'extended-then-completed', day: 16 });
    expect(extended.metrics.extensionDays).toBe(6);
  });

  it('a session ends with the machine in its terminal state', () => {
    for (const seed of ['1', '2', '3', '4', '5', '6']) {
      const session = Session.start(doha, seed);
      expect(session.machineValue).toEqual({ truce: 'running' });
      session.advance('end');
      const outcome = session.outcome!;
      expect(session.machineValue).toBe(outcome.result === 'advanced' ? outcome.phase : outcome.result);
    }
  });
});
