/**
 * The Web Worker pool: the browser's sibling of node-pool.ts. Each worker gets the job once,
 * compiles the models it needs and answers one message per chunk of runs. `close` with chunks in
 * flight (Stop) terminates every worker at once, so a stopped batch stops using the CPU (those
 * chunks are dropped). A pool closed with all its work done parks its idle workers for a few
 * seconds instead, and the next pool takes them: a calibration or a study runs one batch after
 * another, and starting fresh workers (loading and compiling their code) for each cost more than
 * the runs of a small batch. A worker runs `serveWebWorker` (web-pool-worker.ts); a bundler (Vite)
 * builds it from the URL.
 */
import { compile } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { ChunkRunner, type BatchJob, type ChunkResult } from './chunk.ts';
import { probeMetricNames } from './metrics.ts';
import { ModelCache } from './model-cache.ts';
import { ChunkFailure, type PoolFactory } from './pool.ts';
import { packetBuffers } from './tally-packet.ts';

type ToWorker = { type: 'warm'; job: BatchJob } | { type: 'job'; job: BatchJob } | { type: 'chunk'; chunk: number };

/**
 * Runs a worker started ahead of a batch does and throws away, so that the engine's code is
 * compiled (the JIT's optimising tiers) before Run rather than during the batch. Measured in
 * Chromium on the 60-day draft: after 2,000 such runs V8 still compiled for about a third of a
 * core through a 2-worker batch of 100,000, competing with the workers for the two cores; after
 * 10,000 (a few hundred milliseconds, while the form is filled in) for a tenth of that.
 */
export const WARM_UP_RUNS = 10_000;

/**
 * A batch of `scenario` that only warms a worker up: its results are discarded. It reads every
 * metric a lab batch reads by default, so the code that tallies them is warm too.
 */
export function warmUpJob(scenario: Scenario): BatchJob {
  let metrics: string[] = [];
  try {
    metrics = probeMetricNames(compile(scenario), 'warm-up');
  } catch {
    // A scenario that cannot run says so when a batch runs it; the warm-up does without metrics.
  }
  return { scenario, scenarioFile: 'warm-up', seed: 'warm-up', runs: WARM_UP_RUNS, chunkSize: WARM_UP_RUNS, set: {}, sweeps: [], variationCount: 1, metrics, csv: false };
}
type FromWorker = { type: 'done'; result: ChunkResult } | { type: 'failed'; chunk: number; message: string } | { type: 'warmed' };

/** Chunks queued at one worker, so it never waits for the page between chunks. */
const DEPTH = 2;

type Task = { chunk: number; resolve(r: ChunkResult): void; reject(e: Error): void };

/** How long idle workers wait for the next pool before they are terminated (unless a page holds them: warmWebWorkers). */
const PARK_MS = 5_000;
const parked: Worker[] = [];
let parkTimer: ReturnType<typeof setTimeout> | undefined;
let holds = 0;

const newWorker = (i: number) => new Worker(new URL('./web-pool-worker.ts', import.meta.url), { type: 'module', name: `parley batch worker ${i + 1}` });

function expireParked(): void {
  if (parkTimer !== undefined) clearTimeout(parkTimer);
  parkTimer = undefined;
  if (holds > 0) return;
  parkTimer = setTimeout(() => {
    for (const worker of parked.splice(0)) worker.terminate();
    parkTimer = undefined;
  }, PARK_MS);
}

function park(workers: readonly Worker[]): void {
  for (const worker of workers) {
    worker.onmessage = null;
    // A parked worker that fails (its code did not load) leaves the park, so no pool takes it.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      const at = parked.indexOf(worker);
      if (at >= 0) parked.splice(at, 1);
    };
    parked.push(worker);
  }
  expireParked();
}

/**
 * Starts `count` workers ahead of the first batch (loading and compiling their code takes a few
 * hundred milliseconds) and keeps idle workers until the returned release is called: the lab does
 * this while it is open, so Run starts computing at once, on code already warmed up on `scenario`
 * when one is given (`onWarm` is called as each finishes its warm-up). Stop still terminates the
 * workers of the batch it stops.
 */
