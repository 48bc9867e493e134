/** Paired differences of two sides run on the same seeds. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlinePool, Z95 } from '../../src/batch/index.ts';
import { labExperiment, runLab } from '../../src/ui/logic/lab.ts';
import { runLabCompare } from '../../src/ui/logic/lab-compare-run.ts';
import { compareRuns, parseSet, runsOfCsv, type PairRun } from '../../src/ui/logic/lab-compare.ts';
import { flagship } from './helpers.ts';

const run = (outcome: string, day: number, metric: number): PairRun => ({ outcome, day, metrics: [metric] });

describe('comparing A and B pair by pair', () => {
  const a = [run('completed', 60, 10), run('collapsed', 12, 4), run('completed', 60, 10), run('stalled', 60, 8)];
  const b = [run('completed', 60, 10), run('collapsed', 9, 3), run('collapsed', 30, 6), run('stalled', 60, 8)];
  const c = compareRuns(a, b, ['captives'], ['captives']);

  it('counts the pairs that differ at all and those that end differently', () => {
    expect(c.pairs).toBe(4);
    expect(c.differ).toBe(2);
    expect(c.outcomeDiffers).toBe(1);
  });

  it('gives each share and mean difference as the mean of per-seed differences, with mean ± 1.96·sd/√n', () => {
    const collapsed = c.outcomes.find((o) => o.name === 'collapsed')!;
    expect(collapsed.a).toBe(0.25);
    expect(collapsed.b).toBe(0.5);
    expect(collapsed.diff).toBe(0.25);
    // Differences 0, 0, 1, 0: sd = 0.5, half-width z · 0.5 / √4.
    expect(collapsed.hi - collapsed.diff).toBeCloseTo((Z95 * 0.5) / 2, 12);
    const captives = c.metrics[0]!;
    expect(captives.diff).toBe((0 - 1 - 4 + 0) / 4);
    expect(captives.differing).toBe(2);
    // A side that does not differ at all has a zero-width interval.
    expect(c.outcomes.find((o) => o.name === 'stalled')).toMatchObject({ diff: 0, lo: 0, hi: 0, differing: 0 });
  });

  it('pairs only the runs both sides finished when one was stopped early', () => {
    expect(compareRuns(a, b.slice(0, 2), ['captives'], ['captives']).pairs).toBe(2);
  });
});

describe('the overrides of a side', () => {
  it('reads name=value pairs separated by commas or spaces, and names the field when one is not', () => {
    expect(parseSet('reciprocity=0.4, clash-rate=0.05', 'B: set')).toEqual({ reciprocity: 0.4, 'clash-rate': 0.05 });
    expect(parseSet('  ', 'A: set')).toEqual({});
    expect(() => parseSet('reciprocity', 'B: set')).toThrow(/B: set: `reciprocity` is not name=value/);
  });
});

describe('running a comparison', () => {
  it('pairs the CSV pieces as the batches hand them over, as the two batches’ full CSVs pair', async () => {
    const file = 'doha-60-day-draft.yaml';
    const source = { scenario: flagship(), file, text: readFileSync(join(resolve(import.meta.dirname, '../../scenarios'), file), 'utf8') };
    const draft = { runs: '1200', seed: 'pair-test', sweeps: [] };
    const result = await runLabCompare([{ source, set: '', field: 'A: set' }, { source, set: 'clash-rate=0.05', field: 'B: set' }], draft, { pool: inlinePool, workers: 1 });
    const whole = async (set: Record<string, number>) => {
      const experiment = await labExperiment(source, draft, set);
      return { metrics: experiment.metrics, runs: runsOfCsv((await runLab(experiment, { pool: inlinePool, workers: 1, csv: true })).csv!, experiment.metrics) };
    };
    const [a, b] = [await whole({}), await whole({ 'clash-rate': 0.05 })];
    expect(result.comparison).toEqual(compareRuns(a.runs, b.runs, a.metrics, b.metrics));
    expect(result.comparison.pairs).toBe(1200);
    expect(result.labelB).toContain('with clash-rate=0.05');
  });
});
