/**
 * YAML text → plain data plus a way back from a data path to `line:col`.
 * Hostile input is turned away before and after parsing, never by crashing:
 * size and nesting are checked on the raw text first (a too-deep document can abort
 * the yaml parser), then keys, numbers and aliases are checked on the syntax tree.
 */
import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import type { Problem } from './problem.ts';

export const MAX_BYTES = 1_000_000;
export const MAX_NESTING = 64;
const MAX_INDENT = 400;
const MAX_ALIASES = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type DataPath = readonly (string | number)[];

export interface ParsedYaml {
  data: unknown;
  /** Where the value (or, with `key`, the key) at a data path starts; falls back to its nearest ancestor. */
  locate(path: DataPath, key?: boolean): { line: number; col: number };
  /** Offset of the first character of a scalar's own text (inside quotes), for positions inside conditions. */
  scalarStart(path: DataPath): { line: number; col: number } | undefined;
  problemAt(path: DataPath, message: string, hint?: string, key?: boolean): Problem;
}

export type YamlResult = { ok: true; yaml: ParsedYaml } | { ok: false; problems: Problem[] };

function lineText(text: string, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}

function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

function problemAtOffset(file: string, text: string, offset: number, message: string, hint?: string): Problem {
  const { line, col } = positionOf(text, offset);
  return { file, line, col, message, hint, sourceLine: lineText(text, line) };
}

/** Cheap checks on raw text that keep the parser away from input that could exhaust it. */
function screenText(file: string, text: string): Problem | undefined {
  if (text.length > MAX_BYTES) {
    return problemAtOffset(file, text, 0, `the file is ${(text.length / 1e6).toFixed(1)} MB; scenario files are at most ${MAX_BYTES / 1e6} MB`, 'split the scenario or remove generated content');
  }
  const bad = text.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/);
  if (bad >= 0) {
    return problemAtOffset(file, text, bad, 'the file contains binary or control characters, not text', 'save the scenario as plain UTF-8 text');
  }
  let depth = 0;
  let quote: string | null = null;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') { lineStart = true; indent = 0; quote = null; continue; }
    if (lineStart) {
      if (c === ' ' || c === '-' || c === '?' || c === ':') {
        indent++;
        if (indent > MAX_INDENT) return problemAtOffset(file, text, i, `nesting is deeper than this format allows (indentation past column ${MAX_INDENT})`, 'scenarios need only a few levels of nesting');
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#') { while (i + 1 < text.length && text[i + 1] !== '\n') i++; }
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > MAX_NESTING) return problemAtOffset(file, text, i, `brackets are nested more than ${MAX_NESTING} deep`, 'scenarios need only a few levels of nesting');
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function nodeDepthProblem(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Node(_key, node, path) {
      if (path.length > MAX_NESTING * 2) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export function parseYaml(file: string, text: string): YamlResult {
  const screened = screenText(file, text);
  if (screened) return { ok: false, problems: [screened] };

  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    return { ok: false, problems: [problemAtOffset(file, text, 0, `the YAML parser gave up: ${(error as Error).message}`)] };
  }
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const hint = error.code === 'DUPLICATE_KEY' ? 'each key may appear once in a mapping; remove or rename one' : undefined;
    problems.push(problemAtOffset(file, text, error.pos[0], message.charAt(0).toLowerCase() + message.slice(1), hint));
  }
  if (problems.length > 0) return { ok: false, problems };

  const deep = nodeDepthProblem(doc);
  if (deep?.range) {
    return { ok: false, problems: [problemAtOffset(file, text, deep.range[0], `nesting is deeper than ${MAX_NESTING} levels`)] };
  }

  let aliasCount = 0;
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        problems.push(problemAtOffset(file, text, pair.key.range?.[0] ?? 0, `\`${String(pair.key.value)}\` is not allowed as a key`, 'rename the key; it has a special meaning in JavaScript'));
      }
    },
    Scalar(_key, node) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
        problems.push(problemAtOffset(file, text, node.range?.[0] ?? 0, `\`${node.source ?? String(node.value)}\` is not a finite number`, 'write an ordinary number such as `0.5` or `60`'));
      }
    },
    Alias(_key, node) {
      aliasCount++;
      if (aliasCount === MAX_ALIASES + 1) {
        problems.push(problemAtOffset(file, text, node.range?.[0] ?? 0, `more than ${MAX_ALIASES} aliases`, 'repeat the text instead of using so many `*aliases`'));
      }
    },
  });
  if (problems.length > 0) return { ok: false, problems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const firstAlias = findFirst(doc, (node) => isAlias(node));
    return { ok: false, problems: [problemAtOffset(file, text, firstAlias?.range?.[0] ?? 0, `this document expands too much: ${(error as Error).message}`, 'aliases that refer to aliases multiply; write the content out instead')] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [problemAtOffset(file, text, 0, 'a scenario file is a mapping of keys such as `parley: 1`, `id`, `title`, `parties`, `phases`', 'start from scenarios/template.yaml')] };
  }

  const nodeAt = (path: DataPath): { node?: Node; depth: number } => {
    let node: unknown = doc.contents;
    let depth = 0;
    for (const step of path) {
      while (isAlias(node)) node = (node as { resolve(d: Document): unknown }).resolve(doc);
      let child: unknown;
      if (isMap(node)) child = node.items.find((pair) => isScalar(pair.key) && pair.key.value === step)?.value;
      else if (isSeq(node) && typeof step === 'number') child = node.items[step];
      if (child === undefined || child === null) break;
      node = child;
      depth++;
    }
    return { node: node as Node, depth };
  };
  const keyNodeAt = (path: DataPath): Node | undefined => {
    if (path.length === 0) return undefined;
    const { node, depth } = nodeAt(path.slice(0, -1));
    if (depth !== path.length - 1 || !isMap(node)) return undefined;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === path[path.length - 1]);
    return pair?.key as Node | undefined;
  };
  const offsetOf = (path: DataPath, key?: boolean): number => {
    const keyNode = key ? keyNodeAt(path) : undefined;
    if (keyNode?.range) return keyNode.range[0];
    return nodeAt(path).node?.range?.[0] ?? 0;
  };

  const yaml: ParsedYaml = {
    data,
    locate: (path, key) => positionOf(text, offsetOf(path, key)),
    scalarStart(path) {
      const { node, depth } = nodeAt(path);
      if (depth !== path.length || !isScalar(node) || !node.range) return undefined;
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      return positionOf(text, node.range[0] + (quoted ? 1 : 0));
    },
    problemAt(path, message, hint, key) {
      return problemAtOffset(file, text, offsetOf(path, key), message, hint);
    },
  };
  return { ok: true, yaml };
}

function findFirst(doc: Document, predicate: (node: Node) => boolean): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Node(_key, node) {
      if (predicate(node)) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Builds a problem for a position inside a scalar (a condition's offending token). */
export function problemInScalar(file: string, yaml: ParsedYaml, path: DataPath, offset: number, message: string, hint: string | undefined, sourceLineOf: (line: number) => string): Problem {
  const start = yaml.scalarStart(path) ?? yaml.locate(path);
  const line = start.line;
  const col = start.col + offset;
  return { file, line, col, message, hint, sourceLine: sourceLineOf(line) };
}

export { lineText };
