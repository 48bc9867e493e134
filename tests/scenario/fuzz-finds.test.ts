/**
 * Files the 100,000-case fuzz campaigns found: with seed campaign-4, files that validated and then
 * narrated NaN or "undefined"; with campaign-5, an alias inside the mapping it names, which made
 * endless data and an uncaught exception. Each is now a located problem at load time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const bundled = (file: string) => readFileSync(join(ROOT, 'scenarios', file), 'utf8');

function problemsOf(text: string, file: string) {
  const result = loadScenario(text, file);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('what the fuzzer found', () => {
  it('a talks strategy setting that names no parameter (an alias to a party id, or a long word)', () => {
    const text = bundled('prisoner-exchange-talks.yaml');
    const line = text.split('\n').findIndex((l) => l === '      e: 0.4') + 1;
    expect(line).toBeGreaterThan(0);
    const problems = problemsOf(text.replace('      e: 0.4', '      e: hamas'), 'talks.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line, col: 10, message: 'unknown parameter `hamas`' });
  });

  it('a stock with no categories (`count: {}`), which an exchange would have paid into category "undefined"', () => {
    const text = bundled('october-2025-ceasefire.yaml');
    const line = text.split('\n').findIndex((l) => l === '    count: 420') + 1;
    const problems = problemsOf(text.replace('    count: 420', '    count: {}'), 'october.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line, col: 12 });
    expect(problems[0]!.message).toContain('a stock needs at least one category');
  });

  it('an alias inside the mapping or list it names (endless data) is one located problem, not an exception', () => {
    const text = bundled('template.yaml');
    const gate = text.split('\n').findIndex((l) => l.startsWith('    gate:')) + 1;
    const requires = text.split('\n').findIndex((l, i) => i >= gate && l.startsWith('      requires:')) + 1;
    expect(gate).toBeGreaterThan(0);
    const lines = text.split('\n');
    lines[gate - 1] = lines[gate - 1]!.replace('gate:', 'gate: &x');
    lines[requires - 1] = '      requires: *x';
    const problems = problemsOf(lines.join('\n'), 'template.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: requires, col: 17, message: '`*x` refers to a mapping or list it is itself inside' });
    // A list that holds itself, and an alias to an earlier sibling (which is fine) beside it.
    const list = problemsOf('parley: 1\nid: x\na: &l [1, *l]\nb: &m { k: 1 }\nc: *m\n', 'list.yaml');
    expect(list.filter((p) => /itself inside/.test(p.message))).toEqual([expect.objectContaining({ line: 3, col: 11 })]);
  });
});
