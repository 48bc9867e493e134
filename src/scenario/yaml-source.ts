/**
 * YAML text → plain data plus a way back from a data path to `line:col`.
 * Hostile input is turned away before and after parsing, never by crashing:
 * size, nesting and the number of tokens are checked on the raw text first (screen.ts: a too-deep
 * document can abort the yaml parser, a huge one take seconds), then keys, numbers and aliases
 * are checked on the syntax tree.
 */
import { parseDocument, isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { MAX_PROBLEMS, withOverflowNote, type Problem } from './problem.ts';
import { explainParseErrors } from './indentation.ts';
import { MAX_NESTING, screenText } from './screen.ts';
import { SourceText } from './source-text.ts';

export { MAX_BYTES, MAX_NESTING } from './screen.ts';
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
  /** A problem `offset` characters into the scalar at `path` (a condition's offending token). */
  problemInScalar(path: DataPath, offset: number, message: string, hint?: string): Problem;
}

export type YamlResult = { ok: true; yaml: ParsedYaml } | { ok: false; problems: Problem[] };

/**
 * One walk over the syntax tree (yaml's `visit` allocates a path per node and was most of a
 * large file's load time): the first node nested deeper than MAX_NESTING·2, duplicate and
 * forbidden keys, numbers that are not finite, and more than MAX_ALIASES aliases — at most
 * MAX_PROBLEMS problems, then it stops.
 */
function treeProblems(source: SourceText, doc: Document): Problem[] {
  const problems: Problem[] = [];
  const full = () => problems.length >= MAX_PROBLEMS;
  let aliases = 0;
  let tooDeep: Node | undefined;
  // Anchors by name as the walk meets them (document order: an alias means the latest), and the
  // mappings and lists the walk is inside: an alias to one of those would make endless data.
  const anchors = new Map<string, unknown>();
  const inside = new Set<unknown>();
  const at = (node: { range?: readonly number[] | null } | null | undefined) => node?.range?.[0] ?? 0;
  const walk = (node: unknown, depth: number): void => {
    if (full() || tooDeep || node === null || typeof node !== 'object') return;
    if (depth > MAX_NESTING * 2) {
      tooDeep = node as Node;
      return;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined) anchors.set(anchor, node);
    if (isAlias(node)) {
      if (++aliases === MAX_ALIASES + 1) problems.push(source.problemAt(at(node), `more than ${MAX_ALIASES} aliases`, 'repeat the text instead of using so many `*aliases`'));
      if (inside.has(anchors.get(node.source))) problems.push(source.problemAt(at(node), `\`*${node.source}\` refers to a mapping or list it is itself inside`, 'that would repeat forever; write the value out here instead of the alias'));
    } else if (isScalar(node)) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
        problems.push(source.problemAt(at(node), `\`${node.source ?? String(node.value)}\` is not a finite number`, 'write an ordinary number such as `0.5` or `60`'));
      }
    } else if (isMap(node)) {
      inside.add(node);
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (full()) return;
        if (isScalar(pair.key)) {
          const key = pair.key.value;
          if (seen.has(key)) problems.push(source.problemAt(at(pair.key), 'map keys must be unique', 'each key may appear once in a mapping; remove or rename one'));
          else if (FORBIDDEN_KEYS.has(String(key))) problems.push(source.problemAt(at(pair.key), `\`${String(key)}\` is not allowed as a key`, 'rename the key; it has a special meaning in JavaScript'));
          seen.add(key);
        } else if (pair.key !== null) {
          problems.push(source.problemAt(at(pair.key as Node), 'a key must be a plain word, not a list or a mapping', 'write the key as text, like `id:`; a `? ` line starts a complex key'));
        }
        walk(pair.value, depth + 2);
      }
      inside.delete(node);
    } else if (isSeq(node)) {
      inside.add(node);
      for (const item of node.items) walk(item, depth + 1);
      inside.delete(node);
    }
  };
  walk(doc.contents, 1);
  if (tooDeep) return [source.problemAt(at(tooDeep), `nesting is deeper than ${MAX_NESTING} levels`)];
  return problems;
}

