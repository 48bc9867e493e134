import { useState } from 'react';
import { suggestedName } from '../logic/draft-session.ts';

/** Import a scenario as a new draft: a .yaml file, or pasted text. (Dropping a file on the page does the same.) */
export function DraftImport({ onText }: { onText(text: string, name: string): void }) {
  const [pasted, setPasted] = useState('');
  return (
    <>
      <label className="file-button">
        Import a file…{' '}
        <input
          type="file"
          accept=".yaml,.yml,text/yaml,text/plain"
          data-testid="draft-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then((text) => onText(text, suggestedName(text, file.name.replace(/\.ya?ml$/i, ''))));
            e.target.value = '';
          }}
        />
      </label>
      <details className="draft-paste">
        <summary>Paste a scenario</summary>
        <textarea value={pasted} rows={6} cols={60} aria-label="Scenario text to paste" onChange={(e) => setPasted(e.target.value)} />
        <button
          type="button"
          disabled={pasted.trim() === ''}
          onClick={() => {
            onText(pasted, suggestedName(pasted, 'pasted'));
            setPasted('');
          }}
        >
          Make a draft of this text
        </button>
      </details>
    </>
  );
}
