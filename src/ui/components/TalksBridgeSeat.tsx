import { bridgeReplies } from '../../engine/talks-extras.ts';
import { issueValueText, talksUtility, type BridgeOutcome, type CompiledTalks, type TalksAnswer, type TalksTurn } from '../../engine/index.ts';
import type { TalksView } from '../logic/run-view.ts';
import { bridgeHeadline, methodText, replyText } from '../logic/talks-bridge.ts';
import { IssueTable } from './IssueTable.tsx';
import { IssueInput, SeatForm, usePackageInput, type PackageInput } from './SeatForm.tsx';

/**
 * A played mediator's turn at the talks: both sides' latest offers, ideals and red lines (what a
 * mediator knows), the model's own proposal, and the student's bridge: their own package, the
 * model's, or none this round.
 */
export function TalksBridgeSeat({ view, turn, name, onAnswer }: { view: TalksView; turn: TalksTurn; name: (id: string) => string; onAnswer: (answer: TalksAnswer) => void }) {
  const { talks } = view;
  const [a, b] = talks.sides;
  const input = usePackageInput(talks.issues, turn.values ?? view.latest[0] ?? talks.issues.map((issue) => issue.low));
  const method = methodText(talks.mediators.find((m) => m.id === turn.party)?.method ?? 'split-the-difference');
  const worth = input.problems.length === 0 ? ` Your bridge is worth ${talksUtility(a, input.values).toFixed(2)} to ${a.name} and ${talksUtility(b, input.values).toFixed(2)} to ${b.name} (1 = its ideal, 0 = its red line).` : '';
  const buttons = (
    <>
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
    </>
  );
  return (
    <div className="talks-seat yours" data-testid="talks-seat">
      <p className="your-move">
        <strong>You mediate for {name(turn.party)}.</strong> Round {turn.round}: propose a bridge of your own, {method} as the model would, or stay out this round. Each side accepts a package worth at least as much to it as its own next offer{turn.last ? ' (or, in this last round, anything above the least it settles for)' : ''}.
      </p>
      <SeatForm label={`Your bridge in round ${turn.round}`} input={input} send={(values) => onAnswer({ type: 'propose', values })} buttons={buttons}>
        <BridgeTable view={view} turn={turn} method={method} input={input} />
        <p className="hint" data-testid="bridge-worth">
          {turn.values ? '' : `The model has no proposal yet (${method} needs both sides’ offers).`}
          {worth}
        </p>
      </SeatForm>
    </div>
  );
}

/** Both sides' latest offers, ideals and red lines per issue (what a mediator knows), the model's proposal, and the student's bridge. */
function BridgeTable({ view, turn, method, input }: { view: TalksView; turn: TalksTurn; method: string; input: PackageInput }) {
  const { talks } = view;
  const [a, b] = talks.sides;
  const offered = (s: 0 | 1, i: number) => {
    const o = view.latest[s];
    return o ? issueValueText(talks.issues[i]!, o[i]!) : '—';
  };
  const line = (s: 0 | 1, i: number) => `${issueValueText(talks.issues[i]!, talks.sides[s].ideal[i]!)} → ${issueValueText(talks.issues[i]!, talks.sides[s].reservation[i]!)}`;
  const columns = [`${a.name} offers`, `${a.name}: ideal → red line`, `${b.name} offers`, `${b.name}: ideal → red line`, `The model (${method})`, 'Your bridge'];
  return (
    <IssueTable
      issues={talks.issues}
      caption="Both sides’ latest offers, and each side’s ideal → red line"
      columns={columns}
      cells={(issue, i) => (
        <>
          <td data-testid={`offer-a-${issue.id}`}>{offered(0, i)}</td>
          <td>{line(0, i)}</td>
          <td data-testid={`offer-b-${issue.id}`}>{offered(1, i)}</td>
          <td>{line(1, i)}</td>
          <td data-testid={`model-${issue.id}`}>{turn.values ? issueValueText(issue, turn.values[i]!) : 'none yet'}</td>
          <td>
            <IssueInput issue={issue} testId="bridge" value={input.typed[i]!} invalid={input.invalid(i)} onChange={(v) => input.type(i, v)} />
          </td>
        </>
      )}
    />
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
