/**
 * Calibration in the lab: what `parley calibrate` does (src/batch's runCalibration, ABC rejection
 * or SMC with common random numbers) on the scenario's own `targets:`, on the Web Worker pool; the
 * files it offers are the CLI's `--summary` JSON and printed report, byte for byte. A summary made
 * by the CLI imports too. The posterior charts are computed here from the summary's weighted
 * samples (pure, so they are tested without a browser).
 */
import pkg from '../../../package.json' with { type: 'json' };
import {
  batchTargets,
  calibrationSummary,
  declaresFormat,
  ExperimentError,
  formatCalibration,
  parseJsonFile,
  parseRange,
  parseRuns,
  runCalibration,
  sourceDescriber,
  weightedMean,
  weightedQuantile,
  type CalibrationMethod,
  type CalibrationRequest,
  type Generation,
  type ParameterPosterior,
  type ParameterRange,
  type PoolFactory,
  type TargetResult,
} from '../../batch/index.ts';
import { shellQuote, type LabDraft, type LabProgress, type LabSource, type SweepDraft } from './lab.ts';

export const CALIBRATION_FORMAT = 'parley-calibration/1';

/** The free parameters (each `lo:hi`, the prior), the ABC method and the population, as typed. */
export interface CalibrationDraft {
  free: SweepDraft[];
  method: CalibrationMethod;
  population: string;
}

/** `parley calibrate`'s defaults: 100 SMC particles, 1,000 rejection draws. */
export const DEFAULT_POPULATION: Record<CalibrationMethod, number> = { smc: 100, rejection: 1000 };

export const DEFAULT_CALIBRATION_DRAFT: CalibrationDraft = { free: [], method: 'smc', population: '' };

export const POPULATION_LABEL: Record<CalibrationMethod, string> = { smc: 'Particles', rejection: 'Prior draws' };

/** The form as `parley calibrate` reads its flags; a mistake is an ExperimentError naming the field. */
export function calibrationRequest(source: LabSource, draft: LabDraft, calibration: CalibrationDraft): CalibrationRequest {
  const runs = parseRuns(draft.runs, { label: 'Runs per candidate' });
  const seed = draft.seed.trim();
  if (seed === '') throw new ExperimentError('Base seed: give a seed, e.g. `lab-1`');
  const ranges = calibration.free.map((f) => parseRange(`${f.name}=${f.values}`, `Prior of ${f.name}`));
  if (ranges.length === 0) throw new ExperimentError('Free parameters: add at least one parameter to fit');
  const text = calibration.population.trim().replace(/_/g, '');
  const population = text === '' ? DEFAULT_POPULATION[calibration.method] : Number(text);
  if (!Number.isInteger(population) || population < 2) {
    throw new ExperimentError(`${POPULATION_LABEL[calibration.method]}: give a whole number ≥ 2, got \`${calibration.population.trim()}\``, `e.g. ${DEFAULT_POPULATION[calibration.method]}`);
  }
  const targets = batchTargets(source.scenario.targets, sourceDescriber(source.scenario));
  if (targets.length === 0) throw new ExperimentError(`${source.file} declares no targets`, 'add a `targets:` section to the scenario (docs/explore.md)');
  const file = `scenarios/${source.file}`;
  return { source: { scenario: source.scenario, text: source.text, file, parleyVersion: pkg.version, set: {} }, ranges, targets, method: calibration.method, runs, population, seed };
}

/** The same calibration from the command line. */
export function calibrateCliCommand(file: string, draft: LabDraft, calibration: CalibrationDraft): string {
  const free = calibration.free.length ? ` --free ${calibration.free.map((f) => shellQuote(`${f.name}=${f.values.trim()}`)).join(' ')}` : '';
  const population = calibration.population.trim() || String(DEFAULT_POPULATION[calibration.method]);
  return `npx parley calibrate scenarios/${file}${free} --method ${calibration.method} --runs ${draft.runs.trim()} --population ${population} --seed ${shellQuote(draft.seed.trim())} --summary calibration.json`;
}

