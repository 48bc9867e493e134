/**
 * Comparing two scenarios, or two variants of one, on the same seeds (common random numbers): run
 * i of A and run i of B both use the seed `<base>:<i>`, so each pair meets the same luck wherever
 * the two runs face the same decision. Each side is a `parley batch` with its per-run CSV; the
 * differences are taken pair by pair: for an outcome, [B_i ended so] − [A_i ended so]; for a
 * metric, B_i − A_i. The 95% interval is that of the mean of the n per-seed differences
 * (mean ± 1.96 · sd / √n, sd with n − 1).
 */
import { ExperimentError, OUTCOMES, parseCsv, Z95 } from '../../batch/index.ts';
import { shellQuote, type LabDraft } from './lab.ts';

/** Side B's scenario (by id) and each side's parameter overrides, as typed: `reciprocity=0.4, clash-rate=0.05`. */
export interface CompareDraft {
  scenarioB: string;
  setA: string;
  setB: string;
}

export const DEFAULT_COMPARE_DRAFT: CompareDraft = { scenarioB: '', setA: '', setB: '' };

/** `name=value` pairs separated by commas or spaces; the scenario checks the names and ranges. */
export function parseSet(text: string, field: string): Record<string, number> {
  const set: Record<string, number> = {};
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^([^=]+)=(.+)$/.exec(item);
    const value = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(value)) throw new ExperimentError(`${field}: \`${item}\` is not name=value`, 'e.g. reciprocity=0.4, clash-rate=0.05');
    set[m[1]!] = value;
  }
  return set;
}

export function compareCliCommands(fileA: string, fileB: string, draft: LabDraft, compare: CompareDraft): string[] {
  const side = (file: string, set: string, name: string) =>
    `npx parley batch scenarios/${file} --runs ${draft.runs.trim()} --seed ${shellQuote(draft.seed.trim())}${set
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((s) => ` --set ${shellQuote(s)}`)
      .join('')} --runs-csv ${name}.csv`;
  return [side(fileA, compare.setA, 'A'), side(fileB, compare.setB, 'B')];
}

/** One run as the comparison needs it: how it ended, on which day, and its metrics. */
export interface PairRun {
  outcome: string;
  day: number;
  metrics: number[];
}

/** The runs of a batch's CSV (one variation), in run order. */
export function runsOfCsv(csv: readonly string[], metrics: readonly string[]): PairRun[] {
  const [header, ...rows] = parseCsv(csv.join('')).filter((r) => r.length > 1);
  const outcome = header!.indexOf('outcome');
  const day = header!.indexOf('end_day');
  const first = header!.length - metrics.length;
  return rows.map((r) => ({ outcome: r[outcome]!, day: Number(r[day]), metrics: r.slice(first).map(Number) }));
}

export interface PairedDifference {
  name: string;
  a: number;
  b: number;
  /** Mean of the per-seed differences B − A, and its 95% interval. */
  diff: number;
  lo: number;
  hi: number;
  /** Pairs whose values differ. */
  differing: number;
}

export interface Comparison {
  pairs: number;
  /** Pairs that differ in anything: outcome, end day or any metric compared. */
  differ: number;
  outcomeDiffers: number;
  outcomes: PairedDifference[];
  metrics: PairedDifference[];
}

function paired(name: string, a: readonly number[], b: readonly number[]): PairedDifference {
  const n = a.length;
  let sa = 0;
  let sb = 0;
  let differing = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i]!;
    sb += b[i]!;
    if (a[i] !== b[i]) differing++;
  }
  const diff = (sb - sa) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (b[i]! - a[i]! - diff) ** 2;
  const half = n > 1 ? (Z95 * Math.sqrt(ss / (n - 1))) / Math.sqrt(n) : NaN;
  return { name, a: sa / n, b: sb / n, diff, lo: diff - half, hi: diff + half, differing };
}

/** Paired differences of outcome shares and of the metrics both sides have. */
export function compareRuns(a: readonly PairRun[], b: readonly PairRun[], metricsA: readonly string[], metricsB: readonly string[]): Comparison {
  if (a.length !== b.length) return compareRuns(a.slice(0, b.length), b.slice(0, a.length), metricsA, metricsB);
  if (a.length === 0) throw new ExperimentError('no pair of runs was finished: nothing to compare');
  const seen = new Set([...a, ...b].map((r) => r.outcome));
  const outcomes = [...OUTCOMES.filter((o) => seen.has(o)), ...[...seen].filter((o) => !(OUTCOMES as readonly string[]).includes(o)).sort()];
  const shared = metricsA.filter((m) => metricsB.includes(m));
  const ia = shared.map((m) => metricsA.indexOf(m));
  const ib = shared.map((m) => metricsB.indexOf(m));
  let differ = 0;
  let outcomeDiffers = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.outcome !== y.outcome) outcomeDiffers++;
    if (x.outcome !== y.outcome || x.day !== y.day || ia.some((k, j) => x.metrics[k] !== y.metrics[ib[j]!])) differ++;
  }
  return {
    pairs: a.length,
    differ,
    outcomeDiffers,
    outcomes: outcomes.map((o) => paired(o, a.map((r) => (r.outcome === o ? 1 : 0)), b.map((r) => (r.outcome === o ? 1 : 0)))),
    metrics: shared.map((m, j) => paired(m, a.map((r) => r.metrics[ia[j]!]!), b.map((r) => r.metrics[ib[j]!]!))),
  };
}

/** Both sides run, and their pairing. */
export interface LabComparison {
  /** Stopped before both sides had every run: the pairs are the runs both sides finished. */
  partial: boolean;
  labelA: string;
  labelB: string;
  seed: string;
  comparison: Comparison;
  elapsedMs: number;
}


/**
 * The pairing worker's messages (lab-compare-worker.ts): each side's CSV pieces as the batches
 * hand them over (one small message per chunk, so no single task moves or parses much), then
 * `pair` with each side's metric names, answered with the comparison.
 */
export type PairingMessage = { type: 'csv'; side: 0 | 1; text: string } | { type: 'pair'; metrics: [readonly string[], readonly string[]] };
export type PairingAnswer = { ok: true; comparison: Comparison } | { ok: false; message: string };

/** Collects both sides' CSV pieces and pairs them on `pair` (what the worker runs; also the fallback where there are no workers). */
export class PairingCollector {
  private readonly pieces: [string[], string[]] = [[], []];

  take(message: PairingMessage): Comparison | undefined {
    if (message.type === 'csv') {
      this.pieces[message.side].push(message.text);
      return undefined;
    }
    const [a, b] = this.pieces;
    return compareRuns(runsOfCsv(a, message.metrics[0]), runsOfCsv(b, message.metrics[1]), message.metrics[0], message.metrics[1]);
  }
}

/** The worker's side: pieces in, one answer per `pair`. */
export function servePairing(scope: { onmessage: ((event: MessageEvent<PairingMessage>) => void) | null; postMessage(message: PairingAnswer): void }): void {
  const collector = new PairingCollector();
  scope.onmessage = (event) => {
    try {
      const comparison = collector.take(event.data);
      if (comparison) scope.postMessage({ ok: true, comparison });
    } catch (error) {
      scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };
}
