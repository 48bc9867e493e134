/**
 * The summary file of `parley explore` (format parley-explore-summary/1): the study's identity
 * (scenario hash, method, ranges, samples, seed, runs per point, outputs), what was covered, each
 * design point's parameters and exact tally, and — when every point is complete — the outputs per
 * point and the estimates. Shards of one study hold disjoint chunks; `mergeExploreSummaries` adds
 * their tallies exactly and rebuilds the estimates, so N shards merged equal one unsharded run,
 * byte for byte.
 */
import { Aggregate, type AggregateData } from './aggregate.ts';
import { csvField } from './csv.ts';
import { ExperimentError } from './errors.ts';
import { declaresFormat, parseJsonFile } from './json-file.ts';
import type { Experiment } from './experiment.ts';
import { designStudy, discover, estimate, parseDiscovery, pointOutputs, studyOutputs, type Discovered, type ExploreMethod, type OutputEstimates, type StudyDesign, type StudySpec } from './explore-study.ts';
import type { ParameterRange } from './explore/parameters.ts';
import { chunkCount, runsIn, type ChunkPlan } from './plan.ts';
import { normaliseRanges, stringifySummary, type Coverage } from './summary.ts';

export const EXPLORE_FORMAT = 'parley-explore-summary/1';

export interface ExploreIdentity {
  format: typeof EXPLORE_FORMAT;
  parley: string;
  scenario: { id: string; title: string; sha256: string };
  method: ExploreMethod;
  ranges: ParameterRange[];
  samples: number;
  seed: string;
  seedRule: string;
  runsPerPoint: number;
  set: Record<string, number>;
  params: Record<string, number>;
  /** The default metric and any --metric, in the order they were asked for. */
  metric: string;
  extraMetrics: string[];
  discover: string | null;
  metrics: string[];
  chunkSize: number;
  pointCount: number;
}

export interface ExplorePoint {
  index: number;
  params: Record<string, number>;
  runs: number;
  /** Output name → value at this point (absent while the study is partial). */
  outputs?: Record<string, number>;
  tally: AggregateData;
}

export interface ExploreSummary extends ExploreIdentity {
  shard?: string;
  /** Fewer runs than this summary was meant to hold (interrupted, or merged from an incomplete set of shards). */
  partial: boolean;
  coverage: Coverage;
  /** Null unless every run of the study is in: a shard's summary has none until merged. */
  estimates: OutputEstimates[] | null;
  discovered: Discovered | null;
  points: ExplorePoint[];
}

export const EXPLORE_SEED_RULE = 'run i (0, 1, …) of every design point uses the seed "<seed>:<i>"; replay with: parley run FILE --seed "<seed>:<i>" --set NAME=VALUE for each of the point\'s params and each entry of `set`';

export function exploreIdentity(experiment: Experiment, spec: StudySpec, options: { extraMetrics: readonly string[]; discover?: string }): ExploreIdentity {
  return {
    format: EXPLORE_FORMAT,
    parley: experiment.parleyVersion,
    scenario: { id: experiment.scenario.id, title: experiment.scenario.title, sha256: experiment.scenarioSha256 },
    method: spec.method,
    ranges: spec.ranges,
    samples: spec.samples,
    seed: spec.seed,
    seedRule: EXPLORE_SEED_RULE,
    runsPerPoint: experiment.runs,
    set: experiment.set,
    params: experiment.params,
    metric: experiment.metric,
    extraMetrics: [...options.extraMetrics],
    discover: options.discover ?? null,
    metrics: experiment.metrics,
    chunkSize: experiment.chunkSize,
    pointCount: experiment.variationCount,
  };
}

function specOf(identity: ExploreIdentity): StudySpec {
  return { method: identity.method, ranges: identity.ranges, samples: identity.samples, seed: identity.seed };
}

/** The one constructor of explore summaries, by a run and by a merge alike. */
export function buildExploreSummary(identity: ExploreIdentity, tallies: readonly AggregateData[], coverage: Coverage, scope: { shard?: string; plannedRuns: number }): ExploreSummary {
  const design: StudyDesign = designStudy(specOf(identity));
  const complete = coverage.runs === coverage.of;
  const outputs = studyOutputs(identity.metric, identity.extraMetrics);
  const values = complete ? pointOutputs(outputs, tallies) : null;
  const points: ExplorePoint[] = design.points.map((params, i) => ({
    index: i,
    params,
    runs: tallies[i]!.runs,
    ...(values ? { outputs: Object.fromEntries(outputs.map((o, k) => [o.name, values[k]![i]!])) } : {}),
    tally: tallies[i]!,
  }));
  return {
    ...identity,
    ...(scope.shard ? { shard: scope.shard } : {}),
    partial: coverage.runs < scope.plannedRuns,
    coverage,
    estimates: values ? estimate(design, outputs, values) : null,
    discovered: complete && identity.discover ? discover(design, tallies, parseDiscovery(identity.discover)) : null,
    points,
  };
}

