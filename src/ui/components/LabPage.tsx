import { useEffect, useRef, useState } from 'react';
import { browserWorkerCount, webPool } from '../../batch/index.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { bundledText } from '../logic/bundled.ts';
import { FLAGSHIP_ID } from '../logic/catalog.ts';
import { DEFAULT_LAB_DRAFT, labExperiment, runLab, type LabProgress, type LabSource } from '../logic/lab.ts';
import { LabForm, type LabSettings } from './LabForm.tsx';
import { LabResults, SummaryImport, type Shown } from './LabResults.tsx';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

type Status = { kind: 'idle' } | { kind: 'running'; progress: LabProgress } | { kind: 'failed'; message: string };

/** Runs done, the rate and the time left. */
function ProgressLine({ progress }: { progress: LabProgress }) {
  return (
    <p className="lab-progress" data-testid="lab-progress">
      <progress max={progress.total} value={progress.done} aria-label="Lab progress" /> {int(progress.done)} / {int(progress.total)} runs
      {progress.rate !== undefined && ` · ${int(progress.rate)} runs/s · about ${clock(progress.etaSeconds ?? 0)} left`}
    </p>
  );
}

/** The analyst's lab: sweeps of a bundled scenario run in Web Workers, with charts, downloads and any run in the stepper. */
export default function LabPage() {
  const catalog = ParleyContext.useSelector((s) => s.context.catalog);
  const wanted = ParleyContext.useSelector((s) => s.context.lab?.scenario) ?? FLAGSHIP_ID;
  const sources: LabSource[] = catalog.flatMap((e) => {
    const text = e.ok ? (e.text ?? bundledText(e.file)) : undefined;
    return e.ok && text !== undefined ? [{ scenario: e.scenario, file: e.file, text }] : [];
  });
  const source = sources.find((s) => s.scenario.id === wanted) ?? sources[0];
  const [settings, setSettings] = useState<LabSettings>({ draft: DEFAULT_LAB_DRAFT, workers: browserWorkerCount(), keepCsv: true });
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [shown, setShown] = useState<Shown>();
  const abort = useRef<AbortController | undefined>(undefined);
  const focusRunWhenShown = useRef(false);

  useEffect(() => {
    document.title = 'Lab · Parley';
  }, []);
  // Leaving the page stops the workers.
  useEffect(() => () => abort.current?.abort(), []);

  if (!source) return <main className="lab" id="main"><p>No scenario loads, so the lab has nothing to run.</p></main>;

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    try {
      const experiment = await labExperiment(source, settings.draft);
      setStatus({ kind: 'running', progress: { done: 0, total: experiment.runs * experiment.variationCount } });
      const run = await runLab(experiment, {
        pool: webPool,
        workers: settings.workers,
        csv: settings.keepCsv,
        signal: controller.signal,
        onProgress: (progress) => setStatus({ kind: 'running', progress }),
      });
      setShown({ from: 'run', run });
      setStatus({ kind: 'idle' });
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
  const summary = shown?.from === 'run' ? shown.run.summary : shown?.summary;

  return (
    <main className="lab" id="main">
      <header className="run-head">
        <h1>Lab: many runs, sweeps and charts</h1>
        <p className="hint">
          Runs a scenario many times in this browser, in parallel Web Workers, over a grid of parameter values. The numbers, the summary file and the CSV
          are exactly those of <code>parley batch</code>.
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
        {summary && status.kind !== 'running' ? `Lab: ${int(summary.coverage.runs)} runs${summary.partial ? ' (partial)' : ''}.` : ''}
      </div>
      {shown && <LabResults shown={shown} scenario={source.scenario} />}
    </main>
  );
}
