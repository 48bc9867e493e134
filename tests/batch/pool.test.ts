import { describe, expect, it } from 'vitest';
import { defineExperiment, inlinePool, nodePool, runBatch, stringifySummary } from '../../src/batch/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { DOHA, DOHA_TEXT } from './helpers.ts';

async function experiment() {
  const loaded = loadScenario(DOHA_TEXT, DOHA);
  if (!loaded.ok) throw new Error('scenario');
  return defineExperiment(
    loaded.scenario,
    { text: DOHA_TEXT, file: DOHA },
    { runs: 300, seed: 'pool', set: { reciprocity: 0.3 }, sweeps: [{ name: 'clash-rate', values: [0, 0.05] }, { name: 'hamas-base-comply', values: [0.7, 0.9] }], chunkSize: 70 },
    'test',
  );
}

describe('worker pool', () => {
  it('gives byte-identical summaries with 1, 2 and 4 workers and in-thread', async () => {
    const exp = await experiment();
    const json = async (pool: typeof nodePool, workers: number) => stringifySummary((await runBatch(exp, { pool, workers })).summary);
    const one = await json(nodePool, 1);
    expect(await json(nodePool, 2)).toBe(one);
    expect(await json(nodePool, 4)).toBe(one);
    expect(await json(inlinePool, 1)).toBe(one);
    expect(JSON.parse(one).coverage.runs).toBe(1200);
  });
});
