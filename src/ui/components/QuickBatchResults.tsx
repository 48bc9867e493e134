import { useMemo } from 'react';
import { cliCommand, exampleHref, outcomeLabel, pct1, type QuickBatchResult } from '../logic/quick-batch.ts';
import { SurvivalChart } from './SurvivalChart.tsx';

const int = (n: number) => n.toLocaleString('en-US');

/** What a quick batch found: outcome shares with 95% intervals, end day, collapse causes, survival, example runs. */
export function QuickBatchResults({ result, stale }: { result: QuickBatchResult; stale: boolean }) {
  const { input, tally } = result;
  const links = useMemo(() => {
    const out: Record<string, { index: number; href: string; day: number }[]> = {};
    for (const [outcome, runs] of Object.entries(result.examples)) out[outcome] = runs.map((r) => ({ index: r.index, day: r.day, href: exampleHref(input, r) }));
    return out;
  }, [result, input]);
  const assumptions = Object.entries(input.params).map(([k, v]) => `${k}=${v}`).join(', ');
  return (
    <div className="qb-results" data-testid="quick-batch-results">
      <p className="qb-meta">
        {int(tally.runs)} runs · seed {input.seed} · {assumptions ? `assumptions changed: ${assumptions}` : 'default assumptions'}
        {input.recordUntil !== undefined && ` · the record through day ${input.recordUntil}, then the models`}
      </p>
      {stale && (
        <p className="notice notice-info" role="status">
          The seed, the assumptions or the start on the record have changed since this batch ran: these numbers are for the ones listed above. Run it again for the page's current values.
        </p>
      )}
      <div className="table-scroll">
        <table className="qb-outcomes">
          <caption>Outcomes — share of runs (95% Wilson interval)</caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">Runs</th>
              <th scope="col">Share (95% interval)</th>
              <th scope="col">Example runs</th>
            </tr>
          </thead>
          <tbody>
            {result.outcomes.map(({ result: outcome, share }) => (
              <tr key={outcome} data-outcome={outcome}>
                <th scope="row">{outcomeLabel(input.scenario, outcome)}</th>
                <td className="num">
                  <span className="qb-count">{int(share.count)}</span>
                  <span className="qb-cell-label"> runs</span>
                </td>
                <td>
                  <span className="qb-share">
                    <strong>{pct1(share.p)}</strong> ({pct1(share.lo)}–{pct1(share.hi)})
                  </span>
                  <span className="qb-bar" aria-hidden="true">
                    <span style={{ width: `${(share.p ?? 0) * 100}%` }} />
                  </span>
                </td>
                <td>
                  <span className="qb-cell-label">Example runs: </span>
                  {(links[outcome] ?? []).length === 0
                    ? '—'
                    : links[outcome]!.map((l, i) => (
                        <span key={l.index}>
                          {i > 0 && ' '}
                          <a href={l.href} onClick={() => window.scrollTo(0, 0)} aria-label={`Open run ${l.index} (${outcomeLabel(input.scenario, outcome)}, day ${l.day}) in the stepper`}>
                            #{l.index}
                          </a>
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Mean end day: <strong data-testid="mean-end-day">{result.meanEndDay === null ? '—' : result.meanEndDay.toFixed(1)}</strong>
      </p>
      <h3>Top collapse causes</h3>
      {result.collapses === 0 ? (
        <p>No run collapsed.</p>
      ) : (
        <ol className="qb-causes">
          {result.causes.slice(0, 5).map(([cause, n]) => (
            <li key={cause}>
              <strong>{pct1(n / result.collapses)}</strong> of {int(result.collapses)} collapses ({int(n)}): {cause}
            </li>
          ))}
        </ol>
      )}
      <h3>Survival</h3>
      <SurvivalChart survival={result.survival} />
      <p className="hint">
        An example run (#i) opens in the stepper at its end, with the seed <code>{input.seed}:i</code>; it replaces the run on this page (the browser's Back button returns).
      </p>
      <p className="hint">
        The same from the command line (with percentiles, metrics and a summary JSON):
        <br />
        <code className="qb-cli">{cliCommand({ ...input, runs: tally.runs })}</code>
      </p>
    </div>
  );
}
