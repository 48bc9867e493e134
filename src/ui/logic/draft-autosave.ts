/**
 * Autosave of the open draft: a save a moment after the last edit, at once when the page is
 * hidden or left (`visibilitychange`, `pagehide`), and again every few seconds while the storage
 * refuses (the text stays on the page meanwhile, so no edit is lost).
 */
import { saveDraft, type DraftStorage, type SaveResult } from './draft-store.ts';

export const AUTOSAVE_DELAY_MS = 400;
export const RETRY_MS = 3000;

export interface AutosaveStatus {
  /** When the draft was last stored. */
  savedAt?: number;
  /** Why the last save failed; the stored copy is the one from `savedAt`. */
  error?: string;
}

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: { name: string; text: string } | undefined;

  constructor(
    private storage: DraftStorage,
    private onStatus: (status: AutosaveStatus) => void,
    private now: () => number = () => Date.now(),
  ) {}

  /** Saves `text` as draft `name` after a short quiet. */
  schedule(name: string, text: string, delay = AUTOSAVE_DELAY_MS): void {
    this.pending = { name, text };
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /** Saves what is pending now. */
  flush(): SaveResult | undefined {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    if (!pending) return undefined;
    const result = saveDraft(this.storage, pending.name, pending.text, this.now());
    if (result.ok) {
      if (this.pending === pending) this.pending = undefined;
      this.onStatus({ savedAt: result.savedAt });
    } else {
      this.onStatus({ error: result.message });
      this.timer = setTimeout(() => this.flush(), RETRY_MS);
    }
    return result;
  }

  /** Flushes when the page is hidden or left; returns the function that stops listening. */
  listen(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>): () => void {
    const onHide = () => {
      if (doc.visibilityState === 'hidden') this.flush();
    };
    const onLeave = () => this.flush();
    doc.addEventListener('visibilitychange', onHide);
    target.addEventListener('pagehide', onLeave);
    return () => {
      doc.removeEventListener('visibilitychange', onHide);
      target.removeEventListener('pagehide', onLeave);
    };
  }

  dispose(): void {
    this.flush();
    if (this.timer !== undefined) clearTimeout(this.timer);
  }
}

/** The browser's localStorage, or a storage that refuses everything when the browser denies it. */
export function browserStorage(): DraftStorage {
  try {
    const storage = window.localStorage;
    if (storage) return storage;
  } catch {
    // Denied (e.g. a private mode or a sandboxed frame): fall through.
  }
  const refuse = () => {
    throw new Error('this browser does not let the page store anything');
  };
  return { getItem: () => null, setItem: refuse, removeItem: refuse };
}
