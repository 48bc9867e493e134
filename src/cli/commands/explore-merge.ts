import { formatExplore, mergeExploreSummaries, parseExploreSummary, shardGaps, stringifySummary } from '../../batch/index.ts';
import { exploreStudyArgs, rerunNotes } from '../rerun.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIO } from '../io.ts';
import { writeOutputs } from '../study-options.ts';

/** Largest explore summary `merge` reads. */
const MAX_EXPLORE_SUMMARY_BYTES = 1_000_000_000;

/** `parley merge` of `parley explore --shard I/N` summaries: tallies added exactly, estimates rebuilt. */
export function mergeExploreFiles(files: readonly string[], out: string | undefined, io: CliIO): number {
  const parts = files.map((f) => parseExploreSummary(io.readFile(f, MAX_EXPLORE_SUMMARY_BYTES), f));
  const merged = mergeExploreSummaries(parts, files);
  io.stdout(formatExplore(merged));
  const failed = writeOutputs(io, 'merge', [[out, () => `${stringifySummary(merged)}\n`]]);
  if (failed !== undefined) return failed;
  const notes = [`merged ${files.length} explore summar${files.length === 1 ? 'y' : 'ies'}: ${merged.coverage.runs.toLocaleString('en-US')} of ${merged.coverage.of.toLocaleString('en-US')} runs`];
  const plan = { variationCount: merged.pointCount, runs: merged.runsPerPoint, chunkSize: merged.chunkSize };
  const sharded = merged.partial ? shardGaps(parts, files, plan) : undefined;
  if (sharded) {
    notes.push(`incomplete: ${sharded.gaps.length} of ${sharded.count} shards are missing or partial, so there are no estimates; the result is marked "partial": true`);
    notes.push(...rerunNotes(io, 'explore', { scenario: merged.scenario, args: exploreStudyArgs(merged) }, sharded.gaps, files, parts.map((p) => Number(p.shard!.split('/')[0])), out));
  } else if (merged.coverage.runs < merged.coverage.of) notes.push('incomplete: some shards are missing, so there are no estimates; the result is marked "partial": true');
  if (out) notes.push(`summary: ${out}`);
  io.stderr(`${notes.map((n) => (n.startsWith('  ') ? n : `parley merge: ${n}`)).join('\n')}\n`);
  return EXIT.ok;
}
