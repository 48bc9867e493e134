/**
 * Loader errors, one kind at a time: each small file must be rejected with a problem at the
 * exact `line:col`, a message a writer understands, and (where one exists) a hint.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, formatProblems, loadScenario, type Problem } from '../../src/scenario/index.ts';

const FILE = 'case.yaml';

/** 14 lines of a valid scenario; whatever is appended starts on line 15. */
const BASE = `parley: 1
id: mini
title: Mini
parameters:
  comply: { default: 0.9, range: [0.5, 1] }
parties:
  hamas: { role: principal }
  israel: { role: principal }
stocks:
  captives: { held-by: hamas, count: { alive: 10, deceased: 5 } }
  prisoners: { held-by: israel, count: 100 }
phases:
  - id: truce
    length: 30
`;

function rejected(text: string): Problem[] {
  const result = loadScenario(text, FILE);
  if (result.ok) throw new Error('expected the loader to reject this file, but it was accepted');
  return result.problems;
}

interface Expected {
  /** `line:col`, 1-based. */
  at: string;
  message: string;
  hint?: string;
  /** The text that starts at the column (checks the caret lands on the offending token). */
  token?: string;
}

/** Asserts that one problem matches, and returns it. */
function expectProblem(text: string, expected: Expected): Problem {
  const problems = rejected(text);
  const found = problems.find((p) => `${p.line}:${p.col}` === expected.at && p.message.includes(expected.message));
  if (!found) {
    const listed = problems.map((p) => `  ${p.line}:${p.col} ${p.message}`).join('\n');
    throw new Error(`no problem at ${expected.at} with message containing "${expected.message}"; got:\n${listed}`);
  }
  expect(found.file).toBe(FILE);
  if (expected.hint !== undefined) expect(found.hint ?? '').toContain(expected.hint);
  const lines = text.split('\n');
  expect(found.sourceLine).toBe(lines[found.line - 1]);
  if (expected.token !== undefined) expect(found.sourceLine.slice(found.col - 1)).toMatch(new RegExp(`^${escapeRegExp(expected.token)}`));
  return found;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the base scenario used by these cases', () => {
  it('is valid on its own', () => {
    const result = loadScenario(BASE, FILE);
    expect(result.ok).toBe(true);
  });
});

describe('reference errors', () => {
  it('unknown party, with the near party named in the hint', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: generic, party: hamaz, day: 1 }\n`;
    const p = expectProblem(text, { at: '16:36', message: 'unknown party `hamaz`', token: 'hamaz' });
    expect(p.hint).toBe('there is a party named `hamas`');
  });

  it('unknown party in a block mapping', () => {
    const text = `${BASE}obligations:\n  - id: a\n    kind: generic\n    party: israell\n    day: 1\n`;
    const p = expectProblem(text, { at: '18:12', message: 'unknown party `israell`', token: 'israell' });
    expect(p.hint).toBe('there is a party named `israel`');
  });

  it('an obligation may not take the id of a per-release extension rule’s release', () => {
    const text = BASE.replace('    length: 30\n', '    length: 30\n    extensions: { max: 3, rules: [{ per-release: { party: hamas, stock: captives, count: 2 } }] }\n') +
      'obligations:\n  - { id: truce-extension-1-release, kind: generic, party: hamas, day: 1 }\n';
    expectProblem(text, { at: '17:11', message: "`truce-extension-1-release` is the id Parley gives the obligations of phase `truce`'s per-release extension rule", hint: 'pick another id', token: 'truce-extension-1-release' });
  });

  it('unknown obligation in `after`', () => {
    const text = `${BASE}obligations:
  - { id: first-release, kind: release, party: hamas, stock: captives, quantity: { alive: 2 }, day: 1 }
  - { id: talks, kind: start-talks, party: israel, after: first-releese }
`;
    expectProblem(text, { at: '17:59', message: 'unknown obligation `first-releese`', hint: 'there is an obligation named `first-release`', token: 'first-releese' });
  });

  it('a cycle in `after` dependencies, reported once', () => {
    const text = `${BASE}obligations:
  - { id: a, kind: generic, party: hamas, after: b }
  - { id: b, kind: generic, party: israel, after: a }
`;
    const p = expectProblem(text, { at: '16:50', message: '`after` goes round in a circle: a → b → a', hint: 'must fall due on a day', token: 'b }' });
    expect(p).toBeDefined();
    expect(rejected(text).filter((q) => q.message.includes('circle'))).toHaveLength(1);
  });

  it('a longer cycle in `after` names every step', () => {
    const text = `${BASE}obligations:
  - { id: start, kind: generic, party: hamas, day: 1 }
  - { id: a, kind: generic, party: hamas, after: c }
  - { id: b, kind: generic, party: israel, after: a }
  - { id: c, kind: generic, party: israel, after: b }
`;
    expectProblem(text, { at: '17:50', message: 'a → c → b → a' });
  });

  it('an obligation after itself', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: generic, party: hamas, after: a }\n`;
    expectProblem(text, { at: '16:50', message: '`a` cannot come after itself' });
  });

  it('unknown parameter reference, with the near parameter named', () => {
    const text = `${BASE}incidents:\n  - { id: clash, text: a clash, chance: complyy }\n`;
    expectProblem(text, { at: '16:41', message: 'unknown parameter `complyy`', hint: 'there is a parameter named `comply`', token: 'complyy' });
  });

  it('unknown parameter reference in a party behaviour setting', () => {
    const text = BASE.replace('hamas: { role: principal }', 'hamas: { role: principal, behaviour: { model: fixed, comply: complie } }');
    expectProblem(text, { at: '7:64', message: 'unknown parameter `complie`', hint: 'there is a parameter named `comply`', token: 'complie' });
  });
});

