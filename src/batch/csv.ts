/**
 * The per-run CSV: one row per run, RFC 4180 quoting, `\n` line ends. Columns:
 * variation, each overridden parameter (`set` ones, then swept ones), run, seed, outcome,
 * end_day, end_date (only when the scenario has a `start` date), cause, then every metric (`days`, `released.captives.alive`, …).
 */
const FIXED = ['variation', 'run', 'seed', 'outcome', 'end_day', 'cause'];

/** A field quoted when it holds a comma, quote, or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Parameter column names: the parameter ids, prefixed `param.` only if one would clash with another column. */
export function parameterColumns(parameters: readonly string[], metrics: readonly string[]): string[] {
  const taken = new Set([...FIXED, ...metrics]);
  return parameters.map((p) => (taken.has(p) ? `param.${p}` : p));
}

export function csvHeader(parameters: readonly string[], metrics: readonly string[], options: { endDate?: boolean } = {}): string {
  const params = parameterColumns(parameters, metrics);
  return `${['variation', ...params, 'run', 'seed', 'outcome', 'end_day', ...(options.endDate ? ['end_date'] : []), 'cause', ...metrics].map(csvField).join(',')}\n`;
}

/** Minimal RFC 4180 reader (for tests and tools that read back a runs CSV). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
