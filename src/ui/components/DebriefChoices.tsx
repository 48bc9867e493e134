import type { StudentChoice } from '../logic/debrief-choices.ts';
import { modelFavourite, oddsSentence, rarity } from '../logic/debrief-choices.ts';
import type { TimelineLine } from '../logic/debrief-timeline.ts';
import { dayLabel } from '../logic/day-label.ts';
import type { Scenario } from '../../scenario/core.ts';

/** The turning points of the run with the student's choices marked, each with the model's odds there. */
export function DebriefChoices({ scenario, lines, choices }: { scenario: Scenario; lines: readonly TimelineLine[]; choices: readonly StudentChoice[] }) {
  return (
    <section className="debrief-section" aria-labelledby="debrief-choices">
      <h2 id="debrief-choices">Your choices among the turning points</h2>
      {choices.length === 0 ? (
        <p>You made no choices in this run: every party followed the model. Choose a party under <strong>I play</strong> and answer its decisions to see them here.</p>
      ) : (
        <p>
          You made {choices.length} choice{choices.length === 1 ? '' : 's'}, marked ◆ below with the odds the model gave at that moment. {rareCount(choices)}
        </p>
      )}
      {lines.length === 0 ? (
        <p>No turning points: every party kept its word, with no incidents or failed gates.</p>
      ) : (
        <ol className="debrief-lines" data-testid="debrief-choices">
          {lines.map((line, i) => (
            <li key={i} className={line.choice ? 'yours' : undefined}>
              <span className="reason-day">{dayLabel(scenario, line.day)}</span>{' '}
              {line.choice && <strong className="you-mark">◆ Your choice: </strong>}
              {line.text}
              {line.choice && (
                <span className="debrief-odds">
                  {' '}
                  {oddsSentence(line.choice)} <span className={`rarity rarity-${rarity(line.choice.probabilities[line.choice.response])}`}>{rarity(line.choice.probabilities[line.choice.response])}</span>{' '}
                  <span className="hint">The model's most likely answer: {modelFavourite(line.choice)}.</span>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function rareCount(choices: readonly StudentChoice[]): string {
  const rare = choices.filter((c) => rarity(c.probabilities[c.response]) === 'rare').length;
  if (rare === 0) return 'None of them was rare for the model (under 10%).';
  return `${rare} of them ${rare === 1 ? 'was' : 'were'} rare for the model (under 10%).`;
}
