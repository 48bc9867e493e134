import { cliCommand, pct1, type QuickBatchResult } from '../logic/quick-batch.ts';
import { QuickBatchOutcomes } from './QuickBatchOutcomes.tsx';
import { SurvivalChart } from './SurvivalChart.tsx';

const int = (n: number) => n.toLocaleString('en-US');

/** What a quick batch found: outcome shares with 95% intervals, end day, collapse causes, survival, example runs. */
export function QuickBatchResults({ result, stale }: { result: QuickBatchResult; stale: boolean }) {
  const { input, tally } = result;
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
      <QuickBatchOutcomes result={result} />
      <p>
        Mean end day: <strong data-testid="mean-end-day">{result.meanEndDay === null ? '—' : result.meanEndDay.toFixed(1)}</strong>
      </p>
      <h3>Top collapse causes</h3>
      <CollapseCauses result={result} />
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

/** The five most frequent collapse causes, each as a share of all collapses. */
function CollapseCauses({ result }: { result: QuickBatchResult }) {
  if (result.collapses === 0) return <p>No run collapsed.</p>;
  return (
    <ol className="qb-causes">
      {result.causes.slice(0, 5).map(([cause, n]) => (
        <li key={cause}>
          <strong>{pct1(n / result.collapses)}</strong> of {int(result.collapses)} collapses ({int(n)}): {cause}
        </li>
      ))}
    </ol>
  );
}
