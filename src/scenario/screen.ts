/**
 * Checks on the raw text that keep the yaml parser away from input that could exhaust it, all
 * before it parses: size, binary content, block nesting, flow nesting and the number of YAML
 * tokens (yaml's cost grows with its tokens, about 2 µs each: a 1 MB file of 500,000 tokens took
 * over a second, one of commas 8 s). One pass over the characters answers ordinary files; only a
 * file that may cross a bound is lexed, with yaml's own lexer, to find exactly where.
 */
import { Lexer } from 'yaml';
import type { Problem } from './problem.ts';
import type { SourceText } from './source-text.ts';

export const MAX_BYTES = 1_000_000;
export const MAX_NESTING = 64;
/** The largest bundled scenario has 2,331 tokens; this leaves 20× that. */
export const MAX_TOKENS = 50_000;
const MAX_INDENT = 400;

const TAB = 9;
const NEWLINE = 10;
const CR = 13;
const SPACE = 32;
const BOM = 0xfeff;

/** Character classes of the token estimate: a token never spans two classes or two indicators. */
const OTHER = 0;
const BLANK = 1;
const INDENT_TAB = 2;
const CARRIAGE = 3;
/** Classes from here on are one character each (yaml's indicators, the line break and a BOM). */
const SINGLE = 4;
const CLASS = new Uint8Array(128);
CLASS[SPACE] = BLANK;
CLASS[TAB] = INDENT_TAB;
CLASS[CR] = CARRIAGE;
for (const c of '\n-?:,[]{}#&*!|>\'"%@`') CLASS[c.charCodeAt(0)] = SINGLE;

interface TextCounts {
  /** Offset of the first line nested deeper than MAX_INDENT allows, if any. */
  tooDeep?: number;
  brackets: number;
  /** At least the number of tokens yaml's lexer makes of the text. */
  tokenEstimate: number;
}

/**
 * One pass: block nesting per line (indentation plus 2 for each `- `, `? `, `: ` indicator that
 * follows a blank or starts the line), opening brackets, and the token estimate.
 */
export function countText(text: string): TextCounts {
  let brackets = 0;
  let tokens = 0;
  let previousClass = -1;
  let lineStart = 0;
  let indent = 0;
  let inIndent = true;
  let indicators = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : NEWLINE;
    if (c === NEWLINE) {
      if (indent > MAX_INDENT || indent + 2 * indicators > MAX_INDENT) return { tooDeep: lineStart + Math.min(i - lineStart, MAX_INDENT), brackets, tokenEstimate: tokens };
      lineStart = i + 1;
      indent = 0;
      inIndent = true;
      indicators = 0;
    } else if (inIndent && (c === SPACE || c === TAB)) {
      indent++;
    } else {
      inIndent = false;
      if (c === 91 || c === 123) brackets++;
      else if ((c === 45 || c === 63 || c === 58) && isIndicator(text, i, lineStart)) indicators++;
    }
    if (i === text.length) break;
    const cls = c < 128 ? CLASS[c]! : c === BOM ? SINGLE : OTHER;
    if (cls !== previousClass || cls >= SINGLE) tokens++;
    previousClass = cls;
  }
  return { brackets, tokenEstimate: tokens };
}

/** `-`, `?` or `:` at the start of a line or after a blank, and before a blank or the line's end. */
function isIndicator(text: string, i: number, lineStart: number): boolean {
  const before = i === lineStart ? SPACE : text.charCodeAt(i - 1);
  const after = i + 1 < text.length ? text.charCodeAt(i + 1) : NEWLINE;
  return (before === SPACE || before === TAB) && (after === SPACE || after === TAB || after === NEWLINE);
}

/** Yaml's lexer also yields one-character control markers that are not in the text. */
const isMarker = (token: string) => token.length === 1 && token < ' ' && token !== '\n' && token !== '\t';

/**
 * Lexes the text with yaml's own lexer (which honours quotes, comments and block scalars) to find
 * the first bracket nested more than MAX_NESTING deep and the token that crosses MAX_TOKENS.
 */
function lexedProblem(source: SourceText): Problem | undefined {
  let depth = 0;
  let tokens = 0;
  let offset = 0;
  for (const token of new Lexer().lex(source.text)) {
    if (token.length === 0 || isMarker(token)) continue;
    if (++tokens > MAX_TOKENS) {
      return source.problemAt(offset, `the file has more than ${MAX_TOKENS.toLocaleString('en-US')} YAML tokens (keys, values, punctuation, comments, line breaks)`, 'no scenario needs nearly this many (the largest bundled one has about 2,300); split the scenario or remove generated content');
    }
    if (token === '[' || token === '{') {
      depth++;
      if (depth > MAX_NESTING) return source.problemAt(offset, `brackets are nested more than ${MAX_NESTING} deep`, 'scenarios need only a few levels of nesting');
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    offset += token.length;
  }
  return undefined;
}

export function screenText(source: SourceText): Problem | undefined {
  const text = source.text;
  if (text.length > MAX_BYTES) {
    return source.problemAt(0, `the file is ${(text.length / 1e6).toFixed(1)} MB; scenario files are at most ${MAX_BYTES / 1e6} MB`, 'split the scenario or remove generated content');
  }
  const bad = text.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/);
  if (bad >= 0) return source.problemAt(bad, 'the file contains binary or control characters, not text', 'save the scenario as plain UTF-8 text');

  const counts = countText(text);
  if (counts.tooDeep !== undefined) return source.problemAt(counts.tooDeep, 'nesting is deeper than this format allows', 'scenarios need only a few levels of nesting');
  // Nesting deeper than MAX_NESTING needs more than MAX_NESTING brackets: most files skip the lexer.
  if (counts.brackets <= MAX_NESTING && counts.tokenEstimate <= MAX_TOKENS) return undefined;
  return lexedProblem(source);
}
