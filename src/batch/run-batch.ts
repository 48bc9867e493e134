/**
 * runBatch: an experiment (or one shard of it) through a pool into a summary.
 *
 * Chunks are handed out in order and folded strictly in order: a chunk that finishes early
 * waits in a small buffer (at most AHEAD_PER_WORKER per worker) until the ones before it are in. So the CSV is
 * written as it goes in one fixed order, the tallies never depend on which worker was fastest,
 * and an interrupted run keeps exactly a prefix of its chunks — the same runs as its CSV.
 */
import { Aggregate } from './aggregate.ts';
import { jobOf, type ChunkResult } from './chunk.ts';
import { csvHeader } from './csv.ts';
import type { Experiment } from './experiment.ts';
import { chunkAt, chunkCount, runsIn, shardChunks, type ChunkPlan, type Shard } from './plan.ts';
import { ChunkFailure, type ChunkPool, type PoolFactory } from './pool.ts';
import { buildSummary, identityOf, type Summary } from './summary.ts';
import { mergePacket } from './tally-packet.ts';

export interface BatchOptions {
  pool: PoolFactory;
  workers: number;
  shard?: Shard;
  /** Receives the CSV header and then each chunk's rows, in order. */
  csv?(text: string): void;
  /** Called as chunks finish: runs done, runs planned (for this shard). */
  onProgress?(done: number, total: number): void;
  /** Notes for the person running it (e.g. a stalled worker was replaced). */
  onNotice?(text: string): void;
  /** Each worker's heap limit in MB (pools that have one). */
  workerHeapMb?: number;
  /**
   * Aborting stops at once; the summary then holds the chunks folded so far, marked partial. A
   * string `reason` (e.g. "stopped by SIGTERM") is written into the summary as `stopped`.
   */
  signal?: AbortSignal;
}

export interface BatchOutcome {
  summary: Summary;
  interrupted: boolean;
  /**
   * Set when a worker died or a run failed: what happened and to which chunk. The summary then
   * holds the chunks folded before it, is marked partial and says so in `stopped`.
   */
  failure?: { message: string; chunks: string };
  /** Runs this call was to do (the whole experiment, or its shard). */
  planned: number;
}

/**
 * Chunks handed out beyond the oldest unfolded one, per worker. With only two, a worker slowed
 * by other load on its core held the others up: the fast one finished its two and sat idle until
 * the slow one's chunk came in. Eight lets it run ahead for a while; a waiting result is a
 * small tally (plus its CSV rows, about 60 KB for 500 runs).
 */
const AHEAD_PER_WORKER = 8;

export function planOf(experiment: Pick<Experiment, 'variationCount' | 'runs' | 'chunkSize'>): ChunkPlan {
  return { variationCount: experiment.variationCount, runs: experiment.runs, chunkSize: experiment.chunkSize };
}

/** Where a batch stands: the next chunk to fold, whether it was interrupted, and what stopped it early. */
interface Progress {
  folded: number;
  interrupted: boolean;
  stopped?: BatchOutcome['failure'];
}

export async function runBatch(experiment: Experiment, options: BatchOptions): Promise<BatchOutcome> {
  const plan = planOf(experiment);
  const [first, last] = shardChunks(plan, options.shard);
  const planned = runsIn(plan, first, last);
  const aggregates = Array.from({ length: experiment.variationCount }, () => new Aggregate(experiment.metrics));

  if (options.csv) options.csv(csvHeader([...Object.keys(experiment.set), ...experiment.sweeps.map((s) => s.name)], experiment.metrics, { endDate: experiment.scenario.start !== undefined }));

  const progress: Progress = { folded: first, interrupted: options.signal?.aborted ?? false };
  if (!progress.interrupted && first < last) {
    const pool = await startPool(experiment, options, progress);
    if (pool) {
      try {
        await foldChunks(pool, plan, [first, last], aggregates, options, progress);
      } finally {
        await pool.close();
      }
    }
  }
  return outcomeOf(experiment, plan, aggregates, [first, planned], options, progress);
}

