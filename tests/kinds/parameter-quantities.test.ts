/**
 * Quantities and ratios that name parameters, and an exchange that pays a ratio per category of
 * the release it pays for (docs/scenario-format.md, "Parameters in days and counts"; docs/model.md,
 * "Effects" and "Rounding").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, runOnce, Session } from '../../src/engine/index.ts';
import { loadScenario, scenarioJsonSchema, type Problem, type Scenario } from '../../src/scenario/index.ts';

/** 17 lines; the obligations appended start on line 18. */
const BASE = `parley: 1
id: swept
title: Swept quantities
sources: { news: { url: https://example.org/news } }
parameters:
  batch-size: { default: 4, range: [0, 10] }
  civilian-ratio: { default: 30, range: [0, 50] }
parties:
  hamas: { behaviour: { model: always-comply } }
  israel: { behaviour: { model: always-comply } }
stocks:
  captives: { held-by: hamas, count: { civilian: 20, soldier: 5 } }
  prisoners: { held-by: israel, count: { life: 100, other: 2000 } }
phases:
  - { id: truce, length: 10 }
obligations:
  - { id: rel, kind: release, party: hamas, stock: captives, quantity: { civilian: batch-size, soldier: 2 }, days: [1, 4] }
`;
const EXCHANGE = (ratio: string) => `  - { id: pay, kind: exchange, party: israel, stock: prisoners, category: other, ratio: ${ratio}, in-return-for: rel, after: rel }\n`;

