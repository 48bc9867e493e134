import type { Scenario } from '../../scenario/core.ts';
import { BriefingBody } from './BriefingBody.tsx';

/** Every party's briefing, each folded until asked for: what each side wants, fears and can do. */
export function PartyBriefings({ scenario }: { scenario: Scenario }) {
  const briefed = Object.entries(scenario.parties).filter(([, p]) => p.briefing !== undefined);
  if (briefed.length === 0) return null;
  return (
    <div className="party-briefings">
      <h3>Briefings</h3>
      {briefed.map(([id, p]) => (
        <details key={id} className="party-briefing" data-party={id}>
          <summary>Briefing: {p.name ?? id}</summary>
          <BriefingBody scenario={scenario} briefing={p.briefing!} level={4} />
        </details>
      ))}
    </div>
  );
}
