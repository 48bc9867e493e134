import { ParleyContext } from '../logic/app-context.ts';
import { guaranteeLines, partyMeters } from '../logic/counters.ts';
import { selectModel, selectScenario, selectView } from '../logic/selectors.ts';
import { PartyBriefings } from './PartyBriefings.tsx';
import { PartyState } from './PartyState.tsx';

/** Each side's trust, grievance and pressures (what its chances of complying are computed from), and the guarantees. */
export function PartiesPanel() {
  const model = ParleyContext.useSelector(selectModel);
  const state = ParleyContext.useSelector((s) => selectView(s).state);
  const scenario = ParleyContext.useSelector(selectScenario);
  return (
    <section className="panel parties-panel" aria-labelledby="parties-title">
      <h2 id="parties-title">The parties</h2>
      <p className="hint">Trust and mediator pressure raise the chance of complying; grievance and domestic pressure lower it. At its breaking point a party walks away.</p>
      <div className="parties">
        {partyMeters(model, state).map((p) => (
          <PartyState key={p.id} party={p} />
        ))}
      </div>
      <ul className="guarantees">
        {guaranteeLines(model, state).map((g) => (
          <li key={g.id} className={g.inForce ? 'in-force' : 'withdrawn'}>
            {g.inForce ? '✓' : '✗'} {g.text}: <strong>{g.inForce ? 'in force' : 'withdrawn'}</strong>
          </li>
        ))}
      </ul>
      <PartyBriefings scenario={scenario} />
    </section>
  );
}
