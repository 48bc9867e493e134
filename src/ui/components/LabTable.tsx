import { useState, type ReactNode } from 'react';
import { sortRows, type SortState } from '../logic/lab-table.ts';

export interface Column<R> {
  key: string;
  label: ReactNode;
  /** What the column sorts by (null sorts last). */
  value(row: R): number | string | null;
  /** What the cell shows (default: the value). */
  render?(row: R): ReactNode;
  /** The row's header cell (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Extra attributes of the cell, e.g. data-variation. */
  attributes?(row: R): Record<string, string | number>;
}

interface Props<R> {
  rows: readonly R[];
  columns: readonly Column<R>[];
  rowKey(row: R): string | number;
  /** Extra attributes per row, e.g. data-variation. */
  rowAttributes?(row: R): Record<string, string | number>;
  testId?: string;
  label?: string;
}

/** A table beside a chart: click a column's header (or focus it and press Enter or Space) to sort by it; again to reverse. */
export function LabTable<R>({ rows, columns, rowKey, rowAttributes, testId, label }: Props<R>) {
  const [sort, setSort] = useState<SortState>();
  const column = columns.find((c) => c.key === sort?.key);
  const shown = column && sort ? sortRows(rows, column.value, sort.direction) : rows;
  const toggle = (key: string) => setSort(sort?.key === key && sort.direction === 'ascending' ? { key, direction: 'descending' } : { key, direction: 'ascending' });
  return (
    <div className="lab-table-wrap">
      <table className="lab-table" data-testid={testId} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? sort.direction : undefined}>
                <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort?.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={rowKey(row)} {...rowAttributes?.(row)}>
              {columns.map((c) => {
                const value = c.value(row);
                const content = c.render ? c.render(row) : value;
                return c.rowHeader ? (
                  <th key={c.key} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={c.key} data-column={c.key} className={typeof value === 'string' ? 'text' : undefined} {...c.attributes?.(row)}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
