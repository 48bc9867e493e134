/**
 * Exploration and target checks in the lab: what `parley explore` and `parley check-targets` do,
 * through the same src/batch functions (runExplore, runDesign, checkTargetsOn) on the Web Worker
 * pool, so the summary files offered for download are the CLI's, byte for byte.
 */
import pkg from '../../../package.json' with { type: 'json' };
import {
  batchTargets,
  checkTargetMetrics,
  checkTargetsOn,
  DEFAULT_SAMPLES,
  ExperimentError,
  exploreCsv,
  parseRange,
  parseRuns,
  runDesign,
  runExplore,
  sourceDescriber,
  stringifySummary,
  type DesignSource,
  type ExploreMethod,
  type ExploreRequest,
  type ExploreSummary,
  type PoolFactory,
  type TargetResult,
} from '../../batch/index.ts';
import type { Scenario } from '../../scenario/core.ts';
import { progressReporter, shellQuote, type LabDraft, type LabProgress, type LabSource, type SweepDraft } from './lab.ts';

/** What the lab runs: a grid of sweeps (`parley batch`), a design (`parley explore`), the scenario's targets (`parley check-targets`, `parley calibrate`), or two batches paired seed by seed. */
export type LabMethod = 'grid' | ExploreMethod | 'targets' | 'calibrate' | 'compare';

export const LAB_METHODS: readonly { method: LabMethod; label: string }[] = [
  { method: 'grid', label: 'Grid of sweeps' },
  { method: 'lhs', label: 'Latin hypercube' },
  { method: 'morris', label: 'Morris screening' },
  { method: 'sobol', label: 'Sobol indices' },
  { method: 'targets', label: 'Check targets' },
  { method: 'calibrate', label: 'Calibrate to targets' },
  { method: 'compare', label: 'Compare A and B' },
];

/** The design's parameters (each `lo:hi`, or `lo:hi:int`), samples, and what PRIM looks for. */
export interface ExploreDraft {
  vary: SweepDraft[];
  samples: string;
  discover: string;
}

export const DEFAULT_EXPLORE_DRAFT: ExploreDraft = { vary: [], samples: '', discover: 'collapsed' };

export const isExploreMethod = (m: LabMethod): m is ExploreMethod => m === 'lhs' || m === 'morris' || m === 'sobol';

/** The samples field's meaning per method (LHS points, Morris trajectories, Sobol base samples N). */
export const SAMPLES_LABEL: Record<ExploreMethod, string> = { lhs: 'Points', morris: 'Trajectories', sobol: 'Base samples N' };

function seedOf(draft: LabDraft): string {
  const seed = draft.seed.trim();
  if (seed === '') throw new ExperimentError('Base seed: give a seed, e.g. `lab-1`');
  return seed;
}

function designSource(source: LabSource): DesignSource {
  return { scenario: source.scenario, text: source.text, file: `scenarios/${source.file}`, parleyVersion: pkg.version, set: {} };
}

function samplesOf(method: ExploreMethod, text: string): number {
  if (text.trim() === '') return DEFAULT_SAMPLES[method];
  const n = Number(text.trim().replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 2) throw new ExperimentError(`${SAMPLES_LABEL[method]}: give a whole number ≥ 2, got \`${text.trim()}\``, `e.g. ${DEFAULT_SAMPLES[method]}`);
  return n;
}

/** The form as `parley explore` reads its flags; a mistake is an ExperimentError naming the field. */
export function exploreRequest(source: LabSource, method: ExploreMethod, draft: LabDraft, explore: ExploreDraft): ExploreRequest {
  const runs = parseRuns(draft.runs, { label: 'Runs per design point' });
  const seed = seedOf(draft);
  const ranges = explore.vary.map((v) => parseRange(`${v.name}=${v.values}`, `Range of ${v.name}`));
  if (ranges.length === 0) throw new ExperimentError('Vary: add at least one parameter to vary');
  const discover = explore.discover.trim();
  return { source: designSource(source), spec: { method, ranges, samples: samplesOf(method, explore.samples), seed }, runs, ...(discover ? { discover } : {}) };
}

