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

describe('a worker that stops answering', () => {
  it('is replaced, its chunks re-run, and the result is unchanged', async () => {
    const exp = await experiment();
    const expected = stringifySummary((await runBatch(exp, { pool: inlinePool, workers: 1 })).summary);
    const notices: string[] = [];
    const stalling: typeof nodePool = (job, workers, options) => nodePool(job, workers, { ...options, stallMs: 1500, testStallOnChunk: 3 });
    const started = Date.now();
    const { summary } = await runBatch(exp, { pool: stalling, workers: 2, onNotice: (t) => notices.push(t) });
    expect(stringifySummary(summary)).toBe(expected);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/a worker gave no answer for \d+ s; replaced it and re-running chunks? .*3/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('finish order', () => {
  it('does not change the result, even when chunks finish far out of order', async () => {
    const exp = await experiment();
    const expected = stringifySummary((await runBatch(exp, { pool: inlinePool, workers: 1 })).summary);
    // A pool of "4 workers" in which every eighth chunk finishes well after the seven after it.
    const scrambling: typeof inlinePool = async (job, workers, options) => {
      const inner = await inlinePool(job, workers, options);
      return {
        size: 4,
        run: (chunk) => inner.run(chunk).then((r) => new Promise((resolve) => setTimeout(() => resolve(r), chunk % 8 === 0 ? 400 : 0))),
        close: () => inner.close(),
      };
    };
    const csv: string[] = [];
    const { summary } = await runBatch(exp, { pool: scrambling, workers: 4, csv: (t) => csv.push(t) });
    expect(stringifySummary(summary)).toBe(expected);
    const inOrder: string[] = [];
    await runBatch(exp, { pool: inlinePool, workers: 1, csv: (t) => inOrder.push(t) });
    expect(csv.join('')).toBe(inOrder.join(''));
  });
});
