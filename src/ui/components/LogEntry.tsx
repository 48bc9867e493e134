import type { Scenario } from '../../scenario/index.ts';
import type { LogLine } from '../logic/narrative.ts';
import { SourceBadge } from './SourceBadge.tsx';
import { MarkIcon } from './MarkIcon.tsx';

function fallbackFor(line: LogLine): string | undefined {
  switch (line.event.type) {
    case 'party.reacted': return 'from the model: reactions and pressure';
    case 'party.responded': return line.event.chosen ? 'your choice' : 'from the model';
    case 'incident': return 'scenario incident, no source given';
    case 'truce.collapsed': return 'from the model: a breaking point';
    default: return undefined;
  }
}

/** One line of the narrative with its mark, who chose it, and its source. */
export function LogEntry({ line, scenario }: { line: LogLine; scenario: Scenario }) {
  const e = line.event;
  return (
    <li className={`log-line log-${e.type.replace('.', '-')}`} data-type={e.type}>
      <MarkIcon mark={line.mark} />
      <span className="log-text">
        {e.type === 'obligation.due' && <span className="due-tag">Due: </span>}
        {line.text}
        {e.type === 'party.responded' && e.obligation && /\bit\b/.test(line.text) && <span className="log-ob"> (about: {e.obligation.replace(/-/g, ' ')})</span>}
        {e.chosen && <strong className="chosen"> (your choice)</strong>}
      </span>
      <SourceBadge scenario={scenario} source={e.source} fallback={fallbackFor(line)} />
    </li>
  );
}
