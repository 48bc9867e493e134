import { memo } from 'react';
import type { DraftCheck } from '../logic/editor-check.ts';
import type { EditorClient } from '../logic/editor-client.ts';
import { EditorPreview } from './EditorPreview.tsx';
import { EditorQuickBatch } from './EditorQuickBatch.tsx';

/**
 * The preview of the last text that loaded: timeline, statechart, quick batch. Memoised: a check
 * that comes back while typing re-renders the page, and redrawing an unchanged preview on each
 * one was the long task a slow typist felt.
 */
export const EditorSide = memo(function EditorSide({ loaded, stale, file, runner }: { loaded?: { check: DraftCheck; text: string }; stale: boolean; file: string; runner: EditorClient }) {
  const scenario = loaded?.check.scenario;
  if (!loaded || !scenario) {
    return (
      <section className="panel" aria-label="Preview">
        <p className="hint">The preview shows the draft once it loads: fix the problems listed under the editor.</p>
      </section>
    );
  }
  return (
    <>
      {stale && (
        <p className="notice notice-info" data-testid="preview-stale">
          The draft has problems now: the preview below is of its last version that loaded.
        </p>
      )}
      <EditorQuickBatch text={loaded.text} file={file} scenario={scenario} runner={runner} />
      <EditorPreview scenario={scenario} />
    </>
  );
});
