import { ParleyContext } from '../logic/app-context.ts';
import { explainRun } from '../logic/explain.ts';
import { selectModel, selectView } from '../logic/selectors.ts';

/** The end of a run: what happened and the turning points that explain it. */
export function OutcomePanel() {
  const actor = ParleyContext.useActorRef();
  const view = ParleyContext.useSelector(selectView);
  const model = ParleyContext.useSelector(selectModel);
  const why = explainRun(model, view);
  return (
    <div className={`outcome outcome-${why.tone}`} data-testid="outcome">
      <h2 id="decision-title" tabIndex={-1}>
        {why.headline}
      </h2>
      {why.summary && <p className="outcome-summary">{why.summary}</p>}
      {why.reasons.length > 0 ? (
        <>
          <h3>Turning points</h3>
          <ol className="reasons">
            {why.reasons.slice(0, 12).map((r, i) => (
              <li key={i}>
                <span className="reason-day">Day {r.day}</span> {r.text}
              </li>
            ))}
          </ol>
          {why.reasons.length > 12 && <p className="hint">…and {why.reasons.length - 12} more in the log.</p>}
        </>
      ) : (
        <p>Every party kept its word: no violations, incidents or failed gates.</p>
      )}
      <p className="hint">Go back (←), branch, or change an assumption to see how it could have gone otherwise.</p>
      <p>
        <button type="button" className="primary" onClick={() => actor.send({ type: 'debrief.open' })} data-testid="open-debrief">
          Read the debrief
        </button>{' '}
        <span className="hint">your choices against the model's odds, your run among 1,000 model runs, and questions to reflect on</span>
      </p>
    </div>
  );
}
