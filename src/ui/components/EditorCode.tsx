import { EditorView } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { useEffect, useRef } from 'react';
import { editorExtensions, type EditorHooks } from '../logic/editor-extensions.ts';

/** Moves the cursor to line:col and scrolls it into view. */
export type GoTo = (line: number, col: number) => void;

/** The CodeMirror editor of one draft. Re-keyed by the page when another draft is opened. */
export function EditorCode({ initialText, hooks, onReady }: { initialText: string; hooks: EditorHooks; onReady(goTo: GoTo): void }) {
  const host = useRef<HTMLDivElement>(null);
  // The hooks are read through a ref so the editor is built once per draft.
  const latest = useRef(hooks);
  useEffect(() => {
    latest.current = hooks;
  });

  useEffect(() => {
    const relay: EditorHooks = {
      schema: latest.current.schema,
      check: (text) => latest.current.check(text),
      onChecked: (check, text) => latest.current.onChecked(check, text),
      onChange: (text) => latest.current.onChange(text),
      ids: () => latest.current.ids(),
      openDocs: (heading) => latest.current.openDocs(heading),
    };
    const view = new EditorView({ parent: host.current!, state: EditorState.create({ doc: initialText, extensions: editorExtensions(relay) }) });
    // The scroller is a region a keyboard user may need to scroll (axe: scrollable-region-focusable).
    view.scrollDOM.tabIndex = 0;
    view.scrollDOM.setAttribute('aria-label', 'Scenario YAML, scrollable');
    onReady((line, col) => {
      const doc = view.state.doc;
      const at = doc.line(Math.min(Math.max(1, line), doc.lines));
      const pos = Math.min(at.to, at.from + Math.max(0, col - 1));
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      view.focus();
    });
    return () => view.destroy();
    // Built once: the page re-keys this component for another draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return <div className="editor-code" ref={host} data-testid="editor-code" />;
}
