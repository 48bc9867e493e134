/** The lab's charts (loaded on demand): hand-written SVG, each with a table of the same numbers beside it. */
import type { Summary } from '../../batch/index.ts';
import type { Scenario } from '../../scenario/core.ts';
import { heatColour, heatGrid, type HeatCell, outcomesSeen, plannedLength, survivalDays, survivalFloor } from '../logic/lab-charts.ts';
import { variationLabel } from '../logic/lab.ts';
import { outcomeLabel, pct1 } from '../logic/quick-batch.ts';
import { LabHistogram } from './LabHistogram.tsx';
import { LabTable, type Column } from './LabTable.tsx';

const COLOURS = ['#1f6f8b', '#c0392b', '#7d3c98', '#d68910', '#1e8449', '#5d6d7e', '#a04000', '#2e86c1'];
/** Most variations drawn as lines on the survival chart (all are in its table). */
const MAX_CURVES = 8;

type Select = (variation: number) => void;

export default function LabCharts({ summary, scenario, onSelect }: { summary: Summary; scenario: Scenario | undefined; onSelect: Select }) {
  return (
    <div className="lab-charts">
      <OutcomeShares summary={summary} scenario={scenario} onSelect={onSelect} />
      <SurvivalCurves summary={summary} scenario={scenario} />
      <HeatMap summary={summary} onSelect={onSelect} />
      <LabHistogram summary={summary} />
    </div>
  );
}

