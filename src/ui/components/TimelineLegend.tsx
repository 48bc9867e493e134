import { LEGEND, MARKS } from '../logic/marks.ts';
import { MarkIcon } from './MarkIcon.tsx';

/** What each mark means: shape, colour and word. */
export function TimelineLegend() {
  return (
    <ul className="legend" aria-label="Legend">
      {LEGEND.map((mark) => (
        <li key={mark}>
          <MarkIcon mark={mark} labelled={false} /> {mark === 'violate' ? 'violated / refused' : MARKS[mark].label}
        </li>
      ))}
    </ul>
  );
}
