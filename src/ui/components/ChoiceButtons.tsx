import type { Decision, Response } from '../../engine/index.ts';
import { percent, responseText } from '../logic/responses.ts';
import { MarkIcon } from './MarkIcon.tsx';

/** The responses a played party may give, each with the model's probability beside it. */
export function ChoiceButtons({ decision, onChoose }: { decision: Pick<Decision, 'allowed' | 'probabilities'> & { kind?: Decision['kind'] }; onChoose: (response: Response) => void }) {
  return (
    <ul className="choices" aria-label="Your response">
      {decision.allowed.map((response) => {
        const p = decision.probabilities[response];
        const text = responseText(response, decision.kind);
        return (
          <li key={response}>
            <button type="button" className={`choice choice-${response}`} onClick={() => onChoose(response)}>
              <MarkIcon mark={response} labelled={false} size={16} />
              {/* The visible text is the accessible name (WCAG 2.5.3, label in name): spaces keep its words apart. */}
              <span className="choice-label">{text.label}</span>{' '}
              <span className="choice-hint">{text.hint}</span>{' '}
              <span className="choice-p" data-testid={`p-${response}`}>
                model {percent(p)}
              </span>
              <span className="choice-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(p * 100)}%` }} />
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
