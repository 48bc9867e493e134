import { describePackage } from '../../engine/index.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { selectView } from '../logic/selectors.ts';

/** Before day 1 in the narrative: how the talks ended, and the terms the truce runs under. */
export function TalksOutcomeLine() {
  const talks = ParleyContext.useSelector((s) => selectView(s).talks);
  const result = talks?.result;
  if (!talks || !result) return null;
  const terms = result.deal ? talks.talks.issues.map((issue, i) => `${issue.parameter} = ${result.values![i]}`).join(', ') : '';
  return (
    <section className="log-day" aria-label="The talks">
      <h3>The talks</h3>
      <ul>
        <li className="log-line" data-testid="talks-outcome-line">
          {result.deal
            ? `Deal in round ${result.round}: ${describePackage(talks.talks.issues, result.values!)}. The truce runs under these terms (${terms}).`
            : `No deal in round ${result.round}: ${result.cause}. There is no truce.`}
          {result.withdrawnGuarantees.length > 0 && ` Guarantee withdrawn before day 1: ${result.withdrawnGuarantees.join(', ')}.`}
        </li>
      </ul>
    </section>
  );
}
