/**
 * Every count, day, length, quantity, ratio and chance has a bound (docs/scenario-format.md,
 * "Bounds") checked at load time with a position and a hint, and the checks cost time in
 * proportion to the file, never to the simulated days.
 */
import { describe, expect, it } from 'vitest';
import { BOUNDS, loadScenario, MAX_PROBLEMS, type Problem } from '../../src/scenario/index.ts';

const HEAD = 'parley: 1\nid: bounds\ntitle: Bounds\nparties:\n  a: { role: principal }\n  b: { role: principal }\n';
const STOCK = 'stocks:\n  captives: { held-by: a, count: 10 }\n';

function rejected(text: string): Problem[] {
  const result = loadScenario(text, 'bounds.yaml');
  if (result.ok) throw new Error('accepted');
  for (const p of result.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.col).toBeGreaterThanOrEqual(1);
  }
  return result.problems;
}

function accepted(text: string): void {
  const result = loadScenario(text, 'bounds.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
}

describe('bounds are checked at load time', () => {
  it('a phase of 9·10^15 days is rejected at its length, with a hint', () => {
    const [p] = rejected(`${HEAD}phases:\n  - { id: truce, length: 9000000000000000 }\n`);
    expect(p).toMatchObject({ line: 8, col: 26 });
    expect(p!.message).toMatch(/at most 3,650 days/);
    expect(p!.hint).toMatch(/Bounds/);
  });

  it('`"9000000000 days"` written as text is bounded too', () => {
    expect(rejected(`${HEAD}phases:\n  - { id: truce, length: "9000000000 days" }\n`)[0]!.message).toMatch(/at most 3,650 days/);
  });

  it('phases that add up to more than 3,650 days, extensions included, are rejected', () => {
    const problems = rejected(`${HEAD}phases:\n  - { id: one, length: 2000 }\n  - id: two\n    length: 1000\n    extensions: { max: 1000, rules: [{ while: "true", days: 10 }] }\n`);
    expect(problems[0]).toMatchObject({ line: 11 });
    expect(problems[0]!.message).toMatch(/up to 4,000 days .* at most 3,650/);
  });

  it('`every: 1` over a 3,650-day phase is fine; 100 such obligations exceed the occurrence bound', () => {
    const one = (i: number) => `  - { id: o${i}, kind: release, party: a, stock: captives, quantity: 0, every: 1 }\n`;
    accepted(`${HEAD}${STOCK}phases:\n  - { id: truce, length: 3650 }\nobligations:\n${one(0)}`);
    const t0 = performance.now();
    const problems = rejected(`${HEAD}${STOCK}phases:\n  - { id: truce, length: 3650 }\nobligations:\n${Array.from({ length: 100 }, (_, i) => one(i)).join('')}`);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(problems.some((p) => /fall due 102,200 times or more; at most 100,000/.test(p.message))).toBe(true);
  });

  it('the stock check counts occurrences arithmetically: a promise beyond the stock is still found', () => {
    const problems = rejected(`${HEAD}${STOCK}phases:\n  - { id: truce, length: 3650 }\nobligations:\n  - { id: drip, kind: release, party: a, stock: captives, quantity: 1, every: 7, from: 3 }\n`);
    expect(problems[0]!.message).toBe('the obligations release 522 of `captives` but only 10 are held');
  });

  it('negative and fractional counts are rejected: stocks, quantities, trucks, people', () => {
    expect(rejected(`${HEAD}stocks:\n  captives: { held-by: a, count: -5 }\nphases:\n  - { id: truce, length: 10 }\n`)[0]!.message).toMatch(/not negative/);
    const obligation = (fields: string) => `${HEAD}${STOCK}phases:\n  - { id: truce, length: 10 }\nobligations:\n  - { id: o, party: a, day: 1, ${fields} }\n`;
    expect(rejected(obligation('kind: release, stock: captives, quantity: -1'))[0]!.message).toMatch(/not negative/);
    expect(rejected(obligation('kind: admit-aid, trucks: -600'))[0]).toMatchObject({ line: 12, message: '-600 is not a count' });
    expect(rejected(obligation('kind: return-displaced, people: -3'))[0]!.message).toBe('-3 is not a count');
    expect(rejected(obligation('kind: admit-aid, trucks: 2.5'))[0]!.message).toBe('2.5 is not a count');
  });

  it('a count parameter whose range goes below 0 is rejected where it is used', () => {
    const text = `${HEAD}parameters:\n  trucks: { default: 10, range: [-100, 100] }\nphases:\n  - { id: truce, length: 10 }\nobligations:\n  - { id: aid, kind: admit-aid, party: a, day: 1, trucks: trucks }\n`;
    expect(rejected(text)[0]!.message).toMatch(/parameter `trucks` is used as a count but its range \[-100, 100\]/);
  });

  it('extension days are at least 1', () => {
    const text = `${HEAD}phases:\n  - id: truce\n    length: 2\n    extensions: { max: 10, rules: [{ while: "true", days: 0 }] }\n`;
    const [p] = rejected(text);
    expect(p!.message).toMatch(/at least 1 day/);
    expect(p).toMatchObject({ line: 10 });
  });

  it('ratios, hours, incident effects and huge numbers are bounded', () => {
    const obligation = (fields: string) => `${HEAD}${STOCK}phases:\n  - { id: truce, length: 10 }\nobligations:\n  - { id: o, party: a, day: 1, ${fields} }\n`;
    expect(rejected(obligation('kind: halt-operations, hours: 30'))[0]!.message).toMatch(/at most 24 hours/);
    expect(rejected(obligation('kind: halt-operations, hours: "10-48"'))[0]!.message).toMatch(/48 hours is not part of a day/);
    expect(rejected(obligation('kind: exchange, stock: captives, ratio: "5000 captives per captive", in-return-for: o'))[0]!.message).toMatch(/outside 0 to 1000/);
    expect(rejected(`${HEAD}phases:\n  - { id: truce, length: 10 }\nincidents:\n  - { id: i, text: x, day: 1, effects: { a: { grievance: 50 } } }\n`)[0]!.message).toMatch(/between -1 and 1/);
    expect(rejected(`${HEAD}parameters:\n  p: { default: 1e300, range: [0, 1e300] }\nphases:\n  - { id: truce, length: 10 }\n`)[0]!.message).toMatch(/at most 1,000,000,000/);
  });

  it('1e400, .inf and .nan are rejected wherever they appear', () => {
    for (const bad of ['1e400', '.inf', '-.inf', '.nan', '.NaN']) {
      expect(rejected(`${HEAD}phases:\n  - { id: truce, length: ${bad} }\n`)[0]!.message).toMatch(/not a finite number/);
    }
  });

  it('phase ids that name an outcome are rejected', () => {
    expect(rejected(`${HEAD}phases:\n  - { id: collapsed, length: 10 }\n  - { id: ending, length: 10 }\n`)[0]!.message).toMatch(/names an outcome/);
  });

  it('conditions are bounded in length and nesting, and never overflow the stack', () => {
    const deep = `${'('.repeat(5000)}1${')'.repeat(5000)}`;
    const nots = 'not '.repeat(10_000) + 'true';
    for (const when of [deep, nots]) {
      const problems = rejected(`${HEAD}phases:\n  - id: truce\n    length: 2\n    extensions: { max: 10, rules: [{ while: "${when}", days: 1 }] }\n`);
      expect(problems[0]!.message).toMatch(/at most 2,000 characters/);
    }
    const shallow = `${'('.repeat(40)}1${')'.repeat(40)}`;
    const problems = rejected(`${HEAD}phases:\n  - id: truce\n    length: 2\n    extensions: { max: 10, rules: [{ while: "${shallow}", days: 1 }] }\n`);
    expect(problems[0]!.message).toMatch(/nested more than 32 deep/);
    expect(BOUNDS.conditionNesting).toBe(32);
  });
});

describe('problem floods are capped', () => {
  // Sizes stay under the token bound (MAX_TOKENS), past which the screen answers before yaml parses.
  it('a file of 7,000 YAML syntax errors gives at most 50 problems and a closing note, fast', () => {
    const text = `${HEAD}phases:\n  - { id: truce, length: 10 }\n${'a: [}\n'.repeat(7_000)}`;
    const t0 = performance.now();
    const problems = rejected(text);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(problems.length).toBe(MAX_PROBLEMS + 1);
    expect(problems[MAX_PROBLEMS]!.message).toMatch(/and more problems after these 50/);
  });

  it('thousands of duplicate keys are found in linear time and capped', () => {
    const text = `${HEAD}phases:\n  - { id: truce, length: 10 }\nsummary: x\n${Array.from({ length: 9_000 }, (_, i) => `k${i % 2}: ${i}`).join('\n')}\n`;
    const t0 = performance.now();
    const problems = rejected(text);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(problems[0]!.message).toBe('map keys must be unique');
    expect(problems.length).toBe(MAX_PROBLEMS + 1);
  });
});
