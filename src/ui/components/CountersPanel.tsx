import { ParleyContext } from '../logic/app-context.ts';
import { activityCounters, stockRows } from '../logic/counters.ts';
import { selectModel, selectView } from '../logic/selectors.ts';
import { Counters } from './Counters.tsx';
import { StockTable } from './StockTable.tsx';

/** The run's numbers now: captives and prisoners released, aid, disclosures, withdrawals, extensions. */
export function CountersPanel() {
  const model = ParleyContext.useSelector(selectModel);
  const state = ParleyContext.useSelector((s) => selectView(s).state);
  return (
    <section className="panel counters-panel" aria-labelledby="counters-title">
      <h2 id="counters-title">Counters</h2>
      <StockTable rows={stockRows(model.scenario, state)} />
      <Counters rows={activityCounters(state)} />
    </section>
  );
}
