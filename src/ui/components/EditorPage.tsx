import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import guide from '../../../docs/scenario-format.md?raw';
import jsonSchema from '../../../scenarios/parley-scenario.schema.json';
import { ParleyContext } from '../logic/app-context.ts';
import { bundledText } from '../logic/bundled.ts';
import templateText from '../../../scenarios/template.yaml?raw';
import { EditorClient } from '../logic/editor-client.ts';
import { docsSection, NO_IDS, type SchemaNode } from '../logic/editor-schema.ts';
import type { EditorHooks } from '../logic/editor-extensions.ts';
import { useDraftSession, suggestedName } from '../logic/draft-session.ts';
import { usePreviewOnPause, type Checked } from '../logic/preview-on-pause.ts';
import { editHash } from '../logic/share-url.ts';
import { DraftBar } from './DraftBar.tsx';
import { EditorActions } from './EditorActions.tsx';
import { EditorCode, type GoTo } from './EditorCode.tsx';
import { EditorDocs } from './EditorDocs.tsx';
import { EditorProblems } from './EditorProblems.tsx';
import { EditorSide } from './EditorSide.tsx';
import { LintPanel } from './LintPanel.tsx';

/** The schema file VS Code reads (tests/scenarios/bundled.test.ts keeps it equal to `parley schema`). */
const schema = jsonSchema as unknown as SchemaNode;

/** The writer's studio: a draft in CodeMirror, checked as it is typed, with its preview beside it. */
export default function EditorPage() {
  const route = ParleyContext.useSelector((s) => s.context.edit) ?? {};
  const catalog = ParleyContext.useSelector((s) => s.context.catalog);
  const { send } = ParleyContext.useActorRef();
  const bundled = useMemo(() => catalog.filter((e) => !(e.ok && e.draft)), [catalog]);
  const navigate = useCallback((draft: string) => send({ type: 'route.changed', hash: editHash({ draft }) }), [send]);
  const session = useDraftSession(route, navigate, templateText);
  const [checked, setChecked] = useState<Checked>();
  const preview = usePreviewOnPause(session.draft?.version);
  const [docs, setDocs] = useState<string>();
  const clients = useMemo(() => ({ checker: new EditorClient(), runner: new EditorClient() }), []);
  useEffect(() => () => (clients.checker.close(), clients.runner.close()), [clients]);
  const goTo = useRef<GoTo>(() => undefined);
  const jumpTo = useCallback((line: number, column: number) => goTo.current(line, column), []);
  const { textRef } = session;
  const draftText = useCallback(() => textRef.current, [textRef]);
  const name = session.draft?.name;
  useEffect(() => {
    document.title = `${name ?? 'Editor'} · Parley editor`;
  }, [name]);

  const hooks: EditorHooks = {
    schema,
    check: (text) => clients.checker.check(text, `${name ?? 'draft'}.yaml`),
    onChecked: (check, text) => {
      performance.mark('parley-checked');
      const result = { check, text };
      setChecked(result);
      preview.checked(result);
    },
    onChange: (text) => {
      performance.mark('parley-edit');
      preview.typed();
      session.edited(text);
    },
    ids: () => checked?.check.ids ?? NO_IDS,
    openDocs: setDocs,
  };
  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void file.text().then((text) => session.create(text, suggestedName(text, file.name.replace(/\.ya?ml$/i, ''))));
  };
  const current = checked && checked.text === session.textRef.current ? checked : undefined;

  return (
    <main className="editor-page" id="main" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <header className="run-head">
        <h1>Scenario editor</h1>
        <p className="hint">Write a truce scenario in YAML. It is checked as you type (as <code>parley validate</code> checks), kept in this browser, and previewed beside it. Drop a .yaml file anywhere on the page to open it as a draft.</p>
      </header>
      {session.notice && (
        <p className="notice notice-info" role="status">
          {session.notice} <button type="button" onClick={session.dismiss}>Dismiss</button>
        </p>
      )}
      {session.status.error && (
        <p className="notice notice-error" role="alert" data-testid="save-warning">
          This browser refused to save the draft ({session.status.error}). The last saved copy is kept and your edits stay on this page; download the draft to keep them safe. Saving is tried again every few seconds.
        </p>
      )}
      <DraftBar session={session} bundled={bundled} onNew={(file) => void bundledText(file).then((text) => session.create(text ?? '', file === 'template.yaml' ? 'my-truce' : file.replace(/\.yaml$/, '')))} />
      {session.draft && (
        <div className="editor-grid">
          <div className="editor-main">
            <EditorCode key={session.draft.version} initialText={session.draft.initialText} hooks={hooks} onReady={(f) => (goTo.current = f)} />
            <EditorProblems problems={checked?.check.problems} checking={!current} {...(checked ? { elapsedMs: checked.check.elapsedMs } : {})} goTo={(l, c) => goTo.current(l, c)} />
            <EditorActions name={session.draft.name} text={() => session.textRef.current} {...(current?.check.scenario ? { scenario: current.check.scenario } : {})} beforeLeave={session.flush} />
          </div>
          <div className="editor-side">
            {docs !== undefined && <EditorDocs heading={docs} text={docsSection(guide, docs)} onClose={() => setDocs(undefined)} />}
            <LintPanel text={draftText} file={`${session.draft.name}.yaml`} client={clients.runner} goTo={jumpTo} />
            <EditorSide {...(preview.loaded ? { loaded: preview.loaded } : {})} stale={checked !== undefined && !checked.check.scenario} file={`${session.draft.name}.yaml`} runner={clients.runner} />
          </div>
        </div>
      )}
    </main>
  );
}
