/**
 * Files well under the 1 MB limit whose cost once grew faster than their size (35 s, 6 s). Each must
 * be answered within a few seconds even on a loaded machine (the DESIGN promise: never hangs);
 * the speed goals themselves are measured by `npm run fuzz`.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';

const VALID_HEAD = 'parley: 1\nid: hostile\ntitle: Hostile\nparties:\n  a: { role: principal }\n  b: { role: principal }\nphases:\n  - { id: truce, length: 10 }\n';

describe('cost grows with size, not faster', () => {
  // Locating each problem must not rescan the text from the start (that once took ~35 s at 200 KB).
  // Sizes stay under the token bound (MAX_TOKENS), past which the screen answers before yaml parses.
  it('a 40 KB file with 20,000 shape errors is rejected within seconds', () => {
    const text = `${VALID_HEAD.replace('phases:\n  - { id: truce, length: 10 }\n', '')}phases: [${'1,'.repeat(20_000)}1]\n`;
    const t0 = performance.now();
    const result = loadScenario(text, 'wide.yaml');
    const ms = performance.now() - t0;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 7, col: 10 });
    expect(ms).toBeLessThan(5000);
  });

  // Walking `after` chains must stay linear (a cubic walk once took ~6 s here).
  it('a valid 84 KB file with 1,500 obligations chained by `after` loads within seconds', () => {
    let text = `${VALID_HEAD}obligations:\n  - { id: o0, kind: generic, party: a, day: 1 }\n`;
    for (let i = 1; i < 1500; i++) text += `  - { id: o${i}, kind: generic, party: a, after: o${i - 1} }\n`;
    const t0 = performance.now();
    const result = loadScenario(text, 'chain.yaml');
    const ms = performance.now() - t0;
    expect(result.ok).toBe(true);
    expect(ms).toBeLessThan(5000);
  });
});
