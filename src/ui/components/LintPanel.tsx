import { memo, useState } from 'react';
import type { Finding } from '../../batch/index.ts';
import type { EditorClient } from '../logic/editor-client.ts';
import type { GoTo } from './EditorCode.tsx';

const RUNS = 1000;

/** The playthrough check (`parley lint`) of the draft, on demand: what runs show that reading does not. */
export const LintPanel = memo(function LintPanel({ text, file, client, goTo }: { text: () => string; file: string; client: EditorClient; goTo: GoTo }) {
  const [state, setState] = useState<{ running: boolean; findings?: Finding[]; error?: string; runs?: number }>({ running: false });
  const run = async () => {
    setState({ running: true });
    const answer = await client.lint(text(), file, RUNS, 'lint');
    if (answer) setState({ running: false, runs: RUNS, ...answer });
  };
  return (
    <section className="panel lint-panel" aria-labelledby="lint-title" data-testid="lint-panel">
      <h2 id="lint-title">Playthrough check</h2>
      <p className="hint">
        {RUNS.toLocaleString('en-US')} seeded runs and the planned schedule: terms that never fall due or always lapse, phases and gates never or always reached, red
        lines never or always crossed, incidents that never happen, releases that find their stock empty (as <code>parley lint {file}</code>).
      </p>
      <button type="button" onClick={() => void run()} disabled={state.running}>
        {state.running ? 'Checking…' : 'Check playthroughs'}
      </button>
      {state.error && <p className="notice notice-error">{state.error}</p>}
      <div role="status">{state.findings && state.findings.length === 0 && <p>Nothing to report in {state.runs} runs.</p>}</div>
      {state.findings && state.findings.length > 0 && (
        <ul className="problem-list">
          {state.findings.map((f, i) => (
            <li key={i} className="problem-warning" data-kind={f.kind}>
              <button type="button" className="link-button" onClick={() => goTo(f.line, 1)}>
                line {f.line}
              </button>{' '}
              <span className="problem-kind">{f.kind}:</span> {f.message} ({(100 * f.rate).toFixed(1)}% of runs)
              <div className="hint">hint: {f.hint}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
