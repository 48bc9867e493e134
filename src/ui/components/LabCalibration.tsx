/**
 * A calibration's results (loaded on demand): per free parameter, the posterior of the accepted
 * particles over its prior range with the mean and the 90% credible interval in words; a sortable
 * table beside; the targets at the calibrated values; the CLI's files to download.
 */
import { sig } from '../../batch/index.ts';
import { CREDIBLE_LEVEL, posteriorSentence, posteriorViews, type LabCalibration, type PosteriorView } from '../logic/lab-calibration.ts';
import { BarKey } from './LabBars.tsx';
import { TargetsTable } from './LabExploreResults.tsx';
import { download } from './LabResults.tsx';
import { LabTable } from './LabTable.tsx';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const METHOD = { smc: 'ABC-SMC', rejection: 'rejection ABC' } as const;

/** The posterior of one parameter over its prior range: weight per bin, the 90% interval shaded, the mean and the calibrated value marked. */
function PosteriorChart({ v }: { v: PosteriorView }) {
  const W = 560;
  const H = 180;
  const pad = { left: 44, right: 14, top: 12, bottom: 36 };
  const span = v.prior.hi - v.prior.lo || 1;
  const x = (value: number) => pad.left + ((value - v.prior.lo) / span) * (W - pad.left - pad.right);
  const top = Math.max(1e-9, ...v.bins.map((b) => b.weight));
  const y = (w: number) => pad.top + (1 - w / top) * (H - pad.top - pad.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => v.prior.lo + t * span);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} style={{ width: '100%', maxWidth: 620, height: 'auto' }} role="img" aria-label={`Posterior of ${v.name} over its prior range ${sig(v.prior.lo)} to ${sig(v.prior.hi)}; the table beside gives the numbers`}>
      <rect x={x(v.lo90)} y={pad.top} width={Math.max(1, x(v.hi90) - x(v.lo90))} height={H - pad.top - pad.bottom} fill={BAND} data-band="90" />
      {[0, top / 2, top].map((w) => (
        <g key={w}>
          <line x1={pad.left} x2={W - pad.right} y1={y(w)} y2={y(w)} className="chart-grid" />
          <text x={pad.left - 4} y={y(w) + 3} textAnchor="end" className="chart-tick">
            {`${(100 * w).toFixed(0)}%`}
          </text>
        </g>
      ))}
      {v.bins.map((b, i) => (
        <rect key={i} data-bin={i} x={x(b.lo) + 0.5} y={y(b.weight)} width={Math.max(0.5, x(b.hi) - x(b.lo) - 1)} height={y(0) - y(b.weight)} fill="#1f6f8b" opacity={0.85}>
          <title>{`${v.name} ${sig(b.lo)}–${sig(b.hi)}: ${(100 * b.weight).toFixed(1)}% of the posterior (${b.count} particles)`}</title>
        </rect>
      ))}
      <line x1={x(v.mean)} x2={x(v.mean)} y1={pad.top} y2={y(0)} stroke="#c0392b" strokeWidth={2} data-mark="mean" />
      {v.calibrated !== undefined && <line x1={x(v.calibrated)} x2={x(v.calibrated)} y1={pad.top} y2={y(0)} stroke="#222" strokeDasharray="4 3" data-mark="calibrated" />}
      {ticks.map((t) => (
        <text key={t} x={x(t)} y={H - 20} textAnchor="middle" className="chart-tick">
          {sig(t)}
        </text>
      ))}
      <text x={(W + pad.left) / 2} y={H - 4} textAnchor="middle" className="chart-tick">
        {v.name} (axis: its prior range)
      </text>
    </svg>
  );
}

const BAND = '#f6ddcc';
const KEY = [
  { name: 'posterior weight per bin', colour: '#1f6f8b' },
  { name: '90% credible interval', colour: BAND },
  { name: 'posterior mean', colour: '#c0392b' },
  { name: 'calibrated value (dashed)', colour: '#222' },
];

function SummaryTable({ views, result }: { views: PosteriorView[]; result: LabCalibration }) {
  const cli = new Map(result.summary.posterior.map((p) => [p.name, p]));
  return (
    <LabTable
      rows={views}
      rowKey={(v) => v.name}
      testId="lab-posterior-table"
      label="Posterior of each free parameter"
      columns={[
        { key: 'parameter', label: 'Parameter', value: (v) => v.name, rowHeader: true },
        { key: 'prior', label: 'Prior range', value: (v) => v.prior.hi - v.prior.lo, render: (v) => `${sig(v.prior.lo)}–${sig(v.prior.hi)}` },
        { key: 'mean', label: 'Mean', value: (v) => v.mean, render: (v) => sig(v.mean) },
        { key: 'median', label: 'Median', value: (v) => v.median, render: (v) => sig(v.median) },
        { key: 'ci90', label: '90% interval', value: (v) => v.lo90, render: (v) => `${sig(v.lo90)} to ${sig(v.hi90)}` },
        { key: 'ci95', label: '95% interval', value: (v) => cli.get(v.name)?.lo ?? null, render: (v) => (cli.has(v.name) ? `${sig(cli.get(v.name)!.lo)} to ${sig(cli.get(v.name)!.hi)}` : '—') },
        { key: 'narrowing', label: '90% width / prior', value: (v) => v.narrowing, render: (v) => `${(100 * v.narrowing).toFixed(0)}%` },
        { key: 'calibrated', label: 'Calibrated', value: (v) => v.calibrated ?? null, render: (v) => (v.calibrated === undefined ? '—' : String(v.calibrated)) },
        { key: 'best', label: 'Best fit', value: (v) => v.best ?? null, render: (v) => (v.best === undefined ? '—' : sig(v.best)) },
      ]}
    />
  );
}

