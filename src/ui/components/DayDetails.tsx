import { useMemo } from 'react';
import { plannedTimeline } from '../../engine/index.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { markOfEvent } from '../logic/marks.ts';
import { selectModel, selectView } from '../logic/selectors.ts';
import { MarkIcon } from './MarkIcon.tsx';
import { dayLabel } from '../logic/day-label.ts';
import { hasRecord, provenanceOf, recordLastDay } from '../logic/record-follow.ts';
import { branchStart, branchStartText } from '../logic/run-ops.ts';
import { selectRun } from '../logic/selectors.ts';

/** One day picked on the timeline: what was planned, what happened, and a way to branch from it. */
export function DayDetails({ day, today, onPick, onClose }: { day: number; today: number; onPick: (day: number) => void; onClose: () => void }) {
  const { send } = ParleyContext.useActorRef();
  const model = ParleyContext.useSelector(selectModel);
  const trace = ParleyContext.useSelector((s) => selectView(s).trace);
  const planned = useMemo(() => plannedTimeline(model).filter((p) => p.day === day), [model, day]);
  const followedUntil = ParleyContext.useSelector((s) => selectView(s).state.follow?.until);
  const events = trace.filter((e) => e.day === day);
  const canLeaveRecord = hasRecord(model.scenario) && day < recordLastDay(model);
  const run = ParleyContext.useSelector(selectRun);
  // Where a branch from this day really starts: its first decision, which may fall on a later day.
  const start = useMemo(() => branchStart(run, day), [run, day]);
  return (
    <div className="day-details" aria-live="polite">
      <div className="day-details-head">
        <button type="button" onClick={() => onPick(Math.max(1, day - 1))} aria-label="Previous day" disabled={day <= 1}>
          ‹
        </button>
        <h3>{dayLabel(model.scenario, day)}</h3>
        <button type="button" onClick={() => onPick(day + 1)} aria-label="Next day">
          ›
        </button>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      {planned.length > 0 && (
        <p>
          <strong>Planned:</strong> {planned.map((p) => `${model.partyById.get(p.party)?.name ?? p.party} — ${p.obligation.replace(/-/g, ' ')}`).join('; ')}
        </p>
      )}
      {day > today ? (
        <p>This day has not come yet in this branch.</p>
      ) : events.length === 0 ? (
        <p>Nothing happened on this day.</p>
      ) : (
        <ul className="day-events">
          {events.map((e, i) => (
            <li key={i}>
              <MarkIcon mark={markOfEvent(e)} /> {e.type === 'obligation.due' ? `Due: ${e.text}` : e.text}
              {provenanceOf(e, followedUntil) === 'recorded' && <span className="record-tag">record</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="day-actions">
        {start && (
          <button type="button" onClick={() => send({ type: 'branch.from-day', day })} aria-describedby="branch-start-hint">
            {start.over ? `Branch at the end (day ${start.day})` : `Branch from day ${start.day}`}
          </button>
        )}
        {canLeaveRecord && (
          <button type="button" className="primary" onClick={() => send({ type: 'record.leave', day })} aria-describedby="leave-record-hint">
            From here, let the model decide
          </button>
        )}
      </div>
      {start && (
        <p className="hint" id="branch-start-hint">
          A new branch replays this one (same seed, assumptions and choices) up to {branchStartText(day, start)}, and goes on from there.
        </p>
      )}
      {canLeaveRecord && (
        <p className="hint" id="leave-record-hint">
          “From here, let the model decide” starts a new branch that follows the record through {dayLabel(model.scenario, day)}; from day {day + 1} each party answers by its model.
        </p>
      )}
    </div>
  );
}
