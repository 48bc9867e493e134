import { own, type Scenario } from '../../scenario/core.ts';
import { useBriefings } from '../logic/use-briefings.ts';
import { BriefingBody } from './BriefingBody.tsx';

/** Every party's briefing, each folded until asked for: what each side wants, fears and can do. */
export function PartyBriefings({ scenario }: { scenario: Scenario }) {
  const briefings = useBriefings(scenario);
  const briefed = Object.entries(scenario.parties).flatMap(([id, p]) => {
    const briefing = briefings && own(briefings, id);
    return briefing ? [{ id, name: p.name ?? id, briefing }] : [];
  });
  if (briefed.length === 0) return null;
  return (
    <div className="party-briefings">
      <h3>Briefings</h3>
      {briefed.map(({ id, name, briefing }) => (
        <details key={id} className="party-briefing" data-party={id}>
          <summary>Briefing: {name}</summary>
          <BriefingBody scenario={scenario} briefing={briefing} level={4} />
        </details>
      ))}
    </div>
  );
}
