/**
 * Per-release extensions ("one more day for each further 10 captives released"): each extension
 * day must be bought by a real release of the rule's category, up to the cap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, runOnce } from '../../src/engine/index.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { ROOT } from './helpers.ts';

const FIXTURE = readFileSync(join(ROOT, 'tests/fixtures/per-release-category.yaml'), 'utf8');

function variant(counts: string): Scenario {
  const text = FIXTURE.replace('count: { women-children: 10, other: 100 }', `count: ${counts}`);
  const result = loadScenario(text, 'per-release-category.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return result.scenario;
}

function run(counts: string) {
  const result = runOnce(compile(variant(counts)), { seed: '1' });
  const releases = result.trace.filter((e) => e.type === 'party.responded' && e.party === 'hamas' && e.changes !== undefined);
  const moved = releases.map((e) => -Object.values(e.changes!).reduce((a, b) => a + b, 0));
  return { outcome: result.outcome, moved, trace: result.trace };
}

describe('per-release extensions', () => {
  it('a single-category stock: one extension day per 10 released, until none are left', () => {
    const { outcome, moved } = run('{ women-children: 30 }');
    expect(outcome.result).toBe('extended-then-completed');
    expect(outcome.metrics.extensionDays).toBe(3);
    expect(outcome.day).toBe(7);
    expect(outcome.metrics.released.captives).toEqual({ 'women-children': 30 });
    expect(outcome.metrics.released.prisoners).toEqual({ all: 90 });
    expect(moved).toEqual([10, 10, 10]);
  });

  it('the cap limits the extension days', () => {
    const { outcome } = run('{ women-children: 100 }');
    expect(outcome.metrics.extensionDays).toBe(5);
    expect(outcome.metrics.released.captives).toEqual({ 'women-children': 50 });
  });

  // Once the rule's category is used up, no more extensions are offered, even though other
  // captives are still held (a regression test: the offer used to count every category).
  it('extension days are only bought by releases of the rule category', () => {
    const { outcome, moved } = run('{ women-children: 10, other: 100 }');
    expect(moved.every((n) => n > 0), `releases: ${moved.join(', ')}`).toBe(true);
    expect(outcome.metrics.released.captives).toEqual({ 'women-children': 10, other: 0 });
    expect(outcome.metrics.extensionDays).toBe(1);
  });
});

describe('mediator extensions', () => {
  const scenario = (rule: string) => {
    const text = `parley: 1
id: mediated
title: Mediated
parties:
  hamas: { role: principal, behaviour: { model: always-comply } }
  israel: { role: principal, behaviour: { model: always-comply } }
  qatar: { role: mediator }
phases:
  - id: truce
    length: 5
    extensions:
      max: 4 days
      rules:
        - ${rule}
obligations:
  - { id: talks, kind: start-talks, party: israel, day: 2 }
`;
    const result = loadScenario(text, 'mediated.yaml');
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
    return compile(result.scenario);
  };

  it('extends with its chance when it has no condition', () => {
    const outcome = runOnce(scenario('{ mediator: qatar, days: 2, chance: 1 }'), { seed: '1' }).outcome;
    expect(outcome.result).toBe('extended-then-completed');
    expect(outcome.metrics.extensionDays).toBe(4);
  });

  it('extends only while its condition holds', () => {
    expect(runOnce(scenario('{ mediator: qatar, while: "done(talks)", days: 2, chance: 1 }'), { seed: '1' }).outcome.metrics.extensionDays).toBe(4);
    const never = runOnce(scenario('{ mediator: qatar, while: "failed(talks)", days: 2, chance: 1 }'), { seed: '1' }).outcome;
    expect(never.result).toBe('completed');
    expect(never.metrics.extensionDays).toBe(0);
  });

  it('checks the condition at load time', () => {
    const result = loadScenario(`parley: 1
id: m
title: M
parties: { a: {}, b: {}, qatar: { role: mediator } }
phases:
  - id: truce
    length: 5
    extensions: { max: 4, rules: [ { mediator: qatar, while: "done(talkz)", days: 2, chance: 1 } ] }
obligations:
  - { id: talks, kind: start-talks, party: a, day: 2 }
`, 'm.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 8, message: 'unknown obligation `talkz` in condition', hint: 'there is an obligation named `talks`' });
  });
});
