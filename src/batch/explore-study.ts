/**
 * An exploration study over the batch engine (docs/explore.md): a design (Latin hypercube, Morris
 * trajectories or Saltelli's scheme) computed up front from the seed, R seeded runs per design
 * point, and from the points' tallies the outputs and the estimates — Morris μ*, μ, σ or Sobol
 * S1/ST with bootstrap intervals for every output, and PRIM scenario discovery for one outcome.
 * Everything here is a pure function of the design and the ordered tallies, so any split of the
 * runs over workers or shards gives the same numbers.
 */
import { parseStatistic, StatisticSyntaxError, type Statistic } from '../scenario/index.ts';
import type { AggregateData } from './aggregate.ts';
import { ExperimentError } from './errors.ts';
import { boxStatement } from './explore/box-statement.ts';
import { latinHypercube } from './explore/latin-hypercube.ts';
import { morrisDesign, morrisEffects, type MorrisDesign, type MorrisEffect } from './explore/morris.ts';
import { checkRanges, type DesignPoint, type ParameterRange } from './explore/parameters.ts';
import { prim, type BoxStats, type PrimResult } from './explore/prim.ts';
import { saltelliDesign, type SaltelliDesign } from './explore/saltelli.ts';
import { sobolIndices, type SobolResult } from './explore/sobol-indices.ts';
import { estimateStatistic } from './target-statistics.ts';

export const EXPLORE_METHODS = ['lhs', 'morris', 'sobol'] as const;
export type ExploreMethod = (typeof EXPLORE_METHODS)[number];

/** Default samples: LHS points, Morris trajectories, Sobol base samples N. */
export const DEFAULT_SAMPLES: Record<ExploreMethod, number> = { lhs: 200, morris: 20, sobol: 256 };

export interface StudySpec {
  method: ExploreMethod;
  ranges: ParameterRange[];
  /** LHS: points; Morris: trajectories r; Sobol: base samples N. */
  samples: number;
  seed: string;
}

export interface StudyDesign {
  spec: StudySpec;
  points: DesignPoint[];
  morris?: MorrisDesign;
  saltelli?: SaltelliDesign;
}

export function designStudy(spec: StudySpec): StudyDesign {
  checkRanges(spec.ranges);
  if (!Number.isInteger(spec.samples) || spec.samples < 2) throw new ExperimentError(`--samples must be a whole number ≥ 2, got ${spec.samples}`, `e.g. --samples ${DEFAULT_SAMPLES[spec.method]}`);
  switch (spec.method) {
    case 'lhs':
      return { spec, points: latinHypercube(spec.ranges, spec.samples, spec.seed) };
    case 'morris': {
      const morris = morrisDesign(spec.ranges, { trajectories: spec.samples, seed: spec.seed });
      return { spec, points: morris.points, morris };
    }
    case 'sobol': {
      if (spec.ranges.some((r) => r.integer)) throw new ExperimentError('a Sobol analysis varies continuous parameters only', 'drop :int, or screen whole-number parameters with --method morris');
      const saltelli = saltelliDesign(spec.ranges, spec.samples, spec.seed);
      return { spec, points: saltelli.points, saltelli };
    }
  }
}

/** A quantity read from each design point's runs: a name for tables and the statistic behind it. */
export interface StudyOutput {
  name: string;
  statistic: Statistic;
}

/** P(collapse), P(advanced) (phase two reached) and the mean of the default metric, then the `--metric`s. */
export function studyOutputs(defaultMetric: string, extra: readonly string[]): StudyOutput[] {
  const outputs: StudyOutput[] = [
    { name: 'P(collapse)', statistic: { kind: 'share-outcome', outcomes: ['collapsed'] } },
    { name: 'P(advanced)', statistic: { kind: 'share-outcome', outcomes: ['advanced'] } },
    { name: `mean ${defaultMetric}`, statistic: { kind: 'mean', metric: defaultMetric } },
  ];
  for (const text of extra) {
    const output = /[()]/.test(text) ? { name: text, statistic: statisticOf(text, '--metric') } : { name: `mean ${text}`, statistic: { kind: 'mean' as const, metric: text } };
    if (!outputs.some((o) => o.name === output.name)) outputs.push(output);
  }
  return outputs;
}

function statisticOf(text: string, where: string): Statistic {
  try {
    return parseStatistic(text);
  } catch (error) {
    if (error instanceof StatisticSyntaxError) throw new ExperimentError(`${where} ${text}: ${error.message}`, error.hint);
    throw error;
  }
}