export function warmWebWorkers(count: number, scenario?: Scenario, onWarm?: () => void): () => void {
  holds++;
  const fresh: Worker[] = [];
  const job = scenario && parked.length < count ? warmUpJob(scenario) : undefined;
  for (let i = parked.length; i < count; i++) {
    const worker = newWorker(i);
    if (job) {
      const warmed = (event: MessageEvent<FromWorker>) => {
        if (event.data?.type !== 'warmed') return;
        worker.removeEventListener('message', warmed);
        onWarm?.();
      };
      worker.addEventListener('message', warmed);
      worker.postMessage({ type: 'warm', job } satisfies ToWorker);
    }
    fresh.push(worker);
  }
  park(fresh);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    expireParked();
  };
}

/** Workers for a batch when none are asked for: the cores the browser reports. */
export function browserWorkerCount(): number {
  return Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2);
}

export const webPool: PoolFactory = async (job, workers) => {
  const slots: { worker: Worker; inFlight: Map<number, Task> }[] = [];
  const waiting: Task[] = [];
  let closed = false;
  let broken = false;

  const pump = () => {
    while (waiting.length > 0 && !closed) {
      let best: (typeof slots)[number] | undefined;
      for (const slot of slots) if (slot.inFlight.size < DEPTH && (!best || slot.inFlight.size < best.inFlight.size)) best = slot;
      if (!best) return;
      const task = waiting.shift()!;
      best.inFlight.set(task.chunk, task);
      best.worker.postMessage({ type: 'chunk', chunk: task.chunk } satisfies ToWorker);
    }
  };

  for (let i = 0; i < Math.max(1, workers); i++) {
    const worker = parked.shift() ?? newWorker(i);
    const slot = { worker, inFlight: new Map<number, Task>() };
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'warmed') return;
      const chunk = message.type === 'done' ? message.result.chunk : message.chunk;
      const task = slot.inFlight.get(chunk);
      if (!task) return;
      slot.inFlight.delete(chunk);
      if (message.type === 'done') task.resolve(message.result);
      else task.reject(new ChunkFailure(message.message, [chunk]));
      pump();
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      broken = true;
      const lost = [...slot.inFlight.values()];
      slot.inFlight.clear();
      const error = new ChunkFailure(`a batch worker failed: ${event.message || 'it could not start'}`, lost.map((t) => t.chunk));
      for (const task of lost) task.reject(error);
      for (const task of waiting.splice(0)) task.reject(error);
    };
    worker.postMessage({ type: 'job', job } satisfies ToWorker);
    slots.push(slot);
  }

  return {
    size: slots.length,
    run(chunk) {
      return new Promise<ChunkResult>((resolve, reject) => {
        if (closed) return reject(new Error('the pool is closed'));
        waiting.push({ chunk, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      // Work still in flight (Stop, a failure): every worker ends now. All done: the workers wait, idle, for the next pool.
      const busy = broken || waiting.length > 0 || slots.some((s) => s.inFlight.size > 0);
      if (busy) for (const slot of slots) slot.worker.terminate();
      else park(slots.map((s) => s.worker));
    },
  };
};

/** The worker's side: warms up if asked (and says when it is done), takes the job, then answers each chunk. */
export function serveWebWorker(scope: { onmessage: ((event: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker, transfer?: Transferable[]): void }): void {
  let runner: ChunkRunner | undefined;
  // Kept across jobs: a batch of the scenario the worker warmed up on runs on the warmed-up model.
  const models = new ModelCache();
  scope.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'warm') {
      try {
        new ChunkRunner(message.job, models).run(0);
      } catch {
        // Only a warm-up: a scenario that cannot run says so when a batch runs it.
      }
      scope.postMessage({ type: 'warmed' });
      return;
    }
    if (message.type === 'job') {
      runner = new ChunkRunner(message.job, models);
      return;
    }
    try {
      const result = runner!.run(message.chunk);
      scope.postMessage({ type: 'done', result }, packetBuffers(result.tally));
    } catch (error) {
      scope.postMessage({ type: 'failed', chunk: message.chunk, message: error instanceof Error ? error.message : String(error) });
    }
  };
}
