import type { Survival } from '../../batch/index.ts';
import { pct1 } from '../logic/quick-batch.ts';

const W = 320;
const H = 120;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };

/** P(truce still holding at the end of day d) as a line with its 95% band; the checkpoints are also given as text. */
export function SurvivalChart({ survival }: { survival: Survival }) {
  const n = survival.days.length;
  if (n === 0) return null;
  const last = survival.days[n - 1]!;
  const x = (day: number) => PAD.left + (n === 1 ? 0 : ((day - 1) / (last - 1)) * (W - PAD.left - PAD.right));
  const y = (p: number) => PAD.top + (1 - p) * (H - PAD.top - PAD.bottom);
  const line = survival.days.map((d, i) => `${x(d).toFixed(1)},${y(survival.holding[i]!).toFixed(1)}`).join(' ');
  const band = [
    ...survival.days.map((d, i) => `${x(d).toFixed(1)},${y(survival.hi[i]!).toFixed(1)}`),
    ...survival.days.map((d, i) => `${x(d).toFixed(1)},${y(survival.lo[i]!).toFixed(1)}`).reverse(),
  ].join(' ');
  const checkpoints = [...new Set([1, 2, 3, 4].map((q) => Math.max(1, Math.round((last * q) / 4))))];
  const words = checkpoints.map((d) => `day ${d}: ${pct1(survival.holding[d - 1]!)}`).join(', ');
  return (
    <figure className="survival" data-testid="survival">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Survival curve, P(truce still holding): ${words}`}>
        {[0, 0.5, 1].map((p) => (
          <g key={p}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(p)} y2={y(p)} className="survival-grid" />
            <text x={PAD.left - 4} y={y(p) + 3} textAnchor="end" className="survival-tick">
              {p * 100}%
            </text>
          </g>
        ))}
        {[...new Set([1, ...checkpoints])].map((d) => (
          <text key={d} x={x(d)} y={H - 6} textAnchor={d === 1 ? 'start' : d === last ? 'end' : 'middle'} className="survival-tick">
            {d === 1 ? 'day 1' : `day ${d}`}
          </text>
        ))}
        <polygon points={band} className="survival-band" />
        <polyline points={line} className="survival-line" />
      </svg>
      <figcaption>
        P(truce still holding at the end of day d), shaded: 95% interval. {words}.
      </figcaption>
    </figure>
  );
}
