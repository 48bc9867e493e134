/**
 * The engine guards itself: names that are Object.prototype members are never taken from it,
 * a 0-day extension cannot loop, a run never narrates NaN, and every run has a step budget.
 */
import { describe, expect, it } from 'vitest';
import { compile, ParameterError, resolveParameters, runOnce, Simulation, STEP_BUDGET, StepBudgetExceeded } from '../../src/engine/index.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { loadBundled } from './helpers.ts';

const HEAD = 'parley: 1\nid: guard\ntitle: Guard\nparties:\n  a: { role: principal }\n  b: { role: principal }\n';

function load(text: string): Scenario {
  const result = loadScenario(text, 'guard.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return result.scenario;
}

function problems(text: string): string[] {
  const result = loadScenario(text, 'guard.yaml');
  if (result.ok) throw new Error('accepted');
  return result.problems.map((p) => `${p.line}:${p.col} ${p.message}`);
}

describe('Object.prototype names', () => {
  const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

  it('as a behaviour model, a setting, a party, a stock or a category: a located problem, never a TypeError', () => {
    for (const name of names) {
      const cases = [
        `${HEAD.replace('a: { role: principal }', `a: { role: principal, behaviour: { model: ${name} } }`)}phases:\n  - { id: t, length: 5 }\n`,
        `${HEAD}phases:\n  - { id: t, length: 5 }\nobligations:\n  - { id: o, kind: generic, party: ${name}, day: 1 }\n`,
        `${HEAD}phases:\n  - { id: t, length: 5 }\nobligations:\n  - { id: o, kind: release, party: a, stock: ${name}, quantity: 1, day: 1 }\n`,
        `${HEAD}stocks:\n  s: { held-by: a, count: 5 }\nphases:\n  - { id: t, length: 5 }\nobligations:\n  - { id: r, kind: release, party: a, stock: s, quantity: 1, day: 1 }\n  - { id: x, kind: exchange, party: a, stock: s, ratio: 1, in-return-for: r, category: ${name}, after: r }\n`,
        `${HEAD}stocks:\n  s: { held-by: a, count: 5 }\nphases:\n  - { id: t, length: 5 }\n  - { id: u, length: 5 }\n  - id: v\n    final: true\nincidents:\n  - { id: i, text: x, day: 1, collapse-chance: ${name} }\n`,
      ];
      for (const text of cases) expect(() => problems(text), `${name}: ${text}`).not.toThrow();
    }
  });

  it('in a condition, as a name, a function or a category', () => {
    for (const when of ['constructor > 0', 'constructor(a) > 0', 'tostring(a) > 0', 'held(s.constructor) > 0', '__proto__ > 0', 'held(constructor) > 0']) {
      const text = `${HEAD}stocks:\n  s: { held-by: a, count: 5 }\nphases:\n  - { id: t, length: 5 }\n  - { id: u, length: 5 }\n  - { id: v, final: true }\n`.replace('  - { id: t, length: 5 }', `  - { id: t, length: 5, gate: { requires: "${when}" } }`);
      let found: string[] = [];
      expect(() => (found = problems(text)), when).not.toThrow();
      expect(found[0], when).toMatch(/^10:\d+ (unknown|stock `s` has no category `constructor`)/);
    }
  });

  it('compile and resolveParameters treat such names as unknown parameters', () => {
    const model = compile(loadBundled('doha-60-day-draft.yaml'));
    for (const name of names) {
      const overrides = Object.fromEntries([[name, 1]]);
      expect(() => resolveParameters(model.scenario, overrides)).toThrow(ParameterError);
      expect(() => resolveParameters(model.scenario, overrides)).toThrow(/unknown parameter/);
      expect(() => runOnce(model, { seed: '1', params: overrides })).toThrow(ParameterError);
    }
    expect(Object.getPrototypeOf(model.params)).toBeNull();
    expect(model.params.constructor).toBeUndefined();
  });
});

describe('runs always end', () => {
  it('an extension rule of 0 days is rejected at load time; were it compiled, it would be skipped', () => {
    const text = `${HEAD}phases:\n  - id: t\n    length: 2\n    extensions: { max: 10, rules: [{ while: "true", days: 1 }] }\n`;
    const scenario = load(text);
    const rule = scenario.phases[0]!.extensions!.rules[0]! as { days: number };
    rule.days = 0;
    const result = runOnce(compile(scenario), { seed: '1' });
    expect(result.outcome.result).toBe('completed');
    expect(result.outcome.day).toBe(2);
    expect(result.outcome.metrics.extensions).toBe(0);
  });

  it('a run that outgrows the step budget stops with a clear error', () => {
    const scenario = load(`${HEAD}phases:\n  - { id: t, length: 10 }\n`);
    (scenario.phases[0] as { length: number }).length = STEP_BUDGET; // past the load-time bound, on purpose
    const sim = Simulation.start(compile(scenario), 'seed-7', { trace: false });
    expect(() => sim.runToEnd()).toThrow(StepBudgetExceeded);
    expect(() => Simulation.start(compile(scenario), 'seed-7', { trace: false }).runToEnd()).toThrow(/with seed `seed-7` took more than 10,000,000 steps/);
  });

  it('the longest allowed truce, with a daily obligation, runs to its end', () => {
    const scenario = load(`${HEAD}phases:\n  - { id: t, length: 3650 }\nobligations:\n  - { id: aid, kind: admit-aid, party: a, every: 1, trucks: 1 }\n`);
    const result = runOnce(compile(scenario), { seed: '3' });
    expect(['completed', 'collapsed']).toContain(result.outcome.result);
    expect(JSON.stringify(result)).not.toMatch(/NaN/);
  });
});
