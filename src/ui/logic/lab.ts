/**
 * The lab: an experiment as an analyst fills in the form (scenario, runs per variation, base seed,
 * sweeps), checked by src/batch's `defineExperiment` exactly as `parley batch` checks its flags,
 * and run by src/batch's `runBatch` over a Web Worker pool. Same chunks, same folding, same
 * summary code as the CLI: the summary JSON and CSV it offers for download are byte-equal to
 * `parley batch … --summary S.json --csv R.csv` (the command is shown beside the form).
 */
import pkg from '../../../package.json' with { type: 'json' };
import {
  CHECK_NOTE,
  defineExperiment,
  ExperimentError,
  parseRuns,
  parseSummary,
  parseSweepValues,
  runBatch,
  Sha256,
  summaryPieces,
  tallyDigest,
  variationOverrides,
  type Experiment,
  type ExperimentSpec,
  type PoolFactory,
  type Summary,
} from '../../batch/index.ts';
import { compile, runOnce } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/core.ts';
import { rebuildSession } from './rebuild.ts';
import { encodeShare } from './share-url.ts';

/** One swept parameter as typed: a list `0.6,0.8,1` or a range `lo:hi:step`. */
export interface SweepDraft {
  name: string;
  values: string;
}

export interface LabDraft {
  runs: string;
  seed: string;
  sweeps: SweepDraft[];
}

export const DEFAULT_LAB_DRAFT: LabDraft = { runs: '1000', seed: 'lab-1', sweeps: [] };

/** A scenario the lab can run: its checked model and its file (e.g. `doha-60-day-draft.yaml`). */
export interface LabScenario {
  scenario: Scenario;
  file: string;
  /** A draft's text; a bundled file's is fetched on demand (bundledText). */
  text?: string;
}

/** A scenario with the file text the summary's hash is taken of. */
export interface LabSource extends LabScenario {
  text: string;
}

/** The draft as the spec `parley batch` builds from its flags; a mistake is an ExperimentError saying which field. */
export function labSpec(draft: LabDraft): ExperimentSpec {
  const runs = parseRuns(draft.runs, { label: 'Runs per variation' });
  const seed = draft.seed.trim();
  if (seed === '') throw new ExperimentError('Base seed: give a seed, e.g. `lab-1`');
  const sweeps = draft.sweeps.map((s) => ({ name: s.name, values: parseSweepValues(s.values, `Values of ${s.name}`) }));
  return { runs, seed, set: {}, sweeps };
}

/** The checked experiment, as the CLI would define it from the same file and flags. */
export function labExperiment(source: LabSource, draft: LabDraft, set: Record<string, number> = {}): Promise<Experiment> {
  return defineExperiment(source.scenario, { text: source.text, file: `scenarios/${source.file}` }, { ...labSpec(draft), set }, pkg.version);
}

/** A sweep's default values for a parameter: five steps across its declared range. */
export function defaultSweepValues(range: readonly [number, number] | undefined, fallback: number): string {
  if (!range) return String(fallback);
  const [lo, hi] = range;
  const step = Number(((hi - lo) / 4).toPrecision(6));
  return step > 0 ? `${lo}:${hi}:${step}` : String(fallback);
}

