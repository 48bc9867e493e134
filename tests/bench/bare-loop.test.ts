/**
 * The bench's bare-loop reference must stay the engine's twin: same outcomes, end days and metric
 * sums on the same seeds (npm run bench checks 10,000 seeds; this keeps it honest on every test run).
 */
import { describe, expect, it } from 'vitest';
import { bareTallies, engineTallies, tallyDifferences } from '../../bench/tallies.ts';
import { compile } from '../../src/engine/index.ts';
import { loadBundled } from '../engine/helpers.ts';

describe('bench/bare-loop.ts', () => {
  it('gives the engine’s tallies on 1,000 seeds of the 60-day draft', () => {
    const model = compile(loadBundled('doha-60-day-draft.yaml'));
    expect(tallyDifferences(engineTallies(model, 'bare', 1000), bareTallies(model, 'bare', 1000))).toEqual([]);
  });

  it('notices when the engine’s parameters differ from what the loop read', () => {
    const model = compile(loadBundled('doha-60-day-draft.yaml'));
    const other = compile(loadBundled('doha-60-day-draft.yaml'), { 'hamas-base-comply': 0.5 });
    expect(tallyDifferences(engineTallies(other, 'bare', 300), bareTallies(model, 'bare', 300)).length).toBeGreaterThan(0);
  });
});
