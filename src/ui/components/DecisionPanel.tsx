import type { DecisionKind } from '../../engine/index.ts';
import type { Response } from '../../engine/index.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { selectBranch, selectModel, selectRun, selectView } from '../logic/selectors.ts';
import { ChoiceButtons } from './ChoiceButtons.tsx';
import { ChoiceConsequences } from './ChoiceConsequences.tsx';
import { OutcomePanel } from './OutcomePanel.tsx';
import { ProbabilityBar } from './ProbabilityBar.tsx';
import { SourceBadge } from './SourceBadge.tsx';
import { RecordedMove } from './RecordedMove.tsx';
import { useFocusNext } from './useFocusNext.ts';

/** What kind of decision waits, in a few words; a mediator's decisions are its levers. */
const DECISION_ABOUT: Readonly<Record<DecisionKind, string>> = {
  obligation: 'this obligation falls due today',
  extension: 'an offer to extend the truce',
  press: 'a mediator’s lever: press the side that fell short, or hold back',
  guarantee: 'a guarantor’s lever: keep the guarantee, or withdraw it',
  reoffer: 'a guarantor’s lever: offer the withdrawn guarantee again, or stay out',
  broker: 'a mediator’s lever: broker an extension, or let it lapse',
};

/** While the talks go on, before any decision of the truce. */
function TalksFirst({ mine }: { mine: boolean }) {
  return (
    <h2 id="decision-title" className="decision-text">
      The talks come first: the truce starts only with a deal. {mine ? 'It is your turn at the table below.' : 'Press “Next decision →” to let the models negotiate.'}
    </h2>
  );
}

/** Where the run stands: the day, and the decision waiting (yours to make, or the model's). */
export function DecisionPanel() {
  const { send } = ParleyContext.useActorRef();
  const view = ParleyContext.useSelector(selectView);
  const model = ParleyContext.useSelector(selectModel);
  const playing = ParleyContext.useSelector((s) => selectRun(s).playing);
  const lastStep = ParleyContext.useSelector((s) => {
    const run = selectRun(s);
    return run.branches.find((b) => b.id === run.active)?.lastStep;
  });
  const branchName = ParleyContext.useSelector((s) => selectRun(s).active);
  const lastChoice = ParleyContext.useSelector((s) => selectBranch(s).lastChoice);
  const phase = model.phases[view.state.phaseIndex]!;
  const d = view.decision;
  const mine = d !== undefined && d.party === playing;
  const talking = view.talks !== undefined && view.talks.result === undefined;
  const partyName = (id: string) => model.partyById.get(id)?.name ?? id;
  const obligation = d ? model.obligations[model.obligationIndex.get(d.obligation) ?? -1] : undefined;
  // After the student answers, focus moves to what comes next (the new decision, or how the run ended).
  const answer = useFocusNext('decision-title', view.decisions, mine, (response?: Response) => send(response === undefined ? { type: 'choose' } : { type: 'choose', response }));
  const alsoDue = view.state.today.slice(d?.kind === 'obligation' ? 1 : 0).map((item) => model.obligations[item.obligation]!);

  return (
    <section className={`panel decision${mine ? ' yours' : ''}`} aria-labelledby="decision-title">
      <p className="day-line">
        <span className="day-big" data-testid="current-day">
          {talking ? `Talks · round ${view.talks!.turn?.round ?? 1}` : `Day ${view.day}`}
        </span>
        <span>
          {phase.def.name ?? phase.def.id}
          {phase.length > 0 && ` · planned to day ${view.state.phaseEndDay}`}
        </span>
        <span className="branch-tag">Branch {branchName}</span>
      </p>
      {lastStep && <p className="quiet">{lastStep}</p>}
      {lastChoice && <ChoiceConsequences consequences={lastChoice} />}
      {d ? (
        <>
          <h2 id="decision-title" className="decision-text" data-testid="decision-text" tabIndex={-1}>
            {d.kind === 'extension' ? 'Offer: ' : ''}
            {d.text}
          </h2>
          <div className="decision-meta">
            Decision {view.decisions + 1} · {DECISION_ABOUT[d.kind]}
            {obligation && <SourceBadge scenario={model.scenario} source={obligation.def.source} />}
          </div>
          {mine ? (
            <>
              <p className="your-move">
                <strong>You are {partyName(d.party)}.</strong> What do you do? The model's chance for each response is shown beside it.
              </p>
              <ChoiceButtons decision={d} onChoose={answer} />
              <button type="button" className="link" onClick={() => answer()}>
                Let the model decide for me
              </button>
            </>
          ) : d.recorded ? (
            <RecordedMove decision={d} phaseIndex={view.state.phaseIndex} />
          ) : (
            <>
              <p className="model-move">
                {partyName(d.party)} follows its model{playing ? '' : ' (you are watching)'}. Its chances right now:
              </p>
              <ProbabilityBar probabilities={d.probabilities} allowed={d.allowed} kind={d.kind} />
              <p className="hint">Press “Next decision →” to see what {partyName(d.party)} does.</p>
            </>
          )}
          {alsoDue.length > 0 && (
            <p className="also-due">
              Also due today: {alsoDue.map((o) => `${partyName(o.def.party)} — ${o.def.text ?? o.def.id.replace(/-/g, ' ')}`).join('; ')}
            </p>
          )}
        </>
      ) : talking ? (
        <TalksFirst mine={view.talks!.turn?.party === playing} />
      ) : (
        <OutcomePanel />
      )}
    </section>
  );
}
