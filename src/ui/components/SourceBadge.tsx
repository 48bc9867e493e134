import type { Scenario, SourceRef } from '../../scenario/core.ts';
import { resolveSource } from '../logic/sources.ts';
import { SourceNote } from './SourceNote.tsx';

/** A small "source" disclosure beside a line: opens to the seed file and quote, or the URL. */
export function SourceBadge({ scenario, source, fallback }: { scenario: Scenario; source: SourceRef | undefined; fallback?: string }) {
  const resolved = resolveSource(scenario, source);
  if (!resolved) return fallback ? <span className="source-none">{fallback}</span> : null;
  return (
    <details className="source-badge">
      <summary aria-label={`source: ${resolved.label}`}>source: {resolved.label}</summary>
      <SourceNote source={resolved} />
    </details>
  );
}