describe('range and quantity errors', () => {
  it('a day outside its phase', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: generic, party: hamas, day: 31 }\n`;
    expectProblem(text, { at: '16:48', message: 'day 31 is outside its phase, which lasts 30 days', hint: 'use a day from 1 to 30', token: '31' });
  });

  it('a day in a `days` list outside its phase points at that item', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: generic, party: hamas, days: [3, 40] }\n`;
    expectProblem(text, { at: '16:53', message: 'day 40 is outside its phase', token: '40' });
  });

  it('a probability above 1', () => {
    const text = `${BASE}incidents:\n  - { id: clash, text: a clash, chance: 1.5 }\n`;
    expectProblem(text, { at: '16:41', message: '1.5 is not a probability', hint: 'between 0 and 1', token: '1.5' });
  });

  it('a probability below 0', () => {
    const text = BASE.replace('hamas: { role: principal }', 'hamas: { role: principal, trust: -0.2 }');
    expectProblem(text, { at: '7:36', message: '-0.2 is not a probability', token: '-0.2' });
  });

  it('a parameter used as a probability whose range leaves [0, 1]', () => {
    const text = BASE.replace('comply: { default: 0.9, range: [0.5, 1] }', 'comply: { default: 0.9, range: [0.5, 2] }') + `incidents:\n  - { id: clash, text: a clash, chance: comply }\n`;
    expectProblem(text, { at: '16:41', message: 'is used as a probability but its range [0.5, 2] goes outside [0, 1]' });
  });

  it('a negative count in a quantity', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: release, party: hamas, stock: captives, quantity: { alive: -2 }, day: 1 }\n`;
    expectProblem(text, { at: '16:79', message: 'counts are whole and not negative', token: '-2' });
  });

  it('a negative stock count', () => {
    const text = BASE.replace('prisoners: { held-by: israel, count: 100 }', 'prisoners: { held-by: israel, count: -100 }');
    expectProblem(text, { at: '11:40', message: 'counts are whole and not negative', token: '-100' });
  });

  it('a fractional count', () => {
    const text = BASE.replace('prisoners: { held-by: israel, count: 100 }', 'prisoners: { held-by: israel, count: 2.5 }');
    expectProblem(text, { at: '11:40', message: 'stocks.prisoners.count', token: '2.5' });
  });

  it('quantities that the stock cannot meet', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: release, party: hamas, stock: captives, quantity: { alive: 6 }, days: [1, 5] }\n`;
    expectProblem(text, { at: '16:5', message: 'the obligations release 12 of `captives.alive` but only 10 are held', hint: 'raise `stocks.captives.count`' });
  });

  it('a ratio that the stock cannot meet', () => {
    const text = `${BASE}obligations:
  - { id: a, kind: release, party: hamas, stock: captives, quantity: { alive: 10 }, day: 1 }
  - { id: b, kind: exchange, party: israel, stock: prisoners, ratio: 30 prisoners per captive, in-return-for: a, after: a }
`;
    expectProblem(text, { at: '17:5', message: 'the obligations release 300 of `prisoners` but only 100 are held', hint: 'lower the quantities or ratio' });
  });

  it('a quantity naming a category the stock does not have', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: release, party: hamas, stock: captives, quantity: { alives: 1 }, day: 1 }\n`;
    expectProblem(text, { at: '16:72', message: 'stock `captives` has no category `alives`', hint: 'there is a category named `alive`', token: 'alives' });
  });
});

describe('shape errors', () => {
  it('a key that is a mapping is located, and yaml prints no warning', () => {
    const warnings: string[] = [];
    const listener = (w: Error) => warnings.push(w.message);
    process.on('warning', listener);
    try {
      expectProblem(`${BASE}? { a: 1 }\n: 2\n`, { at: '15:3', message: 'a key must be a plain word, not a list or a mapping', token: '{ a: 1 }' });
    } finally {
      process.off('warning', listener);
    }
    expect(warnings).toEqual([]);
  });

  it('an unknown key, with the near key named', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: generic, party: hamas, dya: 1 }\n`;
    expectProblem(text, { at: '16:43', message: 'unknown key `dya`', hint: 'there is a key named `day`', token: 'dya' });
  });

  it('an unknown top-level key', () => {
    const text = BASE.replace('title: Mini', 'title: Mini\ntitel: Again');
    expectProblem(text, { at: '4:1', message: 'unknown key `titel`', hint: 'there is a key named `title`', token: 'titel' });
  });

  it('a wrong type', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: generic, party: hamas, day: soon }\n`;
    expectProblem(text, { at: '16:48', message: 'obligation `a`: `day`: expected number, found text `soon`', token: 'soon' });
  });

  it('a list where a mapping belongs', () => {
    const text = BASE.replace('parties:\n  hamas: { role: principal }\n  israel: { role: principal }', 'parties:\n  - hamas\n  - israel');
    expectProblem(text, { at: '7:3', message: '`parties`: expected record, found a list', token: '- hamas' });
  });

  it('a value outside an enumeration lists the choices', () => {
    const text = BASE.replace('hamas: { role: principal }', 'hamas: { role: principle }');
    expectProblem(text, { at: '7:18', message: '`parties.hamas.role`', hint: 'use one of: `principal`, `mediator`, `guarantor`', token: 'principle' });
  });

  it('a missing required top-level key', () => {
    const text = BASE.replace('title: Mini\n', '');
    expectProblem(text, { at: '1:1', message: 'missing `title`', hint: 'add `title:` here' });
  });

  it('a missing required key inside a list item points at the item', () => {
    const text = `${BASE}obligations:\n  - id: a\n    kind: generic\n    day: 3\n`;
    expectProblem(text, { at: '16:5', message: 'missing `party`', hint: 'add `party:` here', token: 'id: a' });
  });

  it('a wrong format version', () => {
    const text = BASE.replace('parley: 1', 'parley: 2');
    expectProblem(text, { at: '1:9', message: 'write `parley: 1`', token: '2' });
  });

  it('a duplicate key', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: generic, party: hamas, day: 1, day: 2 }\n`;
    expectProblem(text, { at: '16:51', message: 'map keys must be unique', hint: 'each key may appear once', token: 'day: 2' });
  });

  it('a duplicate top-level key in block style', () => {
    const text = BASE.replace('title: Mini', 'title: Mini\nid: again');
    expectProblem(text, { at: '4:1', message: 'map keys must be unique', token: 'id: again' });
  });

  it('two obligations with the same id', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: generic, party: hamas, day: 1 }\n  - { id: a, kind: generic, party: israel, day: 2 }\n`;
    expectProblem(text, { at: '17:11', message: 'two obligations are named `a`', token: 'a,' });
  });
});

describe('conditions', () => {
  const gate = (requires: string) => `${BASE}    gate:\n      requires: ${requires}\n  - id: next\n    final: true\n`;

  it('a syntax error is located inside a double-quoted condition', () => {
    // `      requires: "` is 17 characters; `=` is at offset 15 of the condition.
    expectProblem(gate('"held(captives) = 0"'), { at: '16:33', message: 'in condition: a single `=` is not a comparison', hint: 'write `==` to compare', token: '= 0' });
  });

  it('a syntax error is located inside a single-quoted condition', () => {
    expectProblem(gate("'held(captives) > 0 && true'"), { at: '16:37', message: 'unexpected character `&`', token: '&& true' });
  });

  it('a syntax error is located inside a plain (unquoted) condition', () => {
    expectProblem(gate('held(captives) = 0'), { at: '16:32', message: 'a single `=` is not a comparison', token: '= 0' });
  });

  it('an unknown name in a condition', () => {
    expectProblem(gate('"held(captives) == 0 and dya > 3"'), { at: '16:42', message: 'unknown name `dya` in condition', hint: '`day`', token: 'dya > 3' });
  });

  it('an unknown stock in a condition', () => {
    expectProblem(gate('"held(captivez) == 0"'), { at: '16:23', message: 'unknown stock `captivez` in condition', hint: 'there is a stock named `captives`', token: 'captivez' });
  });

  it('an unknown function in a condition', () => {
    expectProblem(gate('"hold(captives) == 0"'), { at: '16:18', message: 'unknown function `hold`', hint: 'there is a function named `held`', token: 'hold(' });
  });

  it('an unknown obligation in a red line', () => {
    const text = BASE.replace(
      'hamas: { role: principal }',
      'hamas: { role: principal, red-lines: [ { id: line, text: no, when: "failed(open-rafah)" } ] }',
    );
    expectProblem(text, { at: '7:78', message: 'unknown obligation `open-rafah` in condition', token: 'open-rafah' });
  });
});

