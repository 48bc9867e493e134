import type { Scenario } from '../../scenario/core.ts';
import type { LogLine } from '../logic/narrative.ts';
import { PROVENANCE_TEXT, provenanceOf } from '../logic/record-follow.ts';
import { SourceBadge } from './SourceBadge.tsx';
import { MarkIcon } from './MarkIcon.tsx';

function fallbackFor(line: LogLine, followedUntil: number | undefined): string | undefined {
  switch (line.event.type) {
    case 'party.reacted': return 'from the model: reactions and pressure';
    case 'party.responded': return PROVENANCE_TEXT[provenanceOf(line.event, followedUntil) ?? 'model'];
    case 'incident': return 'scenario incident, no source given';
    case 'truce.collapsed': return 'from the model: a breaking point';
    default: return undefined;
  }
}

/**
 * One line of the narrative with its mark, who chose it, and its source. `followedUntil`: the last
 * day the run followed the record (lines up to it are the record's, or "as agreed" where it is silent).
 */
export function LogEntry({ line, scenario, followedUntil }: { line: LogLine; scenario: Scenario; followedUntil?: number }) {
  const e = line.event;
  const provenance = provenanceOf(e, followedUntil);
  return (
    <li className={`log-line log-${e.type.replace('.', '-')}${provenance === 'recorded' || provenance === 'as-agreed' ? ` log-${provenance}` : ''}`} data-type={e.type} data-provenance={provenance}>
      <MarkIcon mark={line.mark} />
      <span className="log-text">
        {e.type === 'obligation.due' && <span className="due-tag">Due: </span>}
        {line.text}
        {e.type === 'party.responded' && e.obligation && /\bit\b/.test(line.text) && <span className="log-ob"> (about: {e.obligation.replace(/-/g, ' ')})</span>}
        {e.chosen && <strong className="chosen"> (your choice)</strong>}
      </span>
      {provenance === 'recorded' && <span className="record-tag">record</span>}
      <SourceBadge scenario={scenario} source={e.source} fallback={fallbackFor(line, followedUntil)} />
    </li>
  );
}