export function parseYaml(file: string, text: string): YamlResult {
  const source = new SourceText(file, text);
  const screened = screenText(source);
  if (screened) return { ok: false, problems: [screened] };

  const parsed = parseChecked(source, text);
  if (!parsed.ok) return parsed;
  const converted = toData(source, parsed.doc);
  if (!converted.ok) return converted;
  return { ok: true, yaml: locator(source, parsed.doc, converted.data) };
}

type Failed = { ok: false; problems: Problem[] };

/** The syntax tree, or the parser's errors (explained) or the tree's problems (treeProblems). */
function parseChecked(source: SourceText, text: string): { ok: true; doc: Document } | Failed {
  let doc: Document;
  try {
    // yaml's own `uniqueKeys` compares each key with every earlier one (30,000 keys took 4 s): duplicates are found below with a set.
    // Positions come from SourceText, so yaml needs no LineCounter.
    doc = withoutStackTraces(() => parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true }));
  } catch (error) {
    return { ok: false, problems: [source.problemAt(0, `the YAML parser gave up: ${(error as Error).message}`)] };
  }
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((error) => {
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      const hint = error.code === 'DUPLICATE_KEY' ? 'each key may appear once in a mapping; remove or rename one' : undefined;
      return { offset: error.pos[0], message: message.charAt(0).toLowerCase() + message.slice(1), hint };
    });
    const explained = explainParseErrors(source, errors, MAX_PROBLEMS);
    return { ok: false, problems: withOverflowNote(explained.problems, explained.problems.length + (explained.more ? 1 : 0)) };
  }

  const problems: Problem[] = [];

  problems.push(...treeProblems(source, doc));
  if (problems.length > 0) return { ok: false, problems: withOverflowNote(problems, problems.length >= MAX_PROBLEMS ? problems.length + 1 : problems.length) };
  return { ok: true, doc };
}

/** The document as plain data, which must be a mapping; aliases that expand too much are a problem. */
function toData(source: SourceText, doc: Document): { ok: true; data: unknown } | Failed {
  let data: unknown;
  try {
    data = withoutStackTraces(() => doc.toJS({ maxAliasCount: MAX_ALIASES }));
  } catch (error) {
    const firstAlias = findFirst(doc, (node) => isAlias(node));
    return { ok: false, problems: [source.problemAt(firstAlias?.range?.[0] ?? 0, `this document expands too much: ${(error as Error).message}`, 'aliases that refer to aliases multiply; write the content out instead')] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [source.problemAt(0, 'a scenario file is a mapping of keys such as `parley: 1`, `id`, `title`, `parties`, `phases`', 'start from scenarios/template.yaml')] };
  }
  return { ok: true, data };
}

/** The data with its way back from a data path to the syntax tree's nodes and so to `line:col`. */
function locator(source: SourceText, doc: Document, data: unknown): ParsedYaml {
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
    locate: (path, key) => source.position(offsetOf(path, key)),
    scalarStart(path) {
      const { node, depth } = nodeAt(path);
      if (depth !== path.length || !isScalar(node) || !node.range) return undefined;
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      return source.position(node.range[0] + (quoted ? 1 : 0));
    },
    problemAt(path, message, hint, key) {
      return source.problemAt(offsetOf(path, key), message, hint);
    },
    problemInScalar(path, offset, message, hint) {
      const start = yaml.scalarStart(path) ?? yaml.locate(path);
      return source.problemAtPosition(start.line, start.col + offset, message, hint);
    },
  };
  return yaml;
}

/**
 * yaml makes an Error per syntax problem, and capturing each one's stack was most of the time of
 * a file full of them (a line of 50,000 commas: 390 ms of 460); only their messages are kept.
 */
function withoutStackTraces<T>(work: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return work();
  } finally {
    Error.stackTraceLimit = limit;
  }
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