/** What the posterior view reads: the summary file's fields it draws (the same whether run here or imported). */
export interface CalibrationFile {
  format: typeof CALIBRATION_FORMAT;
  scenario: { id: string; title: string };
  method: CalibrationMethod;
  seed: string;
  runsPerCandidate: number;
  population: number;
  free: ParameterRange[];
  targets: { id: string; statistic: string; value: number; tolerance: number; source: string }[];
  epsilon: number;
  evaluations: number;
  generations?: Generation[];
  stopReason?: string;
  posterior: ParameterPosterior[];
  effectiveSampleSize: number;
  best: { params: Record<string, number>; distance: number };
  calibrated: Record<string, number>;
  check: TargetResult[];
  samples: { params: Record<string, number>; weight: number; distance: number }[];
}

export interface LabCalibration {
  summary: CalibrationFile;
  /** The files `parley calibrate --summary calibration.json` writes and prints (stdout). */
  summaryText: string;
  reportText?: string;
  /** Set when it ran here. */
  elapsedMs?: number;
  workers?: number;
  runs?: number;
}

export const isCalibrationSummaryText = (text: string) => declaresFormat(text, CALIBRATION_FORMAT);

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A summary file made by `parley calibrate --summary`, checked enough to draw: its priors and weighted samples. */
export function parseCalibrationSummary(text: string, file: string): CalibrationFile {
  const s = parseJsonFile(text, file, 'import the file `parley calibrate --summary FILE.json` writes') as Partial<CalibrationFile> | null;
  if (!s || typeof s !== 'object' || s.format !== CALIBRATION_FORMAT) throw new ExperimentError(`${file} is not a Parley calibration summary (format ${CALIBRATION_FORMAT})`, 'import the file `parley calibrate --summary FILE.json` writes');
  const free = Array.isArray(s.free) ? s.free : [];
  const samples = Array.isArray(s.samples) ? s.samples : [];
  const freeOk = free.length > 0 && free.every((r) => r && typeof r.name === 'string' && isNumber(r.lo) && isNumber(r.hi) && r.lo <= r.hi);
  const samplesOk = samples.length > 0 && samples.every((x) => x && isNumber(x.weight) && x.weight >= 0 && free.every((r) => isNumber(x.params?.[r.name])));
  if (!freeOk || !samplesOk || !Array.isArray(s.posterior) || !Array.isArray(s.check) || !s.calibrated) {
    throw new ExperimentError(`${file} is a damaged calibration summary (its free parameters, samples, posterior or check are missing or not numbers)`, 'run `parley calibrate … --summary` again');
  }
  return s as CalibrationFile;
}

export interface PosteriorBin {
  lo: number;
  hi: number;
  /** Posterior weight in the bin (the weights sum to 1 over all bins). */
  weight: number;
  /** Accepted particles in the bin. */
  count: number;
}

export interface PosteriorView {
  name: string;
  /** The prior: uniform over [lo, hi], the chart's axis. */
  prior: ParameterRange;
  bins: PosteriorBin[];
  mean: number;
  median: number;
  /** The central 90% credible interval: weighted quantiles 0.05 and 0.95 of the samples. */
  lo90: number;
  hi90: number;
  best: number | undefined;
  calibrated: number | undefined;
  /** The share of the prior range the 90% interval covers (small: the targets pin the parameter down). */
  narrowing: number;
}

export const CREDIBLE_LEVEL = 0.9;

/**
 * Per free parameter: the accepted particles binned over the prior range (`binCount` equal bins,
 * a value on a bin's upper edge in the bin above it, the prior's upper end in the last bin), each
 * bin's share of the posterior weight, the weighted mean and median, and the 90% interval.
 */
