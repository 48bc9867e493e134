/**
 * Exploration methods for analysts (docs/explore.md): designs computed up front from a seed
 * (Latin hypercube, Morris trajectories, Saltelli's scheme on a Sobol' sequence), estimates that
 * depend only on the ordered results (Morris μ, μ*, σ; Sobol first-order and total indices with
 * bootstrap intervals), PRIM scenario discovery, and calibration to targets by approximate
 * Bayesian computation (rejection and SMC). Pure and deterministic: no clock, no Math.random.
 */
export { seededUniform, permutation, uniformIndex, type Uniform } from './random.ts';
export { checkRanges, valueAt, pointAt, parseRange, type ParameterRange, type DesignPoint } from './parameters.ts';
export { latinHypercube } from './latin-hypercube.ts';
export { sobolPoints, MAX_SOBOL_DIMENSIONS } from './sobol-sequence.ts';
export { morrisDesign, morrisEffects, DEFAULT_MORRIS_LEVELS, type MorrisDesign, type MorrisEffect, type MorrisOptions, type MorrisEstimateOptions } from './morris.ts';
export { saltelliDesign, MAX_SOBOL_PARAMETERS, type SaltelliDesign } from './saltelli.ts';
export { sobolIndices, type SobolIndex, type SobolResult, type SobolOptions, type FirstOrderEstimator } from './sobol-indices.ts';
export { bootstrapIntervals, DEFAULT_LEVEL, DEFAULT_RESAMPLES, type Interval, type BootstrapOptions } from './bootstrap.ts';
export { sortedQuantile, weightedQuantile, weightedMean, weightedVariance } from './quantiles.ts';
export {
  prim,
  DEFAULT_PRIM_ALPHA,
  DEFAULT_PRIM_MIN_SUPPORT,
  DEFAULT_PRIM_MIN_COVERAGE,
  type PrimCase,
  type PrimOptions,
  type PrimResult,
  type Box,
  type Bounds,
  type BoxStats,
} from './prim.ts';
export { boxStatement, boxConditions, formatBound, type StatementWords } from './box-statement.ts';
export { checkTargets, compareToTargets, targetDistance, type Target, type TargetCheck, type Summaries } from './targets.ts';
export type { Simulator, SeedSet } from './simulator.ts';
export { summarisePosterior, effectiveSampleSize, type PosteriorSample, type ParameterPosterior, type PosteriorSummary } from './posterior.ts';
export { rejectionAbc, type RejectionOptions, type RejectionResult } from './abc-rejection.ts';
export { smcAbc, type SmcOptions, type SmcResult, type Generation, type StopReason } from './abc-smc.ts';
export { normalCdf } from './normal.ts';
