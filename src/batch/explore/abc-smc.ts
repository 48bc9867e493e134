/**
 * ABC by sequential Monte Carlo: population Monte Carlo (Beaumont, Cornuet, Marin & Robert 2009;
 * Toni et al. 2009) with an adaptive decreasing tolerance (Del Moral, Doucet & Jasra 2012;
 * Drovandi & Pettitt 2011).
 *
 * Generation 0: draw ⌈N / q⌉ candidates from the uniform prior (Latin hypercube, stream
 * `"<seed>:smc:0"`), keep the N nearest; ε_0 is the largest kept distance; equal weights.
 * Generation t ≥ 1: ε_t = max(final tolerance, the q-quantile (nearest rank) of the previous
 * population's distances). Candidates are proposed in batches (stream `"<seed>:smc:<t>:<b>"`):
 * pick a parent θ_j with probability W_j, move every parameter d by a normal step with variance
 * σ_d² = 2 · (weighted variance of the previous population in d), redrawing a step that leaves the
 * range (so the kernel is a normal truncated to the prior box). A batch is run at once; its
 * candidates within ε_t are accepted in proposal order until N are accepted. Weights:
 *   W_i ∝ π(θ_i) / Σ_j W_j K_j(θ_i),  K_j(θ) = Π_d φ((θ_d − θ_jd)/σ_d) / (σ_d · Z_jd),
 *   Z_jd = Φ((hi_d − θ_jd)/σ_d) − Φ((lo_d − θ_jd)/σ_d)   (the truncated kernel's mass),
 * with π uniform. The run stops when ε reaches the final tolerance, after the last generation
 * allowed, when ε stops decreasing, or when the next batch would exceed the evaluation budget;
 * the result is the last complete population.
 */
import { checkCalibration, evaluate, type Evaluated } from './abc-evaluation.ts';
import { DEFAULT_LEVEL, checkLevel } from './bootstrap.ts';
import { latinHypercube } from './latin-hypercube.ts';
import { normalCdf, normalDraw } from './normal.ts';
import type { DesignPoint, ParameterRange } from './parameters.ts';
import { effectiveSampleSize, normalised, summarisePosterior, type PosteriorSample, type PosteriorSummary } from './posterior.ts';
import { sortedQuantile, weightedVariance } from './quantiles.ts';
import { seededUniform, type Uniform } from './random.ts';
import type { SeedSet, Simulator } from './simulator.ts';
import type { Target } from './targets.ts';
import { ExperimentError } from '../errors.ts';

export interface SmcOptions {
  seed: string;
  seeds: SeedSet;
  /** Accepted particles per generation, N (default 200). */
  populationSize?: number;
  /** The tolerance to reach, in target tolerances (default 1: every target met). */
  finalTolerance?: number;
  /** Quantile of the previous distances that sets the next tolerance (default 0.5). */
  quantile?: number;
  /** Most generations after generation 0 (default 8). */
  maxGenerations?: number;
  /** Most candidates run in all (default 50 · N). */
  maxEvaluations?: number;
  /** Candidates proposed and run together (default N). */
  batchSize?: number;
  /** Credible level of the intervals (default 0.95). */
  level?: number;
}

export interface Generation {
  epsilon: number;
  proposed: number;
  accepted: number;
  acceptanceRate: number;
  effectiveSampleSize: number;
}

export type StopReason = 'tolerance reached' | 'generation limit' | 'tolerance stalled' | 'evaluation budget';

export interface SmcResult extends PosteriorSummary {
  method: 'smc';
  samples: PosteriorSample[];
  epsilon: number;
  reachedTolerance: boolean;
  stopReason: StopReason;
  generations: Generation[];
  evaluations: number;
}

function proposal(ranges: readonly ParameterRange[], population: readonly PosteriorSample[], sigma: readonly number[], uniform: Uniform): DesignPoint {
  let pick = uniform();
  let parent = population[population.length - 1]!;
  for (const p of population) {
    pick -= p.weight;
    if (pick < 0) {
      parent = p;
      break;
    }
  }
  const point: DesignPoint = {};
  ranges.forEach((r, d) => {
    let value: number;
    do value = parent.params[r.name]! + sigma[d]! * normalDraw(uniform);
    while (value < r.lo || value > r.hi);
    point[r.name] = value;
  });
  return point;
}

function importanceWeights(ranges: readonly ParameterRange[], previous: readonly PosteriorSample[], accepted: readonly Evaluated[], sigma: readonly number[]): number[] {
  const mass = previous.map((p) => ranges.reduce((m, r, d) => m * (normalCdf((r.hi - p.params[r.name]!) / sigma[d]!) - normalCdf((r.lo - p.params[r.name]!) / sigma[d]!)), 1));
  return normalised(
    accepted.map((a) => {
      let density = 0;
      previous.forEach((p, j) => {
        let exponent = 0;
        ranges.forEach((r, d) => (exponent += ((a.params[r.name]! - p.params[r.name]!) / sigma[d]!) ** 2));
        density += (p.weight * Math.exp(-0.5 * exponent)) / mass[j]!;
      });
      return 1 / density;
    }),
  );
}

