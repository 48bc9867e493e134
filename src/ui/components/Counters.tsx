import type { CounterRow } from '../logic/counters.ts';

/** Counter tiles: a number, what it counts, and a detail. */
export function Counters({ rows }: { rows: readonly CounterRow[] }) {
  return (
    <dl className="counters">
      {rows.map((row) => (
        <div key={row.id} className="counter" data-counter={row.id}>
          <dt>{row.label}</dt>
          <dd>
            <span className="counter-value">{row.value.toLocaleString('en-US')}</span>
            {row.detail && <span className="counter-detail"> {row.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
