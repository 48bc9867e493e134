import type { CompiledTalks, TalksNote } from '../../engine/index.ts';
import { planeSummary, talksPlane, type PlanePoint } from '../logic/talks-chart.ts';

const W = 300;
const H = 260;
const PAD = { left: 40, right: 10, top: 10, bottom: 36 };

/** The utility plane of the talks: the zone of agreement, its Pareto frontier, the Nash and Kalai points, the offers and the deal. */
export function TalksChart({ talks, notes, deal }: { talks: CompiledTalks; notes: readonly TalksNote[]; deal?: readonly number[] }) {
  const plane = talksPlane(talks, notes, deal);
  const span = plane.max - plane.min;
  const x = (u: number) => PAD.left + ((u - plane.min) / span) * (W - PAD.left - PAD.right);
  const y = (u: number) => PAD.top + (1 - (u - plane.min) / span) * (H - PAD.top - PAD.bottom);
  const xy = (p: PlanePoint) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`;
  const frontier = [...plane.frontier].sort((a, b) => a.x - b.x);
  const zone = frontier.length > 0 ? [`${x(0)},${y(0)}`, `${x(0)},${y(frontier[0]!.y).toFixed(1)}`, ...frontier.map(xy), `${x(frontier.at(-1)!.x).toFixed(1)},${y(0)}`].join(' ') : '';
  const [s0, s1] = talks.sides;
  const summary = planeSummary(talks, plane);
  return (
    <figure className="talks-chart" data-testid="talks-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Talks in the utility plane. ${summary}`}>
        {zone && <polygon points={zone} className="talks-zone" />}
        <line x1={x(0)} x2={x(0)} y1={PAD.top} y2={H - PAD.bottom} className="talks-redline" />
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="talks-redline" />
        {frontier.length > 1 && <polyline points={frontier.map(xy).join(' ')} className="talks-frontier" />}
        {plane.offers.map((o, i) => (
          <circle key={i} cx={x(o.x)} cy={y(o.y)} r={o.kind === 'mediator' ? 3.5 : 3} className={o.kind === 'mediator' ? 'talks-proposal' : o.by === s0.id ? 'talks-offer-a' : 'talks-offer-b'} />
        ))}
        {plane.nash && <rect x={x(plane.nash.x) - 4} y={y(plane.nash.y) - 4} width={8} height={8} transform={`rotate(45 ${x(plane.nash.x)} ${y(plane.nash.y)})`} className="talks-nash" />}
        {plane.kalai && <rect x={x(plane.kalai.x) - 3.5} y={y(plane.kalai.y) - 3.5} width={7} height={7} className="talks-kalai" />}
        {plane.deal && <circle cx={x(plane.deal.x)} cy={y(plane.deal.y)} r={7} className="talks-deal" />}
        <text x={(PAD.left + W - PAD.right) / 2} y={H - 6} textAnchor="middle" className="talks-axis">
          {s0.name}: 0 = red line, 1 = ideal
        </text>
        <text x={12} y={(PAD.top + H - PAD.bottom) / 2} textAnchor="middle" transform={`rotate(-90 12 ${(PAD.top + H - PAD.bottom) / 2})`} className="talks-axis">
          {s1.name}
        </text>
        {[0, 1].map((u) => (
          <g key={u}>
            <text x={x(u)} y={H - PAD.bottom + 12} textAnchor="middle" className="talks-tick">{u}</text>
            <text x={PAD.left - 4} y={y(u) + 3} textAnchor="end" className="talks-tick">{u}</text>
          </g>
        ))}
      </svg>
      <figcaption>
        <span className="talks-key"><span className="talks-key-zone" aria-hidden="true" /> zone of agreement</span>
        <span className="talks-key"><span className="talks-key-line" aria-hidden="true" /> Pareto frontier</span>
        <span className="talks-key">◆ Nash · ■ Kalai</span>
        <span className="talks-key"><span className="talks-key-a" aria-hidden="true" /> {s0.name}’s offers</span>
        <span className="talks-key"><span className="talks-key-b" aria-hidden="true" /> {s1.name}’s offers</span>
        <span className="talks-key"><span className="talks-key-p" aria-hidden="true" /> mediators’ proposals</span>
        {plane.deal && <span className="talks-key"><span className="talks-key-deal" aria-hidden="true" /> the deal</span>}
        <span className="hint talks-summary">{summary}</span>
      </figcaption>
    </figure>
  );
}
