import { useState } from 'react';
import { bridgeReplies } from '../../engine/talks-extras.ts';
import { counterProblems, issueValueProblem, issueValueText, talksUtility, type BridgeOutcome, type CompiledTalks, type TalksAnswer, type TalksTurn } from '../../engine/index.ts';
import type { TalksView } from '../logic/run-view.ts';
import { bridgeHeadline, methodText, replyText } from '../logic/talks-bridge.ts';
import { IssueInput } from './TalksSeat.tsx';

/**
 * A played mediator's turn at the talks: both sides' latest offers, ideals and red lines (what a
 * mediator knows), the model's own proposal, and the student's bridge: their own package, the
 * model's, or none this round.
 */
export function TalksBridgeSeat({ view, turn, name, onAnswer }: { view: TalksView; turn: TalksTurn; name: (id: string) => string; onAnswer: (answer: TalksAnswer) => void }) {
  const { talks } = view;
  const [a, b] = talks.sides;
  const start = turn.values ?? view.latest[0] ?? talks.issues.map((issue) => issue.low);
  const [typed, setTyped] = useState<string[]>(() => start.map(String));
  const [tried, setTried] = useState(false);
  const values = typed.map((t) => (t.trim() === '' ? NaN : Number(t)));
  const problems = counterProblems(talks.issues, values);
  const method = methodText(talks.mediators.find((m) => m.id === turn.party)?.method ?? 'split-the-difference');
  const propose = () => {
    setTried(true);
    if (problems.length === 0) onAnswer({ type: 'propose', values });
  };
  const worth = problems.length === 0 ? ` Your bridge is worth ${talksUtility(a, values).toFixed(2)} to ${a.name} and ${talksUtility(b, values).toFixed(2)} to ${b.name} (1 = its ideal, 0 = its red line).` : '';
  return (
    <div className="talks-seat yours" data-testid="talks-seat">
      <p className="your-move">
        <strong>You mediate for {name(turn.party)}.</strong> Round {turn.round}: propose a bridge of your own, {method} as the model would, or stay out this round. Each side accepts a package worth at least as much to it as its own next offer{turn.last ? ' (or, in this last round, anything above the least it settles for)' : ''}.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          propose();
        }}
        aria-label={`Your bridge in round ${turn.round}`}
        noValidate
      >
        <BridgeTable view={view} turn={turn} method={method} typed={typed} invalid={(i) => tried && issueValueProblem(talks.issues[i]!, values[i]!) !== undefined} onType={(i, v) => setTyped(typed.map((t, k) => (k === i ? v : t)))} />
        <p className="hint" data-testid="bridge-worth">
          {turn.values ? '' : `The model has no proposal yet (${method} needs both sides’ offers).`}
          {worth}
        </p>
        {tried && problems.length > 0 && (
          <ul className="talks-problems" role="alert" id="talks-problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <div className="buttons talks-buttons">
          <button type="submit" className="primary">
            Propose this bridge
          </button>
          {turn.values && (
            <button type="button" onClick={() => onAnswer({ type: 'model' })}>
              Propose {method}
            </button>
          )}
          <button type="button" onClick={() => onAnswer({ type: 'stay' })}>
            Stay out this round
          </button>
        </div>
        {!turn.values && (
          <button type="button" className="link" onClick={() => onAnswer({ type: 'model' })}>
            Let the model mediate this turn
          </button>
        )}
      </form>
    </div>
  );
}


/** Both sides' latest offers, ideals and red lines per issue (what a mediator knows), the model's proposal, and the student's bridge. */
function BridgeTable({ view, turn, method, typed, invalid, onType }: { view: TalksView; turn: TalksTurn; method: string; typed: readonly string[]; invalid: (i: number) => boolean; onType: (i: number, v: string) => void }) {
  const { talks } = view;
  const [a, b] = talks.sides;
  const offered = (s: 0 | 1, i: number) => {
    const o = view.latest[s];
    return o ? issueValueText(talks.issues[i]!, o[i]!) : '—';
  };
  const line = (s: 0 | 1, i: number) => `${issueValueText(talks.issues[i]!, talks.sides[s].ideal[i]!)} → ${issueValueText(talks.issues[i]!, talks.sides[s].reservation[i]!)}`;
  return (
    <div className="table-scroll">
      <table className="talks-table">
        <caption>Both sides’ latest offers, and each side’s ideal → red line</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">{a.name} offers</th>
            <th scope="col">{a.name}: ideal → red line</th>
            <th scope="col">{b.name} offers</th>
            <th scope="col">{b.name}: ideal → red line</th>
            <th scope="col">The model ({method})</th>
            <th scope="col">Your bridge</th>
          </tr>
        </thead>
        <tbody>
          {talks.issues.map((issue, i) => (
            <tr key={issue.id}>
              <th scope="row">{issue.name}</th>
              <td data-testid={`offer-a-${issue.id}`}>{offered(0, i)}</td>
              <td>{line(0, i)}</td>
              <td data-testid={`offer-b-${issue.id}`}>{offered(1, i)}</td>
              <td>{line(1, i)}</td>
              <td data-testid={`model-${issue.id}`}>{turn.values ? issueValueText(issue, turn.values[i]!) : 'none yet'}</td>
              <td>
                <IssueInput issue={issue} testId="bridge" value={typed[i]!} invalid={invalid(i)} onChange={(v) => onType(i, v)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What came of the played mediator's latest bridge: what it proposed, and each side's answer with its reason. */
export function TalksBridgeResult({ talks, bridge, name }: { talks: CompiledTalks; bridge: BridgeOutcome | undefined; name: (id: string) => string }) {
  if (!bridge) return null;
  const replies = bridgeReplies(talks, bridge);
  return (
    <div className="talks-bridge-result" data-testid="bridge-result">
      <p id="talks-bridge-result" tabIndex={-1}>
        <strong>{bridgeHeadline(talks, bridge, replies)}</strong>
      </p>
      {replies.length > 0 && (
        <ul>
          {replies.map((r) => (
            <li key={r.party}>{replyText(r, name(r.party))}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
