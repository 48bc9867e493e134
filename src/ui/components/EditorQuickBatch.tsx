import { useEffect, useState } from 'react';
import type { EditorClient } from '../logic/editor-client.ts';
import { outcomeLabel, pct1, type QuickBatchResult } from '../logic/quick-batch.ts';
import type { Scenario } from '../../scenario/core.ts';

export const PREVIEW_RUNS = [200, 500, 1000] as const;
/** Quiet after a valid check before the batch reruns on its own. */
const RERUN_DELAY_MS = 500;

/** A few hundred seeded runs of the draft in a worker, rerun as the text changes: the share of each ending. */
export function EditorQuickBatch({ text, file, scenario, runner }: { text: string; file: string; scenario: Scenario; runner: EditorClient }) {
  const [runs, setRuns] = useState<number>(PREVIEW_RUNS[0]);
  const [seed, setSeed] = useState('1');
  const [state, setState] = useState<{ result?: QuickBatchResult; error?: string; running: boolean }>({ running: false });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, running: true }));
      void runner.batch(text, file, runs, seed.trim() || '1', {}).then((answer) => {
        if (live && answer) setState({ ...answer, running: false });
      });
    }, RERUN_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, file, runs, seed, runner, nonce]);

  const result = state.result;
  return (
    <section className="panel editor-batch" aria-labelledby="editor-batch-title" data-testid="editor-batch">
      <h2 id="editor-batch-title">Quick batch</h2>
      <form
        className="qb-form"
        onSubmit={(e) => {
          e.preventDefault();
          setNonce((n) => n + 1);
        }}
      >
        <label>
          Runs{' '}
          <select value={runs} onChange={(e) => setRuns(Number(e.target.value))}>
            {PREVIEW_RUNS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Seed <input value={seed} size={8} onChange={(e) => setSeed(e.target.value)} />
        </label>{' '}
        <button type="submit">Run the quick batch</button>
        <span className="hint" role="status">
          {state.running ? ' running…' : result ? ` ${result.tally.runs} runs in ${Math.round(result.elapsedMs)} ms (seeds ${result.input.seed}:0, :1, …)` : ''}
        </span>
      </form>
      {state.error && <p className="notice notice-error">{state.error}</p>}
      {result && (
        <table className="qb-outcomes" data-testid="editor-batch-table" data-runs={result.tally.runs}>
          <caption>How the runs ended (95% interval)</caption>
          <tbody>
            {result.outcomes.map(({ result: outcome, share }) => (
              <tr key={outcome} data-outcome={outcome}>
                <th scope="row">{outcomeLabel(scenario, outcome)}</th>
                <td>{pct1(share.p)}</td>
                <td className="hint">
                  {pct1(share.lo)}–{pct1(share.hi)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
