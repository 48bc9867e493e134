import type { Model } from '../../engine/index.ts';
import type { StudentChoice } from '../logic/debrief-choices.ts';
import { rankImpacts, type ChoiceImpact } from '../logic/debrief-compute.ts';
import type { DebriefWork } from '../logic/debrief-work.ts';
import { dayLabel } from '../logic/day-label.ts';
import { OUTCOME_LABELS } from '../logic/quick-batch.ts';
import { responseText, percent } from '../logic/responses.ts';

/** "+23", "−4", "0" percentage points. */
export function points(x: number): string {
  const p = Math.round(x * 100);
  return p > 0 ? `+${p}` : p < 0 ? `−${-p}` : '0';
}

const W = 220;
const H = 26;
const EDGE = 24;

/** The bars' common half-width in P(collapse): 0.1, 0.2, 0.5 or 1, enough for every interval. */
export function barScale(impacts: readonly ChoiceImpact[]): number {
  const widest = Math.max(0, ...impacts.flatMap((i) => [Math.abs(i.impact.lo), Math.abs(i.impact.hi)]));
  return [0.1, 0.2, 0.5, 1].find((s) => widest <= s) ?? 1;
}

/** The change in P(collapse) on a common −scale…+scale axis, with its 95% interval. */
function ImpactBar({ impact, scale, words }: { impact: ChoiceImpact['impact']; scale: number; words: string }) {
  const x = (v: number) => W / 2 + (v / scale) * (W / 2 - EDGE);
  const mid = 11;
  return (
    <svg className="impact-bar" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={words}>
      <title>{words}</title>
      <line x1={x(-scale)} x2={x(scale)} y1={mid} y2={mid} className="impact-axis" />
      <line x1={W / 2} x2={W / 2} y1={2} y2={mid + 8} className="impact-zero" />
      <rect x={Math.min(x(0), x(impact.difference))} y={mid - 5} width={Math.max(1.5, Math.abs(x(impact.difference) - x(0)))} height={10} className={impact.difference > 0 ? 'impact-up' : 'impact-down'} />
      <line x1={x(impact.lo)} x2={x(impact.hi)} y1={mid} y2={mid} className="impact-interval" />
      <line x1={x(impact.lo)} x2={x(impact.lo)} y1={mid - 5} y2={mid + 5} className="impact-interval" />
      <line x1={x(impact.hi)} x2={x(impact.hi)} y1={mid - 5} y2={mid + 5} className="impact-interval" />
      <text x={2} y={mid + 4} className="impact-label">{points(-scale)}</text>
      <text x={W - 2} y={mid + 4} className="impact-label" textAnchor="end">{points(scale)}</text>
    </svg>
  );
}

/** "advanced 72%, stalled 26%, collapsed 3%" (endings with no run left out). */
function endings(outcomes: ChoiceImpact['outcomes'], side: 'chosen' | 'modelled'): string {
  return outcomes
    .filter((o) => o[side] > 0)
    .map((o) => `${OUTCOME_LABELS[o.result] ?? o.result} ${percent(o[side])}`)
    .join(', ');
}

/** Which of the student's choices moved P(collapse) most: each against the model answering there. */
export function DebriefImpacts({ model, choices, work, runs }: { model: Model; choices: readonly StudentChoice[]; work: DebriefWork; runs: number }) {
  const byN = new Map(choices.map((c) => [c.n, c]));
  const ranked = rankImpacts(work.impacts);
  const scale = barScale(work.impacts);
  const waiting = choices.length - work.impacts.length;
  return (
    <section className="debrief-section" aria-labelledby="debrief-impacts">
      <h2 id="debrief-impacts">Which of your choices moved P(collapse) most</h2>
      {choices.length === 0 ? (
        <p>With no choices of yours, there is nothing to compare.</p>
      ) : (
        <>
          <p className="hint">
            From the moment of each choice, the run is played on {runs} times with your answer and {runs} times with the model answering instead, pair by pair with the same luck (seeds <code>&lt;seed&gt;:0</code>…), every later decision answered by the model. The change is
            P(collapse) with your choice minus P(collapse) with the model's answer, in percentage points; the 95% interval is the range of true changes these {runs} pairs are consistent with (Newcombe's interval for paired proportions). Below each, how those futures ended: a choice can leave
            P(collapse) alone and still decide whether the truce advances or stalls. The largest changes come first. Each bar is the change (red: more collapses, green: fewer) with its interval, on one scale for all choices, its ends marked in points.
          </p>
          <ol className="debrief-impacts" data-testid="debrief-impacts">
            {ranked.map(({ n, impact, outcomes }) => {
              const c = byN.get(n)!;
              const party = model.partyById.get(c.party)?.name ?? c.party;
              const change = `${points(impact.difference)} points (95% interval ${points(impact.lo)} to ${points(impact.hi)})`;
              const words = `P(collapse) ${change}`;
              return (
                <li key={n}>
                  <span className="reason-day">{dayLabel(model.scenario, c.day)}</span> {party}: <strong>{responseText(c.response, c.kind).label}</strong> <span className="hint">({c.text})</span>
                  <div className="impact-row">
                    <ImpactBar impact={impact} scale={scale} words={words} />
                    <span>
                      P(collapse) <strong>{points(impact.difference)} points</strong> (95% interval {points(impact.lo)} to {points(impact.hi)}): {percent(impact.first)} of futures collapsed with your choice, {percent(impact.second)} with the model's answer.
                    </span>
                  </div>
                  <p className="impact-endings">
                    How the futures ended — with your choice: {endings(outcomes, 'chosen')}; with the model's answer: {endings(outcomes, 'modelled')}.
                  </p>
                </li>
              );
            })}
          </ol>
          {waiting > 0 && !work.error && (
            <p role="status">
              Measuring {waiting} more choice{waiting === 1 ? '' : 's'}… ({work.done.toLocaleString('en-US')} / {work.total.toLocaleString('en-US')} runs)
            </p>
          )}
          {work.error && <p role="alert">The comparison failed: {work.error}</p>}
        </>
      )}
    </section>
  );
}
