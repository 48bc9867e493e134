/**
 * A pool runs chunks of a job somewhere (worker threads, web workers, or the calling thread) and
 * hands back their results; the caller decides order and folding, so a pool's size or speed never
 * changes the results. `inlinePool` is the portable fallback (browser previews, tests).
 */
import { ChunkRunner, type BatchJob, type ChunkResult } from './chunk.ts';

export interface ChunkPool {
  /** How many chunks it runs at once. */
  readonly size: number;
  run(chunk: number): Promise<ChunkResult>;
  /** Stops at once (work in progress is dropped) and frees the workers. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Something the person running the batch should know (a worker was replaced, …). */
  onNotice?(text: string): void;
  /** Each worker's heap limit (old generation), in MB; default 128. */
  heapMb?: number;
  /** How long a worker with work may stay silent before it is replaced (default 30 s, or 50 × the slowest chunk). */
  stallMs?: number;
  /** Tests only: the first worker to get this chunk stops answering, to exercise the replacement. */
  testStallOnChunk?: number;
  /** Tests only: the worker that gets this chunk dies on it — out of memory, or exiting — as a real fault would. */
  testFault?: { chunk: number; kind: 'out-of-memory' | 'exit' };
}

/**
 * Chunks that could not be run: a worker died (out of memory, killed) holding them, or a run in
 * them failed. `chunks[0]` is the one being worked on; the rest were queued behind it.
 */
export class ChunkFailure extends Error {
  constructor(message: string, readonly chunks: readonly number[]) {
    super(message);
    this.name = 'ChunkFailure';
  }
}

/** Makes a pool for one job with up to `workers` workers. */
export type PoolFactory = (job: BatchJob, workers: number, options?: PoolOptions) => Promise<ChunkPool>;

/** Runs chunks on the calling thread, one at a time, yielding to the event loop between chunks. */
export const inlinePool: PoolFactory = async (job) => {
  const runner = new ChunkRunner(job);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    size: 1,
    run(chunk) {
      const result = queue.then(
        () =>
          new Promise<ChunkResult>((resolve, reject) => {
            setTimeout(() => {
              if (closed) return;
              try {
                resolve(runner.run(chunk));
              } catch (error) {
                reject(error);
              }
            }, 0);
          }),
      );
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      closed = true;
    },
  };
};
