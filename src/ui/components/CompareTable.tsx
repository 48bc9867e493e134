import { ParleyContext } from '../logic/app-context.ts';
import { compareBranches } from '../logic/compare.ts';
import { selectModel, selectRun } from '../logic/selectors.ts';

/** Branch outcomes side by side; rows where they differ are marked. */
export function CompareTable() {
  const run = ParleyContext.useSelector(selectRun);
  const model = ParleyContext.useSelector(selectModel);
  const { columns, rows } = compareBranches(model, run.branches, run.active);
  return (
    <div className="compare" data-testid="compare">
      <h3>Compare branches</h3>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Measure</span>
              </th>
              {columns.map((c) => (
                <th key={c.id} scope="col" className={c.active ? 'current' : ''}>
                  {c.name}
                  {c.active && <span className="visually-hidden"> (showing)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className={row.differs ? 'differs' : ''}>
                <th scope="row">
                  {row.differs && <span aria-label="differs">≠ </span>}
                  {row.label}
                </th>
                {row.values.map((v, i) => (
                  <td key={columns[i]!.id}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