interface SmcSettings {
  n: number;
  finalTolerance: number;
  q: number;
  maxGenerations: number;
  maxEvaluations: number;
  batchSize: number;
  level: number;
}

/** The options with their defaults filled in, each checked. */
function smcSettings(options: SmcOptions): SmcSettings {
  const n = options.populationSize ?? 200;
  const finalTolerance = options.finalTolerance ?? 1;
  const q = options.quantile ?? 0.5;
  const maxGenerations = options.maxGenerations ?? 8;
  const maxEvaluations = options.maxEvaluations ?? 50 * n;
  const batchSize = options.batchSize ?? n;
  const level = options.level ?? DEFAULT_LEVEL;
  checkLevel(level);
  if (!Number.isInteger(n) || n < 2) throw new ExperimentError(`the population needs a whole number of particles ≥ 2, got ${n}`, 'e.g. 200');
  if (!(q > 0 && q < 1)) throw new ExperimentError(`the tolerance quantile must be between 0 and 1, got ${q}`, 'the usual choice is 0.5');
  if (!(finalTolerance >= 0)) throw new ExperimentError(`the final tolerance must be ≥ 0, got ${finalTolerance}`, '1 means every target met');
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new ExperimentError(`the batch size must be a whole number ≥ 1, got ${batchSize}`, 'e.g. the population size');
  if (!Number.isInteger(maxGenerations) || maxGenerations < 0) throw new ExperimentError(`the generation limit must be a whole number ≥ 0, got ${maxGenerations}`, 'e.g. 8');
  return { n, finalTolerance, q, maxGenerations, maxEvaluations, batchSize, level };
}

export async function smcAbc(ranges: readonly ParameterRange[], targets: readonly Target[], simulate: Simulator, options: SmcOptions): Promise<SmcResult> {
  checkCalibration(ranges, targets, options.seeds);
  const { n, finalTolerance, q, maxGenerations, maxEvaluations, batchSize, level } = smcSettings(options);

  const firstDraws = Math.ceil(n / q);
  if (firstDraws > maxEvaluations) throw new ExperimentError(`the first generation alone needs ${firstDraws} runs of candidates, over the budget of ${maxEvaluations}`, 'raise the budget or lower the population size');
  const prior = await evaluate(simulate, latinHypercube(ranges, firstDraws, `${options.seed}:smc:0`), options.seeds, targets);
  const nearest = prior
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.distance - b.e.distance || a.i - b.i)
    .slice(0, n)
    .sort((a, b) => a.i - b.i)
    .map(({ e }) => ({ ...e, weight: 1 / n }));
  let population: PosteriorSample[] = nearest;
  let epsilon = Math.max(...nearest.map((p) => p.distance));
  let evaluations = prior.length;
  const generations: Generation[] = [{ epsilon, proposed: prior.length, accepted: n, acceptanceRate: n / prior.length, effectiveSampleSize: n }];
  let stopReason: StopReason = 'generation limit';

  for (let t = 1; ; t++) {
    if (epsilon <= finalTolerance) {
      stopReason = 'tolerance reached';
      break;
    }
    if (t > maxGenerations) {
      stopReason = 'generation limit';
      break;
    }
    const next = Math.max(finalTolerance, sortedQuantile(population.map((p) => p.distance).sort((a, b) => a - b), q));
    if (next >= epsilon) {
      stopReason = 'tolerance stalled';
      break;
    }
    const sigma = ranges.map((r) => Math.max(Math.sqrt(2 * weightedVariance(population.map((p) => p.params[r.name]!), population.map((p) => p.weight))), 1e-9 * (r.hi - r.lo)));
    const accepted: Evaluated[] = [];
    let proposed = 0;
    let complete = true;
    for (let b = 0; accepted.length < n; b++) {
      if (evaluations + batchSize > maxEvaluations) {
        complete = false;
        break;
      }
      const uniform = seededUniform(options.seed, `smc:${t}:${b}`);
      const batch = Array.from({ length: batchSize }, () => proposal(ranges, population, sigma, uniform));
      const results = await evaluate(simulate, batch, options.seeds, targets);
      evaluations += batchSize;
      proposed += batchSize;
      for (const r of results) if (r.distance <= next && accepted.length < n) accepted.push(r);
    }
    if (!complete) {
      stopReason = 'evaluation budget';
      break;
    }
    const weights = importanceWeights(ranges, population, accepted, sigma);
    population = accepted.map((a, i) => ({ ...a, weight: weights[i]! }));
    epsilon = next;
    generations.push({ epsilon, proposed, accepted: n, acceptanceRate: n / proposed, effectiveSampleSize: effectiveSampleSize(weights) });
  }
  return {
    method: 'smc',
    samples: population,
    epsilon,
    reachedTolerance: epsilon <= finalTolerance,
    stopReason,
    generations,
    evaluations,
    ...summarisePosterior(ranges, population, level),
  };
}