/** Each output at each point (output-major). A point without runs gives NaN. */
export function pointOutputs(outputs: readonly StudyOutput[], tallies: readonly AggregateData[]): number[][] {
  return outputs.map((o) => tallies.map((t) => estimateStatistic(o.statistic, t).value));
}

/** What `--discover` looks for, in words for the box statement. */
export interface Discovery {
  text: string;
  statistic: Statistic;
  verb: string;
  plural: string;
}

const OUTCOME_WORDS: Record<string, [string, string]> = {
  collapsed: ['collapse', 'collapses'],
  advanced: ['advance', 'advances'],
  stalled: ['stall', 'stalls'],
  completed: ['complete', 'completions'],
  'extended-then-completed': ['are extended, then complete', 'extended completions'],
};

/**
 * `collapsed`, `collapsed before day 30`, `collapsed by day 30`, `advanced`, `stalled`, … or any
 * share statistic, e.g. `share(released.captives.total < 10)`.
 */
export function parseDiscovery(text: string): Discovery {
  const trimmed = text.trim();
  const m = /^([a-z-]+)(?:\s+(before|by)\s+day\s+(\d+))?$/.exec(trimmed);
  if (m && OUTCOME_WORDS[m[1]!]) {
    const [verb, plural] = OUTCOME_WORDS[m[1]!]!;
    if (!m[2]) return { text: trimmed, statistic: { kind: 'share-outcome', outcomes: [m[1]!] }, verb, plural };
    if (m[1] !== 'collapsed') throw new ExperimentError(`--discover ${trimmed}: only collapses have a day to compare`, 'e.g. --discover "collapsed before day 30", or --discover advanced');
    const when = `${m[2]} day ${m[3]}`;
    return { text: trimmed, statistic: { kind: 'share-day', day: 'collapse-day', op: m[2] === 'before' ? '<' : '<=', bound: Number(m[3]), givenCollapsed: false }, verb: `${verb} ${when}`, plural: `${plural} ${when}` };
  }
  if (trimmed.startsWith('share(')) {
    const statistic = statisticOf(trimmed, '--discover');
    if (statistic.kind === 'share-day' && statistic.givenCollapsed) throw new ExperimentError(`--discover ${trimmed}: a share among collapses is not an outcome of a run`, 'drop the `| collapsed`');
    return { text: trimmed, statistic, verb: `have ${trimmed.slice(6, -1)}`, plural: `runs with ${trimmed.slice(6, -1)}` };
  }
  throw new ExperimentError(`--discover: \`${trimmed}\` is not an outcome I can look for`, 'e.g. --discover "collapsed before day 30", --discover collapsed, --discover advanced, or a share such as "share(released.captives.total < 10)"');
}

export interface Discovered {
  outcome: string;
  statement: string;
  /** The chosen box and the base rate, and the peeling trajectory (support, density, coverage per step). */
  prim: PrimResult;
}

/** PRIM on the design points: each point a case with the share of its runs that have the outcome, weighted by its runs. */
export function discover(design: StudyDesign, tallies: readonly AggregateData[], discovery: Discovery): Discovered {
  const cases = design.points.map((x, i) => ({ x, y: estimateStatistic(discovery.statistic, tallies[i]!).value, weight: tallies[i]!.runs }));
  const result = prim(cases, { parameters: design.spec.ranges.map((r) => r.name) });
  return { outcome: discovery.text, statement: boxStatement(result.chosen, { verb: discovery.verb, plural: discovery.plural }), prim: result };
}

export interface OutputEstimates {
  output: string;
  /** Mean of the output over the design points. */
  mean: number;
  morris?: MorrisEffect[];
  sobol?: SobolResult;
}

export function estimate(design: StudyDesign, outputs: readonly StudyOutput[], values: readonly number[][], options: { level?: number; resamples?: number } = {}): OutputEstimates[] {
  return outputs.map((o, k) => {
    const ys = values[k]!;
    const bad = ys.findIndex((y) => !Number.isFinite(y));
    if (bad >= 0) throw new ExperimentError(`${o.name} has no value at design point ${bad} (it needs runs that reach it)`, 'choose an output every run has, or use more --runs');
    const mean = ys.reduce((s, y) => s + y, 0) / ys.length;
    const seed = `${design.spec.seed}:${o.name}`;
    if (design.morris) return { output: o.name, mean, morris: morrisEffects(design.morris, ys, { seed, ...options }) };
    if (design.saltelli) return { output: o.name, mean, sobol: sobolIndices(design.saltelli, ys, { seed, ...options }) };
    return { output: o.name, mean };
  });
}

export type { BoxStats };
