import { useMemo } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { selectModel, selectView } from '../logic/selectors.ts';
import { statechartTree } from '../logic/statechart-tree.ts';
import { StateBox } from './StateBox.tsx';

/** The truce statechart, drawn from the machine the engine runs, active states highlighted. */
export function StatechartPanel() {
  const model = ParleyContext.useSelector(selectModel);
  const value = ParleyContext.useSelector((s) => selectView(s).machineValue);
  const tree = useMemo(() => statechartTree(model, value), [model, value]);
  return (
    <section className="panel statechart-panel" aria-labelledby="statechart-title">
      <h2 id="statechart-title">Statechart</h2>
      <p className="hint">
        The agreement's control flow as the engine runs it. <span className="active-key">Highlighted</span> states are where the run is now; arrows list
        the events that move it.
      </p>
      <div className="statechart" data-testid="statechart">
        {tree.children.map((child) => (
          <StateBox key={child.id} node={child} />
        ))}
      </div>
    </section>
  );
}
