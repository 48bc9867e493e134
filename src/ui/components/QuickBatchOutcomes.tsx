import { useMemo } from 'react';
import { exampleHref, outcomeLabel, pct1, type OutcomeShare, type QuickBatchResult } from '../logic/quick-batch.ts';

const int = (n: number) => n.toLocaleString('en-US');

type ExampleLink = { index: number; href: string; day: number };

/** The quick batch's outcomes table: each outcome's runs, share with its 95% interval, and example runs to open. */
export function QuickBatchOutcomes({ result }: { result: QuickBatchResult }) {
  const { input } = result;
  const links = useMemo(() => {
    const out: Record<string, ExampleLink[]> = {};
    for (const [outcome, runs] of Object.entries(result.examples)) out[outcome] = runs.map((r) => ({ index: r.index, day: r.day, href: exampleHref(input, r) }));
    return out;
  }, [result, input]);
  return (
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
            <OutcomeRow key={outcome} outcome={outcome} label={outcomeLabel(input.scenario, outcome)} share={share} links={links[outcome] ?? []} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutcomeRow({ outcome, label, share, links }: { outcome: string; label: string; share: OutcomeShare['share']; links: ExampleLink[] }) {
  return (
    <tr data-outcome={outcome}>
      <th scope="row">{label}</th>
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
        {links.length === 0
          ? '—'
          : links.map((l, i) => (
              <span key={l.index}>
                {i > 0 && ' '}
                <a href={l.href} onClick={() => window.scrollTo(0, 0)} aria-label={`Open run ${l.index} (${label}, day ${l.day}) in the stepper`}>
                  #{l.index}
                </a>
              </span>
            ))}
      </td>
    </tr>
  );
}
