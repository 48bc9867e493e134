/**
 * Mutations of the bundled scenarios, as a hostile or careless writer would make them. Seeded
 * (seedrandom): case `i` of seed `s` is the same file on every machine and every run.
 */
import seedrandom from 'seedrandom';
import { BIG_SHAPE_NAMES, BIG_SHAPES } from './big-shapes.ts';

export interface FuzzCase {
  index: number;
  base: string;
  mutations: string[];
  text: string;
}

type Rand = () => number;
type Mutation = (text: string, r: Rand) => string;

const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf', 'tostring', 'isPrototypeOf'];
const WEIRD_NUMBERS = ['1e400', '-1e400', '.inf', '-.inf', '.nan', '.NaN', 'NaN', '9000000000000000', '9007199254740993', '1e308', '-0', '0x7fffffff', '0o777', '1_000', '3651', '3650', '100000000', '-1', '-600', '0', '0.5', '2.5', '1e-320'];
const TAGS = ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!binary', '!!js/function', '!!set', '!!omap', '!!map', '!!seq', '!custom', '!<tag:yaml.org,2002:str>', '!!timestamp'];
const FLIPS = ['~', 'null', 'true', 'no', '[]', '{}', '[1, 2]', '{ a: 1 }', '""', "'x'", '-5', '0', '12', '3.7', 'text with spaces', '"60 days"', '"0 days"', 'yes'];

// Whitespace in lookbehinds is bounded (\s{0,40}, not \s*): each position would otherwise scan
// back over a whole run, and a big file of blank lines took minutes to mutate.

function lines(text: string): string[] {
  return text.split('\n');
}

/** A line that holds `key: value`, with the parts around the value. */
function valueLine(ls: string[], r: Rand): { i: number; head: string; value: string } | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const i = int(r, 0, ls.length - 1);
    const m = /^(\s*(?:- )?[\w-]+:\s+)(.+)$/.exec(ls[i]!);
    if (m) return { i, head: m[1]!, value: m[2]! };
  }
  return undefined;
}

function replaceValue(text: string, r: Rand, make: (value: string) => string): string {
  const ls = lines(text);
  const at = valueLine(ls, r);
  if (!at) return text;
  ls[at.i] = at.head + make(at.value);
  return ls.join('\n');
}

/** Replaces one token of a flow mapping or plain value (`length: 60` inside `{ … }`) too. */
function replaceNumber(text: string, r: Rand, make: () => string): string {
  const spots = [...text.matchAll(/(?<=[:[,]\s{0,40})-?\d+(?:\.\d+)?(?=\s{0,40}[,}\]\n])/g)];
  if (spots.length === 0) return text;
  const m = pick(r, spots);
  return text.slice(0, m.index) + make() + text.slice(m.index! + m[0].length);
}

function replaceId(text: string, r: Rand, make: () => string): string {
  const spots = [...text.matchAll(/(?<=(?:id|party|stock|zone|crossing|after|phase|held-by|counterpart|model|mediator|in-return-for|alongside|category|source|guarantees):\s{0,40})[a-z][a-z0-9-]*/g)];
  if (spots.length === 0) return text;
  const m = pick(r, spots);
  return text.slice(0, m.index) + make() + text.slice(m.index! + m[0].length);
}

