import { useState } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { hashOf } from '../logic/app-machine.ts';
import { selectRun } from '../logic/selectors.ts';

/** The address that reopens exactly this run: scenario, seed, assumptions, choices and position, for every branch. */
export function ShareLink() {
  const hash = ParleyContext.useSelector((s) => hashOf(s.context));
  const branches = ParleyContext.useSelector((s) => selectRun(s).branches.length);
  const active = ParleyContext.useSelector((s) => selectRun(s).active);
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
      <label htmlFor="share-url">
        {branches > 1 ? `Link to this comparison (all ${branches} branches, each exactly where it is; it opens on branch ${active})` : 'Link to this run (exactly where it is)'}
      </label>
      <div className="share-row">
        <input id="share-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="share-url" />
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
