/** Sorting the lab's tables: numbers by value, text by its words, empty cells last either way. */
export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

export function sortRows<R>(rows: readonly R[], value: (row: R) => number | string | null, direction: SortState['direction']): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const missing = (v: number | string | null) => v === null || (typeof v === 'number' && Number.isNaN(v));
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (missing(a.v) || missing(b.v)) return missing(a.v) === missing(b.v) ? a.index - b.index : missing(a.v) ? 1 : -1;
      const order = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'en', { numeric: true });
      return order !== 0 ? sign * order : a.index - b.index;
    })
    .map((r) => r.row);
}
