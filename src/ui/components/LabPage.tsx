import { lazy, startTransition, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { Scenario } from '../../scenario/core.ts';
import { browserWorkerCount, webPool } from '../../batch/index.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { bundledText } from '../logic/bundled.ts';
import { FLAGSHIP_ID } from '../logic/catalog.ts';
import { useWarmWorkers } from '../logic/use-warm-workers.ts';
import { DEFAULT_LAB_DRAFT, labExperiment, runLab, type LabProgress, type LabRunOptions, type LabScenario, type LabSource } from '../logic/lab.ts';
import { DEFAULT_EXPLORE_DRAFT, exploreRequest, isExploreMethod, runLabExplore, runLabTargets } from '../logic/lab-explore.ts';
import { LabExploreResults, LabTargetsResults } from './LabExploreResults.tsx';
import { DEFAULT_COMPARE_DRAFT } from '../logic/lab-compare.ts';
import { runLabCompare } from '../logic/lab-compare-run.ts';
import { LabCompareResults } from './LabCompare.tsx';
import { calibrationRequest, DEFAULT_CALIBRATION_DRAFT, runLabCalibration } from '../logic/lab-calibration.ts';
import { LabForm, type LabSettings } from './LabForm.tsx';
import { LabResults, SummaryImport, type Shown } from './LabResults.tsx';

const LabCalibrationResults = lazy(() => import('./LabCalibration.tsx'));

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

type Status = { kind: 'idle' } | { kind: 'running'; progress: LabProgress } | { kind: 'failed'; message: string };

/** Runs done, the rate and the time left. */
function ProgressLine({ progress }: { progress: LabProgress }) {
  return (
    <p className="lab-progress" data-testid="lab-progress">
      <progress max={progress.total || 1} value={progress.done} aria-label="Lab progress" /> {progress.total ? `${int(progress.done)} / ${int(progress.total)} runs` : 'starting the workers…'}
      {progress.note && ` (${progress.note})`}
      {progress.rate !== undefined && ` · ${int(progress.rate)} runs/s`}
      {progress.etaSeconds !== undefined && ` · about ${clock(progress.etaSeconds)} left`}
    </p>
  );
}

/** Runs shown, and whether that is fewer than planned. */
function coverageOf(shown: Shown): { runs: number; partial: boolean } {
  if (shown.from === 'targets') return { runs: shown.run.runs, partial: false };
  if (shown.from === 'compare') return { runs: 2 * shown.result.comparison.pairs, partial: shown.result.partial };
  if (shown.from === 'calibration') return { runs: shown.result.runs ?? shown.result.summary.evaluations * shown.result.summary.runsPerCandidate, partial: false };
  const summary = shown.from === 'run' || shown.from === 'explore' ? shown.run.summary : shown.summary;
  return { runs: summary.coverage.runs, partial: summary.partial };
}

/** The results of what was run or imported. */
function ShownResults({ shown, scenario }: { shown: Shown; scenario: Scenario | undefined }) {
  switch (shown.from) {
    case 'run':
    case 'file':
      return <LabResults shown={shown} scenario={scenario} />;
    case 'explore':
      return <LabExploreResults summary={shown.run.summary} run={shown.run} />;
    case 'explore-file':
      return <LabExploreResults summary={shown.summary} file={shown.file} />;
    case 'targets':
      return <LabTargetsResults run={shown.run} />;
    case 'compare':
      return <LabCompareResults result={shown.result} />;
    case 'calibration':
      return (
        <Suspense fallback={<p className="hint">Loading the posterior charts…</p>}>
          <LabCalibrationResults result={shown.result} {...(shown.file ? { file: shown.file } : {})} />
        </Suspense>
      );
  }
}

/** Runs what the form describes on the worker pool (Stop aborts the signal), and says what to show. */
async function runMethod(settings: LabSettings, full: LabSource, sources: readonly LabScenario[], pool: Omit<LabRunOptions, 'csv'> & { signal: AbortSignal }): Promise<Shown> {
  const { method, draft } = settings;
  if (isExploreMethod(method)) return { from: 'explore', run: await runLabExplore(exploreRequest(full, method, draft, settings.explore), pool) };
  if (method === 'targets') return { from: 'targets', run: await runLabTargets(full, draft, pool) };
  if (method === 'calibrate') return { from: 'calibration', result: await runLabCalibration(calibrationRequest(full, draft, settings.calibration), pool) };
  if (method === 'compare') {
    const b = sources.find((s) => s.scenario.id === settings.compare.scenarioB) ?? full;
    const textB = b.file === full.file ? full.text : (b.text ?? (await bundledText(b.file)));
    const sideB = { source: { scenario: b.scenario, file: b.file, text: textB ?? '' }, set: settings.compare.setB, field: 'B: set' };
    return { from: 'compare', result: await runLabCompare([{ source: full, set: settings.compare.setA, field: 'A: set' }, sideB], draft, pool) };
  }
  const experiment = await labExperiment(full, draft);
  pool.onProgress?.({ done: 0, total: experiment.runs * experiment.variationCount });
  return { from: 'run', run: await runLab(experiment, { ...pool, csv: settings.keepCsv }) };
}

/** What the lab showed, kept while the app runs: back from a run opened in the stepper, the form and the results are as they were. */
let remembered: { scenario: string; settings: LabSettings; shown?: Shown } | undefined;

/** The form's settings and the results shown, as they were when the lab was last open on this scenario. */
function useRemembered(scenarioId: string | undefined) {
  const kept = remembered?.scenario === scenarioId ? remembered : undefined;
  const [settings, setSettings] = useState<LabSettings>(
    () => kept?.settings ?? { draft: DEFAULT_LAB_DRAFT, workers: browserWorkerCount(), keepCsv: true, method: 'grid', explore: DEFAULT_EXPLORE_DRAFT, compare: DEFAULT_COMPARE_DRAFT, calibration: DEFAULT_CALIBRATION_DRAFT },
  );
  const [shown, setShown] = useState<Shown | undefined>(() => kept?.shown);
  useEffect(() => {
    if (scenarioId) remembered = { scenario: scenarioId, settings, ...(shown ? { shown } : {}) };
  }, [scenarioId, settings, shown]);
  return { settings, setSettings, shown, setShown };
}

/** The analyst's lab: sweeps of a bundled scenario run in Web Workers, with charts, downloads and any run in the stepper. */
export default function LabPage() {
  const catalog = ParleyContext.useSelector((s) => s.context.catalog);
  const wanted = ParleyContext.useSelector((s) => s.context.lab?.scenario) ?? FLAGSHIP_ID;
  // A draft from the editor carries its text; a bundled file's text is fetched when a run needs it.
  const sources: LabScenario[] = catalog.flatMap((e) => (e.ok ? [{ scenario: e.scenario, file: e.file, ...(e.text !== undefined ? { text: e.text } : {}) }] : []));
  const source = sources.find((s) => s.scenario.id === wanted) ?? sources[0];
  const { settings, setSettings, shown, setShown } = useRemembered(source?.scenario.id);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | undefined>(undefined);
  const focusRunWhenShown = useRef(false);
  // The same element while a batch runs: progress redraws the page a few times a second, not the charts.
  const results = useMemo(() => shown && <ShownResults shown={shown} scenario={source?.scenario} />, [shown, source?.scenario]);

  useEffect(() => {
    document.title = 'Lab · Parley';
  }, []);
  // Leaving the page stops the workers.
  useEffect(() => () => abort.current?.abort(), []);
  const warmWorkers = useWarmWorkers(settings.workers, source?.scenario);

  if (!source) return <main className="lab" id="main"><p>No scenario loads, so the lab has nothing to run.</p></main>;

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    try {
      const text = source.text ?? (await bundledText(source.file));
      if (text === undefined) throw new Error(`The file ${source.file} is not bundled with the app.`);
      setStatus({ kind: 'running', progress: { done: 0, total: 0 } });
      const onProgress = (progress: LabProgress) => setStatus({ kind: 'running', progress });
      const result = await runMethod(settings, { ...source, text }, sources, { pool: webPool, workers: settings.workers, signal: controller.signal, onProgress });
      // Drawn as a transition: React renders the charts and tables in slices, so the page never blocks for long.
      startTransition(() => {
        setShown(result);
        setStatus({ kind: 'idle' });
      });
    } catch (error) {
      setStatus({ kind: 'failed', message: (error as Error).message });
    }
  };
  const stop = () => {
    focusRunWhenShown.current = true;
    abort.current?.abort('stopped in the lab');
  };
  const runButton = (button: HTMLButtonElement | null) => {
    if (button && focusRunWhenShown.current) {
      focusRunWhenShown.current = false;
      button.focus();
    }
  };
  const coverage = shown && coverageOf(shown);

  return (
    <main className="lab" id="main" data-warm-workers={warmWorkers}>
      <header className="run-head">
        <h1>Lab: many runs, sweeps and charts</h1>
        <p className="hint">
          Runs a scenario many times in this browser, in parallel Web Workers: over a grid of parameter values, a sensitivity design (Latin hypercube,
          Morris, Sobol) or against its targets (check or calibrate). The numbers and the files are exactly those of <code>parley batch</code>, <code>explore</code>,{' '}
          <code>check-targets</code> and <code>calibrate</code>.
        </p>
      </header>
      <LabForm source={source} sources={sources} settings={settings} onChange={setSettings} running={status.kind === 'running'} onRun={() => void start()} onStop={stop} runButton={runButton} />
      {status.kind === 'running' && <ProgressLine progress={status.progress} />}
      {status.kind === 'failed' && (
        <p className="notice notice-error" role="alert">
          {status.message}
        </p>
      )}
      <SummaryImport onImport={setShown} />
      <div role="status" className="visually-hidden">
        {coverage && status.kind !== 'running' ? `Lab: ${int(coverage.runs)} runs${coverage.partial ? ' (partial)' : ''}.` : ''}
      </div>
      {results}
    </main>
  );
}
