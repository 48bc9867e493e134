/**
 * The `start` date and the `history:` section at load time: dates turn into days, and every
 * mistake a writer can make in a record is reported at its line:col with a hint.
 */
import { describe, expect, it } from 'vitest';
import { dateNumber, dateOfDay, dayNumber, loadScenario, type Problem, type Scenario } from '../../src/scenario/index.ts';

const BASE = `parley: 1
id: mini
title: Mini
start: 2025-01-19
sources:
  news: { url: https://example.org/news }
parties:
  hamas: { role: principal }
  israel: { role: principal }
stocks:
  captives: { held-by: hamas, count: 10 }
phases:
  - id: truce
    length: 30
    extensions: { max: 3, rules: [ { mediator: qatar, days: 1, chance: 0.5 } ] }
  - id: next
    final: true
obligations:
  - { id: handover, kind: release, party: hamas, stock: captives, quantity: 2, days: [1, 7] }
  - { id: aid, kind: admit-aid, party: israel, trucks: 100, after: handover }
`;
const WITH_QATAR = BASE.replace('  israel: { role: principal }\n', '  israel: { role: principal }\n  qatar: { role: mediator }\n');

function load(history: string, base = WITH_QATAR): { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] } {
  return loadScenario(`${base}history:\n${history}`, 'case.yaml');
}

