import type { Decision } from '../../engine/index.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { answerWords, recordedAnswerFor, recordedExtensionFor } from '../logic/record-follow.ts';
import { selectModel } from '../logic/selectors.ts';
import { SourceBadge } from './SourceBadge.tsx';

/** A decision the branch answers from the record: what the record says (with its source), or that it is silent. */
export function RecordedMove({ decision: d, phaseIndex }: { decision: Decision; phaseIndex: number }) {
  const model = ParleyContext.useSelector(selectModel);
  const recorded = recordedAnswerFor(model, d);
  const extension = d.kind === 'extension' ? recordedExtensionFor(model, phaseIndex, d.day) : undefined;
  return (
    <>
      <p className="record-move" data-testid="record-move">
        <span className="record-tag">record</span>{' '}
        {recorded ? (
          <>
            As recorded: {answerWords(recorded)}
            {recorded.text ? ` — ${recorded.text}` : ''}
            {recorded.day !== d.day ? ` (the record has it on day ${recorded.day})` : ''}.
          </>
        ) : d.kind === 'extension' ? (
          extension?.agreed ? (
            <>As recorded: the extension was agreed{extension.text ? ` — ${extension.text}` : ''}.</>
          ) : (
            <>The record has no extension agreed today, so the offer is declined{extension?.text ? ` — ${extension.text}` : ''}.</>
          )
        ) : (
          <>The record is silent on this one: it was carried out as agreed.</>
        )}
        {recorded && <SourceBadge scenario={model.scenario} source={recorded.source} />}
      </p>
      <p className="hint">This branch follows the record here, so nothing is left to chance. Press “Next decision →” to see it happen.</p>
    </>
  );
}