function load(text: string): Scenario {
  const result = loadScenario(text, 'swept.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return result.scenario;
}

function problems(text: string): Problem[] {
  const result = loadScenario(text, 'swept.yaml');
  if (result.ok) throw new Error('expected the loader to reject this file');
  return result.problems;
}

/** The problem at `line` whose caret is on `token` (the first occurrence on that line). */
function at(text: string, line: number, token: string): string {
  return `${line}:${text.split('\n')[line - 1]!.indexOf(token) + 1}`;
}

function released(scenario: Scenario, parameters: Record<string, number> = {}, options: { recordUntil?: 'end' } = {}) {
  const run = runOnce(compile(scenario, parameters), { seed: '1', ...options });
  return { metrics: run.outcome.metrics, trace: run.trace };
}

describe('a quantity that names a parameter', () => {
  it('releases what the swept value says, rounded to a whole count at run start (halves up)', () => {
    const scenario = load(BASE);
    const civilians = (value: number) => released(scenario, { 'batch-size': value }).metrics.released.captives!.civilian;
    expect([0, 3, 7, 10].map(civilians)).toEqual([0, 6, 14, 20]);
    expect(civilians(2.5)).toBe(6);
    expect(civilians(7.4)).toBe(14);
    const due = released(scenario, { 'batch-size': 7.5 }).trace.find((e) => e.type === 'obligation.due' && e.obligation === 'rel')!;
    expect(due.text).toBe('hamas must release 8 civilian and 2 soldier captives.');
  });

  it('is refused at load time at its line:col when the parameter is unknown, may go negative, or is not whole', () => {
    const unknown = BASE.replace('civilian: batch-size', 'civilian: batch-sise');
    expect(problems(unknown)).toEqual([expect.objectContaining({ message: 'unknown parameter `batch-sise`', hint: 'there is a parameter named `batch-size`' })]);
    expect(`${problems(unknown)[0]!.line}:${problems(unknown)[0]!.col}`).toBe(at(unknown, 17, 'batch-sise'));

    const negative = BASE.replace('batch-size: { default: 4, range: [0, 10] }', 'batch-size: { default: 4, range: [-2, 10] }');
    expect(problems(negative).map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([`${at(negative, 17, 'batch-size')} parameter \`batch-size\` is used as a count but its range [-2, 10] goes outside [0, 1000000000]`]);

    const fractional = BASE.replace('range: [0, 10] }', 'range: [0, 9.5] }');
    const [notWhole] = problems(fractional);
    expect(`${notWhole!.line}:${notWhole!.col}`).toBe(at(fractional, 17, 'batch-size'));
    expect(notWhole!.message).toBe('parameter `batch-size` is used as a count but its range [0, 9.5] does not start and end on whole numbers');
    expect(notWhole!.hint).toContain('[0, 9]');
  });

  it('counts at the top of its range when checking what the stock can meet', () => {
    const text = BASE.replace('{ civilian: batch-size, soldier: 2 }', '{ civilian: 2, soldier: batch-size }');
    const [p] = problems(text);
    expect(`${p!.line}:${p!.col}`).toBe('17:5');
    expect(p!.message).toBe('the obligations release 20 of `captives.soldier` but only 5 are held, with `batch-size` at the top of its range');
    expect(p!.hint).toContain('the top of the parameter ranges');
  });

  it('a written count is still whole: 2.5 is refused where it is written', () => {
    const text = BASE.replace('soldier: 2 }', 'soldier: 2.5 }');
    expect(problems(text).map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([`${at(text, 17, '{ civilian')} obligation \`rel\`: \`quantity\`: \`soldier\`: counts are whole numbers (found a mapping)`]);
  });
});

describe('an exchange at a ratio per category', () => {
  const initial = { captives: { civilian: 20, soldier: 5 }, prisoners: { life: 100, other: 2000 } };
  /** Held + released = the initial count, for every stock and category, at the end of the run. */
  const conserved = (scenario: Scenario) => {
    const session = Session.start(compile(scenario), '1');
    session.advance('end');
    for (const [stock, counts] of Object.entries(initial)) {
      for (const [category, count] of Object.entries(counts)) expect(session.state.stocks[stock]!.held[category]! + session.state.stocks[stock]!.released[category]!).toBe(count);
    }
  };

  it('pays each category of the units released at its own ratio, and conserves the stocks', () => {
    const scenario = load(BASE + EXCHANGE('{ civilian: civilian-ratio, soldier: 50 }'));
    const { metrics, trace } = released(scenario);
    // Two releases of 4 civilians and 2 soldiers: 2 · (4·30 + 2·50) = 440 prisoners.
    expect(metrics.released.prisoners).toEqual({ life: 0, other: 440 });
    conserved(scenario);
    expect(released(scenario, { 'civilian-ratio': 10 }).metrics.released.prisoners!.other).toBe(2 * (4 * 10 + 2 * 50));
    expect(trace.find((e) => e.type === 'obligation.due' && e.obligation === 'pay')!.text).toBe('israel must release prisoners: 30 for each civilian and 50 for each soldier freed, in exchange.');
  });

  it('pays nothing for a category it does not name, and one ratio is the same number for every category', () => {
    expect(released(load(BASE + EXCHANGE('{ soldier: 50 }'))).metrics.released.prisoners!.other).toBe(200);
    const one = released(load(BASE + EXCHANGE('civilian-ratio'))).metrics.released.prisoners;
    expect(one).toEqual({ life: 0, other: 2 * 6 * 30 });
    expect(released(load(BASE + EXCHANGE('{ civilian: 30, soldier: 30 }'))).metrics.released.prisoners).toEqual(one);
  });

  it('answered in part pays that fraction of each category\'s balance and owes the rest the next day', () => {
    // Day 1: the release at 0.5 moves 2 civilians and 1 soldier (and owes 2 and 1); the exchange at
    // 0.5 pays for ⌊2·0.5⌋ = 1 civilian and ⌊1·0.5⌋ = 0 soldiers: 30.
    const history = 'history:\n  - { day: 1, obligation: rel, answer: partial 0.5, source: news }\n  - { day: 1, obligation: pay, answer: partial 0.5, source: news }\n';
    const scenario = load(BASE + EXCHANGE('{ civilian: 30, soldier: 15 }') + history);
    const { trace } = released(scenario, {}, { recordUntil: 'end' });
    const paid = trace.filter((e) => e.type === 'party.responded' && e.obligation === 'pay').map((e) => e.changes);
    // Day 2: the release's rest comes first, then the exchange's rest pays for 3 civilians and 2 soldiers
    // (4·30 + 2·15 − 30 = 120); day 4 (complied): 4·30 + 2·15 = 150. In all, every unit released at its ratio.
    expect(paid).toEqual([{ 'prisoners.other': -30 }, { 'prisoners.other': -120 }, { 'prisoners.other': -150 }]);
  });

  it('paid in two parts (in part, then its rest) releases exactly what paying at once would, per category', () => {
    // Ratios that are not whole, so each part's worth is rounded: 2 civilians and 2 soldiers a release.
    const exchange = EXCHANGE('{ civilian: 0.5, soldier: 1 }');
    const inParts = load(BASE + exchange + 'history:\n  - { day: 1, obligation: pay, answer: partial 0.5, source: news }\n');
    const atOnce = load(BASE + exchange);
    const outcome = (scenario: Scenario) => {
      const model = compile(scenario, { 'batch-size': 2 });
      const session = Session.start(model, '1', { followRecordUntil: Infinity });
      session.advance('end');
      const pay = session.state.obligations[model.obligationIndex.get('pay')!]!;
      const payments = session.trace.filter((e) => e.type === 'party.responded' && e.obligation === 'pay').map((e) => -(e.changes?.['prisoners.other'] ?? 0));
      return { paidFor: pay.paidByCategory, released: session.state.stocks['prisoners']!.released, payments };
    };
    const parts = outcome(inParts);
    const once = outcome(atOnce);
    // At once: round(2·0.5 + 2·1) = 3 a release. In parts: ⌊2·0.5⌋ = 1 of each, round(0.5 + 1) = 2; then the
    // rest, 3 − 2 = 1, taken over the total paid (paid on its own, round(0.5 + 1) would be 2 again: 4 in all).
    expect(parts.payments).toEqual([2, 1, 3]);
    expect(once.payments).toEqual([3, 3]);
    expect(parts.paidFor).toEqual({ civilian: 4, soldier: 4 });
    expect(parts.paidFor).toEqual(once.paidFor);
    expect(parts.released).toEqual(once.released);
  });

  it('is refused at load time for a category the paid-for stock lacks and a ratio range outside 0..1000', () => {
    const typo = BASE + EXCHANGE('{ civilan: 30 }');
    const [p] = problems(typo);
    expect(p).toMatchObject({ message: '`rel` releases `captives`, which has no category `civilan`', hint: 'there is a category named `civilian`' });
    expect(`${p!.line}:${p!.col}`).toBe(at(typo, 18, 'civilan'));
    const wide = BASE.replace('range: [0, 50]', 'range: [0, 5000]') + EXCHANGE('{ civilian: civilian-ratio }');
    expect(problems(wide).map((q) => `${q.line}:${q.col} ${q.message}`)).toContain(`${at(wide, 18, 'civilian-ratio')} parameter \`civilian-ratio\` is used as a ratio but its range [0, 5000] goes outside [0, 1000]`);
    const atTop = BASE.replace('range: [0, 50]', 'range: [0, 1000]') + EXCHANGE('{ civilian: civilian-ratio }');
    expect(problems(atTop)[0]!.message).toBe('the obligations release 20000 of `prisoners.other` but only 2000 are held, with `batch-size`, `civilian-ratio` at the top of their ranges');
  });
});

describe('a per-release rule with parameters', () => {
  const fixture = readFileSync('tests/fixtures/per-release-category.yaml', 'utf8').replace('parties:', 'parameters:\n  per-release-ratio: { default: 3, range: [0, 30] }\n  batch: { default: 10, range: [1, 10] }\nparties:');

  it('releases as many as its count parameter says, paid for at its ratio parameter', () => {
    const scenario = load(fixture.replace('ratio: 3 }', 'ratio: per-release-ratio }').replace('count: 10', 'count: batch'));
    const metrics = (parameters: Record<string, number>) => runOnce(compile(scenario, parameters), { seed: '1' }).outcome.metrics;
    expect(metrics({}).released.prisoners!.all).toBe(30);
    expect(metrics({ 'per-release-ratio': 12 }).released.prisoners!.all).toBe(120);
    // 10 women and children left: one extension for a batch of 10, two for batches of 5 (4.6 rounds to 5).
    expect([10, 5, 4.6].map((batch) => metrics({ batch })['extensions'])).toEqual([1, 2, 2]);
    expect(metrics({ batch: 4 })['extensions']).toBe(3);
  });

  it('needs a count range of at least 1 and a ratio range inside 0..1000', () => {
    const text = fixture.replace('range: [0, 30]', 'range: [0, 3000]').replace('range: [1, 10]', 'range: [0, 10]').replace('ratio: 3 }', 'ratio: per-release-ratio }').replace('count: 10', 'count: batch');
    expect(problems(text).map((p) => p.message)).toEqual([
      'parameter `batch` is used as a per-release count but its range [0, 10] goes outside [1, 1000000000]',
      'parameter `per-release-ratio` is used as a ratio but its range [0, 3000] goes outside [0, 1000]',
    ]);
  });
});

describe('the JSON Schema', () => {
  type Schema = { type?: string | string[]; anyOf?: Schema[]; pattern?: string; minimum?: number; maximum?: number; additionalProperties?: Schema; propertyNames?: Schema };
  /** The few JSON Schema keywords these two fields use. */
  const accepts = (schema: Schema, value: unknown): boolean => {
    if (schema.anyOf) return schema.anyOf.some((option) => accepts(option, value));
    const types = [schema.type ?? []].flat();
    const type = Number.isInteger(value) ? ['integer', 'number'] : typeof value === 'number' ? ['number'] : typeof value === 'object' ? ['object'] : [typeof value];
    if (types.length > 0 && !types.some((t) => type.includes(t))) return false;
    if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value)) return false;
    if (typeof value === 'number' && ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum))) return false;
    if (typeof value === 'object' && value !== null) return Object.entries(value).every(([k, v]) => (!schema.propertyNames || accepts(schema.propertyNames, k)) && (!schema.additionalProperties || accepts(schema.additionalProperties, v)));
    return true;
  };
  const exchange = () => {
    const items = (scenarioJsonSchema().properties as Record<string, { items: { oneOf: { properties: Record<string, Schema & { const?: string }> }[] } }>).obligations!.items;
    return items.oneOf.find((option) => option.properties['kind']!.const === 'exchange')!.properties;
  };

  it('accepts a ratio as one number, a parameter, text, or one per category (numbers or parameters)', () => {
    const ratio = exchange()['ratio']!;
    for (const ok of [3, 0, 'exchange-ratio', '30 prisoners per captive', { civilian: 30, soldier: 'soldier-ratio' }]) expect(accepts(ratio, ok), JSON.stringify(ok)).toBe(true);
    for (const bad of [-1, 1001, { civilian: -1 }, { civilian: 'Not An Id' }]) expect(accepts(ratio, bad), JSON.stringify(bad)).toBe(false);
  });

  it('accepts a quantity as a count or a parameter, whole or per category', () => {
    const quantity = exchange()['quantity']!;
    for (const ok of [5, 'batch-size', { alive: 2, deceased: 'remains-per-week' }]) expect(accepts(quantity, ok), JSON.stringify(ok)).toBe(true);
    for (const bad of [2.5, -1, { alive: 2.5 }]) expect(accepts(quantity, bad), JSON.stringify(bad)).toBe(false);
  });
});
