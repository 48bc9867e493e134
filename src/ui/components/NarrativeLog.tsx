import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { groupByDay } from '../logic/narrative.ts';
import { selectScenario, selectView } from '../logic/selectors.ts';
import { LogEntry } from './LogEntry.tsx';
import { dayLabel } from '../logic/day-label.ts';
import { useRovingFocus } from './useRovingFocus.ts';

/** How the talks ended: loaded with the talks panel's code, for scenarios with talks only (off the first page). */
const TalksOutcomeLine = lazy(() => import('./TalksOutcomeLine.tsx').then((m) => ({ default: m.TalksOutcomeLine })));

/** What happened, day by day, in plain English; each line opens to the source it came from. */
export function NarrativeLog() {
  const trace = ParleyContext.useSelector((s) => selectView(s).trace);
  const scenario = ParleyContext.useSelector(selectScenario);
  const followedUntil = ParleyContext.useSelector((s) => selectView(s).state.follow?.until);
  const days = useMemo(() => groupByDay(trace), [trace]);
  const end = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [trace.length]);
  // The lines' source toggles are one stop in the tab order, not one per line.
  const roving = useRovingFocus(box, '.source-badge > summary', trace);
  return (
    <section className="panel log-panel" aria-labelledby="log-title">
      <h2 id="log-title">What happened</h2>
      <p className="hint" id="log-keys">
        Each line's source: Tab reaches one, ↑ ↓ move between them, Enter opens it.
      </p>
      {/* The keys move between the sources inside; the log itself is a focusable scroll region. */}
      <div className="log" ref={box} data-testid="log" tabIndex={0} role="region" aria-label="Narrative log" aria-describedby="log-keys" onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
        {scenario.talks && (
          <Suspense fallback={null}>
            <TalksOutcomeLine />
          </Suspense>
        )}
        {days.map((d) => (
          <section key={d.day} className="log-day" aria-label={d.day === 0 ? 'Start' : `Day ${d.day}`}>
            <h3>{dayLabel(scenario, d.day)}</h3>
            <ul>
              {d.lines.map((line) => (
                <LogEntry key={line.key} line={line} scenario={scenario} followedUntil={followedUntil} />
              ))}
            </ul>
          </section>
        ))}
        <div ref={end} />
      </div>
    </section>
  );
}
