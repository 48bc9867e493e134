import { MARKS, type Mark } from '../logic/marks.ts';
import { MarkShape } from './MarkShape.tsx';

/** A mark as a small inline icon; `labelled` adds its word for screen readers. */
export function MarkIcon({ mark, size = 14, labelled = true }: { mark: Mark; size?: number; labelled?: boolean }) {
  return (
    <svg className="mark-icon" width={size} height={size} viewBox="0 0 20 20" role={labelled ? 'img' : undefined} aria-label={labelled ? MARKS[mark].label : undefined} aria-hidden={labelled ? undefined : true}>
      <MarkShape mark={mark} x={10} y={10} r={8} />
    </svg>
  );
}