function problems(history: string, base?: string): Problem[] {
  const result = load(history, base);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('dates', () => {
  it('day 1 is the start date; days count on across months and leap days', () => {
    expect(dateOfDay('2025-01-19', 1)).toBe('2025-01-19');
    expect(dateOfDay('2025-01-19', 59)).toBe('2025-03-18');
    expect(dateOfDay('2023-11-24', 8)).toBe('2023-12-01');
    expect(dateOfDay('2024-02-28', 2)).toBe('2024-02-29');
    expect(dayNumber('2025-01-19', '2025-03-18')).toBe(59);
    expect(dayNumber(undefined, '2025-03-18')).toBeUndefined();
  });

  it('only real calendar dates are dates', () => {
    expect(dateNumber('2025-02-29')).toBeUndefined();
    expect(dateNumber('2025-13-01')).toBeUndefined();
    expect(dateNumber('1970-01-01')).toBe(0);
  });

  it('a start that is not a date is rejected at its line:col', () => {
    const result = loadScenario(WITH_QATAR.replace('start: 2025-01-19', 'start: 2025-02-30'), 'case.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 4, col: 8, message: expect.stringContaining('YYYY-MM-DD') });
  });
});

describe('history entries', () => {
  it('a valid record loads, with days written as numbers or dates', () => {
    const result = load(`  - { day: 1, obligation: handover, answer: partial 0.5, source: news }
  - { day: 2025-01-25, obligation: handover, occurrence: 2, answer: delay 2, source: news }
  - { day: 9, obligation: handover, occurrence: 2, answer: comply, source: { url: https://example.org/x } }
  - { day: 9, extension: truce, answer: agreed, source: news }
  - { day: 2025-02-20, end: collapsed, cause: fighting resumed, source: news }
`);
    expect(result.ok ? result.scenario.history.length : result.problems).toBe(5);
  });

  it('the rest of a partial release may be answered: a partial that was never made up is recorded as refused', () => {
    const result = load(`  - { day: 1, obligation: handover, answer: partial 0.5, source: news }
  - { day: 2, obligation: handover, answer: refuse, text: the rest was never handed over, source: news }
`);
    expect(result.ok ? result.scenario.history.length : result.problems).toBe(2);
  });

  /** [what, history lines, the line reported, the text the column points at, message, hint]. */
  const cases: [string, string, number, string, RegExp, RegExp?][] = [
    ['unknown obligation', '  - { day: 1, obligation: handovr, answer: comply, source: news }\n', 23, 'handovr', /unknown obligation `handovr`/, /handover/],
    ['an occurrence that cannot exist', '  - { day: 9, obligation: handover, occurrence: 3, answer: comply, source: news }\n', 23, '3, answer', /falls due 2 times; there is no occurrence 3/, /from 1 up to 2/],
    ['an answer before the occurrence falls due', '  - { day: 3, obligation: handover, occurrence: 2, answer: comply, source: news }\n', 23, '3, obligation', /falls due on day 7; it cannot be answered on day 3/],
    ['an answer that does not fit', '  - { day: 1, obligation: handover, answer: delay soon, source: news }\n', 23, 'delay soon', /`delay` takes a whole number of days/, /comply/],
    ['a partial share above 1', '  - { day: 1, obligation: handover, answer: partial 2, source: news }\n', 23, 'partial 2', /above 0 and below 1/],
    ['the wrong party', '  - { day: 1, obligation: handover, party: israel, answer: comply, source: news }\n', 23, 'israel', /`handover` is hamas's to carry out, not israel's/],
    ['an unknown source', '  - { day: 1, obligation: handover, answer: comply, source: newz }\n', 23, 'newz', /unknown source `newz`/, /news/],
    ['a source named like an Object member', '  - { day: 1, obligation: handover, answer: comply, source: constructor }\n', 23, 'constructor', /unknown source `constructor`/],
    ['an entry that says nothing', '  - { day: 1, source: news }\n', 23, '{ day', /exactly one of `obligation`, `extension`, `incident` or `end`/],
    ['an extension of a phase without rules', '  - { day: 1, extension: next, answer: agreed, source: news }\n', 23, 'next', /phase `next` has no extension rules/],
    ['an extension answer', '  - { day: 1, extension: truce, answer: comply, source: news }\n', 23, 'comply', /`answer: agreed` or `answer: declined`/],
    ['an end without a cause', '  - { day: 5, end: collapsed, source: news }\n', 23, '{ day', /say why the truce ended/],
    ['an end that is not a collapse', '  - { day: 5, end: completed, cause: x, source: news }\n', 23, 'completed', /end: collapsed/],
    ['an answer after the occurrence was closed', '  - { day: 1, obligation: handover, answer: comply, source: news }\n  - { day: 2, obligation: handover, answer: comply, source: news }\n', 24, 'comply', /already answered `comply` on day 1/],
    ['an answer after a partial answer to a kind that owes no rest', '  - { day: 1, obligation: handover, answer: comply, source: news }\n  - { day: 1, obligation: aid, answer: partial 0.5, source: news }\n  - { day: 2, obligation: aid, answer: comply, source: news }\n', 25, 'comply', /already answered `partial` on day 1/, /partial release/],
    ['the rest of a partial release answered the same day', '  - { day: 1, obligation: handover, answer: partial 0.5, source: news }\n  - { day: 1, obligation: handover, answer: comply, source: news }\n', 24, '1, obligation', /answered in part on day 1; it falls due again on a later day/],
    ['entries out of order', '  - { day: 7, obligation: handover, occurrence: 2, answer: comply, source: news }\n  - { day: 1, obligation: handover, answer: comply, source: news }\n', 24, '1, obligation', /day order/],
    ['a date before the start', '  - { day: 2025-01-01, obligation: handover, answer: comply, source: news }\n', 23, '2025-01-01', /before the start, 2025-01-19/],
  ];
  for (const [what, history, line, marker, message, hint] of cases) {
    it(`reports ${what} at line:col with a clear message`, () => {
      const found = problems(history);
      const problem = found.find((p) => message.test(p.message));
      expect(problem, found.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n')).toBeDefined();
      const lastLine = history.trimEnd().split('\n').pop()!;
      expect([problem!.line, problem!.col]).toEqual([line, lastLine.indexOf(marker) + 1]);
      if (hint) expect(problem!.hint ?? '').toMatch(hint);
    });
  }

  it('a date needs the start date, and says how to add it', () => {
    const found = problems('  - { day: 2025-01-25, obligation: handover, answer: comply, source: news }\n', WITH_QATAR.replace('start: 2025-01-19\n', ''));
    expect(found.find((p) => p.message.includes('start date'))).toMatchObject({ line: 22, message: expect.stringContaining("needs the scenario's start date"), hint: expect.stringContaining('start: YYYY-MM-DD') });
  });
});