/** A word for a shell: as it is when that is safe, else in single quotes. */
export const shellQuote = (s: string) => (/^[\w.:@%+=,/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The same experiment from the command line. */
export function labCliCommand(file: string, draft: LabDraft, csv = true): string {
  const sweeps = draft.sweeps.map((s) => ` --sweep ${shellQuote(`${s.name}=${s.values.trim()}`)}`).join('');
  return `npx parley batch scenarios/${file} --runs ${draft.runs.trim()} --seed ${shellQuote(draft.seed.trim())}${sweeps} --summary summary.json${csv ? ' --runs-csv runs.csv' : ''}`;
}

export interface LabProgress {
  done: number;
  total: number;
  /** Runs per second since the first chunk came back (pool start-up excluded). */
  rate?: number;
  /** Seconds left at that rate. */
  etaSeconds?: number;
  /** What is under way, when the runs come in several batches (a calibration's populations). */
  note?: string;
}

export interface LabRun {
  summary: Summary;
  /** The per-run CSV (header and rows, in the CLI's order), as pieces to join or download. */
  csv?: string[];
  elapsedMs: number;
  workers: number;
  /** When the first chunk came back (ms after the start: the pool's start-up) and the runs it held. */
  firstResult?: { ms: number; runs: number };
}

export interface LabRunOptions {
  pool: PoolFactory;
  workers: number;
  csv: boolean;
  /** Where the CSV pieces go (header first, then each chunk's rows in order) instead of being kept in the LabRun. */
  onCsv?(text: string): void;
  signal?: AbortSignal;
  onProgress?(progress: LabProgress): void;
}

const PROGRESS_EVERY_MS = 250;

/** A pool's `onProgress` turned into the page's: a few times a second, with the rate since the first chunk came back. */
export function progressReporter(show: ((progress: LabProgress) => void) | undefined): (done: number, total: number) => void {
  let first: { at: number; done: number } | undefined;
  let lastShown = -Infinity;
  return (done, total) => {
    const now = performance.now();
    first ??= { at: now, done };
    // The page redraws a few times a second, not once per chunk: its main thread stays idle.
    if (now - lastShown < PROGRESS_EVERY_MS && done < total) return;
    lastShown = now;
    const rate = now - first.at > 250 ? ((done - first.done) / (now - first.at)) * 1000 : undefined;
    show?.({ done, total, ...(rate ? { rate, etaSeconds: (total - done) / rate } : {}) });
  };
}

/** Runs the experiment; aborting keeps the chunks folded so far, in a summary marked partial. */
export async function runLab(experiment: Experiment, options: LabRunOptions): Promise<LabRun> {
  const started = performance.now();
  const csv: string[] | undefined = options.csv && !options.onCsv ? [] : undefined;
  const onCsv = options.onCsv ?? (csv ? (text: string) => void csv.push(text) : undefined);
  const report = progressReporter(options.onProgress);
  let firstResult: LabRun['firstResult'];
  const outcome = await runBatch(experiment, {
    pool: options.pool,
    workers: options.workers,
    ...(options.csv && onCsv ? { csv: onCsv } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total) => {
      firstResult ??= { ms: performance.now() - started, runs: done };
      report(done, total);
    },
  });
  if (outcome.failure) throw new ExperimentError(`The batch stopped: ${outcome.failure.message}, in ${outcome.failure.chunks}`);
  return { summary: outcome.summary, ...(csv ? { csv } : {}), elapsedMs: performance.now() - started, workers: options.workers, ...(firstResult ? { firstResult } : {}) };
}

/** The summary file's text, exactly as `parley batch --summary` writes it (with its check digest). */
export function summaryFileText(summary: Summary): string {
  const { check: _old, ...rest } = summary;
  return [...summaryPieces({ ...rest, check: { sha256: tallyDigest(rest, new Sha256()), of: CHECK_NOTE } })].join('');
}

/** A summary file made by the CLI (or this lab), checked as `parley merge` checks it. */
export function importSummary(text: string, file: string): Summary {
  return parseSummary(text, file, () => new Sha256());
}

/** The address that opens run `index` of variation `variation` in the stepper, at its end. */
export function runHref(scenario: Scenario, summary: Summary, variation: number, index: number): string {
  const params = variationOverrides(summary, variation);
  const seed = `${summary.seed}:${index}`;
  const model = compile(scenario, { ...params });
  const recordUntil = summary.replay?.recordUntil;
  const { session } = rebuildSession(model, seed, {}, { decisions: Number.MAX_SAFE_INTEGER }, recordUntil);
  return encodeShare({ scenario: scenario.id, seed, params, choices: {}, at: session.state.decisions, ...(recordUntil !== undefined ? { follow: recordUntil } : {}) });
}

/** A variation's swept values, e.g. `clash-rate 0.05, reciprocity 0.2` (or `defaults` with no sweep). */
export function variationLabel(summary: Pick<Summary, 'variations'>, index: number): string {
  const params = summary.variations[index]?.params ?? {};
  const parts = Object.entries(params).map(([k, v]) => `${k} ${v}`);
  return parts.length ? parts.join(', ') : 'defaults';
}

/** Runs looked at, at most, to find examples of a variation's outcomes. */
export const EXAMPLE_SCAN = 200;

/**
 * The first runs (by index) of a variation that ended in each outcome, found by replaying runs
 * 0, 1, … with the engine (at most EXAMPLE_SCAN of them; up to `perOutcome` each).
 */
export function exampleRuns(scenario: Scenario, summary: Summary, variation: number, perOutcome = 3): Record<string, number[]> {
  const model = compile(scenario, { ...variationOverrides(summary, variation) });
  const wanted = Object.entries(summary.variations[variation]?.outcomes ?? {}).filter(([, s]) => s.count > 0).map(([o]) => o);
  const found: Record<string, number[]> = {};
  for (let i = 0; i < Math.min(EXAMPLE_SCAN, summary.runsPerVariation); i++) {
    if (wanted.every((o) => (found[o]?.length ?? 0) >= perOutcome)) break;
    const result = runOnce(model, { seed: `${summary.seed}:${i}`, trace: false, ...summary.replay }).outcome.result;
    const list = (found[result] ??= []);
    if (list.length < perOutcome) list.push(i);
  }
  return found;
}
