/**
 * The shareable address of a run: `#/run/<scenario>?seed=…&at=…&play=…&rec=…&c=…&set=…`.
 * `at` is the number of decisions answered (the position), `c` the choices a person made
 * (`decision:response`), `set` the parameters changed from their defaults (`name:value`), `rec`
 * how the run follows the scenario's record (`end`: as it happened; `16`: through day 16, then
 * the models). A link without `rec` is a run under the models, as links were before records.
 * `debrief=1` opens the run's debrief (at the end of the run) instead of the stepper.
 * With the engine's determinism, these reopen exactly the same run. With two or more branches,
 * one `b` per branch lists them all (share-branches.ts), so the link reopens the comparison.
 */
import { RESPONSES, type Response } from '../../engine/index.ts';
import { decodeBranch, encodeBranch, type BranchShare } from './share-branches.ts';

export interface ShareState {
  scenario: string;
  seed: string;
  params: Readonly<Record<string, number>>;
  choices: Readonly<Record<number, Response>>;
  /** Decisions answered. */
  at: number;
  /** The party the reader plays, if any. */
  play?: string;
  /** Follow the record through this day (`end`: to its end), then the models; absent: the models throughout. */
  follow?: RecordFollow;
  /** Open the debrief of the run rather than the stepper. */
  debrief?: boolean;
  /** Every branch of the comparison, in order, when there are two or more (the one on screen marked `active`). */
  branches?: readonly BranchShare[];
}

/** How a run follows the scenario's record: through day N, or to its end (as it happened). */
export type RecordFollow = number | 'end';

export type Route =
  | { page: 'library' }
  /** The analyst's lab, on a scenario if one is named. */
  | { page: 'lab'; scenario?: string }
  /** The scenario editor, on a named draft or on a draft shared in the address (compressed text). */
  | { page: 'edit'; draft?: string; shared?: string }
  | { page: 'run'; scenario: string; share: Partial<ShareState>; problems: string[] };

export function encodeShare(s: ShareState): string {
  const q = new URLSearchParams();
  q.set('seed', s.seed);
  q.set('at', String(s.at));
  if (s.play) q.set('play', s.play);
  if (s.follow !== undefined) q.set('rec', String(s.follow));
  const choices = Object.entries(s.choices)
    .map(([n, r]) => [Number(n), r] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([n, r]) => `${n}:${r}`);
  if (choices.length > 0) q.set('c', choices.join(','));
  const params = Object.entries(s.params).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}:${v}`);
  if (params.length > 0) q.set('set', params.join(','));
  if (s.debrief) q.set('debrief', '1');
  const readable = (text: string) => text.replace(/%3A/g, ':').replace(/%2C/g, ',');
  const branches = (s.branches ?? []).map((b) => `&b=${readable(encodeURIComponent(encodeBranch(b)))}`).join('');
  return `#/run/${encodeURIComponent(s.scenario)}?${readable(q.toString())}${branches}`;
}

export const LIBRARY_HASH = '#/';
export const EDIT_HASH = '#/edit';

/** The lab's address, on a scenario: `#/lab/<scenario>`. */
export function labHash(scenario?: string): string {
  return scenario ? `#/lab/${encodeURIComponent(scenario)}` : '#/lab';
}

/** The editor's address: `#/edit`, `#/edit/<draft>`, or a shared draft `#/edit/share/<text>`. */
export function editHash(edit: { draft?: string; shared?: string }): string {
  if (edit.shared !== undefined) return `#/edit/share/${edit.shared}`;
  return edit.draft ? `#/edit/${encodeURIComponent(edit.draft)}` : '#/edit';
}

/** Reads a location hash. Anything unreadable in it is reported, never thrown. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#/, '');
  const edit = /^\/edit(?:\/share\/([\w-]+)|\/([^?/]+))?\/?$/.exec(body);
  if (edit) return edit[1] !== undefined ? { page: 'edit', shared: edit[1] } : edit[2] ? { page: 'edit', draft: safeDecode(edit[2]) } : { page: 'edit' };
  const lab = /^\/lab(?:\/([^?/]+))?\/?$/.exec(body);
  if (lab) return lab[1] ? { page: 'lab', scenario: safeDecode(lab[1]) } : { page: 'lab' };
  const match = /^\/run\/([^?]+)(?:\?(.*))?$/.exec(body);
  if (!match) return { page: 'library' };
  const scenario = safeDecode(match[1]!);
  const q = new URLSearchParams(match[2] ?? '');
  const problems: string[] = [];
  const share: Partial<ShareState> = {};
  const seed = q.get('seed');
  if (seed !== null && seed.trim() !== '') share.seed = seed;
  const at = q.get('at');
  if (at !== null) {
    if (/^\d+$/.test(at)) share.at = Number(at);
    else problems.push(`the position \`at=${at}\` is not a whole number`);
  }
  const play = q.get('play');
  if (play) share.play = play;
  const rec = q.get('rec');
  if (rec !== null) {
    if (rec === 'end') share.follow = 'end';
    else if (/^\d+$/.test(rec)) share.follow = Number(rec);
    else problems.push(`the record setting \`rec=${rec}\` is not \`end\` or a day number`);
  }
  const c = q.get('c');
  if (c) {
    const choices: Record<number, Response> = {};
    for (const part of c.split(',')) {
      const [n, r] = part.split(':');
      if (n !== undefined && /^\d+$/.test(n) && (RESPONSES as readonly string[]).includes(r ?? '')) choices[Number(n)] = r as Response;
      else problems.push(`the choice \`${part}\` is not \`decision:response\``);
    }
    share.choices = choices;
  }
  const set = q.get('set');
  if (set) {
    const params: Record<string, number> = {};
    for (const part of set.split(',')) {
      const [k, v] = part.split(':');
      const value = Number(v);
      if (k && v !== undefined && v.trim() !== '' && Number.isFinite(value)) params[k] = value;
      else problems.push(`the parameter \`${part}\` is not \`name:number\``);
    }
    share.params = params;
  }
  const debrief = q.get('debrief');
  if (debrief === '1') share.debrief = true;
  else if (debrief !== null) problems.push(`the debrief setting \`debrief=${debrief}\` is not \`1\``);
  const branches = q.getAll('b').flatMap((text) => decodeBranch(text, problems) ?? []);
  if (branches.length > 0) share.branches = branches;
  return { page: 'run', scenario, share, problems };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
