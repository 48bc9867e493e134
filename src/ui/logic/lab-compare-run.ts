/**
 * Running Compare: side A, then side B, each a batch on the whole worker pool, their per-run CSV
 * pieces handed as they come to a Web Worker (lab-compare-worker.ts) that parses and pairs them,
 * so the page's main thread neither keeps nor parses the two CSVs (100,000 rows each for a big
 * comparison). Where there are no workers (Node, in tests) the same collector runs in place.
 */
import { ExperimentError, type Experiment } from '../../batch/index.ts';
import { labExperiment, runLab, type LabDraft, type LabProgress, type LabRun, type LabRunOptions, type LabSource } from './lab.ts';
import { PairingCollector, parseSet, type Comparison, type LabComparison, type PairingAnswer, type PairingMessage } from './lab-compare.ts';

export interface PairingSession {
  csv(side: 0 | 1, text: string): void;
  pair(metrics: [readonly string[], readonly string[]]): Promise<Comparison>;
  close(): void;
}

/** A pairing worker for one comparison (or the collector in place where there are no workers). */
export function pairingSession(): PairingSession {
  if (typeof Worker === 'undefined') {
    const collector = new PairingCollector();
    return {
      csv: (side, text) => void collector.take({ type: 'csv', side, text }),
      pair: async (metrics) => collector.take({ type: 'pair', metrics })!,
      close: () => undefined,
    };
  }
  const worker = new Worker(new URL('./lab-compare-worker.ts', import.meta.url), { type: 'module', name: 'parley compare' });
  let failed: string | undefined;
  worker.onerror = (event) => {
    event.preventDefault();
    failed = event.message || 'its worker did not start';
  };
  const send = (message: PairingMessage) => worker.postMessage(message);
  return {
    csv: (side, text) => send({ type: 'csv', side, text }),
    pair: (metrics) =>
      new Promise((resolve, reject) => {
        if (failed) return reject(new ExperimentError(`the comparison could not be worked out: ${failed}`));
        worker.onmessage = (event: MessageEvent<PairingAnswer>) => (event.data.ok ? resolve(event.data.comparison) : reject(new ExperimentError(event.data.message)));
        worker.onerror = (event) => {
          event.preventDefault();
          reject(new ExperimentError(`the comparison could not be worked out: ${event.message || 'its worker stopped'}`));
        };
        send({ type: 'pair', metrics });
      }),
    close: () => worker.terminate(),
  };
}

export interface CompareSide {
  source: LabSource;
  /** The side's overrides as typed, e.g. `reciprocity=0.4`. */
  set: string;
  field: string;
}

const sideLabel = (side: CompareSide) => `${side.source.scenario.title}${side.set.trim() ? ` with ${side.set.trim()}` : ''}`;

function labelled(sides: [CompareSide, CompareSide], experiments: [Experiment, Experiment], runs: [LabRun, LabRun], comparison: Comparison): LabComparison {
  return {
    partial: runs[0].summary.partial || runs[1].summary.partial,
    labelA: sideLabel(sides[0]),
    labelB: sideLabel(sides[1]),
    seed: experiments[0].seed,
    comparison,
    elapsedMs: runs[0].elapsedMs + runs[1].elapsedMs,
  };
}

/** Runs A, then B, each a batch with its per-run CSV on the whole pool, and pairs them run by run. */
export async function runLabCompare(sides: [CompareSide, CompareSide], draft: LabDraft, options: Omit<LabRunOptions, 'csv' | 'onCsv'>): Promise<LabComparison> {
  const plain = { ...draft, sweeps: [] };
  const experiments: [Experiment, Experiment] = [await labExperiment(sides[0].source, plain, parseSet(sides[0].set, sides[0].field)), await labExperiment(sides[1].source, plain, parseSet(sides[1].set, sides[1].field))];
  const total = experiments[0].runs + experiments[1].runs;
  const shifted = (offset: number) => (p: LabProgress) =>
    options.onProgress?.({ done: p.done + offset, total, ...(p.rate ? { rate: p.rate, etaSeconds: (total - p.done - offset) / p.rate } : {}) });
  const session = pairingSession();
  try {
    const runA = await runLab(experiments[0], { ...options, csv: true, onCsv: (text) => session.csv(0, text), onProgress: shifted(0) });
    const runB = await runLab(experiments[1], { ...options, csv: true, onCsv: (text) => session.csv(1, text), onProgress: shifted(experiments[0].runs) });
    options.onProgress?.({ done: runA.summary.coverage.runs + runB.summary.coverage.runs, total, note: 'pairing the runs' });
    const comparison = await session.pair([experiments[0].metrics, experiments[1].metrics]);
    return labelled(sides, experiments, [runA, runB], comparison);
  } finally {
    session.close();
  }
}
