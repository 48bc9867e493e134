import { useState } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { hashOf } from '../logic/app-machine.ts';

/** The address that reopens exactly this run: scenario, seed, assumptions, choices and position. */
export function ShareLink() {
  const hash = ParleyContext.useSelector((s) => hashOf(s.context));
  // "Copied" belongs to one address: it clears when the run moves on.
  const [copiedHash, setCopiedHash] = useState<string | undefined>(undefined);
  const copied = copiedHash === hash;
  const setCopied = (yes: boolean) => setCopiedHash(yes ? hash : undefined);
  const url = `${window.location.origin}${window.location.pathname}${hash}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="share">
      <label htmlFor="share-url">Link to this run (this branch, exactly where it is)</label>
      <div className="share-row">
        <input id="share-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="share-url" />
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
