import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { isExploreSummaryText, parseExploreSummary, type ExploreSummary, type Summary } from '../../batch/index.ts';
import type { Scenario } from '../../scenario/core.ts';
import { EXAMPLE_SCAN, exampleRuns, importSummary, runHref, summaryFileText, variationLabel, type LabRun } from '../logic/lab.ts';
import type { LabExploreRun, LabTargetsRun } from '../logic/lab-explore.ts';
import type { LabComparison } from '../logic/lab-compare.ts';
import { isCalibrationSummaryText, parseCalibrationSummary, type LabCalibration } from '../logic/lab-calibration.ts';

const LabCharts = lazy(() => import('./LabCharts.tsx'));

const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** What the results show: a batch run here (with its CSV) or imported; an exploration run here or imported; a target check. */
export type Shown =
  | { from: 'run'; run: LabRun }
  | { from: 'file'; file: string; summary: Summary }
  | { from: 'explore'; run: LabExploreRun }
  | { from: 'explore-file'; file: string; summary: ExploreSummary }
  | { from: 'targets'; run: LabTargetsRun }
  | { from: 'compare'; result: LabComparison }
  | { from: 'calibration'; result: LabCalibration; file?: string };

/** A summary file made by `parley batch`, `merge`, `explore` or `calibrate`, checked before it is shown. */
function importShown(text: string, file: string): Shown {
  if (isCalibrationSummaryText(text)) return { from: 'calibration', file, result: { summary: parseCalibrationSummary(text, file), summaryText: text } };
  return isExploreSummaryText(text) ? { from: 'explore-file', file, summary: parseExploreSummary(text, file) } : { from: 'file', file, summary: importSummary(text, file) };
}

export function download(name: string, parts: BlobPart[], type: string) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Import of a summary JSON made by the CLI (checked as `parley merge` checks it). */
export function SummaryImport({ onImport }: { onImport(shown: Shown): void }) {
  const [error, setError] = useState<string>();
  return (
    <section className="panel lab-files" aria-label="Import">
      <label>
        Import a summary JSON made by <code>parley batch --summary</code> (or <code>merge</code>, <code>explore --summary</code>, <code>calibrate --summary</code>):{' '}
        <input
          type="file"
          accept=".json,application/json"
          aria-label="Import a summary JSON"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            try {
              onImport(importShown(await file.text(), file.name));
              setError(undefined);
            } catch (problem) {
              setError((problem as Error).message);
            }
          }}
        />
      </label>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Run (variation, index) opened in the stepper, replayed exactly. */
function OpenRun({ summary, scenario }: { summary: Summary; scenario: Scenario | undefined }) {
  const [open, setOpen] = useState({ variation: '0', index: '0' });
  const v = Number(open.variation);
  const i = Number(open.index);
  const ok = scenario !== undefined && Number.isInteger(v) && Number.isInteger(i) && v >= 0 && v < summary.variationCount && i >= 0;
  return (
    <form
      className="lab-open"
      aria-label="Open a run in the stepper"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) window.location.assign(runHref(scenario, summary, v, i));
      }}
    >
      Open run <input aria-label="Run index" type="number" min={0} value={open.index} onChange={(e) => setOpen({ ...open, index: e.target.value })} /> of variation{' '}
      <input aria-label="Variation" type="number" min={0} max={summary.variationCount - 1} value={open.variation} onChange={(e) => setOpen({ ...open, variation: e.target.value })} />{' '}
      <button type="submit" disabled={!ok}>
        in the stepper
      </button>
      {scenario === undefined && <span className="hint"> (this summary is of a scenario that is not bundled)</span>}
    </form>
  );
}

