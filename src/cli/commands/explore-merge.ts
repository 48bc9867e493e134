import { formatExplore, mergeExploreSummaries, parseExploreSummary, stringifySummary } from '../../batch/index.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIO } from '../io.ts';
import { writeOutputs } from '../study-options.ts';

/** Largest explore summary `merge` reads. */
const MAX_EXPLORE_SUMMARY_BYTES = 1_000_000_000;

/** `parley merge` of `parley explore --shard I/N` summaries: tallies added exactly, estimates rebuilt. */
export function mergeExploreFiles(files: readonly string[], out: string | undefined, io: CliIO): number {
  const merged = mergeExploreSummaries(files.map((f) => parseExploreSummary(io.readFile(f, MAX_EXPLORE_SUMMARY_BYTES), f)), files);
  io.stdout(formatExplore(merged));
  const failed = writeOutputs(io, 'merge', [[out, () => `${stringifySummary(merged)}\n`]]);
  if (failed !== undefined) return failed;
  const notes = [`merged ${files.length} explore summar${files.length === 1 ? 'y' : 'ies'}: ${merged.coverage.runs.toLocaleString('en-US')} of ${merged.coverage.of.toLocaleString('en-US')} runs`];
  if (merged.coverage.runs < merged.coverage.of) notes.push('incomplete: some shards are missing, so there are no estimates; the result is marked "partial": true');
  if (out) notes.push(`summary: ${out}`);
  io.stderr(`${notes.map((n) => `parley merge: ${n}`).join('\n')}\n`);
  return EXIT.ok;
}
