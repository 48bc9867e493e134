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
import { ChunkFailure, type PoolFactory, type PoolOptions } from './pool.ts';
import { packetBuffers } from './tally-packet.ts';

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

/**
 * V8's garbage-collector flags for the process (they are process-wide), set before the first
 * worker starts. A scavenge of a batch worker's young generation finds almost nothing alive, so
 * the helper threads of a parallel scavenge cost more to start and join than they save, and with
 * a worker on every core each helper takes its core from another worker. Serial scavenges,
 * measured on the 60-day draft (300,000 runs, paired with the default, two sets of 5–6 pairs):
 * 1 worker 4.5–4.6% and 2 workers 3.3–5% faster, results identical.
 */
const GC_FLAGS = '--no-parallel-scavenge';

export const nodePool: PoolFactory = async (job, workers, options = {}) => {
  const [{ Worker }, { setFlagsFromString }] = await Promise.all([import('node:worker_threads'), import('node:v8')]);
  setFlagsFromString(GC_FLAGS);
  const pool = new WorkerPool(Worker, job, options);
  await pool.start(workers);
  return {
    size: pool.size,
    run: (chunk) => pool.run(chunk),
    close: () => pool.close(),
  };
};

/** The workers of one pool, the chunks waiting for one, and the watchdog that replaces a stalled worker. */
class WorkerPool {
  private readonly bootstrap = new URL('./node-pool-worker.cjs', import.meta.url);
  // Tests only: one shared flag so just the first worker to meet the chunk stalls on it.
  private readonly stallFlag: Int32Array | undefined;
  private readonly heapMb: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private closed = false;
  private failure: Error | undefined;
  private slowest = 0;
  private replacements = 0;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private readonly WorkerClass: typeof Worker;
  private readonly job: BatchJob;
  private readonly options: PoolOptions;

  constructor(WorkerClass: typeof Worker, job: BatchJob, options: PoolOptions) {
    this.WorkerClass = WorkerClass;
    this.job = job;
    this.options = options;
    this.stallFlag = options.testStallOnChunk === undefined ? undefined : new Int32Array(new SharedArrayBuffer(4));
    this.heapMb = options.heapMb ?? OLD_GENERATION_MB;
    this.watchdog = setInterval(() => this.replaceStalled(), 1000);
    this.watchdog.unref();
  }

  get size(): number {
    return this.slots.length;
  }

  /** Starts the workers; if one does not start, stops them all and throws why. */
  async start(workers: number): Promise<void> {
    try {
      await Promise.all(Array.from({ length: Math.max(1, workers) }, () => this.spawn()));
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  run(chunk: number): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<ChunkResult>((resolve, reject) => {
      this.waiting.push({ chunk, sent: 0, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    await Promise.all(this.slots.map((s) => stop(s.worker)));
  }

  /** Hands waiting chunks to the ready workers with the fewest in flight, up to DEPTH each. */
  private pump(): void {
    while (this.waiting.length > 0 && !this.closed) {
      let best: Slot | undefined;
      for (const slot of this.slots) if (slot.ready && !slot.dead && slot.inFlight.size < DEPTH && (!best || slot.inFlight.size < best.inFlight.size)) best = slot;
      if (!best) return;
      const task = this.waiting.shift()!;
      if (best.inFlight.size === 0) best.heard = Date.now();
      task.sent = Date.now();
      best.inFlight.set(task.chunk, task);
      best.worker.postMessage({ chunk: task.chunk } satisfies ToWorker);
    }
  }

  /** Fails every chunk in flight or waiting, and every chunk asked for from now on. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const slot of this.slots) for (const task of slot.inFlight.values()) task.reject(error);
    for (const task of this.waiting.splice(0)) task.reject(error);
  }

  /** Starts one worker; resolves when it is ready to take chunks. */
  private spawn(): Promise<void> {
    const { job, options, stallFlag } = this;
    const worker = new this.WorkerClass(this.bootstrap, { workerData: { parleyBatchJob: job, stallOnChunk: options.testStallOnChunk, stallFlag, fault: options.testFault }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: this.heapMb } });
    const slot: Slot = { worker, inFlight: new Map(), heard: Date.now(), ready: false, dead: false };
    this.slots.push(slot);
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
        }
        this.receive(slot, message);
      });
      // A dead worker is reported by the chunks it held (the first is the one it was running).
      const died = (what: string) => {
        slot.dead = true;
        const error = new ChunkFailure(what, [...slot.inFlight.keys()]);
        clearTimeout(timer);
        reject(error);
        this.fail(error);
      };
      worker.on('error', (raw) => {
        if (slot.dead || this.closed) return;
        died((raw as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `a batch worker ran out of memory (its heap is limited to ${this.heapMb} MB; --worker-heap raises it)` : `a batch worker failed: ${raw.message}`);
      });
      worker.on('exit', (code) => {
        if (this.closed || slot.dead) return;
        died(`a batch worker stopped unexpectedly (exit code ${code})`);
      });
    });
  }

  /** A live worker's message: ready (give it work), a chunk done, or a run that failed (the batch fails). */
  private receive(slot: Slot, message: FromWorker): void {
    if (message.type === 'ready') {
      this.pump();
    } else if (message.type === 'done') {
      const task = slot.inFlight.get(message.result.chunk);
      slot.inFlight.delete(message.result.chunk);
      if (task) {
        this.slowest = Math.max(this.slowest, Date.now() - task.sent);
        task.resolve(message.result);
      }
      this.pump();
    } else {
      const task = slot.inFlight.get(message.chunk);
      slot.inFlight.delete(message.chunk);
      const error = new ChunkFailure(message.message, [message.chunk]);
      task?.reject(error);
      this.fail(error);
    }
  }

  // A worker that stops answering is replaced and its chunks go back to the front of the queue.
  // Chunks are pure functions of their index, so a re-run gives the same result.
  private replaceStalled(): void {
    const now = Date.now();
    const limit = this.options.stallMs ?? Math.max(STALL_MS, STALL_FACTOR * this.slowest);
    for (const slot of this.slots) {
      if (slot.dead || slot.inFlight.size === 0 || now - slot.heard < limit) continue;
      slot.dead = true;
      void stop(slot.worker);
      const chunks = [...slot.inFlight.values()];
      slot.inFlight.clear();
      this.waiting.unshift(...chunks);
      if (++this.replacements > MAX_REPLACEMENTS) {
        this.fail(new Error(`batch workers stopped answering ${this.replacements} times; giving up (the results so far are kept)`));
        return;
      }
      this.options.onNotice?.(`a worker gave no answer for ${Math.round((now - slot.heard) / 1000)} s; replaced it and re-running chunk${chunks.length === 1 ? '' : 's'} ${chunks.map((t) => t.chunk).join(', ')}`);
      this.spawn().then(
        () => this.pump(),
        (error: Error) => this.fail(error),
      );
    }
  }
}

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
      const result = runner.run(chunk);
      port.postMessage({ type: 'done', result } satisfies FromWorker, packetBuffers(result.tally));
    } catch (error) {
      port.postMessage({ type: 'failed', chunk, message: (error as Error).message } satisfies FromWorker);
    }
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
