/**
 * Batch runs reuse one run's memory for the next (RunSeries, Simulation.rerun): every outcome
 * must be the one a fresh run gives, in every bundled scenario, following the record or not,
 * whatever the runs before it did. And the comparison draws (drawBelow) must be exactly draw < p.
 */
import { describe, expect, it } from 'vitest';
import { compile, deriveRunSeed, draw, recordOf, runKey, runOnce, RunSeries, type Purpose, type SeriesOptions } from '../../src/engine/index.ts';
import { drawBelow } from '../../src/engine/rng.ts';
import { bundledScenarioFiles, loadBundled } from './helpers.ts';

const SEEDS = 120;

describe('RunSeries', () => {
  for (const file of bundledScenarioFiles().filter((f) => f !== 'template.yaml')) {
    it(`gives each run's outcome exactly as a fresh run does: ${file}`, () => {
      const model = compile(loadBundled(file));
      const variants: SeriesOptions[] = [{}];
      if (recordOf(model).lastDay > 0) variants.push({ recordUntil: 'end' }, { recordUntil: 3 });
      const principal = model.principals[0];
      if (principal) variants.push({ comply: [principal] });
      for (const options of variants) {
        const series = new RunSeries(model, options);
        for (let i = 0; i < SEEDS; i++) {
          const seed = deriveRunSeed(`series-${file}`, i);
          // Serialised: the metrics' key order is part of the outcome (the CSV's columns follow it).
          expect(JSON.stringify(series.outcome(seed)), `${file} ${JSON.stringify(options)} ${seed}`).toBe(JSON.stringify(runOnce(model, { seed, trace: false, ...options }).outcome));
        }
      }
    });
  }
});

describe('drawBelow', () => {
  it('is draw < p, at the draw itself and around it', () => {
    for (let i = 0; i < 3000; i++) {
      const key = runKey(`below:${i}`);
      const args: [Purpose, number, number, number] = [(i % 11) as Purpose, (i * 2654435761) >>> 0, i, i % 7];
      const u = draw(key, ...args);
      for (const p of [0, 1, 0.5, u, u + Number.EPSILON, u - Number.EPSILON, u * (1 - Number.EPSILON), (i % 97) / 97]) {
        expect(drawBelow(key, ...args, p), `${i} ${p}`).toBe(u < p);
      }
    }
  });
});