/** The first runs of a variation that ended in each outcome, each a link into the stepper. */
function ExampleRuns({ summary, scenario, variation }: { summary: Summary; scenario: Scenario; variation: number }) {
  // Replays up to EXAMPLE_SCAN runs: once per variation picked, not on every redraw.
  const examples = useMemo(() => exampleRuns(scenario, summary, variation), [scenario, summary, variation]);
  const outcomes = Object.entries(summary.variations[variation]?.outcomes ?? {}).filter(([, s]) => s.count > 0);
  // Picked from a chart far down the page: the list comes into view, its heading focused (keyboard and screen-reader users land on it too).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus({ preventScroll: true });
  }, [variation]);
  return (
    <section className="lab-examples" data-testid="lab-examples" aria-label={`Example runs of variation ${variation}`}>
      <h3 ref={heading} tabIndex={-1}>
        Example runs of #{variation} {variationLabel(summary, variation)}
      </h3>
      <ul>
        {outcomes.map(([outcome]) => (
          <li key={outcome} data-outcome={outcome}>
            {outcome}:{' '}
            {(examples[outcome] ?? []).map((i) => (
              <a key={i} href={runHref(scenario, summary, variation, i)}>
                #{i}
              </a>
            ))}
            {(examples[outcome] ?? []).length === 0 && <span className="hint">none in its first {EXAMPLE_SCAN} runs (open one by number above)</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The results: counts, speed, downloads, any run in the stepper and the charts (loaded on demand). */
export function LabResults({ shown, scenario }: { shown: Extract<Shown, { from: 'run' | 'file' }>; scenario: Scenario | undefined }) {
  const summary = shown.from === 'run' ? shown.run.summary : shown.summary;
  const own = scenario && summary.scenario.id === scenario.id ? scenario : undefined;
  const [selected, setSelected] = useState<{ summary: Summary; variation: number }>();
  const variation = selected?.summary === summary ? selected.variation : undefined;
  return (
    <section className="panel lab-results" data-testid="lab-results" aria-label="Results">
      <h2>
        Results{shown.from === 'file' ? ` from ${shown.file}` : ''}: {int(summary.coverage.runs)} of {int(summary.coverage.of)} runs
        {summary.shard && <span data-testid="lab-shard"> — shard {summary.shard} (merge the shards with parley merge for the whole experiment)</span>}
        {summary.partial && <span className="lab-partial" data-testid="lab-partial"> — partial{summary.stopped ? ` (${summary.stopped})` : ''}</span>}
      </h2>
      {shown.from === 'run' && (
        <p
          className="hint"
          data-testid="lab-speed"
          data-runs={summary.coverage.runs}
          data-elapsed-ms={shown.run.elapsedMs.toFixed(1)}
          {...(shown.run.firstResult ? { 'data-first-result-ms': shown.run.firstResult.ms.toFixed(1), 'data-first-result-runs': shown.run.firstResult.runs } : {})}
        >
          {int(summary.coverage.runs)} runs in {(shown.run.elapsedMs / 1000).toFixed(1)} s with {shown.run.workers} worker{shown.run.workers === 1 ? '' : 's'} (
          {int(summary.coverage.runs / (shown.run.elapsedMs / 1000))} runs/s)
        </p>
      )}
      <p>
        <button type="button" onClick={() => download('summary.json', [summaryFileText(summary)], 'application/json')}>
          Download summary JSON
        </button>{' '}
        {shown.from === 'run' && shown.run.csv && (
          <button type="button" onClick={() => download('runs.csv', shown.run.csv!, 'text/csv')}>
            Download runs CSV
          </button>
        )}
      </p>
      <OpenRun summary={summary} scenario={own} />
      <p className="hint">Click a variation in a table, or a cell of the heat map, to list example runs of it.</p>
      {own && variation !== undefined && <ExampleRuns summary={summary} scenario={own} variation={variation} />}
      <Suspense fallback={<p className="hint">Loading the charts…</p>}>
        <LabCharts summary={summary} scenario={own} onSelect={(v) => setSelected({ summary, variation: v })} />
      </Suspense>
    </section>
  );
}
