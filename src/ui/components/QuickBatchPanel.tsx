import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { DEFAULT_QUICK_RUNS, QUICK_BATCH_SIZES, runQuickBatch, sameInputs, type QuickBatchResult } from '../logic/quick-batch.ts';
import { selectBranch, selectQuickBatchFile, selectScenario, selectView } from '../logic/selectors.ts';
import { hasRecord, recordLastDay } from '../logic/record-follow.ts';
import { dayLabel } from '../logic/day-label.ts';
import { QuickBatchResults } from './QuickBatchResults.tsx';

const int = (n: number) => n.toLocaleString('en-US');

type Status = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'failed'; message: string };

/** Many seeded runs of this scenario with the page's seed and assumptions, run in the browser. */
export function QuickBatchPanel() {
  const scenario = ParleyContext.useSelector(selectScenario);
  const file = ParleyContext.useSelector(selectQuickBatchFile);
  const seed = ParleyContext.useSelector((s) => selectBranch(s).seed);
  const params = ParleyContext.useSelector((s) => selectBranch(s).params);
  const follow = ParleyContext.useSelector((s) => selectBranch(s).follow);
  const model = ParleyContext.useSelector((s) => selectBranch(s).model);
  const today = ParleyContext.useSelector((s) => selectView(s).day);
  const record = hasRecord(scenario);
  const last = record ? recordLastDay(model) : 0;
  // From the record: by default when the branch follows it, from its day (or today on the record as it happened).
  const [fromRecord, setFromRecord] = useState<boolean | undefined>(undefined);
  const [typedDay, setTypedDay] = useState('');
  const useRecord = record && (fromRecord ?? follow !== undefined);
  const suggestedDay = Math.min(Math.max(1, typeof follow === 'number' ? follow : today), Math.max(1, last - 1));
  const recordDay = typedDay.trim() === '' ? suggestedDay : Number(typedDay);
  const dayOk = Number.isInteger(recordDay) && recordDay >= 1 && recordDay < last;
  const recordUntil = useRecord ? recordDay : undefined;
  const [runs, setRuns] = useState<number>(DEFAULT_QUICK_RUNS);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [result, setResult] = useState<QuickBatchResult>();
  const abort = useRef<AbortController | undefined>(undefined);
  // After Stop, the Run button that replaces it takes the focus (for keyboard users).
  const focusRunWhenShown = useRef(false);
  const runButton = (button: HTMLButtonElement | null) => {
    if (button && focusRunWhenShown.current) {
      focusRunWhenShown.current = false;
      button.focus();
    }
  };

  // A batch belongs to its scenario: forget it when another scenario opens, and stop it then or
  // when the page closes.
  const [shownScenario, setShownScenario] = useState(scenario);
  if (shownScenario !== scenario) {
    setShownScenario(scenario);
    setResult(undefined);
    setStatus({ kind: 'idle' });
    setFromRecord(undefined);
    setTypedDay('');
  }
  useEffect(() => () => abort.current?.abort(), [scenario]);

  const start = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'running', done: 0, total: runs });
    try {
      const out = await runQuickBatch(
        { scenario, file, params, seed, runs, ...(recordUntil !== undefined ? { recordUntil } : {}) },
        { signal: controller.signal, onProgress: (done, total) => !controller.signal.aborted && setStatus({ kind: 'running', done, total }) },
      );
      if (controller.signal.aborted || !out) return;
      setResult(out);
      setStatus({ kind: 'idle' });
    } catch (error) {
      if (!controller.signal.aborted) setStatus({ kind: 'failed', message: (error as Error).message });
    }
  };
  const stop = (event: MouseEvent) => {
    event.preventDefault();
    abort.current?.abort();
    setStatus({ kind: 'idle' });
    focusRunWhenShown.current = true;
  };

  const running = status.kind === 'running';
  return (
    <section className="panel quick-batch-panel" aria-labelledby="quick-batch-title">
      <details>
        <summary>
          <h2 id="quick-batch-title">{record ? 'Quick batch: what were the odds from here?' : 'Quick batch: run many seeds'}</h2>
        </summary>
        <p className="hint">
          Runs this scenario many times with the assumptions on this page and the seeds <code>{seed}:0</code>, <code>{seed}:1</code>, …{' '}
          {useRecord ? `(each follows the record through day ${dayOk ? recordDay : '…'}, then every party follows its model)` : '(every party follows the model)'}, then shows how often each ending
          happens.
        </p>
        <form
          className="qb-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!running) void start();
          }}
        >
          {record && (
            <fieldset className="qb-start" disabled={running}>
              <legend>Start</legend>
              <label>
                <input type="radio" name="qb-start" checked={!useRecord} onChange={() => setFromRecord(false)} /> day 1, the models throughout
              </label>
              <label>
                <input type="radio" name="qb-start" checked={useRecord} onChange={() => setFromRecord(true)} /> the record through day
              </label>{' '}
              <input
                type="number"
                className="qb-day"
                aria-label="Quick batch: follow the record through day"
                min={1}
                max={last - 1}
                value={typedDay}
                placeholder={String(suggestedDay)}
                onChange={(e) => {
                  setTypedDay(e.target.value);
                  setFromRecord(true);
                }}
              />
              {useRecord && <span className="hint"> {dayOk ? `${dayLabel(scenario, recordDay)}, then the models` : `a day from 1 to ${last - 1}`}</span>}
            </fieldset>
          )}
          <fieldset className="qb-sizes" disabled={running}>
            <legend>Runs</legend>
            {QUICK_BATCH_SIZES.map((n) => (
              <label key={n}>
                <input type="radio" name="qb-runs" value={n} checked={runs === n} onChange={() => setRuns(n)} /> {int(n)}
              </label>
            ))}
          </fieldset>
          {/* Two elements (distinct keys), never one reused: a reused button turned back into the
              submit button while its click is being handled would submit the form again. */}
          {running ? (
            <button key="stop" type="button" onClick={stop}>
              Stop
            </button>
          ) : (
            <button key="run" ref={runButton} type="submit" className="primary" disabled={useRecord && !dayOk}>
              Run {int(runs)} {useRecord ? 'futures' : 'seeds'}
            </button>
          )}
        </form>
        {running && (
          <p className="qb-progress" data-testid="quick-batch-progress">
            <progress max={status.total} value={status.done} aria-label="Quick batch progress" /> {int(status.done)} / {int(status.total)} runs
          </p>
        )}
        {status.kind === 'failed' && (
          <p className="notice notice-error" role="alert">
            The batch stopped: {status.message}
          </p>
        )}
        <div role="status" className="visually-hidden">
          {result && !running ? `Quick batch done: ${int(result.tally.runs)} runs.` : ''}
        </div>
        {result && (
          <>
            {result.elapsedMs > 0 && (
              <p className="hint" data-testid="quick-batch-speed">
                {int(result.tally.runs)} runs in {(result.elapsedMs / 1000).toFixed(1)} s ({int(Math.round(result.tally.runs / (result.elapsedMs / 1000)))} runs/s)
              </p>
            )}
            <QuickBatchResults result={result} stale={!sameInputs(result.input, { seed, params, ...(recordUntil !== undefined ? { recordUntil } : {}) })} />
          </>
        )}
      </details>
    </section>
  );
}
