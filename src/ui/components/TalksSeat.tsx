import { allowedAnswers, issueValueText, type TalksAnswer, type TalksTurn } from '../../engine/index.ts';
import type { TalksView } from '../logic/run-view.ts';
import { IssueTable } from './IssueTable.tsx';
import { IssueInput, SeatForm, usePackageInput } from './SeatForm.tsx';

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
  const input = usePackageInput(talks.issues, start);
  const counters = allowedAnswers(turn).includes('counter');
  return (
    <div className="talks-seat yours" data-testid="talks-seat">
      <p className="your-move">
        <strong>You negotiate for {side.name}.</strong>
        {turn.last ? ' This is the last round: without a deal now, the deadline passes.' : ' Accept, counter with your own numbers, or walk away.'}
      </p>
      <SeatForm label={`Your answer in round ${turn.round}`} input={input} send={(values) => onAnswer({ type: 'counter', values })} buttons={<SeatButtons turn={turn} onAnswer={onAnswer} />}>
        <IssueTable
          issues={talks.issues}
          caption={TURN_TEXT[turn.kind](name(turn.from ?? ''))}
          columns={[...(turn.values ? ['On the table'] : []), 'Your ideal', 'Your red line', ...(counters ? [turn.kind === 'open' ? 'Your offer' : 'Your counter'] : [])]}
          cells={(issue, i) => (
            <>
              {turn.values && <td data-testid={`on-table-${issue.id}`}>{issueValueText(issue, turn.values[i]!)}</td>}
              <td>{issueValueText(issue, side.ideal[i]!)}</td>
              <td>{issueValueText(issue, side.reservation[i]!)}</td>
              {counters && (
                <td>
                  <IssueInput issue={issue} value={input.typed[i]!} invalid={input.invalid(i)} onChange={(v) => input.type(i, v)} />
                </td>
              )}
            </>
          )}
        />
      </SeatForm>
    </div>
  );
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
