import type { Problem } from '../../scenario/core.ts';
import type { GoTo } from './EditorCode.tsx';

/** The loader's verdict under the editor: each problem with its line:col and hint, a click away. */
export function EditorProblems({ problems, checking, elapsedMs, goTo }: { problems: readonly Problem[] | undefined; checking: boolean; elapsedMs?: number; goTo: GoTo }) {
  const errors = problems?.filter((p) => p.severity !== 'warning').length ?? 0;
  const warnings = (problems?.length ?? 0) - errors;
  const verdict =
    problems === undefined ? 'Checking…' : errors > 0 ? `${errors} problem${errors === 1 ? '' : 's'}: the scenario does not load yet.` : `The scenario loads${warnings ? `, with ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`;
  return (
    <section className="panel editor-problems" aria-labelledby="problems-title" data-testid="editor-problems" data-errors={errors} data-checking={checking ? 'yes' : 'no'}>
      <h2 id="problems-title">Problems</h2>
      <p role="status" className={errors > 0 ? 'verdict verdict-bad' : 'verdict'}>
        {verdict}
        {elapsedMs !== undefined && <span className="hint"> (checked in {Math.round(elapsedMs)} ms, as <code>parley validate</code> checks)</span>}
      </p>
      {problems && problems.length > 0 && (
        <ul className="problem-list">
          {problems.map((p, i) => (
            <li key={i} className={p.severity === 'warning' ? 'problem-warning' : 'problem-error'} data-line={p.line}>
              <button type="button" className="link-button" onClick={() => goTo(p.line, p.col)}>
                line {p.line}:{p.col}
              </button>{' '}
              <span className="problem-kind">{p.severity ?? 'error'}:</span> {p.message}
              {p.hint && <div className="hint">hint: {p.hint}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
