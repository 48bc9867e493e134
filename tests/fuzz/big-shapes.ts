/**
 * Scenario files near the 1 MB limit, one per shape that makes a YAML file big: many small
 * mappings, many keys, one huge sequence, long lines, long flow collections, many anchors, many
 * comments, duplicated blocks. Each is made up to `bytes` characters (a little under), so the
 * loader's cost can be measured per shape and size (`npm run bench`, `npm run fuzz`).
 */
import { countText, MAX_BYTES, MAX_TOKENS } from '../../src/scenario/screen.ts';

export const HEAD = 'parley: 1\nid: big\ntitle: Big\nparties:\n  a: { role: principal }\n  b: { role: principal }\n';
const PHASE = 'phases:\n  - { id: truce, length: 3650 }\n';

/** Lines from `line(i)`, i = 0, 1, …, for as long as the text stays within `bytes`. */
function fill(head: string, bytes: number, line: (i: number) => string, tail = ''): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let i = 0; ; i++) {
    const next = line(i);
    if (size + next.length > bytes) break;
    parts.push(next);
    size += next.length;
  }
  parts.push(tail);
  return parts.join('');
}

const WORDS = 'the parties agree to a phased release of captives and prisoners with aid admitted daily '.split(' ').filter(Boolean);
const prose = (i: number, n: number) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');

export const BIG_SHAPES: Record<string, (bytes: number) => string> = {
  /** 20,000 one-line obligations. */
  'many flow mappings': (bytes) => fill(`${HEAD}${PHASE}obligations:\n`, bytes, (i) => `  - { id: o${i}, kind: generic, party: ${i % 2 ? 'a' : 'b'}, day: ${1 + (i % 3650)} }\n`),
  /** The same as block mappings, one key a line. */
  'many block mappings': (bytes) => fill(`${HEAD}${PHASE}obligations:\n`, bytes, (i) => `  - id: o${i}\n    kind: generic\n    party: ${i % 2 ? 'a' : 'b'}\n    day: ${1 + (i % 3650)}\n    text: ${prose(i, 4)}\n`),
  /** One mapping with tens of thousands of keys. */
  'many keys': (bytes) => fill(`${HEAD}${PHASE}sources:\n`, bytes, (i) => `  s${i}: { url: https://example.org/${i}, note: ${prose(i, 3)} }\n`),
  /** One block sequence of small numbers, a line each. */
  'huge block sequence': (bytes) => fill(`${HEAD}${PHASE}obligations:\n  - id: o\n    kind: generic\n    party: a\n    days:\n`, bytes, (i) => `      - ${1 + (i % 3650)}\n`),
  /** The same sequence written on one line: `days: [1, 2, …]`. */
  'huge flow sequence': (bytes) => fill(`${HEAD}${PHASE}obligations:\n  - { id: o, kind: generic, party: a, days: [`, bytes, (i) => `${i ? ', ' : ''}${1 + (i % 3650)}`, '] }\n'),
  /** A flow mapping of many keys on one line. */
  'long flow mapping': (bytes) => fill(`${HEAD}${PHASE}sources: {`, bytes, (i) => `${i ? ', ' : ' '}s${i}: { url: u${i} }`, ' }\n'),
  /** One plain scalar almost 1 MB long. */
  'long plain line': (bytes) => fill(`${HEAD}${PHASE}summary: `, bytes, (i) => `${WORDS[i % WORDS.length]} `, 'end\n'),
  /** One double-quoted scalar with escapes. */
  'long quoted line': (bytes) => fill(`${HEAD}${PHASE}summary: "`, bytes, (i) => (i % 10 === 9 ? '\\u00e9\\n ' : `${WORDS[i % WORDS.length]} `), '"\n'),
  /** A folded block scalar of many lines. */
  'long block scalar': (bytes) => fill(`${HEAD}${PHASE}summary: >-\n`, bytes, (i) => `  ${prose(i, 12)}\n`),
  /** Every value anchored (aliases are bounded separately). */
  'many anchors': (bytes) => fill(`${HEAD}${PHASE}sources:\n`, bytes, (i) => `  s${i}: &a${i} { url: &n${i} ${prose(i, 2)} }\n`),
  /** Comment lines, the rest of the file small. */
  'many comments': (bytes) => fill(`${HEAD}${PHASE}# comments\n`, bytes, (i) => `# ${prose(i, 10)}\n`, 'summary: x\n'),
  /** A bundled scenario's obligations copied with fresh ids, as the fuzzer's `many lines` does. */
  'duplicated blocks': (bytes) => fill(`${HEAD}${PHASE}obligations:\n`, bytes, (i) => `  - id: o${i}\n    kind: generic\n    party: a\n    day: 3\n    # copy ${i}\n    text: "${prose(i, 6)}"\n    source: s\n`, 'sources:\n  s: { url: x }\n'),
  /** Blank lines: each line break is a token to yaml. */
  'blank lines': (bytes) => fill(`${HEAD}${PHASE}`, bytes, () => '\n', 'summary: x\n'),
  /** List items with nothing in them. */
  'empty items': (bytes) => fill(`${HEAD}${PHASE}obligations:\n`, bytes, () => '-\n'),
  /** A flow sequence of commas only: a syntax error per comma. */
  'commas': (bytes) => fill(`${HEAD}${PHASE}summary: [`, bytes, () => ',', ']\n'),
  /** Anchors and tags piled on one value: a syntax error per pile. */
  'piled anchors and tags': (bytes) => fill(`${HEAD}${PHASE}summary: `, bytes, (i) => (i % 2 ? '&a ' : '!t '), 'x\n'),
};

export const BIG_SHAPE_NAMES = Object.keys(BIG_SHAPES);

/**
 * The shape at the largest size (to within 1 KB) whose token estimate stays within MAX_TOKENS,
 * so the pre-screen lets it through to the parser: the most work a file of that shape can ask.
 */
export function largestUnderTokenBound(make: (bytes: number) => string): string {
  const fits = (bytes: number) => countText(make(bytes)).tokenEstimate <= MAX_TOKENS;
  if (fits(MAX_BYTES)) return make(MAX_BYTES);
  let [lo, hi] = [0, MAX_BYTES];
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return make(lo);
}
