/**
 * What `parley calibrate` prints and writes: the generations, the posterior of each free
 * parameter, the best fit, and the targets at the calibrated values; the summary JSON with the
 * posterior samples and the pairwise plot data.
 */
import type { CalibrationOutcome, CalibrationRequest } from './calibration-run.ts';
import { interval, sig, textTable } from './explore-format.ts';
import { stringifySummary } from './summary.ts';
import { formatTargetResults } from './target-check.ts';

export function formatCalibration(request: CalibrationRequest, outcome: CalibrationOutcome): string {
  const { result, calibrated, check } = outcome;
  const { targets, ranges, runs, seed, population } = request;
  const out: string[] = [request.source.scenario.title];
  const how = result.method === 'smc'
    ? `ABC-SMC · ${population} particles · ${result.generations.length - 1} generations after the first · ε ${sig(result.generations[0]!.epsilon)} → ${sig(result.epsilon)} (${result.stopReason})`
    : `rejection ABC · ${population} prior draws · ${result.samples.length} within ε = ${sig(result.epsilon)}`;
  out.push(`${how} · ${result.evaluations.toLocaleString('en-US')} candidates × ${runs} runs · seed ${seed}`);
  out.push(`targets: ${targets.map((t) => `${t.name} (${t.statisticText} = ${t.value} ± ${t.tolerance})`).join('; ')}`, '');
  if (result.method === 'smc') {
    out.push(...textTable(['generation', 'ε', 'proposed', 'accepted', 'acceptance', 'ESS'], result.generations.map((g, i) => [String(i), sig(g.epsilon), String(g.proposed), String(g.accepted), `${(100 * g.acceptanceRate).toFixed(0)}%`, sig(g.effectiveSampleSize)]), [true, true, true, true, true, true]), '');
  }
  out.push(`Posterior — uniform prior over each range; ${Math.round(result.parameters[0]!.level * 100)}% credible interval = central weighted quantiles; effective sample size ${sig(result.effectiveSampleSize)}`);
  out.push(...textTable(['parameter', 'prior range', 'median', '95% interval', 'mean', 'best fit'], result.parameters.map((p) => {
    const r = ranges.find((x) => x.name === p.name)!;
    return [p.name, `${r.lo}–${r.hi}`, sig(p.median), interval(p), sig(p.mean), sig(result.best.params[p.name]!)];
  }), [false, true, true, true, true, true]), '');
  out.push(`Best fit (distance ${sig(result.best.distance)} tolerances): ${targets.map((t) => `${t.name} ${sig(result.best.summaries[t.name]!)}`).join(', ')}`, '');
  out.push(`Targets at the calibrated values (the central posterior sample: ${Object.entries(calibrated).map(([k, v]) => `${k}=${v}`).join(' ')}), ${runs} runs, seed ${seed}:`);
  out.push(...formatTargetResults(check), '');
  return `${out.join('\n')}\n`;
}

export function calibrationSummary(request: CalibrationRequest, outcome: CalibrationOutcome): string {
  const { result } = outcome;
  return `${stringifySummary({
    format: 'parley-calibration/1',
    scenario: { id: request.source.scenario.id, title: request.source.scenario.title },
    method: result.method,
    seed: request.seed,
    runsPerCandidate: request.runs,
    population: request.population,
    set: request.source.set ?? {},
    free: request.ranges,
    targets: request.targets.map((t) => ({ id: t.name, statistic: t.statisticText, value: t.value, tolerance: t.tolerance, source: t.source })),
    epsilon: result.epsilon,
    evaluations: result.evaluations,
    ...(result.method === 'smc' ? { generations: result.generations, stopReason: result.stopReason } : {}),
    posterior: result.parameters,
    effectiveSampleSize: result.effectiveSampleSize,
    best: result.best,
    calibrated: outcome.calibrated,
    check: outcome.check,
    pairs: outcome.pairs,
    samples: result.samples.map((s) => ({ params: s.params, weight: s.weight, distance: s.distance })),
  })}\n`;
}
