import type { Scenario } from '../../scenario/core.ts';
import { encodeShare } from '../logic/share-url.ts';
import { DEFAULT_SEED } from '../logic/run-ops.ts';
import { originLabel, originsOf } from '../logic/sources.ts';
import { hasRecord } from '../logic/record-follow.ts';
import { SourceList } from './SourceList.tsx';
import { InlineCode } from './InlineCode.tsx';

/** A scenario in the library: title, period, summary and sources, with a link that opens it. */
export function ScenarioCard({ scenario, file }: { scenario: Scenario; file: string }) {
  const href = encodeShare({ scenario: scenario.id, seed: DEFAULT_SEED, params: {}, choices: {}, at: 0 });
  const days = scenario.phases.reduce((n, p) => n + (p.length ?? 0), 0);
  const origins = originsOf(scenario);
  const record = hasRecord(scenario) ? encodeShare({ scenario: scenario.id, seed: DEFAULT_SEED, params: {}, choices: {}, at: 0, follow: 'end' }) : undefined;
  return (
    <article className="card" aria-labelledby={`title-${scenario.id}`}>
      <h2 id={`title-${scenario.id}`}>
        <a href={href}>{scenario.title}</a>
      </h2>
      <p className="card-meta">
        {scenario.period && <span>{scenario.period}</span>}
        <span>{days} days planned</span>
        <span>{Object.keys(scenario.parties).length} parties</span>
        <span>{scenario.obligations.length} obligations</span>
      </p>
      {scenario.summary && <p className="card-summary"><InlineCode text={scenario.summary} /></p>}
      <p className="card-origins">
        <strong>Sources:</strong> {origins.length === 0 ? 'none given' : origins.map(originLabel).join(' · ')}
      </p>
      <SourceList scenario={scenario} />
      {record && (
        <p className="card-record">
          <strong>As it happened:</strong> the record of what really happened, with a source for every entry. Watch the real path, then let the parties&apos; models decide from any
          day.
        </p>
      )}
      <p className="card-actions">
        <a className="button primary" href={href}>
          Step through it
        </a>
        {record && (
          <a className="button" href={record}>
            As it happened
          </a>
        )}
        <span className="card-file">{file}</span>
      </p>
    </article>
  );
}
