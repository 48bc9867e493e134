import { lazy, Suspense, useEffect, useRef } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { keyToEvent } from '../logic/keyboard.ts';
import { selectRun } from '../logic/selectors.ts';
import { AssumptionsPanel } from './AssumptionsPanel.tsx';
import { BranchesPanel } from './BranchesPanel.tsx';
import { BriefingPanel } from './BriefingPanel.tsx';
import { Controls } from './Controls.tsx';
import { CountersPanel } from './CountersPanel.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { NarrativeLog } from './NarrativeLog.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { PartiesPanel } from './PartiesPanel.tsx';
import { RecordPanel } from './RecordPanel.tsx';
import { hasRecord } from '../logic/record-follow.ts';
import { SourceList } from './SourceList.tsx';
import { StatechartPanel } from './StatechartPanel.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';
import { InlineCode } from './InlineCode.tsx';
import { RunAnnouncer } from './RunAnnouncer.tsx';

/** The quick batch (and src/batch with it) loads after the stepper, keeping the first page light. */
const QuickBatchPanel = lazy(() => import('./QuickBatchPanel.tsx').then((m) => ({ default: m.QuickBatchPanel })));

/** The stepper: a run of one scenario, with its branches. */
export function RunPage() {
  const actor = ParleyContext.useActorRef();
  const scenario = ParleyContext.useSelector((s) => selectRun(s).scenario);
  const notice = ParleyContext.useSelector((s) => selectRun(s).notice);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const event = keyToEvent(e.key, e.target, { alt: e.altKey, ctrl: e.ctrlKey, meta: e.metaKey });
      if (!event) return;
      e.preventDefault();
      actor.send(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actor]);

  useEffect(() => {
    document.title = `${scenario.title} · Parley`;
  }, [scenario.title]);

  // Opening a scenario puts focus on its title, where reading the run begins.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [scenario.id]);

  return (
    <main className="run" id="main">
      <header className="run-head">
        <h1 ref={heading} tabIndex={-1}>
          {scenario.title}
        </h1>
        {scenario.period && <p className="run-period">{scenario.period}</p>}
      </header>
      {scenario.summary && (
        <details className="about">
          <summary>About this scenario</summary>
          <p><InlineCode text={scenario.summary} /></p>
          <SourceList scenario={scenario} />
        </details>
      )}
      <RunAnnouncer />
      {notice && <NoticeBar notice={notice} onDismiss={() => actor.send({ type: 'notice.dismiss' })} />}
      <div className="run-grid">
        <div className="top-main">
          <Controls />
          {hasRecord(scenario) && <RecordPanel />}
          <BriefingPanel />
          <DecisionPanel />
        </div>
        <div className="top-side">
          <CountersPanel />
          <PartiesPanel />
        </div>
        <TimelinePanel />
        <NarrativeLog />
        <BranchesPanel />
        <StatechartPanel />
        <AssumptionsPanel />
        <Suspense fallback={null}>
          <QuickBatchPanel />
        </Suspense>
      </div>
    </main>
  );
}