/** The pool for this experiment, or undefined (with the reason in `progress.stopped`) when its workers did not start. */
async function startPool(experiment: Experiment, options: BatchOptions, progress: Progress): Promise<ChunkPool | undefined> {
  try {
    return await options.pool(jobOf(experiment, Boolean(options.csv)), options.workers, { onNotice: options.onNotice, heapMb: options.workerHeapMb });
  } catch (error) {
    // The workers did not start (e.g. out of memory while loading): nothing was run, and that is said plainly.
    progress.stopped = { message: error instanceof Error ? error.message : String(error), chunks: "the workers' start-up (no run had begun)" };
    return undefined;
  }
}

/**
 * Hands chunks first..last-1 to the pool, a window at a time, and folds their results strictly in
 * order into `aggregates` (and the CSV), until all are in, the signal aborts or a chunk fails.
 */
async function foldChunks(pool: ChunkPool, plan: ChunkPlan, [first, last]: [number, number], aggregates: Aggregate[], options: BatchOptions, progress: Progress): Promise<void> {
  const signal = options.signal;
  const planned = runsIn(plan, first, last);
  const window = Math.max(2, pool.size * AHEAD_PER_WORKER);
  const finished = new Map<number, ChunkResult>();
  let failure: { error: unknown; chunk: number } | undefined;
  let wake: (() => void) | undefined;
  const nudge = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const onAbort = () => {
    progress.interrupted = true;
    nudge();
  };
  signal?.addEventListener('abort', onAbort);
  let next = first;
  let done = 0;
  try {
    while (progress.folded < last && !progress.interrupted && failure === undefined) {
      // Fold what is ready first, then refill the window, then wait: refilling before folding
      // could leave nothing in flight to wake us once the window's last chunks are folded.
      while (finished.has(progress.folded) && !progress.interrupted) {
        const result = finished.get(progress.folded)!;
        finished.delete(progress.folded);
        mergePacket(aggregates[result.variation]!, result.tally);
        if (options.csv && result.csv) options.csv(result.csv);
        progress.folded++;
      }
      while (next < last && next - progress.folded < window) {
        const k = next++;
        pool.run(k).then(
          (result) => {
            finished.set(k, result);
            done += chunkAt(plan, k).end - chunkAt(plan, k).start;
            options.onProgress?.(done, planned);
            nudge();
          },
          (error) => {
            failure ??= { error, chunk: k };
            nudge();
          },
        );
      }
      if (progress.folded < last && !progress.interrupted && failure === undefined && !finished.has(progress.folded)) {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (failure !== undefined && !progress.interrupted) {
    const chunks = failure.error instanceof ChunkFailure && failure.error.chunks.length > 0 ? failure.error.chunks : [failure.chunk];
    progress.stopped = { message: failure.error instanceof Error ? failure.error.message : String(failure.error), chunks: describeChunks(plan, chunks) };
  }
}

/** The summary of the chunks folded so far, marked partial (and why) when the batch stopped early. */
function outcomeOf(experiment: Experiment, plan: ChunkPlan, aggregates: readonly Aggregate[], [first, planned]: [number, number], options: BatchOptions, progress: Progress): BatchOutcome {
  const { folded, interrupted, stopped } = progress;
  const signal = options.signal;
  const tallies = aggregates.map((a) => a.toData());
  const runs = tallies.reduce((n, t) => n + t.runs, 0);
  const summary = buildSummary(
    identityOf(experiment),
    tallies,
    { chunks: chunkCount(plan), done: folded > first ? [[first, folded]] : [], runs, of: runsIn(plan, 0, chunkCount(plan)) },
    {
      shard: options.shard ? `${options.shard.index}/${options.shard.count}` : undefined,
      plannedRuns: planned,
      stopped: stopped ? `${stopped.message}, in ${stopped.chunks}` : interrupted ? (typeof signal?.reason === 'string' ? signal.reason : 'interrupted') : undefined,
    },
  );
  return { summary, interrupted, planned, ...(stopped ? { failure: stopped } : {}) };
}

/** `chunk 12 (variation 3, runs 500–999)`, then the chunks that were queued behind it. */
function describeChunks(plan: ChunkPlan, chunks: readonly number[]): string {
  const one = (k: number) => {
    const c = chunkAt(plan, k);
    return `chunk ${k} (variation ${c.variation}, runs ${c.start}–${c.end - 1})`;
  };
  const [first, ...rest] = chunks;
  return `${one(first!)}${rest.length ? `; also lost from that worker: ${rest.map(one).join(', ')}` : ''}`;
}