/** The same study from the command line. */
export function exploreCliCommand(file: string, method: ExploreMethod, draft: LabDraft, explore: ExploreDraft): string {
  const vary = explore.vary.length ? ` --vary ${explore.vary.map((v) => shellQuote(`${v.name}=${v.values.trim()}`)).join(' ')}` : '';
  const samples = explore.samples.trim() || String(DEFAULT_SAMPLES[method]);
  const discover = explore.discover.trim() ? ` --discover ${shellQuote(explore.discover.trim())}` : '';
  return `npx parley explore scenarios/${file} --method ${method}${vary} --samples ${samples} --runs ${draft.runs.trim()} --seed ${shellQuote(draft.seed.trim())}${discover} --summary summary.json --csv points.csv`;
}

export function targetsCliCommand(file: string, draft: LabDraft): string {
  return `npx parley check-targets scenarios/${file} --runs ${draft.runs.trim()} --seed ${shellQuote(draft.seed.trim())} --summary targets.json`;
}

/** A design's range for a parameter: its whole declared range. */
export function defaultRange(range: readonly [number, number] | undefined, fallback: number): string {
  return range && range[1] > range[0] ? `${range[0]}:${range[1]}` : `${fallback}:${fallback + 1}`;
}

interface PoolChoice {
  pool: PoolFactory;
  workers: number;
  signal?: AbortSignal;
  onProgress?(progress: LabProgress): void;
}

export interface LabExploreRun {
  summary: ExploreSummary;
  elapsedMs: number;
  workers: number;
  /** Set when Stop (or a failure) ended the study early: no estimates then. */
  stopped?: string;
}

export async function runLabExplore(request: ExploreRequest, options: PoolChoice): Promise<LabExploreRun> {
  const started = performance.now();
  const outcome = await runExplore(request, { pool: options.pool, workers: options.workers, signal: options.signal, onProgress: progressReporter(options.onProgress) });
  const stopped = outcome.failure ? `${outcome.failure.message}, in ${outcome.failure.chunks}` : outcome.interrupted ? String(options.signal?.reason ?? 'interrupted') : undefined;
  return { summary: outcome.summary, elapsedMs: performance.now() - started, workers: options.workers, ...(stopped ? { stopped } : {}) };
}

/** The files `parley explore --summary S.json --csv P.csv` writes. */
export const exploreSummaryText = (summary: ExploreSummary) => `${stringifySummary(summary)}\n`;
export const explorePointsCsv = exploreCsv;

export interface LabTargetsRun {
  results: TargetResult[];
  runs: number;
  seed: string;
  /** The file `parley check-targets --summary` writes. */
  summaryText: string;
}

/** Whether the scenario declares targets the lab can check. */
export const hasTargets = (scenario: Scenario) => (scenario.targets?.length ?? 0) > 0;

/** `parley check-targets` on the scenario's own `targets:`: one batch at the defaults, each target met or missed. */
export async function runLabTargets(source: LabSource, draft: LabDraft, options: PoolChoice): Promise<LabTargetsRun> {
  const runs = parseRuns(draft.runs, { label: 'Runs per variation' });
  const seed = seedOf(draft);
  const targets = batchTargets(source.scenario.targets, sourceDescriber(source.scenario));
  if (targets.length === 0) throw new ExperimentError(`${source.file} declares no targets`, 'add a `targets:` section to the scenario (docs/explore.md)');
  const design = designSource(source);
  const run = await runDesign(design, [{}], { pool: options.pool, workers: options.workers, runs, seed, signal: options.signal, onProgress: progressReporter(options.onProgress) });
  checkTargetMetrics(targets, run.experiment.metrics);
  const results = checkTargetsOn(targets, run.tallies[0]!);
  const scenario = { id: source.scenario.id, title: source.scenario.title, sha256: run.experiment.scenarioSha256 };
  const summaryText = `${stringifySummary({ format: 'parley-target-check/1', scenario, parley: run.experiment.parleyVersion, seed, runs, set: {}, params: run.experiment.params, results })}\n`;
  return { results, runs, seed, summaryText };
}
