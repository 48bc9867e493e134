import { exploreCsv, formatExplore, mergeExploreSummaries, parseExploreSummary, stringifySummary } from '../../batch/index.ts';
import type { CliIO } from '../io.ts';

/** `parley merge` of `parley explore --shard I/N` summaries: tallies added exactly, estimates rebuilt. */
export function mergeExploreFiles(files: readonly string[], out: string | undefined, io: CliIO, csv?: string): number {
  const merged = mergeExploreSummaries(files.map((f) => parseExploreSummary(io.readFile(f), f)), files);
  if (out) io.writeFile(out, `${stringifySummary(merged)}\n`);
  if (csv) io.writeFile(csv, exploreCsv(merged));
  io.stdout(formatExplore(merged));
  const notes = [`merged ${files.length} explore summar${files.length === 1 ? 'y' : 'ies'}: ${merged.coverage.runs.toLocaleString('en-US')} of ${merged.coverage.of.toLocaleString('en-US')} runs`];
  if (merged.coverage.runs < merged.coverage.of) notes.push('incomplete: some shards are missing, so there are no estimates');
  if (out) notes.push(`summary: ${out}`);
  io.stderr(`${notes.map((n) => `parley merge: ${n}`).join('\n')}\n`);
  return 0;
}
