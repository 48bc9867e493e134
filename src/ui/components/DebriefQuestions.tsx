import type { Scenario } from '../../scenario/core.ts';
import { resolveSource } from '../logic/sources.ts';
import { SourceNote } from './SourceNote.tsx';

/** The scenario's `reflection:` questions, each with its source. */
export function DebriefQuestions({ scenario }: { scenario: Scenario }) {
  return (
    <section className="debrief-section" aria-labelledby="debrief-questions">
      <h2 id="debrief-questions">Questions to reflect on</h2>
      {scenario.reflection.length === 0 ? (
        <p>This scenario has no questions of its own. Ask yourself which of your choices the model found least likely, and whether it mattered.</p>
      ) : (
        <ol className="debrief-questions" data-testid="debrief-questions">
          {scenario.reflection.map((item, i) => {
            const source = resolveSource(scenario, item.source);
            return (
              <li key={i}>
                <p>{item.question}</p>
                {source && (
                  <p className="hint">
                    Source: <SourceNote source={source} />
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
