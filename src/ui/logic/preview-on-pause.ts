/**
 * The editor's preview: redrawn once typing pauses, so drawing it never holds up a keystroke; the
 * first version of a draft that loads is drawn at once, so an edit straight after opening never
 * leaves it empty.
 */
import { useEffect, useRef, useState } from 'react';
import type { DraftCheck } from './editor-check.ts';

/** Quiet after a check before the preview (timeline, statechart, quick batch) is redrawn. */
const PREVIEW_DELAY_MS = 700;

export interface Checked {
  check: DraftCheck;
  text: string;
}

/** `draftVersion` changes when another draft opens: its first loading version is drawn at once too. */
export function usePreviewOnPause(draftVersion: number | undefined) {
  const [loaded, setLoaded] = useState<Checked>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const loadedOnce = useRef(false);
  useEffect(() => {
    loadedOnce.current = false;
  }, [draftVersion]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    loaded,
    /** A check came back: a text that loads becomes the preview, now or when typing pauses. */
    checked(result: Checked) {
      clearTimeout(timer.current);
      if (!result.check.scenario) return;
      if (loadedOnce.current) timer.current = setTimeout(() => setLoaded(result), PREVIEW_DELAY_MS);
      else setLoaded(result);
      loadedOnce.current = true;
    },
    /** A keystroke: a pending redraw waits for the next pause. */
    typed() {
      clearTimeout(timer.current);
    },
  };
}
