import type { DecisionKind, Response, ResponseProbabilities } from '../../engine/index.ts';
import { percent, responseText } from '../logic/responses.ts';
import { MarkIcon } from './MarkIcon.tsx';

/** The model's chances for each response, as a stacked bar and as words. */
export function ProbabilityBar({ probabilities, allowed, kind }: { probabilities: ResponseProbabilities; allowed: readonly Response[]; kind?: DecisionKind }) {
  return (
    <div className="pbar">
      <div className="pbar-track" aria-hidden="true">
        {allowed.map((r) => (
          <span key={r} className={`pbar-seg seg-${r}`} style={{ width: `${probabilities[r] * 100}%` }} />
        ))}
      </div>
      <ul className="pbar-legend">
        {allowed.map((r) => (
          <li key={r}>
            <MarkIcon mark={r} labelled={false} size={12} /> {responseText(r, kind).label.toLowerCase()} <strong>{percent(probabilities[r])}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
