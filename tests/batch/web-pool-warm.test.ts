/**
 * A lab worker started ahead of a batch warms up on the scenario: the warm-up's runs are thrown
 * away (nothing is posted back), and the batch that follows answers exactly as a cold worker does.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { BatchJob } from '../../src/batch/chunk.ts';
import { serveWebWorker, warmUpJob, WARM_UP_RUNS } from '../../src/batch/web-pool.ts';
import { loadScenario } from '../../src/scenario/index.ts';

function chunkJob(): BatchJob {
  const loaded = loadScenario(readFileSync(new URL('../../scenarios/doha-60-day-draft.yaml', import.meta.url), 'utf8'), 'doha-60-day-draft.yaml');
  if (!loaded.ok) throw new Error('the flagship does not load');
  return { scenario: loaded.scenario, scenarioFile: 'scenarios/doha-60-day-draft.yaml', seed: 'warm-test', runs: 300, chunkSize: 100, set: {}, sweeps: [], variationCount: 1, metrics: ['captivesReleased'], csv: true };
}

type Scope = Parameters<typeof serveWebWorker>[0];

function worker(): { scope: Scope; posted: unknown[]; send(message: unknown): void } {
  const posted: unknown[] = [];
  const scope: Scope = { onmessage: null, postMessage: (m) => posted.push(m) };
  serveWebWorker(scope);
  return { scope, posted, send: (message) => scope.onmessage!({ data: message } as MessageEvent<never>) };
}

describe('warming a web worker up', () => {
  it('runs the warm-up, says only that it is warm, and then answers chunks as a cold worker does', () => {
    const job = chunkJob();
    const warm = worker();
    warm.send({ type: 'warm', job: warmUpJob(job.scenario) });
    expect(warm.posted).toEqual([{ type: 'warmed' }]);
    warm.send({ type: 'job', job });
    warm.send({ type: 'chunk', chunk: 0 });
    const cold = worker();
    cold.send({ type: 'job', job });
    cold.send({ type: 'chunk', chunk: 0 });
    expect(warm.posted.slice(1)).toEqual(cold.posted);
    expect(cold.posted).toHaveLength(1);
    expect(cold.posted[0]).toMatchObject({ type: 'done', result: { chunk: 0 } });
  });

  it('is one chunk of the scenario, without a per-run table, reading every metric a batch reads', () => {
    const job = warmUpJob(chunkJob().scenario);
    expect([job.runs, job.chunkSize, job.variationCount, job.csv]).toEqual([WARM_UP_RUNS, WARM_UP_RUNS, 1, false]);
    expect(job.metrics).toContain('days');
    expect(job.metrics).toContain('released.captives.total');
  });
});
