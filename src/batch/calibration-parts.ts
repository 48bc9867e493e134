/**
 * One shard's part of a calibration step (`parley calibrate … --shard I/N`): the tallies of the
 * chunks of the step's population it ran (chunks as in plan.ts: candidate × block of runs), and
 * what ties it to its step — the calibration's identity, the step, the state it started from and a
 * digest of the candidates. Merging the parts adds the tallies exactly (they are counts), so the
 * step's target summaries equal an unsharded run's.
 */
import { Aggregate, type AggregateData } from './aggregate.ts';
import { identityDifferences, type CalibrationIdentity } from './calibration-steps.ts';
import { ExperimentError } from './errors.ts';
import { isRecord, parseJsonFile } from './json-file.ts';
import { shardGaps, type ShardGap } from './merge.ts';
import { chunkCount, runsIn, type ChunkPlan } from './plan.ts';
import { normaliseRanges, stringifySummary, type Coverage } from './summary.ts';

export const CALIBRATION_PART_FORMAT = 'parley-calibration-part/1';

/** What a step is: the same for every shard of it. */
export interface StepKey {
  identity: CalibrationIdentity;
  step: number;
  /** SHA-256 of the state file the step ran from (null for step 1). */
  state: string | null;
  /** Digest of the step's candidates (calibration-steps.ts pointsDigest). */
  candidates: string;
  candidateCount: number;
  chunkSize: number;
}

export interface CalibrationPart extends StepKey {
  format: typeof CALIBRATION_PART_FORMAT;
  shard: string;
  /** The calibrate command's own arguments (without shard, output and workers), to rebuild commands. */
  command: string[];
  coverage: Coverage;
  partial: boolean;
  stopped?: string;
  /** One per candidate, in order (empty for candidates whose chunks the shard does not hold). */
  tallies: AggregateData[];
}

export function stringifyPart(part: CalibrationPart): string {
  return `${stringifySummary(part)}\n`;
}

export function isCalibrationPartText(text: string): boolean {
  return text.slice(0, 200).includes(`"${CALIBRATION_PART_FORMAT}"`);
}

export function parseCalibrationPart(text: string, file: string): CalibrationPart {
  const data = parseJsonFile(text, file, '--merge takes the files written by `parley calibrate … --shard I/N --summary FILE`');
  if (!isRecord(data) || data.format !== CALIBRATION_PART_FORMAT) throw new ExperimentError(`${file} is not a shard of a calibration step (format ${CALIBRATION_PART_FORMAT})`, '--merge takes the files written by `parley calibrate … --shard I/N --summary FILE`');
  const coverage = data.coverage;
  const sound = isRecord(coverage) && Array.isArray(coverage.done) && typeof coverage.runs === 'number' && Array.isArray(data.tallies) && data.tallies.length === data.candidateCount && typeof data.shard === 'string';
  if (!sound) throw new ExperimentError(`${file}: the shard's file is damaged`, 'run its shard again (merge prints the command)');
  return data as unknown as CalibrationPart;
}

function checkSameStep(expected: StepKey, part: CalibrationPart, file: string): void {
  const differs = identityDifferences(expected.identity, part.identity);
  if (differs.length > 0) {
    throw new ExperimentError(`${file} is a shard of a different calibration (it differs in ${differs.join(', ')})`, 'merge the shards of one calibrate command: same scenario file, Parley version, --free, --targets, --method, --runs, --population, --seed and --set');
  }
  if (part.step !== expected.step) throw new ExperimentError(`${file} is a shard of step ${part.step}, but this merge is of step ${expected.step}`, expected.step === 1 ? 'step 1 is merged without --state' : `give the state the shards ran from (--state), and only that step's shards`);
  if (part.state !== expected.state) throw new ExperimentError(`${file} ran from another state file than --state (its SHA-256 differs)`, 'give --state the very file its shards read');
  if (part.candidates !== expected.candidates || part.chunkSize !== expected.chunkSize) throw new ExperimentError(`${file} ran other candidates than this step's`, 'it is from another Parley version or was edited; run its shard again');
}

export type MergedStep = { complete: true; tallies: AggregateData[] } | { complete: false; runs: number; of: number; gaps?: { count: number; gaps: ShardGap[] }; missing: [number, number][] };

/** Adds the parts of one step; complete when every chunk of every candidate is there. */
export function mergeCalibrationParts(expected: StepKey, plan: ChunkPlan & { metrics: readonly string[] }, parts: readonly CalibrationPart[], files: readonly string[]): MergedStep {
  if (parts.length === 0) throw new ExperimentError('--merge needs the shards of a step', 'e.g. --merge out/step-1/shard-*.json');
  parts.forEach((p, i) => checkSameStep(expected, p, files[i]!));
  const owner: { range: [number, number]; file: string }[] = [];
  parts.forEach((p, i) => {
    for (const range of p.coverage.done) {
      const clash = owner.find((o) => range[0] < o.range[1] && o.range[0] < range[1]);
      if (clash) throw new ExperimentError(`${files[i]} and ${clash.file} hold the same chunks, so those runs would count twice`, 'give each shard once; a shard re-run replaces its old file');
      owner.push({ range: [range[0], range[1]], file: files[i]! });
    }
  });
  const done = normaliseRanges(owner.map((o) => o.range));
  const total = chunkCount(plan);
  const tallies = Array.from({ length: expected.candidateCount }, (_, c) => {
    const aggregate = new Aggregate(plan.metrics);
    for (const p of parts) aggregate.merge(p.tallies[c]!);
    return aggregate.toData();
  });
  const have = tallies.reduce((n, t) => n + t.runs, 0);
  const of = runsIn(plan, 0, total);
  if (have === of && done.length === 1 && done[0]![0] === 0 && done[0]![1] === total) return { complete: true, tallies };
  const missing: [number, number][] = [];
  let at = 0;
  for (const [a, b] of done) {
    if (a > at) missing.push([at, a]);
    at = b;
  }
  if (at < total) missing.push([at, total]);
  return { complete: false, runs: have, of, gaps: shardGaps(parts, files, plan), missing };
}
