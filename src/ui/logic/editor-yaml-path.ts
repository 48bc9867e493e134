/**
 * Where the cursor is in a YAML scenario, read from indentation alone so that it works on text
 * that does not parse yet (the writer is in the middle of typing): the path of keys down to the
 * cursor (`*` for a list item), whether a key or a value is being typed, and the keys already
 * written beside it in the same mapping.
 */

export interface YamlContext {
  /** Keys from the top down to the mapping the cursor is in; `*` stands for a list item. */
  path: string[];
  /** Typing a key (`at: 'key'`) or the value of `key` (`at: 'value'`). */
  at: 'key' | 'value';
  key?: string;
  /** The word under the cursor so far, and where it starts (an offset into the text). */
  word: string;
  from: number;
  /** Keys (with their one-line values) already in the same mapping. */
  siblings: Record<string, string>;
}

interface LineShape {
  /** Columns of `- ` markers before the key. */
  dashes: number[];
  /** Column of the key (or of the content after the dashes). */
  col: number;
  key?: string;
  value?: string;
  blank: boolean;
}

const KEY_LINE = /^([A-Za-z0-9_][\w-]*)\s*:(?:\s+(.*))?$|^([A-Za-z0-9_][\w-]*)\s*:$/;

function shapeOf(line: string): LineShape {
  let col = 0;
  while (col < line.length && line[col] === ' ') col++;
  const dashes: number[] = [];
  while (line[col] === '-' && (line[col + 1] === ' ' || col + 1 === line.length)) {
    dashes.push(col);
    col += 1;
    while (line[col] === ' ') col++;
  }
  const rest = line.slice(col);
  if (rest === '' || rest.startsWith('#')) return { dashes, col, blank: dashes.length === 0 };
  const match = KEY_LINE.exec(rest.replace(/\s+#.*$/, ''));
  if (!match) return { dashes, col, blank: false };
  return { dashes, col, key: match[1] ?? match[3], value: (match[2] ?? '').trim(), blank: false };
}

/** The context at `pos` (an offset into `text`). */
export function yamlContextAt(text: string, pos: number): YamlContext {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const before = text.slice(lineStart, pos);
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();

  const valueMatch = /^(\s*(?:-\s+)*)([A-Za-z0-9_][\w-]*)\s*:\s+(?:\[|\{)?(?:[^,\]}]*,\s*)*(.*)$/.exec(before);
  const keyMatch = /^(\s*(?:-\s+)*)([\w-]*)$/.exec(before);
  const here = shapeOf(before);
  let at: YamlContext['at'] = 'key';
  let key: string | undefined;
  let word = '';
  if (keyMatch) {
    word = keyMatch[2]!;
  } else if (valueMatch) {
    at = 'value';
    key = valueMatch[2]!;
    word = /[\w-]*$/.exec(valueMatch[3]!)![0];
  } else {
    word = /[\w-]*$/.exec(before)![0];
    at = 'value';
  }
  const from = pos - word.length;

  const path: string[] = [];
  const siblings: Record<string, string> = {};
  collectBelow(text.slice(pos).split('\n').slice(1), here.col, siblings);
  // Looking for the parent of a mapping whose keys start at `col`, or of a list whose dashes are at `col`.
  let mode: 'map' | 'list' = 'map';
  let col = here.col;
  let collecting = true;
  if (here.dashes.length > 0) {
    for (const _ of here.dashes) path.unshift('*');
    mode = 'list';
    col = here.dashes[0]!;
    collecting = false;
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = shapeOf(lines[i]!);
    if (line.blank || (line.key === undefined && line.dashes.length === 0)) continue;
    if (mode === 'map') {
      if (line.col > col) continue;
      if (line.col === col) {
        if (collecting && line.key !== undefined) siblings[line.key] = line.value ?? '';
        if (line.dashes.length === 0) continue;
        for (const _ of line.dashes) path.unshift('*');
        mode = 'list';
        col = line.dashes[0]!;
        collecting = false;
        continue;
      }
    } else if (line.col > col || line.dashes.length > 0 || line.key === undefined) {
      if ((line.dashes[0] ?? line.col) < col) break;
      continue;
    }
    if (line.key === undefined) {
      // A bare `-` line opens the item the cursor's mapping belongs to.
      if (mode !== 'map' || line.dashes.length === 0) break;
      for (const _ of line.dashes) path.unshift('*');
      mode = 'list';
      col = line.dashes[0]!;
      collecting = false;
      continue;
    }
    collecting = false;
    path.unshift(line.key);
    if (line.dashes.length > 0) {
      for (const _ of line.dashes) path.unshift('*');
      mode = 'list';
      col = line.dashes[0]!;
    } else {
      mode = 'map';
      col = line.col;
    }
  }
  return { path, at, ...(key !== undefined ? { key } : {}), word, from, siblings };
}

/** Keys below the cursor at the same column, up to the end of the mapping. */
function collectBelow(lines: string[], col: number, into: Record<string, string>): void {
  for (const text of lines) {
    const line = shapeOf(text);
    if (line.blank || (line.key === undefined && line.dashes.length === 0)) continue;
    const start = line.dashes[0] ?? line.col;
    if (start < col || (start === col && line.dashes.length > 0)) return;
    if (line.col === col && line.key !== undefined) into[line.key] = line.value ?? '';
  }
}
