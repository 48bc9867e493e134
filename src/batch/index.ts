/**
 * Batch runs for analysts: experiments (flags or experiment files), sweeps forming a grid, a
 * worker pool, exact mergeable tallies, statistics, CSV/JSON export, shards and merge.
 * The only import point of src/batch for the CLI and the UI.
 */
export { ExperimentError } from './errors.ts';
export { declaresFormat, isRecord, parseJsonFile } from './json-file.ts';
export { newRecord, hasOwn, ownValue } from './record.ts';
export { parseSweepValues, parseSweepFlag, rangeValues, listValues, MAX_SWEEP_VALUES, type Sweep } from './sweep.ts';
export {
  defineExperiment,
  parseRuns,
  checkRuns,
  variationValues,
  variationOverrides,
  sha256Hex,
  DEFAULT_CHUNK_SIZE,
  MAX_VARIATIONS,
  type Experiment,
  type ExperimentSpec,
  type SpecOrigin,
} from './experiment.ts';
export { parseExperimentFile, looksLikeExperiment, EXPERIMENT_KEYS, type ExperimentFile } from './experiment-file.ts';
export { metricNames, metricReader, defaultMetric } from './metrics.ts';
export { Aggregate, type AggregateData } from './aggregate.ts';
export { wilson, percentile, describe, survival, Z95, type Proportion, type MetricStats, type Survival } from './statistics.ts';
export {
  buildSummary,
  identityOf,
  stringifySummary,
  summaryPieces,
  sensitivity,
  OUTCOMES,
  outcomeOrder,
  rankByCount,
  SUMMARY_FORMAT,
  SEED_RULE,
  type Summary,
  type SummaryIdentity,
  type VariationSummary,
  type SensitivityEntry,
  type Coverage,
} from './summary.ts';
export { parseSummary, mergeSummaries, missingRanges, shardGaps, type ShardGap } from './merge.ts';
export { tallyDigest, verifySummary, CHECK_NOTE, type Hasher } from './summary-check.ts';
export { chunkAt, chunkCount, shardChunks, parseShard, runsIn, type Chunk, type ChunkPlan, type Shard } from './plan.ts';
export { csvHeader, csvField, parseCsv, parameterColumns } from './csv.ts';
export { ChunkRunner, jobOf, type BatchJob, type ChunkResult } from './chunk.ts';
export { mergePacket, packTally, type TallyPacket } from './tally-packet.ts';
export { inlinePool, ChunkFailure, type ChunkPool, type PoolFactory, type PoolOptions } from './pool.ts';
export { nodePool, defaultWorkerCount } from './node-pool.ts';
export { webPool, browserWorkerCount, warmWebWorkers } from './web-pool.ts';
export { Sha256 } from './sha256.ts';
export { runBatch, planOf, type BatchOptions, type BatchOutcome } from './run-batch.ts';
export { formatSummary, formatProgress } from './format.ts';
export * from './explore/index.ts';
export { runDesign, designExperiment, runDesignExperiment, checkRangesAgainst, type DesignSource, type DesignRunOptions, type DesignRun } from './design-run.ts';
export { estimateStatistic, batchTargets, checkTargetMetrics, targetSummaries, type BatchTarget, type StatisticEstimate } from './target-statistics.ts';
export { designStudy, studyOutputs, pointOutputs, parseDiscovery, discover, estimate, EXPLORE_METHODS, DEFAULT_SAMPLES, type ExploreMethod, type StudySpec, type StudyDesign, type StudyOutput, type Discovery, type Discovered, type OutputEstimates } from './explore-study.ts';
export { buildExploreSummary, mergeExploreSummaries, parseExploreSummary, isExploreSummaryText, exploreCsv, EXPLORE_FORMAT, type ExploreSummary, type ExploreIdentity, type ExplorePoint } from './explore-summary.ts';
export { runExplore, type ExploreRequest, type ExploreOutcome } from './explore-run.ts';
export { formatExplore, formatDiscovered, textTable, sig, interval } from './explore-format.ts';
export { parseTargetFile, splitTargetsFlag } from './target-file.ts';
export { checkTargetsOn, formatTargetResults, sourceDescriber, type TargetResult } from './target-check.ts';
export { runCalibration, calibrateWith, checkCalibrationRequest, poolRunner, roundForWriting, type CalibrationRunner, type CalibrationRequest, type CalibrationOutcome, type CalibrationMethod, type PairData } from './calibration-run.ts';
export { formatCalibration, calibrationSummary } from './calibration-report.ts';
export { replayCalibration, calibrationIdentity, buildCalibrationState, parseCalibrationState, pointsDigest, sha256Of, CALIBRATION_STATE_FORMAT, type CalibrationIdentity, type CalibrationState, type Replayed } from './calibration-steps.ts';
export { mergeCalibrationParts, parseCalibrationPart, isCalibrationPartText, stringifyPart, CALIBRATION_PART_FORMAT, type CalibrationPart, type StepKey, type MergedStep } from './calibration-parts.ts';
export { playthroughCheck, formatFindings, DEFAULT_LINT_RUNS, type Finding, type FindingKind } from './lint/index.ts';
export { pairedDifference, type PairedCounts, type PairedDifference } from './paired-difference.ts';
export { choiceImpact, foldChoicePairs, outcomeFrom, rekeyed, emptyPairs, type ChoiceImpactInput, type ChoicePairs } from './choice-impact.ts';
