/**
 * The fixed division of an experiment into chunks. Chunk k covers runs [start, end) of one
 * variation; chunks go run-block-major (block 0 of every variation, then block 1, …) so a partial
 * or sharded study still covers every variation. Nothing here depends on the worker count.
 */
import { ExperimentError } from './errors.ts';

export interface ChunkPlan {
  variationCount: number;
  runs: number;
  chunkSize: number;
}

export interface Chunk {
  index: number;
  variation: number;
  /** First run index (inclusive). */
  start: number;
  /** Last run index (exclusive). */
  end: number;
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function chunkCount(plan: ChunkPlan): number {
  return plan.variationCount * Math.ceil(plan.runs / plan.chunkSize);
}

export function chunkAt(plan: ChunkPlan, index: number): Chunk {
  const block = Math.floor(index / plan.variationCount);
  const variation = index % plan.variationCount;
  const start = block * plan.chunkSize;
  return { index, variation, start, end: Math.min(plan.runs, start + plan.chunkSize) };
}

/** Runs in chunks [from, to). Every block holds chunkSize runs per variation except the last. */
export function runsIn(plan: ChunkPlan, from: number, to: number): number {
  if (to <= from) return 0;
  const blocks = Math.ceil(plan.runs / plan.chunkSize);
  const lastStart = (blocks - 1) * plan.variationCount;
  const inLast = Math.max(0, to - Math.max(from, lastStart));
  const lastSize = plan.runs - (blocks - 1) * plan.chunkSize;
  return (to - from - inLast) * plan.chunkSize + inLast * lastSize;
}

/** Shard I of N: the contiguous chunk range [floor((I−1)K/N), floor(IK/N)). Concatenated shards are the whole run in order. */
export function shardChunks(plan: ChunkPlan, shard: Shard | undefined): [number, number] {
  const total = chunkCount(plan);
  if (!shard) return [0, total];
  return [Math.floor(((shard.index - 1) * total) / shard.count), Math.floor((shard.index * total) / shard.count)];
}

/** `"2/3"` → { index: 2, count: 3 }. Shards are numbered 1..N. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const hint = 'write --shard I/N with 1 ≤ I ≤ N, e.g. --shard 1/4 … --shard 4/4 (shards are numbered from 1)';
  if (!m) throw new ExperimentError(`--shard must look like I/N, got \`${text}\``, hint);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new ExperimentError(`--shard ${text}: there must be at least 1 shard`, hint);
  if (index < 1 || index > count) throw new ExperimentError(`--shard ${text}: shard ${index} does not exist among ${count}`, hint);
  if (count > 100_000) throw new ExperimentError(`--shard ${text}: at most 100000 shards`, hint);
  return { index, count };
}
