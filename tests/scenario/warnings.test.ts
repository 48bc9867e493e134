/** Terms known before any run to lapse are warnings with a position: the file still loads. */
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../src/scenario/index.ts';

const HEAD = 'parley: 1\nid: w\ntitle: Warnings\nparties:\n  a: { role: principal }\n  b: { role: principal }\n';

function warnings(text: string): string[] {
  const result = loadScenario(text, 'w.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.warnings.map((w) => formatProblem(w).split('\n')[0]!);
}

describe('lapse warnings', () => {
  it('a wait that runs past the phase end is a warning at `wait`', () => {
    const text = `${HEAD}phases:\n  - { id: one, length: 5 }\nobligations:\n  - { id: first, kind: generic, party: a, day: 2, grace: 0 }\n  - id: second\n    kind: generic\n    party: b\n    after: first\n    wait: 4\n`;
    expect(warnings(text)).toEqual(['w.yaml:15:11: warning: `second` falls due 4 days after `first`, on day 6 if it is on time: past the last day (5) of phase `one`, so it lapses']);
  });

  it('a grace that can carry a delay past the phase end is a warning, saying an extension could save it', () => {
    const text = `${HEAD}phases:\n  - id: one\n    length: 5\n    extensions: { max: 3, rules: [{ while: "day > 0", days: 3 }] }\nobligations:\n  - { id: late, kind: generic, party: a, day: 4, grace: 3 }\n  - { id: early, kind: generic, party: a, day: 1, grace: 3 }\n`;
    const [only, ...rest] = warnings(text);
    expect(rest).toEqual([]);
    expect(only).toBe('w.yaml:12:57: warning: `late` is due on day 4 of phase `one` with 3 days of grace: a delay past day 5, the phase\'s last, lapses unless the phase is extended');
  });

  it('a deadline (`by`) and a final phase warn of nothing', () => {
    const text = `${HEAD}phases:\n  - { id: one, length: 5 }\n  - { id: done, final: true }\nobligations:\n  - { id: last, kind: generic, party: a, by: 5 }\n`;
    expect(warnings(text)).toEqual([]);
  });
});
