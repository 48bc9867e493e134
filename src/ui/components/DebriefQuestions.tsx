import { useEffect, useState } from 'react';
import type { ReflectionItem, Scenario } from '../../scenario/core.ts';
import { resolveSource } from '../logic/sources.ts';
import { bundledReflection } from '../logic/use-briefings.ts';
import { SourceNote } from './SourceNote.tsx';

/** The scenario's `reflection:` questions, each with its source. */
export function DebriefQuestions({ scenario }: { scenario: Scenario }) {
  const [loaded, setLoaded] = useState<{ scenario: Scenario; questions: readonly ReflectionItem[] }>();
  useEffect(() => {
    let live = true;
    void bundledReflection(scenario).then((questions) => {
      if (live) setLoaded({ scenario, questions });
    });
    return () => {
      live = false;
    };
  }, [scenario]);
  const questions = loaded?.scenario === scenario ? loaded.questions : undefined;
  if (!questions) {
    return (
      <section className="debrief-section" aria-labelledby="debrief-questions">
        <h2 id="debrief-questions">Questions to reflect on</h2>
        <p className="hint">Loading the questions…</p>
      </section>
    );
  }
  return (
    <section className="debrief-section" aria-labelledby="debrief-questions">
      <h2 id="debrief-questions">Questions to reflect on</h2>
      {questions.length === 0 ? (
        <p>This scenario has no questions of its own. Ask yourself which of your choices the model found least likely, and whether it mattered.</p>
      ) : (
        <ol className="debrief-questions" data-testid="debrief-questions">
          {questions.map((item, i) => {
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
