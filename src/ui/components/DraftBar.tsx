import { useState } from 'react';
import type { CatalogEntry } from '../logic/catalog.ts';
import type { DraftSession } from '../logic/draft-session.ts';
import { DraftImport } from './DraftImport.tsx';

const when = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The open draft's name and save state, the list of drafts, and new drafts from the template, a bundled scenario or a file. */
export function DraftBar({ session, bundled, onNew }: { session: DraftSession; bundled: CatalogEntry[]; onNew(file: string): void }) {
  const { draft, drafts, status } = session;
  const [from, setFrom] = useState('template.yaml');
  return (
    <section className="panel draft-bar" aria-label="Drafts">
      <div className="draft-row">
        <label>
          Draft{' '}
          <select value={draft?.name ?? ''} onChange={(e) => session.open(e.target.value)} aria-label="Open a draft">
            {drafts.map((d) => (
              <option key={d.name} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        {draft && <RenameField key={draft.name} name={draft.name} onRename={session.rename} />}
        <span className="hint" role="status" data-testid="save-status">
          {status.error ? 'not saved' : status.savedAt !== undefined ? `saved in this browser at ${when(status.savedAt)}` : ''}
        </span>
        <button type="button" onClick={session.remove}>
          Delete draft
        </button>
      </div>
      <div className="draft-row">
        <label>
          New draft from{' '}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {bundled.map((e) => (
              <option key={e.file} value={e.file}>
                {e.ok ? (e.file === 'template.yaml' ? 'the template' : e.scenario.title) : e.file}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={() => onNew(from)}>
          New draft
        </button>
        <DraftImport onText={session.create} />
      </div>
    </section>
  );
}

function RenameField({ name, onRename }: { name: string; onRename(name: string): void }) {
  const [value, setValue] = useState(name);
  const commit = () => {
    if (value.trim() && value !== name) onRename(value);
  };
  return (
    <label>
      Name{' '}
      <input
        value={value}
        size={18}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
