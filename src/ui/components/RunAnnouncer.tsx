import { useEffect, useRef, useState } from 'react';
import { announcement, type Moment } from '../logic/announce.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { selectRun, selectView } from '../logic/selectors.ts';

/** A polite live region: after each step, choice, undo or branch switch, what happened and what waits next. */
export function RunAnnouncer() {
  const view = ParleyContext.useSelector(selectView);
  const branch = ParleyContext.useSelector((s) => selectRun(s).active);
  const last = useRef<Moment | undefined>(undefined);
  const [text, setText] = useState('');
  useEffect(() => {
    const now: Moment = { branch, view };
    const said = announcement(last.current, now);
    last.current = now;
    // The live region speaks when its text changes; the moment it reports is an external change.
    if (said) setText(said);
  }, [branch, view]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}
