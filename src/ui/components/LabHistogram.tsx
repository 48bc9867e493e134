/** A histogram of any per-run metric for one variation, with its bins and every variation's percentiles in sortable tables. */
import { useState } from 'react';
import { sig, type Summary } from '../../batch/index.ts';
import { histogramBins, type HistogramBin } from '../logic/lab-charts.ts';
import { variationLabel } from '../logic/lab.ts';
import { LabTable } from './LabTable.tsx';

const binText = (b: HistogramBin) => (b.lo === b.hi ? sig(b.lo) : `${sig(b.lo)} – ${sig(b.hi)}`);

function Bars({ bins, runs, metric }: { bins: readonly HistogramBin[]; runs: number; metric: string }) {
  const W = 560;
  const H = 200;
  const pad = { left: 44, right: 10, top: 10, bottom: 34 };
  const top = Math.max(1, ...bins.map((b) => b.count));
  const w = (W - pad.left - pad.right) / Math.max(1, bins.length);
  const y = (n: number) => pad.top + (1 - n / top) * (H - pad.top - pad.bottom);
  const every = Math.ceil(bins.length / 8);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Histogram of ${metric} over ${runs} runs; the table beside gives every bin`}>
      {[0, top / 2, top].map((n) => (
        <g key={n}>
          <line x1={pad.left} x2={W - pad.right} y1={y(n)} y2={y(n)} className="chart-grid" />
          <text x={pad.left - 4} y={y(n) + 3} textAnchor="end" className="chart-tick">
            {runs ? `${((100 * n) / runs).toFixed(0)}%` : ''}
          </text>
        </g>
      ))}
      {bins.map((b, i) => (
        <g key={i} data-bin={binText(b)}>
          <rect x={pad.left + i * w + 1} y={y(b.count)} width={Math.max(1, w - 2)} height={y(0) - y(b.count)} fill="#1f6f8b" opacity={0.8}>
            <title>{`${metric} ${binText(b)}: ${b.count} runs`}</title>
          </rect>
          {i % every === 0 && (
            <text x={pad.left + i * w + w / 2} y={H - 20} textAnchor="middle" className="chart-tick">
              {sig(b.lo)}
            </text>
          )}
        </g>
      ))}
      <text x={(W + pad.left) / 2} y={H - 4} textAnchor="middle" className="chart-tick">
        {metric}
      </text>
    </svg>
  );
}

export function LabHistogram({ summary }: { summary: Summary }) {
  const [metric, setMetric] = useState(summary.metric && summary.metrics.includes(summary.metric) ? summary.metric : summary.metrics[0]);
  const [variation, setVariation] = useState(0);
  if (!metric) return null;
  const v = summary.variations[Math.min(variation, summary.variations.length - 1)]!;
  const bins = histogramBins(v.tally.metrics[metric] ?? []);
  const stats = summary.variations.map((x) => ({ index: x.index, label: `#${x.index} ${variationLabel(summary, x.index)}`, ...x.metrics[metric]! }));
  const num = (n: number | null) => (n === null ? '—' : sig(n));
  return (
    <figure className="lab-chart" data-testid="lab-histogram">
      <figcaption>
        <h3>Histogram of a metric, per variation</h3>
        <p className="lab-histogram-pick">
          <label>
            Metric{' '}
            <select value={metric} onChange={(e) => setMetric(e.target.value)}>
              {summary.metrics.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>{' '}
          {summary.variations.length > 1 && (
            <label>
              Variation{' '}
              <select aria-label="Histogram variation" value={v.index} onChange={(e) => setVariation(Number(e.target.value))}>
                {summary.variations.map((x) => (
                  <option key={x.index} value={x.index}>
                    #{x.index} {variationLabel(summary, x.index)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </p>
        <p className="hint">
          Share of the {v.runs.toLocaleString('en-US')} runs of #{v.index} {variationLabel(summary, v.index)} in each bin of <code>{metric}</code> at the end of the run.
        </p>
      </figcaption>
      <div className="lab-chart-pair">
        <Bars bins={bins} runs={v.runs} metric={metric} />
        <LabTable
          rows={bins}
          rowKey={(b) => `${b.lo}:${b.hi}`}
          testId="lab-histogram-table"
          columns={[
            { key: 'bin', label: metric, value: (b) => b.lo, render: binText, rowHeader: true },
            { key: 'runs', label: 'Runs', value: (b) => b.count },
            { key: 'share', label: 'Share', value: (b) => b.count / Math.max(1, v.runs), render: (b) => `${((100 * b.count) / Math.max(1, v.runs)).toFixed(1)}%` },
          ]}
        />
      </div>
      <LabTable
        rows={stats}
        rowKey={(s) => s.index}
        testId="lab-metric-table"
        label={`${metric} per variation`}
        columns={[
          { key: 'variation', label: 'Variation', value: (s) => s.index, render: (s) => s.label, rowHeader: true },
          { key: 'mean', label: 'Mean', value: (s) => s.mean, render: (s) => num(s.mean) },
          { key: 'p5', label: '5th pct', value: (s) => s.p5, render: (s) => num(s.p5) },
          { key: 'p50', label: 'Median', value: (s) => s.p50, render: (s) => num(s.p50) },
          { key: 'p95', label: '95th pct', value: (s) => s.p95, render: (s) => num(s.p95) },
          { key: 'max', label: 'Max', value: (s) => s.max, render: (s) => num(s.max) },
        ]}
      />
    </figure>
  );
}