export function posteriorViews(summary: Pick<CalibrationFile, 'free' | 'samples' | 'best' | 'calibrated'>, binCount = 20): PosteriorView[] {
  const weights = summary.samples.map((s) => s.weight);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return summary.free.map((prior) => {
    const values = summary.samples.map((s) => s.params[prior.name]!);
    const width = (prior.hi - prior.lo) / binCount;
    const bins = Array.from({ length: binCount }, (_, i) => ({ lo: prior.lo + i * width, hi: i === binCount - 1 ? prior.hi : prior.lo + (i + 1) * width, weight: 0, count: 0 }));
    values.forEach((v, k) => {
      const i = width > 0 ? Math.max(0, Math.min(binCount - 1, Math.floor((v - prior.lo) / width))) : 0;
      bins[i]!.weight += weights[k]! / total;
      bins[i]!.count++;
    });
    const lo90 = weightedQuantile(values, weights, (1 - CREDIBLE_LEVEL) / 2);
    const hi90 = weightedQuantile(values, weights, (1 + CREDIBLE_LEVEL) / 2);
    return {
      name: prior.name,
      prior,
      bins,
      mean: weightedMean(values, weights),
      median: weightedQuantile(values, weights, 0.5),
      lo90,
      hi90,
      best: summary.best?.params[prior.name],
      calibrated: summary.calibrated?.[prior.name],
      narrowing: prior.hi > prior.lo ? (hi90 - lo90) / (prior.hi - prior.lo) : 0,
    };
  });
}

const num = (x: number) => String(Number(x.toPrecision(3)));

/** The posterior in words: “With 90% posterior probability clash-rate lies between 0.021 and 0.067 …”. */
export function posteriorSentence(v: PosteriorView): string {
  const share = Math.round(100 * v.narrowing);
  return `With 90% posterior probability ${v.name} lies between ${num(v.lo90)} and ${num(v.hi90)} (posterior mean ${num(v.mean)}); the prior allowed ${num(v.prior.lo)} to ${num(v.prior.hi)}, so the targets narrowed it to ${share}% of that range.`;
}

interface PoolChoice {
  pool: PoolFactory;
  workers: number;
  signal?: AbortSignal;
  onProgress?(progress: LabProgress): void;
}

/**
 * A calibration runs one batch per population of candidates: the progress line counts every run so
 * far, and the batch under way (`note`).
 */
export function calibrationProgress(show: ((progress: LabProgress) => void) | undefined): (done: number, total: number) => void {
  let before = 0;
  let batch = 1;
  let last: { done: number; total: number } | undefined;
  const started = performance.now();
  let shown = -Infinity;
  return (done, total) => {
    // A batch reports (runs done, runs planned) as its chunks come in; a call after its last one is the next batch's.
    if (last && (last.done >= last.total || done < last.done || total !== last.total)) {
      before += last.total;
      batch++;
    }
    last = { done, total };
    const now = performance.now();
    if (now - shown < 250 && done < total) return;
    shown = now;
    const all = before + done;
    const seconds = (now - started) / 1000;
    show?.({ done: all, total: before + total, ...(seconds > 0.25 ? { rate: all / seconds } : {}), note: `batch ${batch}` });
  };
}

/** `parley calibrate` on the pool: the posterior and the CLI's summary and report. Stop ends it with no result (a posterior needs every run). */
export async function runLabCalibration(request: CalibrationRequest, options: PoolChoice): Promise<LabCalibration> {
  const started = performance.now();
  const outcome = await runCalibration(request, { pool: options.pool, workers: options.workers, signal: options.signal, onProgress: calibrationProgress(options.onProgress) });
  const summaryText = calibrationSummary(request, outcome);
  return {
    summary: parseCalibrationSummary(summaryText, 'calibration.json'),
    summaryText,
    reportText: formatCalibration(request, outcome),
    elapsedMs: performance.now() - started,
    workers: options.workers,
    runs: outcome.runs,
  };
}
