import { formatSummary, mergeSummaries, missingRanges, shardGaps } from '../../batch/index.ts';
import { batchStudyArgs, rerunNotes } from '../rerun.ts';
import { isExploreSummaryText, isCalibrationPartText } from '../../batch/index.ts';
import { calibrationPartsError } from './calibrate-steps.ts';
import { mergeExploreFiles } from './explore-merge.ts';
import { lastFlag, parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../io.ts';
import { OutputError } from '../output-file.ts';
import { readSummaryFile, writeSummaryFile } from '../summary-file.ts';
import { asCliError, checkOutputs } from './batch.ts';

export const mergeCommand: Command = {
  name: 'merge',
  usage: 'parley merge SUMMARY.json... [--summary OUT.json]',
  summary: 'combine the summaries of shards (`batch` or `explore` with --shard I/N) into one, exactly as one unsharded run; refuses edited or damaged files; names missing or partial shards and prints the commands that re-run them (a calibration step\'s shards merge with `parley calibrate --merge`; docs/cluster.md)',
  async run(argv, io) {
    const args = parseArgs(argv, { summary: 'value' });
    if (args.positional.length === 0) throw new UserError('merge needs the summary files of the shards', 'e.g. parley merge shard-*.json --summary all.json');
    const out = lastFlag(args, 'summary');
    checkOutputs(io, [['--summary', out]]);
    try {
      const files = args.positional;
      const firstText = io.readFile(files[0]!, 1_000_000_000);
      if (isExploreSummaryText(firstText)) return mergeExploreFiles(files, out, io);
      if (isCalibrationPartText(firstText)) throw calibrationPartsError(firstText, files);
      const parts = files.map((f) => readSummaryFile(io, f));
      const merged = mergeSummaries(parts, files);
      if (out) {
        try {
          writeSummaryFile(io, out, merged).commit();
        } catch (error) {
          if (!(error instanceof OutputError)) throw error;
          io.stderr(`parley merge: ${error.message}. Nothing was written; any earlier ${out} is unchanged. Free some space or choose another folder, then run the command again.\n`);
          return EXIT.outputFailed;
        }
      }
      io.stdout(formatSummary(merged));
      const notes = [`merged ${files.length} summar${files.length === 1 ? 'y' : 'ies'}: ${merged.coverage.runs.toLocaleString('en-US')} of ${merged.coverage.of.toLocaleString('en-US')} runs`];
      const plan = { variationCount: merged.variationCount, runs: merged.runsPerVariation, chunkSize: merged.chunkSize };
      const sharded = merged.partial ? shardGaps(parts, files, plan) : undefined;
      if (sharded) {
        notes.push(`incomplete: ${sharded.gaps.length} of ${sharded.count} shards are missing or partial; the result is marked "partial": true`);
        notes.push(...rerunNotes(io, 'batch', { scenario: merged.scenario, args: batchStudyArgs(merged) }, sharded.gaps, files, parts.map((p) => Number(p.shard!.split('/')[0])), out));
      } else if (merged.partial) {
        const missing = missingRanges(merged).map(([a, b]) => (b - a === 1 ? `${a}` : `${a}–${b - 1}`));
        notes.push(`incomplete: chunks ${missing.join(', ')} are in none of these files, or their runs stopped early; the result is marked "partial": true`);
      }
      if (out) notes.push(`summary: ${out}`);
      io.stderr(`${notes.map((n) => (n.startsWith('  ') ? n : `parley merge: ${n}`)).join('\n')}\n`);
      return EXIT.ok;
    } catch (error) {
      throw asCliError(error);
    }
  },
};
