/**
 * Summary files: written with their check digest (SHA-256 of the tallies, by Node's crypto) and
 * streamed a variation at a time, so a summary of 100,000 variations never has to be one string;
 * read back and checked before `merge` trusts them.
 */
import { createHash } from 'node:crypto';
import { CHECK_NOTE, summaryPieces, tallyDigest, verifySummary, type Summary } from '../batch/index.ts';
import { parseSummaryBytes } from './summary-reader.ts';
import type { CliIO, OutputFile } from './io.ts';

/** Largest summary `merge` reads (a 100,000-variation grid writes ~750 MB). */
export const MAX_SUMMARY_BYTES = 4_000_000_000;
/** Pieces are gathered into writes of about this many characters. */
const WRITE_BATCH = 1 << 20;

export function withCheck(summary: Summary): Summary {
  const { check: _old, ...rest } = summary;
  return { ...rest, check: { sha256: tallyDigest(rest, createHash('sha256')), of: CHECK_NOTE } };
}

/** Writes the summary beside `path` and returns the file, complete but not yet committed. Throws OutputError. */
export function writeSummaryFile(io: CliIO, path: string, summary: Summary): OutputFile {
  const file = io.createOutput(path);
  try {
    let buffer = '';
    for (const piece of summaryPieces(withCheck(summary))) {
      buffer += piece;
      if (buffer.length >= WRITE_BATCH) {
        file.write(buffer);
        buffer = '';
      }
    }
    file.write(buffer);
  } catch (error) {
    file.discard();
    throw error;
  }
  return file;
}

/** Reads and checks a summary file; a damaged, edited or foreign file is an ExperimentError naming it. */
export function readSummaryFile(io: CliIO, path: string): Summary {
  return verifySummary(parseSummaryBytes(io.readBytes(path, MAX_SUMMARY_BYTES), path), path, () => createHash('sha256'));
}