function identityOf(s: ExploreSummary): ExploreIdentity {
  const { format, parley, scenario, method, ranges, samples, seed, seedRule, runsPerPoint, set, params, metric, extraMetrics, discover: d, metrics, chunkSize, pointCount } = s;
  return { format, parley, scenario, method, ranges, samples, seed, seedRule, runsPerPoint, set, params, metric, extraMetrics, discover: d, metrics, chunkSize, pointCount };
}

export function isExploreSummaryText(text: string): boolean {
  return declaresFormat(text, EXPLORE_FORMAT);
}

export function parseExploreSummary(text: string, file: string): ExploreSummary {
  const s = parseJsonFile(text, file, 'merge takes the files written by `parley explore --summary FILE.json`') as Partial<ExploreSummary> | null;
  if (!s || typeof s !== 'object' || s.format !== EXPLORE_FORMAT) throw new ExperimentError(`${file} is not a Parley explore summary (format ${EXPLORE_FORMAT})`, 'merge the shards of one `parley explore` command');
  const ok = Array.isArray(s.points) && s.points.length === s.pointCount && s.coverage && Array.isArray(s.coverage.done) && Array.isArray(s.metrics) && s.points.every((p) => p && p.tally && typeof p.tally.runs === 'number');
  if (!ok) throw new ExperimentError(`${file} is a damaged explore summary (its points or coverage are missing)`, 'run that shard again');
  return s as ExploreSummary;
}

const describeRange = ([a, b]: [number, number]) => (b - a === 1 ? `chunk ${a}` : `chunks ${a}–${b - 1}`);

/** Merges the summaries of disjoint shards of one explore study and re-estimates. */
export function mergeExploreSummaries(summaries: readonly ExploreSummary[], files: readonly string[]): ExploreSummary {
  if (summaries.length === 0) throw new ExperimentError('merge needs at least one summary file');
  const first = identityOf(summaries[0]!);
  const firstText = stringifySummary(first);
  summaries.forEach((s, i) => {
    if (stringifySummary(identityOf(s)) === firstText) return;
    const mine = identityOf(s);
    const differs = (Object.keys(first) as (keyof ExploreIdentity)[]).filter((k) => stringifySummary(first[k]) !== stringifySummary(mine[k]));
    throw new ExperimentError(`${files[i]} is from a different study than ${files[0]} (they differ in ${differs.join(', ')})`, 'merge only the shards of one `parley explore` command: same scenario file, method, --vary, --samples, --runs, --seed, --set, --metric and --discover');
  });
  const plan: ChunkPlan = { variationCount: first.pointCount, runs: first.runsPerPoint, chunkSize: first.chunkSize };
  const owner: { range: [number, number]; file: string }[] = [];
  for (const [i, s] of summaries.entries()) {
    for (const range of s.coverage.done) {
      const clash = owner.find((o) => range[0] < o.range[1] && o.range[0] < range[1]);
      if (clash) throw new ExperimentError(`${files[i]} and ${clash.file} both hold ${describeRange([Math.max(range[0], clash.range[0]), Math.min(range[1], clash.range[1])])}, so those runs would count twice`, 'give each shard once');
      owner.push({ range: [range[0], range[1]], file: files[i]! });
    }
  }
  const total = chunkCount(plan);
  const tallies = Array.from({ length: first.pointCount }, (_, p) => {
    const aggregate = new Aggregate(first.metrics);
    for (const s of summaries) aggregate.merge(s.points[p]!.tally);
    return aggregate.toData();
  });
  const runs = tallies.reduce((n, t) => n + t.runs, 0);
  const of = runsIn(plan, 0, total);
  return buildExploreSummary(first, tallies, { chunks: total, done: normaliseRanges(owner.map((o) => o.range)), runs, of }, { plannedRuns: of });
}

/** One CSV row per design point: its index, parameters, runs and outputs. */
export function exploreCsv(summary: ExploreSummary): string {
  const outputs = summary.points[0]?.outputs ? Object.keys(summary.points[0].outputs) : [];
  const names = summary.ranges.map((r) => r.name);
  const header = ['point', ...names, 'runs', ...outputs].map(csvField).join(',');
  const rows = summary.points.map((p) => [p.index, ...names.map((n) => p.params[n]), p.runs, ...outputs.map((o) => p.outputs?.[o])].map((v) => (typeof v === 'number' ? String(v) : '')).join(','));
  return `${header}\n${rows.join('\n')}\n`;
}
