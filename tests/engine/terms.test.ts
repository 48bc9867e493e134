/**
 * Terms as writers set them: a lapse is never silent, a term may answer and anger by its own
 * behaviour, and days, extensions and incident effects may name parameters.
 */
import { describe, expect, it } from 'vitest';
import { compile, runOnce, Simulation } from '../../src/engine/index.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { DOHA_FILE, loadBundled } from './helpers.ts';

const HEAD = 'parley: 1\nid: terms\ntitle: Terms\nparties:\n  a: { role: principal }\n  b: { role: principal }\n';

function load(text: string): Scenario {
  const result = loadScenario(text, 'terms.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return result.scenario;
}

describe('a lapse is never silent', () => {
  it('the 60-day draft, seed 1: a delay to day 62 says it runs past day 60, and the lapse is told when the truce ends', () => {
    const { trace } = runOnce(compile(loadBundled(DOHA_FILE)), { seed: '1' });
    const delayed = trace.find((e) => e.type === 'party.responded' && e.response === 'delay' && / to day 62/.test(e.text));
    expect(delayed?.text).toMatch(/after the 60-day truce's last day \(60\): it lapses unless the 60-day truce is extended/);
    const lapsed = trace.filter((e) => e.lapsed);
    expect(lapsed).toHaveLength(1);
    expect(lapsed[0]).toMatchObject({ day: 60, party: 'hamas', obligation: 'final-release', type: 'party.reacted' });
    expect(lapsed[0]!.text).toBe("Hamas's delayed obligation to release 8 deceased captives (put off to day 62) lapsed when the 60-day truce ended.");
    const ended = trace.findIndex((e) => e.type === 'phase.ended');
    expect(trace.indexOf(lapsed[0]!)).toBe(ended + 1);
  });

  it('an occurrence due after a wait that outlasts its phase lapses with a trace event and status `lapsed`', () => {
    const s = load(`${HEAD}phases:\n  - { id: one, length: 3 }\n  - { id: two, length: 3 }\nobligations:\n  - { id: first, kind: generic, party: a, day: 2, text: do the first thing }\n  - { id: second, kind: generic, party: b, after: first, wait: 5, text: do the second thing }\n`);
    const sim = Simulation.start(compile(s), 'x', { comply: ['a', 'b'] });
    sim.runToEnd();
    const lapsed = sim.trace!.filter((e) => e.lapsed);
    expect(lapsed.map((e) => [e.day, e.obligation])).toEqual([[3, 'second']]);
    expect(lapsed[0]!.text).toBe("b's obligation to do the second thing (due on day 7) lapsed when the one ended.");
    expect(sim.state.obligations[1]!.status).toBe('lapsed');
  });
});

describe('behaviour per term', () => {
  const base = `${HEAD}phases:\n  - { id: truce, length: 20 }\nobligations:\n`;

  it("a term may answer by its own settings over its party's, or by another model", () => {
    const s = load(`${base}  - { id: search, kind: generic, party: a, every: 1 day, behaviour: { base-comply: 0.2 } }\n  - { id: routine, kind: generic, party: a, every: 1 day }\n  - { id: fixed, kind: generic, party: b, every: 1 day, behaviour: { model: fixed, comply: 1, delay: 0, partial: 0, violate: 0 } }\n`);
    const sim = Simulation.start(compile(s), 'p');
    const seen: Record<string, number> = {};
    for (let d = sim.nextDecision(); d; d = sim.nextDecision()) {
      seen[d.obligation] ??= d.probabilities.comply;
      sim.decide('comply');
    }
    expect(seen['search']).toBeCloseTo(0.2, 1);
    expect(seen['routine']).toBeCloseTo(0.85, 2);
    expect(seen['fixed']).toBe(1);
  });

  it('`grievance:` sets how much a delay, a partial answer or a failure of this term angers the counterpart', () => {
    const s = load(`${base}  - { id: remains, kind: generic, party: a, day: 1, grace: 10, grievance: { delay: 0, violate: 0.3 } }\n  - { id: other, kind: generic, party: a, day: 1, grace: 10 }\n`);
    const model = compile(s);
    expect(model.obligations.map((o) => o.grievance)).toEqual([{ delay: 0, partial: 0.1, violate: 0.3 }, { delay: 0.05, partial: 0.1, violate: 0.2 }]);
    const sim = Simulation.start(model, 'g');
    sim.decide('delay'); // remains: no grievance
    sim.decide('comply'); // other
    expect(sim.state.parties['b']!.grievance).toBe(0);
    sim.nextDecision();
    const sim2 = Simulation.start(model, 'g');
    sim2.decide('violate');
    sim2.decide('delay');
    const next = sim2.nextDecision()!;
    // 0.3 + 0.05 added on day 1, then 5% decay at the end of each day before the next decision's
    expect(sim2.state.parties['b']!.grievance).toBeCloseTo((0.3 + 0.05) * 0.95 ** (next.day - 1), 10);
  });
});

describe('parameters in days, extensions and incident effects', () => {
  const text = `${HEAD}parameters:\n  grace-days: { default: 2, range: [0, 10] }\n  ext: { default: 4, range: [1, 10] }\n  most: { default: 6, range: [0, 20] }\n  anger: { default: 0.3, range: [0, 1] }\nphases:\n  - id: truce\n    length: 5\n    extensions: { max: most, rules: [{ while: "day > 0", days: ext }] }\nobligations:\n  - { id: x, kind: generic, party: a, day: 1, grace: grace-days }\nincidents:\n  - { id: clash, text: a clash, day: 1, effects: { b: { grievance: anger } } }\nsettings: { max-delay: grace-days }\n`;

  it('resolve to the parameter values, and a sweep changes them', () => {
    const m = compile(load(text));
    expect(m.obligations[0]!.grace).toBe(2);
    expect(m.maxDelay).toBe(2);
    expect(m.phases[0]!.maxExtension).toBe(6);
    expect(m.phases[0]!.extensionRules[0]!.days).toBe(4);
    expect(m.incidents[0]!.effects[0]!.grievance).toBe(0.3);
    const swept = compile(load(text), { 'grace-days': 7, ext: 2, most: 3, anger: 0.5 });
    expect([swept.obligations[0]!.grace, swept.phases[0]!.extensionRules[0]!.days, swept.phases[0]!.maxExtension, swept.incidents[0]!.effects[0]!.grievance]).toEqual([7, 2, 3, 0.5]);
    const outcome = Simulation.start(swept, 's', { comply: ['a', 'b'] }).runToEnd();
    expect(outcome.metrics['extensionDays']).toBe(3);
  });

  it("a parameter whose range leaves the field's bounds is rejected where it is used", () => {
    const bad = text.replace('ext: { default: 4, range: [1, 10] }', 'ext: { default: 4, range: [0, 10] }').replace('anger: { default: 0.3, range: [0, 1] }', 'anger: { default: 0.3, range: [0, 2] }');
    const result = loadScenario(bad, 'terms.yaml');
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toContain('15: parameter `ext` is used as extension days but its range [0, 10] goes outside [1, 3650]');
    expect(messages).toContain('19: parameter `anger` is used as an effect but its range [0, 2] goes outside [-1, 1]');
  });
});

describe('timing by condition, and open-ended phases', () => {
  const text = `${HEAD}stocks:\n  captives: { held-by: a, count: 6 }\nphases:\n  - id: search\n    ends-when: "held(captives) == 0"\n  - { id: after, final: true }\nobligations:\n  - { id: weekly, kind: release, party: a, stock: captives, quantity: 2, every: 7 days }\n  - { id: inquiry, kind: generic, party: b, when: "released(captives) >= 4", text: open an inquiry }\n`;

  it('`when:` falls due on the first day its condition holds at the start of the day, once; `ends-when` ends an open-ended phase that day', () => {
    const sim = Simulation.start(compile(load(text)), 'w', { comply: ['a', 'b'] });
    const outcome = sim.runToEnd();
    const due = sim.trace!.filter((e) => e.type === 'obligation.due').map((e) => [e.day, e.obligation]);
    // releases on days 1, 8, 15; 4 released after day 8, so the inquiry is due at the start of day 9
    expect(due).toEqual([[1, 'weekly'], [8, 'weekly'], [9, 'inquiry'], [15, 'weekly']]);
    expect(sim.trace!.find((e) => e.type === 'phase.entered')!.text).toBe('The search begins, open-ended: it lasts until held(captives) == 0.');
    expect(sim.trace!.some((e) => e.type === 'phase.ended' && e.day === 15 && /end condition holds/.test(e.text))).toBe(true);
    expect(outcome).toMatchObject({ result: 'advanced', phase: 'after', day: 15 });
  });

  it('an open-ended phase whose condition never holds ends at the truce bound, day 3,650', () => {
    const never = text.replace('"held(captives) == 0"', '"held(captives) < 0"');
    const outcome = Simulation.start(compile(load(never)), 'w', { trace: false, comply: ['a', 'b'] }).runToEnd();
    expect(outcome).toMatchObject({ result: 'advanced', day: 3650 });
  });

  it('a phase with neither `length` nor `ends-when` is still rejected, and `when` is one timing among the others', () => {
    const bad = loadScenario(text.replace('    ends-when: "held(captives) == 0"\n', '').replace('when: "released(captives) >= 4"', 'when: "released(captives) >= 4", day: 3'), 't.yaml');
    expect(bad.ok).toBe(false);
    const messages = bad.ok ? [] : bad.problems.map((p) => p.message);
    expect(messages).toContain('phase `search` needs a `length`');
    expect(messages).toContain('obligation `inquiry` has both `day` and `when`');
  });
});

describe('terms on extension days', () => {
  const text = (chance: number) => `${HEAD}phases:\n  - id: truce\n    length: 3\n    extensions: { max: 2, rules: [{ while: "day > 0", days: 2, chance: ${chance} }] }\n  - { id: next, final: true }\nobligations:\n  - { id: extra-day, kind: generic, party: a, during: extension, text: release one more }\n  - { id: day-five, kind: generic, party: b, day: 5, text: hand over the list }\n`;

  it('`during: extension` falls due on each day an extension adds, and a day past the length falls due when the phase reaches it', () => {
    const sim = Simulation.start(compile(load(text(1))), 'e', { comply: ['a', 'b'] });
    sim.runToEnd();
    const due = sim.trace!.filter((e) => e.type === 'obligation.due').map((e) => [e.day, e.obligation]);
    expect(due).toEqual([[4, 'extra-day'], [5, 'extra-day'], [5, 'day-five']]);
    expect(sim.trace!.filter((e) => e.lapsed)).toEqual([]);
  });

  it('without the extension, the day-5 term lapses with a trace event, and validate warns of it at load time', () => {
    const sim = Simulation.start(compile(load(text(0))), 'e', { comply: ['a', 'b'] });
    sim.runToEnd();
    expect(sim.trace!.filter((e) => e.type === 'obligation.due')).toEqual([]);
    expect(sim.trace!.filter((e) => e.lapsed).map((e) => e.text)).toEqual(["b's obligation to hand over the list (due on day 5) lapsed when the truce ended."]);
    const loaded = loadScenario(text(0), 't.yaml');
    expect(loaded.ok && loaded.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['14: day 5 is past the 3 days of phase `truce`: `day-five` falls due then only if the phase is extended that far, and otherwise lapses']);
  });

  it('a day beyond what every extension could reach is still an error', () => {
    const bad = loadScenario(text(1).replace('day: 5', 'day: 6'), 't.yaml');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.problems.map((p) => p.message)).toContain('day 6 is outside its phase, which lasts 3 days and at most 5 with every extension');
  });
});

describe('dates wherever a day is written', () => {
  const text = `${HEAD}start: 2025-01-19\nphases:\n  - { id: one, length: 10 }\n  - { id: two, length: 10 }\n  - { id: end, final: true }\nobligations:\n  - { id: first, kind: generic, party: a, day: 2025-01-25 }\n  - { id: second, kind: generic, party: b, phase: two, days: [2025-01-29, 2025-02-02] }\nincidents:\n  - { id: strike, text: a strike, day: 2025-02-01 }\n`;

  it('become day numbers: truce days for incidents, days of its phase for obligations', () => {
    const s = load(text);
    expect(s.obligations.map((o) => [o.day, o.days])).toEqual([[7, undefined], [undefined, [1, 5]]]);
    expect(s.incidents[0]!.day).toBe(14);
  });

  it('without `start`, or in a phase whose first day is not fixed, a date is a located error', () => {
    const noStart = loadScenario(text.replace('start: 2025-01-19\n', ''), 't.yaml');
    expect(noStart.ok ? [] : noStart.problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toContain("12:48 the date 2025-01-25 needs the scenario's start date");
    const extended = loadScenario(text.replace('{ id: one, length: 10 }', '{ id: one, length: 10, extensions: { max: 2, rules: [{ while: "day > 0", days: 2 }] } }'), 't.yaml');
    expect(extended.ok ? [] : extended.problems.map((p) => p.message)).toContain("the date 2025-01-29 cannot be turned into a day of phase `two`: the phase's first day is not fixed");
  });
});
