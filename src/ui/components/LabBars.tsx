/** Horizontal bars with interval whiskers, one group per row (e.g. a parameter's S1 and ST): plain SVG. */
export interface Bar {
  name: string;
  value: number;
  lo?: number;
  hi?: number;
  colour: string;
}

export interface BarGroup {
  label: string;
  bars: Bar[];
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString());

/** Round ticks (steps of 1, 2 or 5 × 10ⁿ) covering [lo, hi], and the axis ends they give. */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1]! < hi) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

/** The value axis runs from min(0, lowest) to the largest value or interval end. */
export function IntervalBars({ groups, label, format = fmt }: { groups: readonly BarGroup[]; label: string; format?: (x: number) => string }) {
  const ends = groups.flatMap((g) => g.bars.flatMap((b) => [b.value, b.lo ?? b.value, b.hi ?? b.value])).filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...ends), Math.max(Math.min(0, ...ends) + 1e-9, ...ends));
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const W = 560;
  const left = 140;
  const rowH = 14;
  const perBars = Math.max(1, ...groups.map((g) => g.bars.length));
  const groupH = perBars * rowH + 10;
  const H = 24 + groups.length * groupH;
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (W - left - 24);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label}; the table beside gives every number`}>
      {ticks.map((t, i) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={14} y2={H - 4} className="chart-grid" />
          <text x={x(t)} y={10} textAnchor={i === ticks.length - 1 ? 'end' : 'middle'} className="chart-tick">
            {format(t)}
          </text>
        </g>
      ))}
      {groups.map((g, i) => {
        const top = 18 + i * groupH;
        return (
          <g key={g.label} data-group={g.label}>
            <text x={left - 6} y={top + (perBars * rowH) / 2 + 4} textAnchor="end" className="chart-group">
              {g.label}
            </text>
            {g.bars.map((b, k) => {
              const y = top + k * rowH;
              const v = Number.isFinite(b.value) ? b.value : 0;
              return (
                <g key={b.name} data-bar={b.name}>
                  <rect x={Math.min(x(0), x(v))} y={y + 2} width={Math.abs(x(v) - x(0))} height={rowH - 4} fill={b.colour} opacity={0.8} />
                  {b.lo !== undefined && b.hi !== undefined && Number.isFinite(b.lo) && Number.isFinite(b.hi) && (
                    <>
                      <line x1={x(b.lo)} x2={x(b.hi)} y1={y + rowH / 2} y2={y + rowH / 2} className="whisker" />
                      <line x1={x(b.lo)} x2={x(b.lo)} y1={y + 3} y2={y + rowH - 3} className="whisker" />
                      <line x1={x(b.hi)} x2={x(b.hi)} y1={y + 3} y2={y + rowH - 3} className="whisker" />
                    </>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** A colour key for the bars of each group. */
export function BarKey({ bars }: { bars: readonly Pick<Bar, 'name' | 'colour'>[] }) {
  return (
    <p className="hint bar-key">
      {bars.map((b) => (
        <span key={b.name}>
          <span className="swatch" style={{ background: b.colour }} aria-hidden="true" />
          {b.name}{' '}
        </span>
      ))}
    </p>
  );
}
