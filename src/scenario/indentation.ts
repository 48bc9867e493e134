/**
 * Indentation and tab mistakes, found on the raw text in one pass, so a file YAML could not read
 * gets one plain problem at the misplaced line instead of the parser's messages about its
 * consequences. Used only to explain the parser's errors (yaml-source.ts), so the approximations
 * here (multi-line quoted text and flow collections are skipped, not parsed) never reject a file.
 */
import type { Problem } from './problem.ts';
import type { SourceText } from './source-text.ts';

export interface IndentMistake {
  /** 1-based line and column of the tab or of the line's first character. */
  line: number;
  col: number;
  message: string;
  hint: string;
}

export interface ParseError {
  offset: number;
  message: string;
  hint?: string;
}

type Level = { indent: number; kind: 'map' | 'seq' };

interface LineShape {
  indent: number;
  /** Levels the line starts: `- ` items, then a `key:`, each at its column. */
  levels: Level[];
  /** The line ends with a `key:` or `- ` without a value, so the next line may go deeper. */
  opens: boolean;
  blockScalar: boolean;
  /** An unclosed quote or bracket: the lines after it belong to this value. */
  unclosed: boolean;
}

const KEY = /^(?:"[^"]*"|'[^']*'|[^\s#'"[\]{}][^#]*?):(?:\s|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(?:#.*)?$/;

function shapeOf(content: string, indent: number): LineShape {
  const levels: Level[] = [];
  let col = indent;
  let rest = content;
  for (let item = /^-(?:\s+|$)/.exec(rest); item; item = /^-(?:\s+|$)/.exec(rest)) {
    levels.push({ indent: col, kind: 'seq' });
    col += item[0].length;
    rest = rest.slice(item[0].length);
  }
  const key = KEY.exec(rest);
  if (key) {
    levels.push({ indent: col, kind: 'map' });
    rest = rest.slice(key[0].length).trim();
  }
  const value = rest.replace(/(?:^|\s)#.*$/, '').trim();
  const blockScalar = BLOCK_SCALAR.test(value);
  return { indent, levels, opens: levels.length > 0 && value === '', blockScalar, unclosed: isUnclosed(value) };
}

function isUnclosed(value: string): boolean {
  const quote = value[0];
  if (quote === '"' || quote === "'") return value.length < 2 || !value.trimEnd().endsWith(quote);
  if (value[0] !== '[' && value[0] !== '{') return false;
  let depth = 0;
  for (const c of value) depth += c === '[' || c === '{' ? 1 : c === ']' || c === '}' ? -1 : 0;
  return depth > 0;
}

const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;

function misindented(line: number, indent: number, expected: number): IndentMistake {
  return {
    line,
    col: indent + 1,
    message: `this line is indented ${spaces(indent)}; the lines around it use ${expected}`,
    hint: `YAML reads indentation as structure: indent this line by ${spaces(expected)}, like its neighbours`,
  };
}

/** The stack after a line of `shape`, or undefined when its indentation does not fit. */
function fit(stack: readonly Level[], shape: LineShape, opener: Level | undefined): Level[] | undefined {
  const next = stack.filter((level) => level.indent <= shape.indent);
  const top = next[next.length - 1];
  const first = shape.levels[0];
  if (!first) return top?.indent === shape.indent || (opener && shape.indent > opener.indent) ? next : undefined;
  if (top?.indent === shape.indent) {
    const indentless = first.kind === 'seq' && top.kind === 'map' && opener?.indent === shape.indent;
    if (top.kind !== first.kind && !indentless) return undefined;
    if (!indentless) next.pop();
  } else if (top && !(opener && shape.indent > opener.indent)) {
    return undefined;
  }
  return [...next, ...shape.levels];
}

function nextContentIndent(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length; i++) {
    const indent = lines[i]!.search(/[^ \r]/);
    if (indent >= 0 && lines[i]![indent] !== '#') return indent;
  }
  return undefined;
}

/** Every tab used as indentation and every line whose indentation fits no open level, in order. */
export function findIndentMistakes(source: SourceText): IndentMistake[] {
  const mistakes: IndentMistake[] = [];
  const lines = source.text.split('\n');
  let stack: Level[] = [];
  let before: Level[] = [];
  let previous: { line: number; shape: LineShape } | undefined;
  let skipDeeperThan = -1;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.replace(/\r$/, '');
    const indent = text.search(/[^ ]/);
    if (indent < 0 || text[indent] === '#' || text.startsWith('---') || text.startsWith('...')) continue;
    if (indent > skipDeeperThan && skipDeeperThan >= 0) continue;
    skipDeeperThan = -1;
    if (text[indent] === '\t') {
      mistakes.push({ line: i + 1, col: indent + 1, message: 'a tab is used for indentation', hint: 'YAML does not allow tabs for indentation: use spaces' });
      continue;
    }
    const shape = shapeOf(text.slice(indent), indent);
    const opener = previous?.shape.opens ? previous.shape.levels[previous.shape.levels.length - 1] : undefined;
    let after = fit(stack, shape, opener);
    if (!after && previous && previous.shape.indent < indent && before.some((level) => level.indent === indent)) {
      // The line before dedented out of a block this line is still in: that line is the one misplaced.
      mistakes.push(misindented(previous.line, previous.shape.indent, indent));
      after = fit(before, shape, undefined);
    } else if (!after) {
      const levels = previous?.shape.levels;
      const following = nextContentIndent(lines, i + 1);
      const kind = shape.levels[0]?.kind ?? 'map';
      const expected = stack.some((level) => level.indent === following && level.kind === kind) ? following! : levels?.[levels.length - 1]?.indent ?? previous?.shape.indent ?? 0;
      mistakes.push(misindented(i + 1, indent, expected));
      after = fit(stack, { ...shape, indent: expected, levels: shape.levels.map((l) => ({ ...l, indent: l.indent - indent + expected })) }, opener);
    }
    before = stack;
    stack = after ?? stack;
    previous = { line: i + 1, shape };
    if (shape.blockScalar || shape.unclosed) skipDeeperThan = indent;
  }
  return mistakes;
}

/**
 * The parser's errors with those an indentation or tab mistake explains replaced by the mistake:
 * a mistake on an error's line or the line after it explains that error and every other error
 * from there to the next top-level key, which are the parser's reading of the structure it could
 * not build; further mistakes in that stretch are still reported, each on its own line.
 */
export function explainParseErrors(source: SourceText, errors: readonly ParseError[], limit: number): { problems: Problem[]; more: boolean } {
  const mistakes = findIndentMistakes(source);
  const problems: Problem[] = [];
  let next = 0;
  let quietBefore = 0;
  for (const error of [...errors].sort((a, b) => a.offset - b.offset)) {
    const { line } = source.position(error.offset);
    while (next < mistakes.length && mistakes[next]!.line < line) next++;
    const mistake = mistakes[next];
    const explained = mistake !== undefined && mistake.line <= line + 1;
    if (!explained && line < quietBefore) continue;
    if (problems.length === limit) return { problems, more: true };
    if (explained) {
      problems.push(source.problemAtPosition(mistake.line, mistake.col, mistake.message, mistake.hint));
      quietBefore = nextTopLevelLine(source, error.offset, mistake.line);
      next++;
    } else {
      problems.push(source.problemAt(error.offset, error.message, error.hint));
    }
  }
  return { problems, more: false };
}

function nextTopLevelLine(source: SourceText, from: number, after: number): number {
  const pattern = /\n[^\s#]/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(source.text); match; match = pattern.exec(source.text)) {
    const { line } = source.position(match.index + 1);
    if (line > after) return line;
  }
  return Infinity;
}
