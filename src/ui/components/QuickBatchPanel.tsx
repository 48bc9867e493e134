import { useState } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { QUICK_BATCH_SIZES, sameInputs, type QuickBatchResult } from '../logic/quick-batch.ts';
import { selectBranch, selectQuickBatchFile, selectScenario } from '../logic/selectors.ts';
import { QuickBatchResults } from './QuickBatchResults.tsx';
import { QuickBatchStart } from './QuickBatchStart.tsx';
import { useQuickBatchRun, type QuickBatchStatus } from './useQuickBatchRun.ts';
import { useRecordStart } from './useRecordStart.ts';

const int = (n: number) => n.toLocaleString('en-US');

/** Many seeded runs of this scenario with the page's seed and assumptions, run in the browser. */
export function QuickBatchPanel() {
  const scenario = ParleyContext.useSelector(selectScenario);
  const file = ParleyContext.useSelector(selectQuickBatchFile);
  const seed = ParleyContext.useSelector((s) => selectBranch(s).seed);
  const params = ParleyContext.useSelector((s) => selectBranch(s).params);
  const recordStart = useRecordStart(scenario);
  const { record, useRecord, dayOk, recordDay, recordUntil } = recordStart;
  const { runs, setRuns, status, result, runButton, start, stop, reset } = useQuickBatchRun({ scenario, file, params, seed, recordUntil });

  // A batch belongs to its scenario: forget it when another scenario opens (the hook stops it then
  // or when the page closes).
  const [shownScenario, setShownScenario] = useState(scenario);
  if (shownScenario !== scenario) {
    setShownScenario(scenario);
    reset();
    recordStart.reset();
  }

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
          {record && <QuickBatchStart scenario={scenario} start={recordStart} running={running} />}
          <QuickBatchSizes runs={runs} setRuns={setRuns} running={running} />
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
        <QuickBatchOutcome status={status} result={result} stale={result !== undefined && !sameInputs(result.input, { seed, params, ...(recordUntil !== undefined ? { recordUntil } : {}) })} />
      </details>
    </section>
  );
}

/** How many runs: one of QUICK_BATCH_SIZES. */
function QuickBatchSizes({ runs, setRuns, running }: { runs: number; setRuns: (n: number) => void; running: boolean }) {
  return (
    <fieldset className="qb-sizes" disabled={running}>
      <legend>Runs</legend>
      {QUICK_BATCH_SIZES.map((n) => (
        <label key={n}>
          <input type="radio" name="qb-runs" value={n} checked={runs === n} onChange={() => setRuns(n)} /> {int(n)}
        </label>
      ))}
    </fieldset>
  );
}

/** Progress while running, why it stopped if it failed, and the last result (`stale` once the page's inputs changed). */
function QuickBatchOutcome({ status, result, stale }: { status: QuickBatchStatus; result: QuickBatchResult | undefined; stale: boolean }) {
  const running = status.kind === 'running';
  return (
    <>
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
          <QuickBatchResults result={result} stale={stale} />
        </>
      )}
    </>
  );
}
