/**
 * `parley explore` without the command line: check the study against the scenario, design it,
 * run every design point R times on the pool (or one shard of the points' chunks), and build the
 * summary with its estimates.
 */
import { runDesignExperiment, designExperiment, checkRangesAgainst, type DesignRunOptions, type DesignSource } from './design-run.ts';
import { ExperimentError } from './errors.ts';
import { designStudy, parseDiscovery, studyOutputs, type StudySpec } from './explore-study.ts';
import { buildExploreSummary, exploreIdentity, type ExploreSummary } from './explore-summary.ts';
import { runsIn, shardChunks, chunkCount } from './plan.ts';
import { planOf } from './run-batch.ts';
import { nearMatch } from '../scenario/index.ts';

export interface ExploreRequest {
  source: DesignSource;
  spec: StudySpec;
  runs: number;
  /** Extra outputs: metric names (their mean) or share statistics. */
  extraMetrics?: readonly string[];
  discover?: string;
}

export interface ExploreOutcome {
  summary: ExploreSummary;
  interrupted: boolean;
  /** A worker died or a run failed; the summary holds the chunks before it (partial). */
  failure?: { message: string; chunks: string };
}

export async function runExplore(request: ExploreRequest, options: Omit<DesignRunOptions, 'runs' | 'seed' | 'metric'>): Promise<ExploreOutcome> {
  checkRangesAgainst(request.source.scenario, request.spec.ranges, request.source.set);
  if (request.discover !== undefined) parseDiscovery(request.discover);
  const design = designStudy(request.spec);
  const experiment = await designExperiment(request.source, design.points, { runs: request.runs, seed: request.spec.seed });
  const extra = request.extraMetrics ?? [];
  for (const output of studyOutputs(experiment.metric, extra)) {
    const metric = output.statistic.kind === 'mean' || output.statistic.kind === 'share-metric' ? output.statistic.metric : undefined;
    if (metric !== undefined && !experiment.metrics.includes(metric)) {
      const near = nearMatch(metric, experiment.metrics);
      throw new ExperimentError(`--metric: the runs have no metric \`${metric}\``, near ? `there is a metric named \`${near}\`` : `the metrics are ${experiment.metrics.join(', ')}`);
    }
  }
  const run = await runDesignExperiment(experiment, options);
  const plan = planOf(experiment);
  const [first, last] = shardChunks(plan, options.shard);
  const identity = exploreIdentity(experiment, request.spec, { extraMetrics: extra, discover: request.discover });
  const summary = buildExploreSummary(identity, run.tallies, { ...run.coverage, of: runsIn(plan, 0, chunkCount(plan)) }, {
    shard: options.shard ? `${options.shard.index}/${options.shard.count}` : undefined,
    plannedRuns: runsIn(plan, first, last),
  });
  return { summary, interrupted: run.interrupted, ...(run.failure ? { failure: run.failure } : {}) };
}
