/**
 * The Node worker-thread pool: the only Node-specific file in src/batch (a browser pool would be
 * a sibling over Web Workers). Each worker gets the job once (workerData), compiles the models it
 * needs, and answers one message per chunk of runs — never one per run.
 *
 * This module is also the worker's code: node-pool-worker.cjs registers tsx, loads it and calls
 * `serveBatchWorker`. The built CLI (dist/, scripts/build-cli.mjs) has a bundled
 * node-pool-worker.cjs beside it, found by the same relative URL, that needs no tsx.
 * Node modules are imported only when used, so importing src/batch in a browser bundle is harmless.
 */
import type { Worker } from 'node:worker_threads';
import { ChunkRunner, type BatchJob, type ChunkResult } from './chunk.ts';
import { ChunkFailure, type PoolFactory } from './pool.ts';

type ToWorker = { chunk: number };
type FromWorker = { type: 'ready' } | { type: 'done'; result: ChunkResult } | { type: 'failed'; chunk: number; message: string };

/** Chunks queued at one worker at a time, so it never waits for the main thread between chunks. */
const DEPTH = 2;

/**
 * Heap sizes per worker. A run makes much short-lived garbage and keeps almost nothing (a
 * worker's live heap stays near 15 MB), but with V8's defaults each worker's heap grows to
 * ~80 MB before it bothers to shrink. With these limits V8 sizes the heap to the live data:
 * measured on the 60-day draft, the same speed and ~40 MB less per worker. 128 MB leaves ample
 * room for scenarios far larger than the bundled ones.
 */
const YOUNG_GENERATION_MB = 8;
export const OLD_GENERATION_MB = 128;

/** Workers used when none are asked for: the cores Node may use. */
export async function defaultWorkerCount(): Promise<number> {
  return (await import('node:os')).availableParallelism();
}

/** A worker that has had work for this long without answering is replaced (its chunks re-run elsewhere). */
const STALL_MS = 30_000;
/** …or for this many times its slowest chunk so far, if that is longer. */
const STALL_FACTOR = 50;
const START_TIMEOUT_MS = 60_000;
const MAX_REPLACEMENTS = 3;

type Task = { chunk: number; sent: number; resolve(r: ChunkResult): void; reject(e: Error): void };

interface Slot {
  worker: Worker;
  inFlight: Map<number, Task>;
  /** When it last answered (or was given work while idle). */
  heard: number;
  /** It has said it is ready: only then is it given chunks (and watched for stalls). */
  ready: boolean;
  dead: boolean;
}

