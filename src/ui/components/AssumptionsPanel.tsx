import { ParleyContext } from '../logic/app-context.ts';
import { selectBranch, selectScenario } from '../logic/selectors.ts';
import { InlineCode } from './InlineCode.tsx';
import { ParameterRow } from './ParameterRow.tsx';

/** Every parameter of the model: value, range, unit and source. Changing one re-runs this branch from day 1. */
export function AssumptionsPanel() {
  const scenario = ParleyContext.useSelector(selectScenario);
  const params = ParleyContext.useSelector((s) => selectBranch(s).model.params);
  const branch = ParleyContext.useSelector((s) => selectBranch(s).name);
  const talks = ParleyContext.useSelector((s) => selectBranch(s).view.talks);
  const byTalks = talks ? talks.talks.issues.map((i) => `\`${i.parameter}\``).join(', ') : '';
  const ids = Object.keys(scenario.parameters);
  return (
    <section className="panel assumptions-panel" aria-labelledby="assumptions-title">
      <h2 id="assumptions-title">Assumptions</h2>
      <p className="hint">
        The numbers behind the model. Change one and branch {branch} re-runs from day 1 with the same seed and your choices, up to where you are.
      </p>
      {talks && (
        <p className="hint">
          <InlineCode text={`${byTalks} ${talks.result?.deal ? 'are set by the deal for the truce (see the talks); the values below are the scenario’s own' : 'are decided by the talks'}.`} />
        </p>
      )}
      {ids.length === 0 ? (
        <p>This scenario declares no parameters.</p>
      ) : (
        <div className="table-scroll">
          <table className="params">
            <thead>
              <tr>
                <th scope="col">Assumption</th>
                <th scope="col">Value</th>
                <th scope="col">Range</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {ids.map((id) => (
                <ParameterRow key={id} id={id} parameter={scenario.parameters[id]!} value={params[id]!} scenario={scenario} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
