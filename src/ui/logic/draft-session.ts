/**
 * The editor's open draft: which draft the address names (or the last one, or a new one from the
 * template), new drafts from text (template, bundled scenario, file, paste, drop, shared link),
 * renaming and deleting, and the autosave of every edit.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Autosave, browserStorage, type AutosaveStatus } from './draft-autosave.ts';
import { sharedText } from './draft-share.ts';
import { deleteDraft, freeDraftName, lastDraft, listDrafts, readDraft, saveDraft, type DraftInfo, type DraftStorage } from './draft-store.ts';

export interface OpenDraft {
  name: string;
  /** The text the editor opened with; edits go to `textRef` and the autosave. */
  initialText: string;
  /** Bumped whenever the editor must be rebuilt on another text. */
  version: number;
}

export interface DraftSession {
  draft?: OpenDraft;
  drafts: DraftInfo[];
  status: AutosaveStatus;
  notice?: string;
  textRef: { current: string };
  edited(text: string): void;
  create(text: string, wantedName: string): void;
  open(name: string): void;
  rename(wanted: string): void;
  remove(): void;
  flush(): void;
  dismiss(): void;
}

/** The name a text suggests for its draft: its `id:`, else `fallback`. */
export function suggestedName(text: string, fallback: string): string {
  return /^id:\s*([a-z][a-z0-9-]*)\s*(?:#.*)?$/m.exec(text)?.[1] ?? fallback;
}

let versions = 0;

export function useDraftSession(route: { draft?: string; shared?: string }, navigate: (draft: string) => void, templateText: string): DraftSession {
  const storage = useMemo(() => browserStorage(), []);
  const shownName = useRef<string | undefined>(undefined);
  const [draft, setDraft] = useState<OpenDraft>();
  const [status, setStatus] = useState<AutosaveStatus>({});
  const [notice, setNotice] = useState<string>();
  const [drafts, setDrafts] = useState<DraftInfo[]>(() => listDrafts(storage));
  const textRef = useRef('');
  const autosave = useAutosave(storage, setStatus, setDrafts);

  const show = useCallback(
    (name: string, text: string) => {
      textRef.current = text;
      shownName.current = name;
      setDraft({ name, initialText: text, version: ++versions });
      if (route.draft !== name) navigate(name);
    },
    [navigate, route.draft],
  );
  const create = useCallback(
    (text: string, wantedName: string) => {
      autosave.flush();
      const name = freeDraftName(storage, wantedName);
      const saved = saveDraft(storage, name, text, Date.now());
      setStatus(saved.ok ? { savedAt: saved.savedAt } : { error: saved.message });
      setDrafts(listDrafts(storage));
      show(name, text);
    },
    [autosave, show, storage],
  );
  const open = useCallback(
    (name: string) => {
      autosave.flush();
      const text = readDraft(storage, name);
      if (text !== undefined) show(name, text);
    },
    [autosave, show, storage],
  );

  useOpenFromRoute(route, { storage, shownName, show, create, setNotice, templateText });

  return {
    draft,
    drafts,
    status,
    ...(notice !== undefined ? { notice } : {}),
    textRef,
    edited(text) {
      textRef.current = text;
      if (draft) autosave.schedule(draft.name, text);
    },
    create,
    open,
    rename(wanted) {
      if (!draft || wanted === draft.name) return;
      autosave.flush();
      const name = freeDraftName(storage, wanted);
      const saved = saveDraft(storage, name, textRef.current, Date.now());
      if (!saved.ok) return setStatus({ error: saved.message });
      deleteDraft(storage, draft.name);
      setDrafts(listDrafts(storage));
      shownName.current = name;
      setDraft({ ...draft, name });
      navigate(name);
    },
    remove() {
      if (!draft) return;
      deleteDraft(storage, draft.name);
      const rest = listDrafts(storage);
      setDrafts(rest);
      if (rest[0]) open(rest[0].name);
      else create(templateText, suggestedName(templateText, 'my-truce'));
    },
    flush: () => void autosave.flush(),
    dismiss: () => setNotice(undefined),
  };
}

/** The autosave of the session's storage: flushed when the page is hidden, stopped on unmount. */
function useAutosave(storage: DraftStorage, setStatus: (s: AutosaveStatus) => void, setDrafts: (d: DraftInfo[]) => void): Autosave {
  const autosave = useMemo(
    () =>
      new Autosave(storage, (s) => {
        setStatus(s);
        if (s.savedAt !== undefined) setDrafts(listDrafts(storage));
      }),
    [storage, setStatus, setDrafts],
  );
  useEffect(() => autosave.listen(window, document), [autosave]);
  useEffect(() => () => autosave.dispose(), [autosave]);
  return autosave;
}

interface RouteOpeners {
  storage: DraftStorage;
  shownName: { current: string | undefined };
  show(name: string, text: string): void;
  create(text: string, wantedName: string): void;
  setNotice(notice: string): void;
  templateText: string;
}

/** Opens what the address names: a shared link's text, a stored draft, the last one, or a new one from the template. */
function useOpenFromRoute(route: { draft?: string; shared?: string }, { storage, shownName, show, create, setNotice, templateText }: RouteOpeners): void {
  const handledRoute = useRef<string | undefined>(undefined);
  useEffect(() => {
    const wanted = route.shared !== undefined ? `share:${route.shared}` : `draft:${route.draft ?? ''}`;
    if (handledRoute.current === wanted || (route.draft !== undefined && route.draft === shownName.current)) return;
    handledRoute.current = wanted;
    // Reading the browser's drafts (or a shared link) is outside React: the result arrives as a task.
    void Promise.resolve().then(async () => {
      if (route.shared !== undefined) {
        try {
          const text = await sharedText(route.shared);
          create(text, suggestedName(text, 'shared'));
        } catch (error) {
          setNotice((error as Error).message);
        }
        return;
      }
      const name = route.draft ?? lastDraft(storage);
      const text = name !== undefined ? readDraft(storage, name) : undefined;
      if (name !== undefined && text !== undefined) return show(name, text);
      if (route.draft !== undefined) setNotice(`There is no draft named \`${route.draft}\` in this browser: a new one starts from the template.`);
      create(templateText, suggestedName(templateText, 'my-truce'));
    });
    // Only a change of address opens another draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [route.draft, route.shared]);
}
