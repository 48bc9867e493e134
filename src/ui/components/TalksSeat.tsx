import { useState } from 'react';
import { allowedAnswers, counterProblems, issueValueProblem, issueValueText, type CompiledIssue, type TalksAnswer, type TalksTurn } from '../../engine/index.ts';
import type { TalksView } from '../logic/run-view.ts';

const TURN_TEXT: Record<TalksTurn['kind'], (from: string) => string> = {
  open: () => 'Make your offer.',
  respond: (from) => `${from} offers:`,
  mediator: (from) => `${from} proposes (the other side accepts it):`,
  bridge: () => 'Propose a bridge:',
};

/** The student's seat at the talks: the package on the table, their ideal and red lines, and their answer. */
export function TalksSeat({ view, turn, name, onAnswer }: { view: TalksView; turn: TalksTurn; name: (id: string) => string; onAnswer: (answer: TalksAnswer) => void }) {
  const { talks } = view;
  const s = talks.sides.findIndex((side) => side.id === turn.party);
  const side = talks.sides[s]!;
  const start = view.latest[s] ?? side.ideal;
  const [typed, setTyped] = useState<string[]>(() => start.map(String));
  const [tried, setTried] = useState(false);
  const values = typed.map((t) => (t.trim() === '' ? NaN : Number(t)));
  const problems = counterProblems(talks.issues, values);
  const allowed = allowedAnswers(turn);
  const counter = () => {
    setTried(true);
    if (problems.length === 0) onAnswer({ type: 'counter', values });
  };
  return (
    <div className="talks-seat yours" data-testid="talks-seat">
      <p className="your-move">
        <strong>You negotiate for {side.name}.</strong>
        {turn.last ? ' This is the last round: without a deal now, the deadline passes.' : ' Accept, counter with your own numbers, or walk away.'}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          counter();
        }}
        aria-label={`Your answer in round ${turn.round}`}
        noValidate
      >
        <div className="table-scroll">
          <table className="talks-table">
            <caption>{TURN_TEXT[turn.kind](name(turn.from ?? ''))}</caption>
            <thead>
              <tr>
                <th scope="col">Issue</th>
                {turn.values && <th scope="col">On the table</th>}
                <th scope="col">Your ideal</th>
                <th scope="col">Your red line</th>
                {allowed.includes('counter') && <th scope="col">{turn.kind === 'open' ? 'Your offer' : 'Your counter'}</th>}
              </tr>
            </thead>
            <tbody>
              {talks.issues.map((issue, i) => (
                <tr key={issue.id}>
                  <th scope="row">{issue.name}</th>
                  {turn.values && <td data-testid={`on-table-${issue.id}`}>{issueValueText(issue, turn.values[i]!)}</td>}
                  <td>{issueValueText(issue, side.ideal[i]!)}</td>
                  <td>{issueValueText(issue, side.reservation[i]!)}</td>
                  {allowed.includes('counter') && (
                    <td>
                      <IssueInput issue={issue} value={typed[i]!} invalid={tried && issueValueProblem(issue, values[i]!) !== undefined} onChange={(v) => setTyped(typed.map((t, k) => (k === i ? v : t)))} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {tried && problems.length > 0 && (
          <ul className="talks-problems" role="alert" id="talks-problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <SeatButtons turn={turn} onAnswer={onAnswer} />
      </form>
    </div>
  );
}

/** A value typed for one issue: a number field on its grid, or a select for yes/no and choices. */
export function IssueInput({ issue, value, invalid, onChange, testId = 'counter' }: { issue: CompiledIssue; value: string; invalid: boolean; onChange: (v: string) => void; testId?: string }) {
  const label = `${issue.name}`;
  const common = { 'aria-label': label, 'aria-invalid': invalid || undefined, ...(invalid ? { 'aria-describedby': 'talks-problems' } : {}), 'data-testid': `${testId}-${issue.id}` };
  if (issue.options || issue.yesNo) {
    const options = issue.options ?? ['no', 'yes'];
    return (
      <select value={value} onChange={(e) => onChange(e.target.value)} {...common}>
        {options.map((o, k) => (
          <option key={o} value={String(k)}>
            {o}
          </option>
        ))}
      </select>
    );
  }
  return <input type="number" inputMode="decimal" value={value} min={issue.low} max={issue.high} step={issue.step} onChange={(e) => onChange(e.target.value)} {...common} />;
}

/** Accept, counter (the form's submit), refuse, walk away, or let the model answer: the answers this turn takes. */
function SeatButtons({ turn, onAnswer }: { turn: TalksTurn; onAnswer: (answer: TalksAnswer) => void }) {
  const allowed = allowedAnswers(turn);
  return (
    <>
      <div className="buttons talks-buttons">
        {allowed.includes('accept') && (
          <button type="button" className="primary" onClick={() => onAnswer({ type: 'accept' })}>
            Accept
          </button>
        )}
        {allowed.includes('counter') && <button type="submit">{turn.kind === 'open' ? 'Make this offer' : turn.last ? 'Refuse (no more rounds)' : 'Counter with my numbers'}</button>}
        {allowed.includes('refuse') && (
          <button type="button" onClick={() => onAnswer({ type: 'refuse' })}>
            Refuse
          </button>
        )}
        {allowed.includes('walk') && (
          <button type="button" onClick={() => onAnswer({ type: 'walk' })}>
            Walk away
          </button>
        )}
      </div>
      <button type="button" className="link" onClick={() => onAnswer({ type: 'model' })}>
        Let the model negotiate this turn
      </button>
    </>
  );
}
