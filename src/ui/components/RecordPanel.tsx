import { useState } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { dayLabel } from '../logic/day-label.ts';
import { followSummary, recordLastDay } from '../logic/record-follow.ts';
import { selectBranch, selectView } from '../logic/selectors.ts';

/**
 * The record of what really happened, for a scenario that has one: how the branch on screen
 * follows it, a way to watch it as it happened, and a way to let the models take over after a day.
 */
export function RecordPanel() {
  const { send } = ParleyContext.useActorRef();
  const branch = ParleyContext.useSelector(selectBranch);
  const today = ParleyContext.useSelector((s) => selectView(s).day);
  const last = recordLastDay(branch.model);
  const scenario = branch.model.scenario;
  const suggested = Math.min(Math.max(1, today), last - 1);
  const [typed, setTyped] = useState('');
  const day = typed.trim() === '' ? suggested : Number(typed);
  return (
    <section className="panel record-panel" aria-labelledby="record-title" data-testid="record-panel">
      <h2 id="record-title">The record: as it happened</h2>
      <p data-testid="record-status">
        <strong>Branch {branch.name}</strong> follows {followSummary(branch.model, branch.follow)}.
      </p>
      {branch.follow === undefined ? (
        <p>
          This scenario also records what really happened, entry by entry, each with its source.{' '}
          <button type="button" className="primary" onClick={() => send({ type: 'record.watch' })}>
            Watch it as it happened
          </button>
        </p>
      ) : (
        <p className="hint">
          <span className="record-tag">record</span> marks an answer the record gives, with its source; “as agreed” means the record is silent there, so the term
          was carried out as agreed.
        </p>
      )}
      <form
        className="field record-leave"
        onSubmit={(e) => {
          e.preventDefault();
          if (Number.isInteger(day)) send({ type: 'record.leave', day });
        }}
      >
        <label htmlFor="record-day">Follow the record through day</label>
        <input id="record-day" type="number" min={1} max={last - 1} value={typed} placeholder={String(suggested)} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">then let the model decide</button>
      </form>
      <p className="hint">
        A new branch: the record through {Number.isInteger(day) && day >= 1 && day < last ? dayLabel(scenario, day) : `a day from 1 to ${last - 1}`}, then the parties&apos; models (same
        seed). The record ends on {dayLabel(scenario, last)}. For the odds over many such futures, open the quick batch below.
      </p>
    </section>
  );
}
