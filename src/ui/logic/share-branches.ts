/**
 * Every branch of a comparison in a shared address, compactly: one `b` parameter per branch, in
 * the order of the branch list. The branch on screen is still described by the address's own
 * `seed`, `at`, `c`, `set` and `rec` (so a reader of the old format sees it); its `b` entry only
 * names it and says where it began. A `b` entry is `<name>` followed by fields, each after a `~`:
 *
 * | field | meaning |
 * |---|---|
 * | `!` | the branch on screen (its settings are the address's own) |
 * | `a17` | decisions answered |
 * | `c3v12c` | choices: decision 3 violate, decision 12 comply (`c` comply, `d` delay, `p` partial, `v` violate, `r` refuse) |
 * | `s<seed>` | its seed, when not the address's `seed` (`%` and `~` escaped as `%25`, `%7E`) |
 * | `p<name>:<value>,…` | its changed assumptions, when not the address's `set` (`p` alone: none) |
 * | `rend`, `r16` | it follows the record to its end, or through day 16 |
 * | `oA.12`, `oA*12`, `o'<text>` | it began as a fork of A on day 12, from day 12 of A, or as the text says (escaped as a seed); absent: from the start (or the record, by `r`) |
 */
import { RESPONSES, type Response } from '../../engine/index.ts';
import type { RecordFollow } from './share-url.ts';

/** One branch of a shared comparison. */
export interface BranchShare {
  name: string;
  /** The branch on screen: its seed, assumptions, choices, position and record come from the address itself. */
  active?: true;
  /** Absent: the address's seed. */
  seed?: string;
  /** Absent: the address's assumptions. */
  params?: Readonly<Record<string, number>>;
  choices: Readonly<Record<number, Response>>;
  at: number;
  follow?: RecordFollow;
  /** How the branch began (see `originText`); absent: from the start, or from the record it follows. */
  origin?: BranchOrigin;
}

export type BranchOrigin = { fork: string; day: number } | { from: string; day: number } | { text: string };

const LETTER: Readonly<Record<Response, string>> = { comply: 'c', delay: 'd', partial: 'p', violate: 'v', refuse: 'r' };
const BY_LETTER = new Map(RESPONSES.map((r) => [LETTER[r], r] as const));

const escapeText = (text: string) => text.replace(/%/g, '%25').replace(/~/g, '%7E');
const unescapeText = (text: string) => text.replace(/%7E/gi, '~').replace(/%25/g, '%');

/** The origin as the branch list shows it ("A on day 12"), and back. */
export function originText(origin: BranchOrigin): string {
  if ('fork' in origin) return `${origin.fork} on day ${origin.day}`;
  if ('from' in origin) return `${origin.from} at day ${origin.day}`;
  return origin.text;
}

export function parseOrigin(text: string): BranchOrigin {
  const m = /^([A-Z]+) (on|at) day (\d+)$/.exec(text);
  if (!m) return { text };
  return m[2] === 'on' ? { fork: m[1]!, day: Number(m[3]) } : { from: m[1]!, day: Number(m[3]) };
}

function originField(origin: BranchOrigin): string {
  if ('fork' in origin) return `o${origin.fork}.${origin.day}`;
  if ('from' in origin) return `o${origin.from}*${origin.day}`;
  return `o'${escapeText(origin.text)}`;
}

/** A `b` entry's text (not yet URL-encoded). */
export function encodeBranch(b: BranchShare): string {
  const fields = [b.name];
  if (b.active) fields.push('!');
  else {
    fields.push(`a${b.at}`);
    const choices = Object.entries(b.choices).map(([n, r]) => [Number(n), r] as const).sort((x, y) => x[0] - y[0]);
    if (choices.length > 0) fields.push(`c${choices.map(([n, r]) => `${n}${LETTER[r]}`).join('')}`);
    if (b.seed !== undefined) fields.push(`s${escapeText(b.seed)}`);
    if (b.params !== undefined) fields.push(`p${Object.entries(b.params).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => `${k}:${v}`).join(',')}`);
    if (b.follow !== undefined) fields.push(`r${b.follow}`);
  }
  if (b.origin) fields.push(originField(b.origin));
  return fields.join('~');
}

/** Reads a `b` entry; what it cannot read goes to `problems` (the branch is dropped only if its name is unreadable). */
export function decodeBranch(text: string, problems: string[]): BranchShare | undefined {
  const [name, ...fields] = text.split('~');
  if (name === undefined || !/^[A-Z]{1,3}$/.test(name)) {
    problems.push(`the branch \`${text}\` does not start with a branch name (A, B, …)`);
    return undefined;
  }
  const b: { -readonly [K in keyof BranchShare]: BranchShare[K] } = { name, choices: {}, at: 0 };
  for (const field of fields) if (!readField(b, field)) problems.push(`branch ${name}: the part \`${field}\` is not understood`);
  return b;
}

function readField(b: { -readonly [K in keyof BranchShare]: BranchShare[K] }, field: string): boolean {
  const key = field.charAt(0);
  const value = field.slice(1);
  switch (key) {
    case '!': b.active = true; return value === '';
    case 'a': b.at = Number(value); return /^\d+$/.test(value);
    case 'c': return readChoices(b, value);
    case 's': b.seed = unescapeText(value); return value !== '';
    case 'p': return readParams(b, value);
    case 'r': return readFollow(b, value);
    case 'o': return readOrigin(b, value);
    default: return false;
  }
}

function readChoices(b: { choices: BranchShare['choices'] }, value: string): boolean {
  const choices: Record<number, Response> = {};
  const parts = value.match(/\d+[a-z]/g) ?? [];
  if (parts.join('') !== value) return false;
  for (const part of parts) {
    const response = BY_LETTER.get(part.slice(-1));
    if (!response) return false;
    choices[Number(part.slice(0, -1))] = response;
  }
  b.choices = choices;
  return true;
}

function readParams(b: { params?: BranchShare['params'] }, value: string): boolean {
  const params: Record<string, number> = {};
  for (const part of value === '' ? [] : value.split(',')) {
    const [k, v] = part.split(':');
    if (!k || v === undefined || v.trim() === '' || !Number.isFinite(Number(v))) return false;
    params[k] = Number(v);
  }
  b.params = params;
  return true;
}

function readFollow(b: { follow?: RecordFollow }, value: string): boolean {
  if (value === 'end') b.follow = 'end';
  else if (/^\d+$/.test(value)) b.follow = Number(value);
  else return false;
  return true;
}

function readOrigin(b: { origin?: BranchOrigin }, value: string): boolean {
  if (value.startsWith("'")) {
    b.origin = { text: unescapeText(value.slice(1)) };
    return true;
  }
  const m = /^([A-Z]{1,3})([.*])(\d+)$/.exec(value);
  if (!m) return false;
  b.origin = m[2] === '.' ? { fork: m[1]!, day: Number(m[3]) } : { from: m[1]!, day: Number(m[3]) };
  return true;
}
