import { useState } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { selectRun, selectView } from '../logic/selectors.ts';
import { CompareTable } from './CompareTable.tsx';
import { ShareLink } from './ShareLink.tsx';

/** Branches of this run: fork here or from a past day, switch between them, compare them. */
export function BranchesPanel() {
  const { send } = ParleyContext.useActorRef();
  const branches = ParleyContext.useSelector((s) => selectRun(s).branches);
  const active = ParleyContext.useSelector((s) => selectRun(s).active);
  const today = ParleyContext.useSelector((s) => selectView(s).day);
  const talksRound = ParleyContext.useSelector((s) => (selectView(s).talks?.result ? undefined : selectView(s).talks?.turn?.round));
  const [day, setDay] = useState('');
  return (
    <section className="panel branches-panel" aria-labelledby="branches-title">
      <h2 id="branches-title">Branches</h2>
      <p className="hint">A branch is another path from a shared past. Fork where you are, or go back to an earlier day; every branch is kept so you can compare.</p>
      <div className="branch-actions">
        <button type="button" className="primary" onClick={() => send({ type: 'branch.fork' })}>
          Branch here ({talksRound !== undefined ? `talks round ${talksRound}` : `day ${today}`})
        </button>
        <form
          className="field"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(day);
            if (day.trim() !== '' && Number.isInteger(n)) send({ type: 'branch.from-day', day: n });
          }}
        >
          <label htmlFor="branch-day">Branch from day</label>
          <input id="branch-day" type="number" min={1} max={today} value={day} onChange={(e) => setDay(e.target.value)} placeholder={String(Math.max(1, today - 1))} />
          <button type="submit">Go back &amp; branch</button>
        </form>
      </div>
      <ul className="branch-list" role="list">
        {branches.map((b) => {
          const status = b.view.outcome ? `${b.view.outcome.result}, day ${b.view.outcome.day}` : `day ${b.view.day}`;
          return (
            <li key={b.id} className={b.id === active ? 'current' : ''}>
              <button type="button" className="branch-select" aria-pressed={b.id === active} onClick={() => send({ type: 'branch.select', id: b.id })}>
                <strong>Branch {b.name}</strong> <span>{status}</span>
                <span className="branch-origin">from {b.origin}</span>
              </button>
              {branches.length > 1 && (
                <button type="button" className="link" aria-label={`Delete branch ${b.name}`} onClick={() => send({ type: 'branch.delete', id: b.id })}>
                  ✕
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {branches.length > 1 && <CompareTable />}
      <ShareLink />
    </section>
  );
}
