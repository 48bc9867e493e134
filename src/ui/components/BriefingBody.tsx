import { BRIEFING_SECTIONS, type Briefing, type Scenario } from '../../scenario/core.ts';
import { InlineCode } from './InlineCode.tsx';
import { SourceBadge } from './SourceBadge.tsx';

/**
 * A party's role briefing: its summary, then goals, who it answers to, red lines, the pressure on
 * it and its levers, each line with its source. `level`: the heading level of the sections.
 */
export function BriefingBody({ scenario, briefing, level }: { scenario: Scenario; briefing: Briefing; level: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className="briefing-body">
      {briefing.summary && (
        <p className="briefing-summary">
          <InlineCode text={briefing.summary} />
        </p>
      )}
      {BRIEFING_SECTIONS.filter(({ key }) => briefing[key].length > 0).map(({ key, heading }) => (
        <section key={key} className={`briefing-section briefing-${key}`}>
          <Heading>{heading}</Heading>
          <ul>
            {briefing[key].map((item, i) => (
              <li key={i}>
                <InlineCode text={item.text} />
                <SourceBadge scenario={scenario} source={item.source} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