function OutcomeShares({ summary, scenario, onSelect }: { summary: Summary; scenario: Scenario | undefined; onSelect: Select }) {
  const outcomes = outcomesSeen(summary);
  // Short names in the chart and table (`advanced`, not the phase it opened); the caption says the rest.
  const advanced = scenario && outcomes.includes('advanced') ? outcomeLabel(scenario, 'advanced') : undefined;
  const W = 560;
  const rowH = 16;
  const left = 150;
  const groups = summary.variations.slice(0, 40);
  const groupH = outcomes.length * rowH + (groups.length > 1 ? 22 : 10);
  const H = 24 + groups.length * groupH;
  const x = (p: number) => left + p * (W - left - 20);
  return (
    <figure className="lab-chart" data-testid="lab-outcomes">
      <figcaption>
        <h3>Outcome shares with 95% intervals, per variation</h3>
        {advanced && <p className="hint">advanced = {advanced}.</p>}
      </figcaption>
      <div className="lab-chart-pair">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Outcome shares per variation; the table beside gives every number">
          {[0, 0.25, 0.5, 0.75, 1].map((p) => (
            <g key={p}>
              <line x1={x(p)} x2={x(p)} y1={12} y2={H - 4} className="chart-grid" />
              <text x={x(p)} y={10} textAnchor="middle" className="chart-tick">
                {p * 100}%
              </text>
            </g>
          ))}
          {groups.map((v, g) => {
            const top = 20 + g * groupH;
            return (
              <g key={v.index}>
                <text x={4} y={top + 10} className="chart-group">
                  {groups.length > 1 ? `#${v.index} ${variationLabel(summary, v.index)}` : ''}
                </text>
                {outcomes.map((o, k) => {
                  const share = v.outcomes[o];
                  const cy = top + k * rowH + (groups.length > 1 ? 12 : 0);
                  if (!share || share.p === null) return null;
                  return (
                    <g key={o} data-outcome={o}>
                      <text x={left - 6} y={cy + 10} textAnchor="end" className="chart-tick">
                        {o}
                      </text>
                      <rect x={x(0)} y={cy + 2} width={x(share.p) - x(0)} height={rowH - 6} fill={COLOURS[k % COLOURS.length]} opacity={0.75} />
                      <line x1={x(share.lo)} x2={x(share.hi)} y1={cy + rowH / 2} y2={cy + rowH / 2} className="whisker" />
                      <line x1={x(share.lo)} x2={x(share.lo)} y1={cy + 3} y2={cy + rowH - 3} className="whisker" />
                      <line x1={x(share.hi)} x2={x(share.hi)} y1={cy + 3} y2={cy + rowH - 3} className="whisker" />
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
        <OutcomeTable summary={summary} outcomes={outcomes} onSelect={onSelect} />
      </div>
    </figure>
  );
}

function OutcomeTable({ summary, outcomes, onSelect }: { summary: Summary; outcomes: readonly string[]; onSelect: Select }) {
  type Row = Summary['variations'][number];
  const columns: Column<Row>[] = [
    {
      key: 'variation',
      label: 'Variation',
      value: (v) => v.index,
      rowHeader: true,
      render: (v) => (
        <button type="button" className="link-button" onClick={() => onSelect(v.index)} title="List example runs of this variation">
          #{v.index} {variationLabel(summary, v.index)}
        </button>
      ),
    },
    ...outcomes.map((o): Column<Row> => ({
      key: o,
      label: o,
      value: (v) => v.outcomes[o]?.p ?? null,
      render: (v) => {
        const s = v.outcomes[o];
        return s ? (
          <>
            {pct1(s.p)} <span className="lab-interval">{`${pct1(s.lo)}–${pct1(s.hi)}`}</span>
          </>
        ) : (
          '—'
        );
      },
    })),
  ];
  return <LabTable rows={summary.variations} columns={columns} rowKey={(v) => v.index} rowAttributes={(v) => ({ 'data-variation': v.index })} testId="lab-outcome-table" />;
}

function SurvivalCurves({ summary, scenario }: { summary: Summary; scenario: Scenario | undefined }) {
  const days = survivalDays(summary, plannedLength(scenario));
  if (days < 1) return null;
  const curves = summary.variations.slice(0, MAX_CURVES);
  const floor = survivalFloor(curves.map((v) => ({ ...v.survival, lo: v.survival.lo.slice(0, days) })));
  const W = 560;
  const H = 220;
  const pad = { left: 44, right: 24, top: 10, bottom: 28 };
  const x = (d: number) => pad.left + (days === 1 ? 0 : ((d - 1) / (days - 1)) * (W - pad.left - pad.right));
  const y = (p: number) => pad.top + ((1 - p) / (1 - floor || 1)) * (H - pad.top - pad.bottom);
  const yTicks = [floor, (floor + 1) / 2, 1];
  const xTicks = [...new Set([1, Math.round(days / 4), Math.round(days / 2), Math.round((3 * days) / 4), days])].filter((d) => d >= 1);
  const checkpoints = [...new Set([Math.round(days / 4), Math.round(days / 2), days])].filter((d) => d >= 1);
  return (
    <figure className="lab-chart" data-testid="lab-survival">
      <figcaption>
        <h3>Still holding, by day (95% band)</h3>
        <p className="hint">The axis runs from {pct1(floor)} to 100% and to day {days}{plannedLength(scenario) ? ` (the planned ${plannedLength(scenario)} days, or the last collapse if later)` : ''}.</p>
      </figcaption>
      <div className="lab-chart-pair">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Survival curves of ${curves.length} variation(s) from ${pct1(floor)} to 100%, days 1 to ${days}; the table beside gives the values`}>
          {yTicks.map((p) => (
            <g key={p}>
              <line x1={pad.left} x2={W - pad.right} y1={y(p)} y2={y(p)} className="chart-grid" />
              <text x={pad.left - 4} y={y(p) + 3} textAnchor="end" className="chart-tick">
                {pct1(p)}
              </text>
            </g>
          ))}
          {xTicks.map((d) => (
            <text key={d} x={x(d)} y={H - 10} textAnchor="middle" className="chart-tick">
              day {d}
            </text>
          ))}
          {curves.map((v, k) => {
            const s = v.survival;
            const idx = s.days.slice(0, days).map((_, i) => i);
            const band = [...idx.map((i) => `${x(i + 1)},${y(s.hi[i]!)}`), ...idx.map((i) => `${x(i + 1)},${y(s.lo[i]!)}`).reverse()].join(' ');
            return (
              <g key={v.index} data-variation={v.index}>
                <polygon points={band} fill={COLOURS[k % COLOURS.length]} opacity={0.15} />
                <polyline points={idx.map((i) => `${x(i + 1)},${y(s.holding[i]!)}`).join(' ')} fill="none" stroke={COLOURS[k % COLOURS.length]} strokeWidth={1.8} />
              </g>
            );
          })}
        </svg>
        <LabTable<{ v: Summary['variations'][number]; k: number }>
          rows={summary.variations.map((v, k) => ({ v, k }))}
          rowKey={({ v }) => v.index}
          testId="lab-survival-table"
          columns={[
            {
              key: 'variation',
              label: 'Variation',
              value: ({ v }) => v.index,
              rowHeader: true,
              render: ({ v, k }) => (
                <>
                  {k < MAX_CURVES && <span className="swatch" style={{ background: COLOURS[k % COLOURS.length] }} aria-hidden="true" />} #{v.index} {variationLabel(summary, v.index)}
                </>
              ),
            },
            ...checkpoints.map((d): Column<{ v: Summary['variations'][number]; k: number }> => ({ key: `day-${d}`, label: `day ${d}`, value: ({ v }) => v.survival.holding[d - 1] ?? null, render: ({ v }) => pct1(v.survival.holding[d - 1] ?? null) })),
          ]}
        />
      </div>
    </figure>
  );
}

function HeatMap({ summary, onSelect }: { summary: Summary; onSelect: Select }) {
  const grid = heatGrid(summary);
  if (!grid) return null;
  const top = Math.max(0, ...grid.cells.map((c) => c.share ?? 0));
  const cellW = Math.max(36, Math.min(70, 480 / grid.cols.length));
  const cellH = Math.max(22, Math.min(40, 320 / grid.rows.length));
  const left = 60;
  const topPad = 40;
  const W = left + cellW * grid.cols.length + 10;
  const H = topPad + cellH * grid.rows.length + 10;
  return (
    <figure className="lab-chart" data-testid="lab-heatmap">
      <figcaption>
        <h3>
          Collapse share: {grid.rowName} (rows) × {grid.colName} (columns)
        </h3>
        <p className="hint">Darker is more collapse; the darkest cell is {pct1(top)}.</p>
      </figcaption>
      <div className="lab-chart-pair">
        <svg viewBox={`0 0 ${W} ${H}`} style={{ maxWidth: W }} role="img" aria-label={`Heat map of the collapse share over ${grid.rowName} and ${grid.colName}; the table beside gives every cell`}>
          <text x={left} y={12} className="chart-tick">
            {grid.colName} →
          </text>
          {grid.cols.map((c, j) => (
            <text key={c} x={left + j * cellW + cellW / 2} y={topPad - 6} textAnchor="middle" className="chart-tick">
              {c}
            </text>
          ))}
          {grid.rows.map((r, i) => (
            <text key={r} x={left - 4} y={topPad + i * cellH + cellH / 2 + 4} textAnchor="end" className="chart-tick">
              {r}
            </text>
          ))}
          {grid.cells.map((c) => (
            <g key={c.variation} data-variation={c.variation} className="heat-cell" onClick={() => onSelect(c.variation)}>
              <rect x={left + c.col * cellW} y={topPad + c.row * cellH} width={cellW - 1} height={cellH - 1} fill={heatColour(c.share, top)}>
                <title>{`${grid.rowName} ${grid.rows[c.row]}, ${grid.colName} ${grid.cols[c.col]}: ${c.count} of ${c.runs} collapsed (${pct1(c.share)})`}</title>
              </rect>
              <text x={left + c.col * cellW + cellW / 2} y={topPad + c.row * cellH + cellH / 2 + 4} textAnchor="middle" className={c.share !== null && top > 0 && c.share / top > 0.6 ? 'heat-text dark' : 'heat-text'}>
                {pct1(c.share)}
              </text>
            </g>
          ))}
        </svg>
        <LabTable
          rows={grid.rows.map((r, i) => ({ r, cells: grid.cells.filter((c) => c.row === i) }))}
          rowKey={({ r }) => r}
          testId="lab-heat-table"
          columns={[
            { key: 'row', label: `${grid.rowName} \\ ${grid.colName}`, value: ({ r }) => r, rowHeader: true },
            ...grid.cols.map((col, j): Column<{ r: number; cells: HeatCell[] }> => ({
              key: `col-${j}`,
              label: String(col),
              value: ({ cells }) => cells[j]?.share ?? null,
              attributes: ({ cells }) => ({ 'data-variation': cells[j]!.variation }),
              render: ({ cells }) => (
                <button type="button" className="link-button" onClick={() => onSelect(cells[j]!.variation)} title="List example runs of this cell">
                  {pct1(cells[j]!.share)}
                </button>
              ),
            })),
          ]}
        />
      </div>
    </figure>
  );
}
