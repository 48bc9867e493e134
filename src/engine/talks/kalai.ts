/**
 * The Kalai–Smorodinsky point of the talks (docs/model.md, "Analysis"): on the Pareto frontier, the
 * package that maximises min(U₀/max U₀, U₁/max U₁), the maxima over the frontier. Apart from the
 * analysis because no run needs it (the first page carries only what runs need: talks-extras.ts).
 */
import { bestOnFrontier, type ScoredPackage, type TalksAnalysis } from './analysis.ts';

export function kalaiPoint(analysis: TalksAnalysis): ScoredPackage | undefined {
  const { pareto } = analysis;
  const maxA = Math.max(...pareto.map((p) => p.utilities[0]));
  const maxB = Math.max(...pareto.map((p) => p.utilities[1]));
  return bestOnFrontier(pareto, (p) => Math.min(maxA > 0 ? p.utilities[0] / maxA : 0, maxB > 0 ? p.utilities[1] / maxB : 0));
}
