import { useMemo, useState } from 'react';
import type { Scenario } from '../../scenario/core.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { encodeShare } from '../logic/share-url.ts';
import { StatechartPanel } from './StatechartPanel.tsx';
import { Timeline } from './Timeline.tsx';
import { TimelineLegend } from './TimelineLegend.tsx';

/**
 * The planned timeline and the statechart of the draft as it stands, drawn by the stepper's own
 * components over a run of their own (opened on day 1), apart from the page's app.
 */
export function EditorPreview({ scenario }: { scenario: Scenario }) {
  const input = useMemo(
    () => ({ catalog: [{ file: 'draft.yaml', ok: true as const, scenario }], hash: encodeShare({ scenario: scenario.id, seed: '1', params: {}, choices: {}, at: 0 }) }),
    [scenario],
  );
  const [picked, setPicked] = useState<number | undefined>(undefined);
  return (
    // The provider reads its input once: a new scenario gets a new provider (and run).
    <ParleyContext.Provider key={generationOf(scenario)} options={{ input }}>
      <PreviewBody picked={picked} onPick={setPicked} />
    </ParleyContext.Provider>
  );
}

const generations = new WeakMap<Scenario, number>();
let lastGeneration = 0;
function generationOf(scenario: Scenario): number {
  let generation = generations.get(scenario);
  if (generation === undefined) generations.set(scenario, (generation = ++lastGeneration));
  return generation;
}

function PreviewBody({ picked, onPick }: { picked?: number; onPick(day: number): void }) {
  const run = ParleyContext.useSelector((s) => s.context.run);
  if (!run) return <p className="notice notice-error">The preview could not open this draft.</p>;
  return (
    <div className="editor-preview" data-testid="editor-preview">
      <section className="panel timeline-panel" aria-labelledby="preview-timeline-title">
        <h2 id="preview-timeline-title">Planned timeline</h2>
        <p className="hint">The terms of the draft by day, as the stepper will show them (hollow marks: planned).</p>
        <Timeline picked={picked} onPick={onPick} />
        <TimelineLegend />
      </section>
      <StatechartPanel />
    </div>
  );
}