describe('every problem, all at once', () => {
  it('a file with three distinct problems reports exactly three', () => {
    const text = readFileSync(new URL('../fixtures/three-problems.yaml', import.meta.url), 'utf8');
    const result = loadScenario(text, 'three-problems.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      '12:48 unknown party `hamaz`',
      '13:52 day 45 is outside its phase, which lasts 30 days',
      '14:59 unknown obligation `first-releese`',
    ]);
  });

  it('several shape problems are reported together, in line order', () => {
    const text = BASE.replace('hamas: { role: principal }', 'hamas: { role: principal, trusst: 0.5 }').replace('    length: 30', '    lenght: 30');
    const problems = rejected(text);
    expect(problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual(['7:29 unknown key `trusst`', '14:5 unknown key `lenght`']);
  });

  it('reports shape and meaning problems together, staying quiet about entries it had to set aside', () => {
    const text = `${BASE}obligations:
  - { id: names-list, kind: generic, party: Israel, day: 1 }
  - { id: late, kind: generic, party: hamas, day: 45 }
  - { id: talks, kind: start-talks, party: isreal, after: names-list }
`;
    const problems = rejected(text);
    expect(problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      '16:45 obligation `names-list`: `party`: ids are lower-case words joined by hyphens, like `first-release`',
      '17:51 day 45 is outside its phase, which lasts 30 days',
      '18:44 unknown party `isreal`',
    ]);
    expect(problems[0]!.hint).toBe('write `israel`');
  });

  it('never reports the same problem twice', () => {
    const text = `${BASE}obligations:\n  - { id: a, kind: generic, party: hamaz, day: 99 }\n  - { id: b, kind: generic, party: hamaz, day: 98 }\n`;
    const problems = rejected(text);
    const keys = problems.map((p) => `${p.line}:${p.col}:${p.message}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(problems).toHaveLength(4);
  });
});

describe('formatProblem', () => {
  const text = `${BASE}obligations:\n  - { id: a, kind: generic, party: hamaz, day: 1 }\n`;

  it('prints file:line:col: error: message, the line, a caret under the column, and the hint', () => {
    const [problem] = rejected(text);
    const lines = formatProblem(problem!).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('case.yaml:16:36: error: unknown party `hamaz`');
    expect(lines[1]).toBe('    - { id: a, kind: generic, party: hamaz, day: 1 }');
    expect(lines[2]).toMatch(/^ *\^$/);
    expect(lines[2]!.indexOf('^')).toBe(lines[1]!.indexOf('hamaz'));
    expect(lines[3]).toBe('  hint: there is a party named `hamas`');
  });

  it('leaves out the hint line when there is no hint', () => {
    const p: Problem = { file: 'f.yaml', line: 2, col: 3, message: 'something', sourceLine: 'abcdef' };
    expect(formatProblem(p)).toBe('f.yaml:2:3: error: something\n  abcdef\n    ^');
  });

  it('leaves out the source and caret when the line is empty', () => {
    const p: Problem = { file: 'f.yaml', line: 1, col: 1, message: 'empty', hint: 'write something', sourceLine: '' };
    expect(formatProblem(p)).toBe('f.yaml:1:1: error: empty\n  hint: write something');
  });

  it('shows tabs as spaces so the caret still lines up', () => {
    const p: Problem = { file: 'f.yaml', line: 1, col: 3, message: 'm', sourceLine: '\tab' };
    const lines = formatProblem(p).split('\n');
    expect(lines[1]).toBe('   ab');
    expect(lines[2]!.indexOf('^')).toBe(4);
  });

  it('formatProblems separates problems with a blank line', () => {
    const text3 = readFileSync(new URL('../fixtures/three-problems.yaml', import.meta.url), 'utf8');
    const result = loadScenario(text3, 'three-problems.yaml');
    if (result.ok) throw new Error('expected problems');
    const out = formatProblems(result.problems);
    const blocks = out.split('\n\n');
    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      expect(block).toMatch(/^three-problems\.yaml:\d+:\d+: error: .+\n {2}.+\n {2} *\^\n {2}hint: .+$/);
    }
  });
});
