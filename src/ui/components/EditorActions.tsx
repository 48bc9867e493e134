import { useState } from 'react';
import type { Scenario } from '../../scenario/core.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { draftEntry } from '../logic/draft-catalog.ts';
import { shareHash } from '../logic/draft-share.ts';
import { encodeShare, labHash } from '../logic/share-url.ts';

/** What to do with the draft: download it, share it by link, open it in the stepper or the lab. */
export function EditorActions({ name, text, scenario, beforeLeave }: { name: string; text: () => string; scenario?: Scenario; beforeLeave(): void }) {
  const { send } = ParleyContext.useActorRef();
  const [link, setLink] = useState<string>();
  const download = () => {
    const url = URL.createObjectURL(new Blob([text()], { type: 'text/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}.yaml`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const share = async () => {
    const hash = await shareHash(text());
    setLink(hash ? `${window.location.origin}${window.location.pathname}${hash}` : 'too-long');
  };
  const open = (where: 'run' | 'lab') => {
    if (!scenario) return;
    beforeLeave();
    const entry = draftEntry(name, text(), scenario);
    const id = entry.ok ? entry.scenario.id : name;
    send({ type: 'draft.open', entry, hash: where === 'run' ? encodeShare({ scenario: id, seed: '1', params: {}, choices: {}, at: 0 }) : labHash(id) });
  };
  return (
    <section className="panel editor-actions" aria-label="Use the draft">
      <button type="button" className="primary" disabled={!scenario} onClick={() => open('run')}>
        Open in the stepper
      </button>{' '}
      <button type="button" disabled={!scenario} onClick={() => open('lab')}>
        Open in the lab
      </button>{' '}
      <button type="button" onClick={download}>
        Download .yaml
      </button>{' '}
      <button type="button" onClick={() => void share()}>
        Share by link
      </button>
      {!scenario && <span className="hint"> The stepper and the lab open a draft that loads: fix its problems first.</span>}
      {link === 'too-long' && <p className="hint">This draft is too long for a link: download it and send the file.</p>}
      {link && link !== 'too-long' && (
        <p>
          <label>
            Link to this draft <input readOnly value={link} size={40} data-testid="share-link" onFocus={(e) => e.target.select()} />
          </label>
        </p>
      )}
    </section>
  );
}
