/**
 * Drafts of scenarios kept in the browser (localStorage): one entry per named draft and an index
 * of names with when each was saved. Writing never throws: a full or refused storage returns a
 * failure (the stored copy stays as it was) so the editor can warn and keep the text on the page.
 */

/** The part of `Storage` drafts use (a test may hand in one that fails). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface DraftInfo {
  name: string;
  savedAt: number;
}

const INDEX = 'parley.drafts';
const LAST = 'parley.drafts.last';
const key = (name: string) => `parley.draft.${name}`;

/** A draft name is an id: lower-case words joined by hyphens (it goes into the address). */
export function draftName(wanted: string): string {
  const slug = wanted.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^(\d)/, 'd$1');
  return slug === '' ? 'draft' : slug.slice(0, 60).replace(/-+$/, '');
}

/** `wanted` made a draft name that is not taken yet (`my-truce`, `my-truce-2`, …). */
export function freeDraftName(storage: DraftStorage, wanted: string): string {
  const base = draftName(wanted);
  const taken = new Set(listDrafts(storage).map((d) => d.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

function read(storage: DraftStorage, name: string): string | null {
  try {
    return storage.getItem(name);
  } catch {
    return null;
  }
}

/** The drafts, most recently saved first. */
export function listDrafts(storage: DraftStorage): DraftInfo[] {
  try {
    const parsed: unknown = JSON.parse(read(storage, INDEX) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((d): d is DraftInfo => !!d && typeof d === 'object' && typeof (d as DraftInfo).name === 'string' && typeof (d as DraftInfo).savedAt === 'number')
      .sort((a, b) => b.savedAt - a.savedAt);
  } catch {
    return [];
  }
}

export function readDraft(storage: DraftStorage, name: string): string | undefined {
  return read(storage, key(name)) ?? undefined;
}

/** The draft opened last (what `#/edit` reopens). */
export function lastDraft(storage: DraftStorage): string | undefined {
  const name = read(storage, LAST);
  return name !== null && readDraft(storage, name) !== undefined ? name : listDrafts(storage)[0]?.name;
}

export type SaveResult = { ok: true; savedAt: number } | { ok: false; message: string };

/** Saves the text under `name` (and makes it the last draft); on failure nothing stored changes. */
export function saveDraft(storage: DraftStorage, name: string, text: string, now: number): SaveResult {
  const index = listDrafts(storage).filter((d) => d.name !== name);
  try {
    storage.setItem(key(name), text);
    storage.setItem(INDEX, JSON.stringify([{ name, savedAt: now }, ...index]));
    storage.setItem(LAST, name);
    return { ok: true, savedAt: now };
  } catch (error) {
    return { ok: false, message: (error as Error)?.message || String(error) };
  }
}

export function deleteDraft(storage: DraftStorage, name: string): void {
  try {
    storage.removeItem(key(name));
    storage.setItem(INDEX, JSON.stringify(listDrafts(storage).filter((d) => d.name !== name)));
  } catch {
    // Storage refused: the draft stays listed; nothing is lost.
  }
}

/** The scenario id a draft runs under in the stepper and the lab (apart from the bundled ids). */
export function draftScenarioId(name: string): string {
  return `draft-${name}`;
}
