import { crossedRedLines, describePackage, issueValueText, type CompiledTalks, type TalksAnswer } from '../../engine/index.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { selectBranch, selectModel, selectPlaying, selectView } from '../logic/selectors.ts';
import { TalksBridgeResult, TalksBridgeSeat } from './TalksBridgeSeat.tsx';
import { IssueTable } from './IssueTable.tsx';
import { TalksChart } from './TalksChart.tsx';
import { TalksSeat } from './TalksSeat.tsx';
import { useFocusNext } from './useFocusNext.ts';
import '../talks.css';

/**
 * The talks before the truce: the student's seat when it is their turn (a side's, or a mediator's
 * bridge), what their last bridge came to, what happened round by round, the agreed terms and the chart.
 */
export function TalksPanel() {
  const { send } = ParleyContext.useActorRef();
  const view = ParleyContext.useSelector(selectView).talks;
  const model = ParleyContext.useSelector(selectModel);
  const playing = ParleyContext.useSelector(selectPlaying);
  // A seated mediator: what came of its latest bridge turn (the session is copied at each step, never changed).
  const bridge = ParleyContext.useSelector((s) => selectBranch(s).session.talks?.lastBridge);
  const turn = view?.turn;
  const mine = turn !== undefined && turn.party === playing;
  const mediating = view?.seat !== undefined && view.seat === playing && !view.talks.sides.some((s) => s.id === view.seat);
  // After an answer, focus moves to what came of it: a played mediator's bridge result, or the table's status.
  const answer = useFocusNext(mediating && bridge ? 'talks-bridge-result' : 'talks-status', view?.answers.length ?? 0, mine, (a: TalksAnswer) => send({ type: 'talks.answer', answer: a }));
  if (!view) return null;
  const name = (id: string) => model.partyById.get(id)?.name ?? id;
  const { talks, result } = view;
  const status = result
    ? result.deal
      ? `Deal in round ${result.round}: ${describePackage(talks.issues, result.values!)}.`
      : `No deal (round ${result.round}): ${result.cause}.`
    : `Round ${turn?.round ?? 1} of ${talks.deadline}.`;
  return (
    <section className="panel talks-panel" aria-labelledby="talks-title" data-testid="talks-panel">
      <h2 id="talks-title">Talks before the truce</h2>
      <p className="talks-status" data-testid="talks-status" id="talks-status" tabIndex={-1}>
        {status}
        {result?.deal && ' The truce below runs under these terms.'}
      </p>
      {mediating && <TalksBridgeResult talks={talks} bridge={bridge} name={name} />}
      {mine && turn.kind === 'bridge' && <TalksBridgeSeat key={`${turn.round}-${turn.kind}-${view.answers.length}`} view={view} turn={turn} name={name} onAnswer={answer} />}
      {mine && turn.kind !== 'bridge' && <TalksSeat key={`${turn.round}-${turn.kind}-${view.answers.length}`} view={view} turn={turn} name={name} onAnswer={answer} />}
      {turn && turn.party !== playing && (
        <p className="hint">
          {name(turn.party)}’s seat waits for an answer in round {turn.round}. Play {name(turn.party)} to answer, or press “Next decision →” to let its model negotiate.
        </p>
      )}
      {!view.seat && !result?.deal && <p className="hint">Play {seatNames(talks, name)} (“I play”) to take a seat at the table.</p>}
      {result?.deal && <AgreedTerms view={view} name={name} />}
      <div className="talks-body">
        <details className="talks-log-box" open={!result}>
          <summary>Round by round ({view.notes.length})</summary>
          {/* A scroll region once the rounds fill it: focusable, so the keyboard can scroll it. */}
          <ol className="talks-log" data-testid="talks-log" tabIndex={0} aria-label="The talks round by round">
            {view.notes.map((n, i) => (
              <li key={i} className={`talks-note talks-${n.type}`}>
                <span className="reason-day">Round {n.round}</span> {n.text}
              </li>
            ))}
          </ol>
        </details>
        <TalksChart talks={talks} notes={view.notes} {...(result?.values ? { deal: result.values } : {})} />
      </div>
    </section>
  );
}

/** Who can sit at the table, in words: "Israel, Hamas, Qatar or United States". */
function seatNames(talks: CompiledTalks, name: (id: string) => string): string {
  const names = [...talks.sides, ...talks.mediators].map((p) => name(p.id));
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The agreed terms against each side's red line: where a side conceded past its red line, it starts the truce aggrieved. */
function AgreedTerms({ view, name }: { view: NonNullable<ReturnType<typeof selectView>['talks']>; name: (id: string) => string }) {
  const { talks, result } = view;
  const [a, b] = talks.sides;
  const past = (s: 0 | 1, i: number) => crossedRedLines(talks.sides[s], result!.values!).includes(i);
  return (
    <IssueTable
      issues={talks.issues}
      testId="agreed-terms"
      caption="The agreed terms (the truce’s parameters)"
      columns={['Agreed', `${name(a.id)}’s red line`, `${name(b.id)}’s red line`]}
      cells={(issue, i) => (
        <>
          <td data-testid={`agreed-${issue.id}`}>
            <strong>{issueValueText(issue, result!.values![i]!)}</strong> <code>{issue.parameter}</code>
          </td>
          <td>
            {issueValueText(issue, a.reservation[i]!)}
            {past(0, i) && <span className="talks-crossed"> · crossed</span>}
          </td>
          <td>
            {issueValueText(issue, b.reservation[i]!)}
            {past(1, i) && <span className="talks-crossed"> · crossed</span>}
          </td>
        </>
      )}
    />
  );
}
