import { useState } from 'react';
import { own } from '../../scenario/core.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { selectPlaying, selectScenario } from '../logic/selectors.ts';
import { useBriefings } from '../logic/use-briefings.ts';
import { BriefingBody } from './BriefingBody.tsx';

/** The briefing of the party the student plays, open when they pick it; they can fold it away once read. */
export function BriefingPanel() {
  const playing = ParleyContext.useSelector(selectPlaying);
  if (playing === undefined) return null;
  // A new party opens its briefing afresh.
  return <PlayedBriefing key={playing} party={playing} />;
}

function PlayedBriefing({ party }: { party: string }) {
  const scenario = ParleyContext.useSelector(selectScenario);
  const [open, setOpen] = useState(true);
  const briefings = useBriefings(scenario);
  const name = own(scenario.parties, party)?.name ?? party;
  const briefing = briefings && own(briefings, party);
  const bodyId = `briefing-${party}`;
  return (
    <section className="panel briefing-panel" aria-labelledby="briefing-title" data-testid="briefing-panel">
      <div className="briefing-head">
        <h2 id="briefing-title">Your briefing: {name}</h2>
        {briefing && (
          <button type="button" className="link" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
            {open ? 'Fold away' : 'Read it again'}
          </button>
        )}
      </div>
      {briefing ? (
        <div id={bodyId} hidden={!open}>
          <BriefingBody scenario={scenario} briefing={briefing} level={3} />
        </div>
      ) : briefings === undefined ? (
        <p className="hint">Loading the briefing…</p>
      ) : (
        <p className="hint">This scenario gives no briefing for {name}: read its terms in “About this scenario” and the narrative.</p>
      )}
    </section>
  );
}
