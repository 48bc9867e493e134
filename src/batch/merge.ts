/**
 * Combining summaries of parts of one experiment (shards, or an interrupted run and its rest):
 * the tallies are added exactly, the statistics rebuilt, so N shards merged give the same
 * summary, byte for byte, as one unsharded run.
 */
import { Aggregate, type AggregateData } from './aggregate.ts';
import { ExperimentError } from './errors.ts';
import { parseJsonFile } from './json-file.ts';
import { chunkCount, parseShard, runsIn, shardChunks, type ChunkPlan, type Shard } from './plan.ts';
import { verifySummary, type Hasher } from './summary-check.ts';
import { buildSummary, normaliseRanges, stringifySummary, type Summary, type SummaryIdentity } from './summary.ts';

function identity(s: Summary): SummaryIdentity {
  return {
    format: s.format,
    parley: s.parley,
    scenario: s.scenario,
    seed: s.seed,
    seedRule: s.seedRule,
    runsPerVariation: s.runsPerVariation,
    set: s.set,
    params: s.params,
    sweeps: s.sweeps,
    metric: s.metric,
    metrics: s.metrics,
    chunkSize: s.chunkSize,
    variationCount: s.variationCount,
    ...(s.replay ? { replay: s.replay } : {}),
  };
}

/**
 * Parses a summary file's text and checks it (summary-check.ts): anything that is not an
 * unedited Parley batch summary is an ExperimentError naming the file and what does not add up.
 */
export function parseSummary(text: string, file: string, newHasher: () => Hasher): Summary {
  return verifySummary(parseJsonFile(text, file, 'merge takes the files written by `parley batch --summary FILE.json`'), file, newHasher);
}

const describeRange = ([a, b]: [number, number]) => (b - a === 1 ? `chunk ${a}` : `chunks ${a}–${b - 1}`);

/** Merges summaries of disjoint parts of one experiment. `files` name them in messages. */
export function mergeSummaries(summaries: readonly Summary[], files: readonly string[]): Summary {
  if (summaries.length === 0) throw new ExperimentError('merge needs at least one summary file', 'e.g. parley merge shard-1.json shard-2.json shard-3.json --summary all.json');
  const first = identity(summaries[0]!);
  const firstText = stringifySummary(first);
  summaries.forEach((s, i) => {
    if (stringifySummary(identity(s)) === firstText) return;
    const mine = identity(s);
    const differs = (Object.keys(first) as (keyof SummaryIdentity)[]).filter((k) => stringifySummary(first[k]) !== stringifySummary(mine[k]));
    throw new ExperimentError(
      `${files[i]} is from a different experiment than ${files[0]} (they differ in ${differs.join(', ')})`,
      'merge only the shards of one `parley batch` command: same scenario file, Parley version, --runs, --seed, --set, --sweep and --metric',
    );
  });

  const plan: ChunkPlan = { variationCount: first.variationCount, runs: first.runsPerVariation, chunkSize: first.chunkSize };
  const owner: { range: [number, number]; file: string }[] = [];
  for (const [i, s] of summaries.entries()) {
    for (const range of s.coverage.done) {
      const clash = owner.find((o) => range[0] < o.range[1] && o.range[0] < range[1]);
      if (clash) {
        const overlap: [number, number] = [Math.max(range[0], clash.range[0]), Math.min(range[1], clash.range[1])];
        throw new ExperimentError(`${files[i]} and ${clash.file} both hold ${describeRange(overlap)}, so those runs would count twice`, 'give each shard once; a shard re-run replaces its old file');
      }
      owner.push({ range: [range[0], range[1]], file: files[i]! });
    }
  }
  const done = normaliseRanges(owner.map((o) => o.range));
  const total = chunkCount(plan);
  const tallies: AggregateData[] = [];
  for (let v = 0; v < first.variationCount; v++) {
    const aggregate = new Aggregate(first.metrics);
    for (const s of summaries) aggregate.merge(s.variations[v]!.tally);
    tallies.push(aggregate.toData());
  }
  const runs = tallies.reduce((n, t) => n + t.runs, 0);
  return buildSummary(first, tallies, { chunks: total, done, runs, of: runsIn(plan, 0, total) }, { plannedRuns: runsIn(plan, 0, total) });
}

/** Chunk ranges of the experiment that no summary holds (for the note after a merge of an incomplete set). */
export function missingRanges(summary: Summary): [number, number][] {
  const missing: [number, number][] = [];
  let at = 0;
  for (const [a, b] of summary.coverage.done) {
    if (a > at) missing.push([at, a]);
    at = b;
  }
  if (at < summary.coverage.chunks) missing.push([at, summary.coverage.chunks]);
  return missing;
}

/** A shard of a sharded study that the files given to merge do not hold in full. */
export interface ShardGap {
  shard: Shard;
  /** The shard's own file, when one was given (it is partial); absent when no file holds the shard. */
  file?: string;
  /** Runs the file holds, and the shard's runs. */
  runs: number;
  of: number;
  /** Why the shard's run stopped, as its summary says (`stopped by SIGTERM`). */
  stopped?: string;
}

interface ShardPart {
  shard?: string;
  stopped?: string;
  coverage: { done: [number, number][]; runs: number };
}

/**
 * Which shards are missing or partial, when every file is one shard's own summary of the same
 * N shards; undefined otherwise (merged or unsharded files: only chunk ranges can be named then).
 */
export function shardGaps(parts: readonly ShardPart[], files: readonly string[], plan: ChunkPlan): { count: number; gaps: ShardGap[] } | undefined {
  const shards = parts.map((p) => (p.shard === undefined ? undefined : parseShard(p.shard)));
  const count = shards[0]?.count;
  if (count === undefined || shards.some((s) => s?.count !== count)) return undefined;
  const gaps: ShardGap[] = [];
  for (let index = 1; index <= count; index++) {
    const shard = { index, count };
    const [lo, hi] = shardChunks(plan, shard);
    const of = runsIn(plan, lo, hi);
    const i = shards.findIndex((s) => s!.index === index);
    if (i < 0) {
      if (of > 0) gaps.push({ shard, runs: 0, of });
      continue;
    }
    const part = parts[i]!;
    if (part.coverage.runs < of) gaps.push({ shard, file: files[i], runs: part.coverage.runs, of, ...(part.stopped ? { stopped: part.stopped } : {}) });
  }
  return { count, gaps };
}
