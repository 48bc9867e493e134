import { useState } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { selectView } from '../logic/selectors.ts';
import { DayDetails } from './DayDetails.tsx';
import { Timeline } from './Timeline.tsx';
import { TimelineLegend } from './TimelineLegend.tsx';

/** The timeline, its legend, and the details of a day picked on it. */
export function TimelinePanel() {
  const today = ParleyContext.useSelector((s) => selectView(s).day);
  const [picked, setPicked] = useState<number | undefined>(undefined);
  return (
    <section className="panel timeline-panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <p className="hint">Days run left to right; each row is one kind of term. Hollow marks are planned, filled marks are what happened. Click a day to see it or branch from it (keyboard: Tab to the timeline, ← → to move between days, Enter to open one).</p>
      <Timeline picked={picked} onPick={setPicked} />
      <TimelineLegend />
      {picked !== undefined && <DayDetails day={picked} today={today} onPick={setPicked} onClose={() => setPicked(undefined)} />}
    </section>
  );
}