/** Stops a worker without waiting on it: a worker that does not stop must not hold up the batch or the process. */
function stop(worker: Worker): Promise<void> {
  worker.unref();
  return Promise.race([worker.terminate().then(() => undefined, () => undefined), new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);
}

export const nodePool: PoolFactory = async (job, workers, options = {}) => {
  const { Worker } = await import('node:worker_threads');
  const bootstrap = new URL('./node-pool-worker.cjs', import.meta.url);
  // Tests only: one shared flag so just the first worker to meet the chunk stalls on it.
  const stallFlag = options.testStallOnChunk === undefined ? undefined : new Int32Array(new SharedArrayBuffer(4));
  const slots: Slot[] = [];
  const waiting: Task[] = [];
  let closed = false;
  let failure: Error | undefined;
  let slowest = 0;
  let replacements = 0;
  const heapMb = options.heapMb ?? OLD_GENERATION_MB;

  const pump = () => {
    while (waiting.length > 0 && !closed) {
      let best: Slot | undefined;
      for (const slot of slots) if (slot.ready && !slot.dead && slot.inFlight.size < DEPTH && (!best || slot.inFlight.size < best.inFlight.size)) best = slot;
      if (!best) return;
      const task = waiting.shift()!;
      if (best.inFlight.size === 0) best.heard = Date.now();
      task.sent = Date.now();
      best.inFlight.set(task.chunk, task);
      best.worker.postMessage({ chunk: task.chunk } satisfies ToWorker);
    }
  };
  const fail = (error: Error) => {
    failure ??= error;
    for (const slot of slots) for (const task of slot.inFlight.values()) task.reject(error);
    for (const task of waiting.splice(0)) task.reject(error);
  };

  /** Starts one worker; resolves when it is ready to take chunks. */
  const spawn = (): Promise<void> => {
    const worker = new Worker(bootstrap, { workerData: { parleyBatchJob: job, stallOnChunk: options.testStallOnChunk, stallFlag, fault: options.testFault }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: heapMb } });
    const slot: Slot = { worker, inFlight: new Map(), heard: Date.now(), ready: false, dead: false };
    slots.push(slot);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`a batch worker did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      timer.unref();
      worker.on('message', (message: FromWorker) => {
        if (slot.dead) return;
        slot.heard = Date.now();
        if (message.type === 'ready') {
          slot.ready = true;
          clearTimeout(timer);
          resolve();
          pump();
        } else if (message.type === 'done') {
          const task = slot.inFlight.get(message.result.chunk);
          slot.inFlight.delete(message.result.chunk);
          if (task) {
            slowest = Math.max(slowest, Date.now() - task.sent);
            task.resolve(message.result);
          }
          pump();
        } else {
          const task = slot.inFlight.get(message.chunk);
          slot.inFlight.delete(message.chunk);
          const error = new ChunkFailure(message.message, [message.chunk]);
          task?.reject(error);
          fail(error);
        }
      });
      // A dead worker is reported by the chunks it held (the first is the one it was running).
      const died = (what: string) => {
        slot.dead = true;
        const error = new ChunkFailure(what, [...slot.inFlight.keys()]);
        clearTimeout(timer);
        reject(error);
        fail(error);
      };
      worker.on('error', (raw) => {
        if (slot.dead || closed) return;
        died((raw as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `a batch worker ran out of memory (its heap is limited to ${heapMb} MB; --worker-heap raises it)` : `a batch worker failed: ${raw.message}`);
      });
      worker.on('exit', (code) => {
        if (closed || slot.dead) return;
        died(`a batch worker stopped unexpectedly (exit code ${code})`);
      });
    });
  };

  // A worker that stops answering is replaced and its chunks go back to the front of the queue.
  // Chunks are pure functions of their index, so a re-run gives the same result.
  const watchdog = setInterval(() => {
    const now = Date.now();
    const limit = options.stallMs ?? Math.max(STALL_MS, STALL_FACTOR * slowest);
    for (const slot of slots) {
      if (slot.dead || slot.inFlight.size === 0 || now - slot.heard < limit) continue;
      slot.dead = true;
      void stop(slot.worker);
      const chunks = [...slot.inFlight.values()];
      slot.inFlight.clear();
      waiting.unshift(...chunks);
      if (++replacements > MAX_REPLACEMENTS) {
        fail(new Error(`batch workers stopped answering ${replacements} times; giving up (the results so far are kept)`));
        return;
      }
      options.onNotice?.(`a worker gave no answer for ${Math.round((now - slot.heard) / 1000)} s; replaced it and re-running chunk${chunks.length === 1 ? '' : 's'} ${chunks.map((t) => t.chunk).join(', ')}`);
      spawn().then(pump, (error: Error) => fail(error));
    }
  }, 1000);
  watchdog.unref();

  try {
    await Promise.all(Array.from({ length: Math.max(1, workers) }, spawn));
  } catch (error) {
    closed = true;
    clearInterval(watchdog);
    await Promise.all(slots.map((s) => stop(s.worker)));
    throw error;
  }

  return {
    size: slots.length,
    run(chunk) {
      if (failure) return Promise.reject(failure);
      return new Promise<ChunkResult>((resolve, reject) => {
        waiting.push({ chunk, sent: 0, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      clearInterval(watchdog);
      await Promise.all(slots.map((s) => stop(s.worker)));
    },
  };
};

/** The worker side: serves chunks of the job in workerData until terminated. Called by node-pool-worker.cjs. */
export async function serveBatchWorker(): Promise<void> {
  const { parentPort, workerData } = await import('node:worker_threads');
  const data = workerData as { parleyBatchJob?: BatchJob; stallOnChunk?: number; stallFlag?: Int32Array; fault?: { chunk: number; kind: 'out-of-memory' | 'exit' } } | null;
  if (!parentPort || !data?.parleyBatchJob) throw new Error('serveBatchWorker runs only in a batch worker thread');
  const port = parentPort;
  const runner = new ChunkRunner(data.parleyBatchJob);
  port.on('message', ({ chunk }: ToWorker) => {
    if (chunk === data.stallOnChunk && data.stallFlag && Atomics.compareExchange(data.stallFlag, 0, 0, 1) === 0) {
      for (;;); // tests only: stop answering until terminated
    }
    if (chunk === data.fault?.chunk) {
      // Tests only: die on this chunk as a real fault would.
      if (data.fault.kind === 'exit') process.exit(70);
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array<number>(1 << 20).fill(hoard.length));
    }
    try {
      port.postMessage({ type: 'done', result: runner.run(chunk) } satisfies FromWorker);
    } catch (error) {
      port.postMessage({ type: 'failed', chunk, message: (error as Error).message } satisfies FromWorker);
    }
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
