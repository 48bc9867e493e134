import { formatSummary, isExploreSummaryText, mergeSummaries, missingRanges, parseSummary, stringifySummary } from '../../batch/index.ts';
import { mergeExploreFiles } from './explore-merge.ts';
import { lastFlag, parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { UserError } from '../io.ts';
import { asCliError } from './batch.ts';

export const mergeCommand: Command = {
  name: 'merge',
  usage: 'parley merge SUMMARY.json... [--summary OUT.json]',
  summary: 'combine the summaries of shards (`batch` or `explore` with --shard I/N) into one, exactly as one unsharded run',
  async run(argv, io) {
    const args = parseArgs(argv, { summary: 'value' });
    if (args.positional.length === 0) throw new UserError('merge needs the summary files of the shards', 'e.g. parley merge shard-*.json --summary all.json');
    try {
      const files = args.positional;
      if (isExploreSummaryText(io.readFile(files[0]!))) return mergeExploreFiles(files, lastFlag(args, 'summary'), io);
      const merged = mergeSummaries(files.map((f) => parseSummary(io.readFile(f), f)), files);
      const out = lastFlag(args, 'summary');
      if (out) io.writeFile(out, `${stringifySummary(merged)}\n`);
      io.stdout(formatSummary(merged));
      const notes = [`merged ${files.length} summar${files.length === 1 ? 'y' : 'ies'}: ${merged.coverage.runs.toLocaleString('en-US')} of ${merged.coverage.of.toLocaleString('en-US')} runs`];
      if (merged.partial) {
        const missing = missingRanges(merged).map(([a, b]) => (b - a === 1 ? `${a}` : `${a}–${b - 1}`));
        notes.push(`incomplete: chunks ${missing.join(', ')} are in none of these files; the result is marked "partial": true`);
      }
      if (out) notes.push(`summary: ${out}`);
      io.stderr(`${notes.map((n) => `parley merge: ${n}`).join('\n')}\n`);
      return 0;
    } catch (error) {
      throw asCliError(error);
    }
  },
};