const MUTATIONS: Record<string, Mutation> = {
  'delete line': (t, r) => { const ls = lines(t); ls.splice(int(r, 0, ls.length - 1), int(r, 1, 3)); return ls.join('\n'); },
  'duplicate line': (t, r) => { const ls = lines(t); const i = int(r, 0, ls.length - 1); ls.splice(i, 0, ...Array(int(r, 1, 3)).fill(ls[i]!)); return ls.join('\n'); },
  'swap lines': (t, r) => { const ls = lines(t); const a = int(r, 0, ls.length - 1); const b = r() < 0.5 ? Math.min(ls.length - 1, a + 1) : int(r, 0, ls.length - 1); [ls[a], ls[b]] = [ls[b]!, ls[a]!]; return ls.join('\n'); },
  'indent': (t, r) => { const ls = lines(t); const i = int(r, 0, ls.length - 1); ls[i] = r() < 0.5 ? ' '.repeat(int(r, 1, 4)) + ls[i] : ls[i]!.replace(/^ {1,4}/, ''); return ls.join('\n'); },
  'tab indent': (t, r) => { const ls = lines(t); const i = int(r, 0, ls.length - 1); ls[i] = ls[i]!.replace(/^ +/, '\t'); return ls.join('\n'); },
  'type flip': (t, r) => replaceValue(t, r, () => pick(r, FLIPS)),
  'weird number': (t, r) => replaceNumber(t, r, () => pick(r, WEIRD_NUMBERS)),
  'huge count': (t, r) => replaceNumber(t, r, () => pick(r, ['1000000000', '1000000001', '99999999999', '3650', '3651', '100000', '1e9', '1e15'])),
  'small number': (t, r) => replaceNumber(t, r, () => String(int(r, -3, 400))),
  'nan word': (t, r) => replaceValue(t, r, () => pick(r, ['.nan', '.inf', '-.inf', 'NaN', 'Infinity', '1e400'])),
  'proto id': (t, r) => replaceId(t, r, () => pick(r, PROTO_NAMES)),
  'proto key': (t, r) => { const ls = lines(t); const at = valueLine(ls, r); if (!at) return t; ls[at.i] = at.head.replace(/[\w-]+(?=:)/, pick(r, PROTO_NAMES)) + at.value; return ls.join('\n'); },
  'other id': (t, r) => { const ids = [...t.matchAll(/(?<=id:\s{0,40})[a-z][a-z0-9-]*/g)].map((m) => m[0]); return ids.length ? replaceId(t, r, () => pick(r, ids)) : t; },
  'proto in condition': (t, r) => t.replace(/((?:when|requires|while|withdraw-when):\s*"?)/, `$1${pick(r, ['constructor > 0 or ', 'held(constructor) > 0 and ', 'toString(a) or ', '__proto__ == 1 or ', 'done(constructor) or ', 'held(captives.constructor) > 0 or '])}`),
  'condition noise': (t, r) => t.replace(/((?:when|requires|while|withdraw-when):\s*"?)/, `$1${pick(r, ['(', ')', 'not ', '((((((((((', '1 / 0 > ', 'day - ', '= ', 'and ', '9e999 > ', 'x.y.z ', '"'])}`),
  'anchor and alias': (t, r) => { const ls = lines(t); const at = valueLine(ls, r); const to = valueLine(ls, r); if (!at || !to) return t; ls[at.i] = `${at.head}&x ${at.value}`; ls[to.i] = `${to.head}*x`; return ls.join('\n'); },
  'alias without anchor': (t, r) => replaceValue(t, r, () => '*nowhere'),
  'merge key': (t, r) => { const ls = lines(t); const i = int(r, 0, ls.length - 1); const indent = /^\s*/.exec(ls[i]!)![0]; ls.splice(i, 0, `${indent}<<: { x: 1 }`); return ls.join('\n'); },
  'tag': (t, r) => replaceValue(t, r, (v) => `${pick(r, TAGS)} ${v}`),
  'deep flow nesting': (t, r) => { const d = int(r, 2, r() < 0.3 ? 5000 : 80); return replaceValue(t, r, () => '['.repeat(d) + '1' + ']'.repeat(d)); },
  'deep block nesting': (t, r) => { const d = int(r, 2, 300); const ls = lines(t); ls.splice(int(r, 0, ls.length), 0, ...Array.from({ length: d }, (_, k) => `${' '.repeat(k)}k:`), `${' '.repeat(d)}1`); return ls.join('\n'); },
  'deep condition': (t, r) => { const d = int(r, 20, 3000); return t.replace(/((?:when|requires|while):\s*)"?[^"\n]*"?/, `$1"${'('.repeat(d)}true${')'.repeat(d)}"`); },
  'long phase with daily obligation': (t, r) => t.replace(/length: [^,}\n]+/, `length: ${pick(r, ['3650', '3651', '100000000', '9000000000000000'])}`).replace(/\bday: \d+/, 'every: 1'),
  'zero extension': (t, r) => t.replace(/days: \d+( days)?/, pick(r, ['days: 0', 'days: "0 days"', 'days: -1', 'days: 3650'])),
  'negative count': (t, r) => t.replace(/(count|quantity|trucks|people): (\d+)/, (_m, k) => `${k}: ${pick(r, ['-5', '-1', '1.5', '-1000000'])}`),
  'BOM': (t) => `\uFEFF${t}`,
  'CRLF': (t) => t.replace(/\n/g, '\r\n'),
  'lone CR': (t, r) => { const ls = lines(t); const i = int(r, 0, ls.length - 1); ls[i] = ls[i] + '\r'; return ls.join('\n'); },
  'NUL byte': (t, r) => { const i = int(r, 0, t.length); return t.slice(0, i) + pick(r, ['\u0000', '\u0001', '\u001b', '\u007f', '\uFFFD', '\uD800']) + t.slice(i); },
  'very long line': (t, r) => { const n = pick(r, [1_000, 10_000, 100_000, 500_000, 990_000]); return replaceValue(t, r, () => pick(r, ['x', '"x', 'a b ', '9'])!.repeat(Math.ceil(n / 2))); },
  'many lines': (t, r) => { const block = /obligations:\n([\s\S]*?)(?=\n\S|$)/.exec(t)?.[1]; if (!block) return t; const copies = int(r, 2, r() < 0.2 ? 60 : 8); let i = 0; return t.replace(block, Array.from({ length: copies }, () => block.replace(/id: ([a-z0-9-]+)/g, (_m, id) => `id: ${id}-c${i++}`)).join('\n')); },
  'truncate': (t, r) => t.slice(0, int(r, 0, t.length)),
  'byte flip': (t, r) => { const i = int(r, 0, Math.max(0, t.length - 1)); return t.slice(0, i) + pick(r, [':', '-', '{', '}', '[', ']', ',', '"', "'", '#', '&', '*', '!', '|', '>', '%', '@', '`', '?', ' ', '\t']) + t.slice(i + 1); },
  'document markers': (t, r) => pick(r, [`---\n${t}`, `${t}\n---\n${t}`, `%YAML 1.1\n---\n${t}`, `${t}\n...\n`]),
  'empty': () => '',
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/**
 * Case `index` of `seed`. With `bigShare` > 0, that share of the cases is instead a big file of one
 * of the shapes in big-shapes.ts (20 KB to 1 MB), given 0 to 2 mutations; with 0, cases are what
 * they were before big files were added (a seed's earlier campaigns can be replayed).
 */
export function generateCase(seed: string, index: number, bases: readonly { name: string; text: string }[], bigShare = 0): FuzzCase {
  const r = seedrandom(`${seed}:${index}`);
  if (bigShare > 0 && r() < bigShare) {
    const shape = pick(r, BIG_SHAPE_NAMES);
    return mutate({ index, base: `big: ${shape}`, mutations: [], text: BIG_SHAPES[shape]!(int(r, 20_000, 1_000_000)) }, r, int(r, 0, 2), BIG_CASE_MUTATIONS);
  }
  const base = pick(r, bases);
  return mutate({ index, base: base.name, mutations: [], text: base.text }, r, r() < 0.6 ? 1 : int(r, 2, 4), MUTATION_NAMES);
}

/** `many lines` would copy a big file's list up to 60 times: tens of MB that only test the size limit. */
const BIG_CASE_MUTATIONS = MUTATION_NAMES.filter((name) => name !== 'many lines');

function mutate(start: FuzzCase, r: Rand, n: number, names: readonly string[]): FuzzCase {
  let text = start.text;
  const mutations: string[] = [];
  for (let k = 0; k < n; k++) {
    const name = pick(r, names);
    text = MUTATIONS[name]!(text, r);
    mutations.push(name);
  }
  return { ...start, mutations, text };
}
