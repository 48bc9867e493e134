import type { Scenario } from '../../scenario/core.ts';
import { resolveSource } from '../logic/sources.ts';
import { SourceNote } from './SourceNote.tsx';

/** A scenario's sources with their quotes, folded away until asked for. */
export function SourceList({ scenario }: { scenario: Scenario }) {
  const ids = Object.keys(scenario.sources);
  if (ids.length === 0) return null;
  return (
    <details className="source-list">
      <summary>
        {ids.length} quoted source{ids.length === 1 ? '' : 's'}
      </summary>
      <ul>
        {ids.map((id) => (
          <li key={id}>
            <strong>{id}</strong> <SourceNote source={resolveSource(scenario, id)!} />
          </li>
        ))}
      </ul>
    </details>
  );
}