function Generations({ result }: { result: LabCalibration }) {
  const generations = result.summary.generations;
  if (!generations?.length) return null;
  return (
    <details className="lab-generations">
      <summary>SMC generations ({generations.length}; stopped: {result.summary.stopReason})</summary>
      <LabTable
        rows={generations.map((g, i) => ({ ...g, i }))}
        rowKey={(g) => g.i}
        testId="lab-generations-table"
        columns={[
          { key: 'i', label: 'Generation', value: (g) => g.i, rowHeader: true },
          { key: 'epsilon', label: 'ε (tolerances)', value: (g) => g.epsilon, render: (g) => sig(g.epsilon) },
          { key: 'proposed', label: 'Proposed', value: (g) => g.proposed },
          { key: 'accepted', label: 'Accepted', value: (g) => g.accepted },
          { key: 'rate', label: 'Acceptance', value: (g) => g.acceptanceRate, render: (g) => `${(100 * g.acceptanceRate).toFixed(0)}%` },
          { key: 'ess', label: 'ESS', value: (g) => g.effectiveSampleSize, render: (g) => sig(g.effectiveSampleSize) },
        ]}
      />
    </details>
  );
}

export default function LabCalibrationResults({ result, file }: { result: LabCalibration; file?: string }) {
  const s = result.summary;
  const views = posteriorViews(s);
  const met = s.check.filter((r) => r.met).length;
  return (
    <section className="panel lab-results" data-testid="lab-results" aria-label="Results">
      <h2>
        Calibration{file ? ` from ${file}` : ''}: {METHOD[s.method]} of {s.free.map((f) => f.name).join(', ')} to {s.targets.length} target{s.targets.length === 1 ? '' : 's'} —{' '}
        {int(s.samples.length)} accepted of {int(s.evaluations)} candidates × {int(s.runsPerCandidate)} runs
      </h2>
      {result.elapsedMs !== undefined && result.runs !== undefined && (
        <p className="hint" data-testid="lab-speed">
          {int(result.runs)} runs in {(result.elapsedMs / 1000).toFixed(1)} s with {result.workers} worker{result.workers === 1 ? '' : 's'} ({int(result.runs / (result.elapsedMs / 1000))} runs/s)
        </p>
      )}
      <p>
        <button type="button" onClick={() => download('calibration.json', [result.summaryText], 'application/json')}>
          Download summary JSON
        </button>{' '}
        {result.reportText !== undefined && (
          <button type="button" onClick={() => download('calibration.txt', [result.reportText!], 'text/plain')}>
            Download report
          </button>
        )}
      </p>
      <p className="hint">
        Prior: uniform over each range. The posterior is the accepted particles (weighted, {METHOD[s.method]}, final tolerance ε = {sig(s.epsilon)}; effective sample size{' '}
        {sig(s.effectiveSampleSize)}): values of the parameters under which the simulated targets came within their tolerances, on the seeds {s.seed}:0 … {s.seed}:
        {s.runsPerCandidate - 1}. The {Math.round(CREDIBLE_LEVEL * 100)}% interval holds {Math.round(CREDIBLE_LEVEL * 100)}% of the posterior weight, cut equally from both ends.
      </p>
      <BarKey bars={KEY} />
      {views.map((v) => (
        <figure key={v.name} className="lab-chart" data-testid="lab-posterior" data-parameter={v.name}>
          <figcaption>
            <h3>Posterior of {v.name}</h3>
            <p data-testid="lab-posterior-sentence">{posteriorSentence(v)}</p>
          </figcaption>
          <PosteriorChart v={v} />
        </figure>
      ))}
      <SummaryTable views={views} result={result} />
      <h3 style={{ marginTop: 20 }}>
        Targets at the calibrated values ({met} of {s.check.length} met): {Object.entries(s.calibrated).map(([k, v]) => `${k}=${v}`).join(', ')}
      </h3>
      <TargetsTable results={s.check} />
      <Generations result={result} />
      {result.reportText !== undefined && (
        <details>
          <summary>What <code>parley calibrate</code> prints</summary>
          <pre className="lab-report" data-testid="lab-calibration-report">{result.reportText}</pre>
        </details>
      )}
    </section>
  );
}
