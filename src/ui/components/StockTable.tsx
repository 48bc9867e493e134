import type { StockRow } from '../logic/counters.ts';

const n = (x: number) => x.toLocaleString('en-US');

/** What each stock (captives, prisoners, records) still holds and what has been released, by category. */
export function StockTable({ rows }: { rows: readonly StockRow[] }) {
  return (
    <table className="stocks">
      <thead>
        <tr>
          <th scope="col">Stock</th>
          <th scope="col">Still held</th>
          <th scope="col">Released so far</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-stock={row.id}>
            <th scope="row">
              {row.name} <span className="of">of {n(row.initial)}</span>
            </th>
            <td data-counter={`${row.id}.held`}>
              <strong>{n(row.held)}</strong>
              {row.heldSplit && <span className="of"> ({row.heldSplit})</span>}
            </td>
            <td>
              {row.released.map((r) => (
                <span key={r.id} className="released" data-counter={r.id}>
                  <strong>{n(r.value)}</strong> {r.label}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
