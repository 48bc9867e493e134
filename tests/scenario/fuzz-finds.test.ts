/**
 * Files the 100,000-case fuzz campaign (seed campaign-4) found that validated and then narrated
 * NaN or "undefined": each is now a located problem at load time.
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
});
