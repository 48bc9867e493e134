/**
 * The debrief a student reads at the end of a run: their choices among the turning points with
 * the model's odds, where the run falls among 1,000 model runs from the same start, which of
 * their choices moved P(collapse) most, and the scenario's questions. Loaded lazily; the model
 * runs go to a Web Worker, so the page never blocks. Printable (debrief.css) and shareable (the
 * address carries `debrief=1`).
 */
import { useEffect, useMemo, useRef } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { replayChoices } from '../logic/debrief-choices.ts';
import { DEBRIEF_RUNS, IMPACT_RUNS, type DebriefRequest } from '../logic/debrief-compute.ts';
import { debriefTimeline } from '../logic/debrief-timeline.ts';
import { useDebriefWork } from '../logic/debrief-work.ts';
import { explainRun } from '../logic/explain.ts';
import { cliCommand } from '../logic/quick-batch.ts';
import { followSummary } from '../logic/record-follow.ts';
import type { RecordFollow } from '../logic/share-url.ts';
import { selectBranch, selectQuickBatchFile, selectScenario } from '../logic/selectors.ts';
import { DebriefChoices } from './DebriefChoices.tsx';
import { DebriefDistribution } from './DebriefDistribution.tsx';
import { DebriefImpacts } from './DebriefImpacts.tsx';
import { DebriefQuestions } from './DebriefQuestions.tsx';
import { ShareLink } from './ShareLink.tsx';
import '../debrief.css';

/** The same model runs from the command line: `--follow-record` for a run on the record to its end. */
function batchCommand(file: string, params: Readonly<Record<string, number>>, seed: string, follow: RecordFollow | undefined): string {
  const base = cliCommand({ file, params, seed, runs: DEBRIEF_RUNS, ...(typeof follow === 'number' ? { recordUntil: follow } : {}) });
  return follow === 'end' ? `${base} --follow-record` : base;
}

export default function DebriefPage() {
  const actor = ParleyContext.useActorRef();
  const scenario = ParleyContext.useSelector(selectScenario);
  const branch = ParleyContext.useSelector(selectBranch);
  const playing = ParleyContext.useSelector((s) => s.context.run?.playing);
  const file = ParleyContext.useSelector(selectQuickBatchFile);
  const { model, seed, params, follow, view } = branch;
  const over = view.outcome !== undefined;
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `Debrief: ${scenario.title} · Parley`;
    heading.current?.focus();
  }, [scenario.title]);

  const replay = useMemo(() => (over ? replayChoices(model, seed, view.choices, follow) : undefined), [over, model, seed, view.choices, follow]);
  const request = useMemo<DebriefRequest | undefined>(
    () => (over ? { scenario, params, seed, ...(follow !== undefined ? { follow } : {}), choices: view.choices, runs: DEBRIEF_RUNS, impactRuns: IMPACT_RUNS } : undefined),
    [over, scenario, params, seed, follow, view.choices],
  );
  const work = useDebriefWork(request);
  const why = explainRun(model, view);
  const back = () => actor.send({ type: 'debrief.close' });
  const player = playing ? model.partyById.get(playing)?.name ?? playing : undefined;

  return (
    <main className="debrief" id="main" tabIndex={-1}>
      <header className="run-head">
        <h1 ref={heading} tabIndex={-1}>
          Debrief: {scenario.title}
        </h1>
        <p className="debrief-facts">
          {why.headline}
          {view.outcome ? ` (day ${view.outcome.day})` : ''}. Seed <code>{seed}</code>
          {player ? `, you played ${player}` : ''}; {followSummary(model, follow)}.
        </p>
        {why.summary && <p>{why.summary}</p>}
        <div className="debrief-actions no-print">
          <button type="button" onClick={back}>
            ← Back to the run
          </button>
          <button type="button" onClick={() => window.print()}>
            Print the debrief
          </button>
        </div>
      </header>
      {!replay ? (
        <section className="debrief-section">
          <p>This run is not over yet: the debrief opens at its end. Go back to the run and step on to the end (the End button or the → key).</p>
        </section>
      ) : (
        <>
          <DebriefChoices scenario={scenario} lines={debriefTimeline(model, replay.trace, replay.choices)} choices={replay.choices} />
          <DebriefDistribution scenario={scenario} work={work} runs={DEBRIEF_RUNS} command={batchCommand(file, params, seed, follow)} />
          <DebriefImpacts model={model} choices={replay.choices} work={work} runs={IMPACT_RUNS} />
          <DebriefQuestions scenario={scenario} />
        </>
      )}
      <section className="debrief-section no-print">
        <ShareLink />
        <p className="hint">The link reopens this run and its debrief; the numbers come out the same on any machine.</p>
      </section>
    </main>
  );
}
