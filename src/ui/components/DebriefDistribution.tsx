import type { Scenario } from '../../scenario/core.ts';
import type { DebriefWork } from '../logic/debrief-work.ts';
import { positionSentence } from '../logic/debrief-position.ts';
import { outcomeLabel, pct1 } from '../logic/quick-batch.ts';
import { DebriefStrip } from './DebriefStrip.tsx';

const int = (n: number) => n.toLocaleString('en-US');

/** Where the student's run falls among the model runs from the same start: its outcome, then each total. */
export function DebriefDistribution({ scenario, work, runs, command }: { scenario: Scenario; work: DebriefWork; runs: number; command: string }) {
  const d = work.distribution;
  return (
    <section className="debrief-section" aria-labelledby="debrief-distribution">
      <h2 id="debrief-distribution">Your run among {int(runs)} model runs</h2>
      <p className="hint">
        The same scenario, assumptions and start, with every party following the model; run <i>i</i> uses the seed <code>&lt;seed&gt;:i</code>, as the quick batch and <code>{command}</code> do
        {scenario.talks ? ' (the command runs the talks before the truce as well; the stepper and these runs start at the truce)' : ''}.
      </p>
      {!d ? (
        <p role="status">{work.error ? `The model runs failed: ${work.error}` : `Running the model runs… ${int(Math.min(work.done, runs))} / ${int(runs)}`}</p>
      ) : (
        <>
          <h3>How it ended</h3>
          <ul className="debrief-outcomes" data-testid="debrief-outcomes">
            {d.outcomes.filter((o) => o.share.count > 0 || o.result === d.result).map((o) => (
              <li key={o.result} className={o.result === d.result ? 'yours' : undefined}>
                <span className="outcome-name">{outcomeLabel(scenario, o.result)}</span>: {pct1(o.share.p)} of model runs <span className="hint">(95% interval {pct1(o.share.lo)}–{pct1(o.share.hi)})</span>
                {o.result === d.result && <strong> ◆ your run</strong>}
              </li>
            ))}
          </ul>
          <div className="debrief-table-wrap" tabIndex={0} role="region" aria-label="Table: where your run's totals fall">
          <table className="debrief-table" data-testid="debrief-percentiles">
            <caption>
              Where your run's totals fall. In each chart the line spans 5% to 95% of the model runs, the box their middle half, the tick their median; ◆ is your run.
            </caption>
            <thead>
              <tr>
                <th scope="col">Total</th>
                <th scope="col">Your run</th>
                <th scope="col">Model runs: 5% · median · 95%</th>
                <th scope="col">Chart</th>
                <th scope="col">Percentile</th>
                <th scope="col">Where yours falls</th>
              </tr>
            </thead>
            <tbody>
              {d.metrics.map((m) => (
                <tr key={m.name}>
                  <th scope="row">{m.label}</th>
                  <td className="num" data-label="Your run">{int(m.position.value)}</td>
                  <td className="num" data-label="Model runs: 5% · median · 95%">
                    {int(m.spread.p5)} · {int(m.spread.p50)} · {int(m.spread.p95)}
                  </td>
                  <td data-label="Chart">
                    <DebriefStrip label={m.label} spread={m.spread} position={m.position} />
                  </td>
                  <td className="num" data-label="Percentile">{Math.round(m.position.rank)}</td>
                  <td data-label="Where yours falls">{positionSentence(m.position)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <p className="hint">Percentile: the share of model runs below your run's number plus half of those equal to it (50 is the middle).</p>
        </>
      )}
    </section>
  );
}
