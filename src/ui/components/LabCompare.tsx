/** Compare A and B on the same seeds: the form's two sides, and the paired differences with their intervals. */
import { sig } from '../../batch/index.ts';
import type { LabScenario } from '../logic/lab.ts';
import type { CompareDraft, LabComparison, PairedDifference } from '../logic/lab-compare.ts';
import { IntervalBars } from './LabBars.tsx';
import { LabTable, type Column } from './LabTable.tsx';

const int = (n: number) => n.toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const points = (x: number) => `${x > 0 ? '+' : ''}${(100 * x).toFixed(1)} pts`;

interface FieldsProps {
  source: LabScenario;
  sources: readonly LabScenario[];
  compare: CompareDraft;
  onChange(compare: CompareDraft): void;
}

/** A is the page's scenario; B is any bundled scenario (the same one by default); each with its own overrides. */
export function CompareFields({ source, sources, compare, onChange }: FieldsProps) {
  const b = compare.scenarioB || source.scenario.id;
  return (
    <div className="lab-compare-fields">
      <p className="hint">
        Run <em>i</em> of A and run <em>i</em> of B use the same seed, so each pair differs only by what A and B change. Overrides: <code>name=value</code>, separated by
        commas (the parameters are in the stepper's Assumptions).
      </p>
      <label>
        A: {source.scenario.title}, with <input aria-label="A: set" value={compare.setA} placeholder="(defaults)" onChange={(e) => onChange({ ...compare, setA: e.target.value })} />
      </label>
      <label>
        B:{' '}
        <select aria-label="B: scenario" value={b} onChange={(e) => onChange({ ...compare, scenarioB: e.target.value })}>
          {sources.map((s) => (
            <option key={s.file} value={s.scenario.id}>
              {s.scenario.title}
            </option>
          ))}
        </select>{' '}
        with <input aria-label="B: set" value={compare.setB} placeholder="(defaults)" onChange={(e) => onChange({ ...compare, setB: e.target.value })} />
      </label>
    </div>
  );
}

function differenceColumns(format: (x: number) => string, diff: (x: number) => string, first: string): Column<PairedDifference>[] {
  return [
    { key: 'name', label: first, value: (r) => r.name, rowHeader: true },
    { key: 'a', label: 'A', value: (r) => r.a, render: (r) => format(r.a) },
    { key: 'b', label: 'B', value: (r) => r.b, render: (r) => format(r.b) },
    { key: 'diff', label: 'B − A', value: (r) => r.diff, render: (r) => diff(r.diff) },
    { key: 'interval', label: '95% interval', value: (r) => r.lo, render: (r) => (Number.isFinite(r.lo) ? `${diff(r.lo)} to ${diff(r.hi)}` : '—') },
    { key: 'differing', label: 'Pairs differing', value: (r) => r.differing, render: (r) => int(r.differing) },
  ];
}

export function LabCompareResults({ result }: { result: LabComparison }) {
  const c = result.comparison;
  const signed = (x: number) => `${x > 0 ? '+' : ''}${sig(x)}`;
  const clear = c.outcomes.filter((o) => o.lo > 0 || o.hi < 0);
  return (
    <section className="panel lab-results" data-testid="lab-results" aria-label="Results">
      <h2>
        Compared: A and B on {int(c.pairs)} paired seeds
        {result.partial && <span className="lab-partial" data-testid="lab-partial"> — partial (stopped in the lab)</span>}
      </h2>
      <p>
        <strong>A</strong>: {result.labelA}. <strong>B</strong>: {result.labelB}. Pair <em>i</em> uses the seed <code>{result.seed}:i</code> on both sides.
      </p>
      <p data-testid="lab-compare-differ">
        {int(c.differ)} of {int(c.pairs)} pairs differ at all (outcome, end day or a metric); {int(c.outcomeDiffers)} end differently.
        {clear.length > 0 ? ` B changes ${clear.map((o) => `${o.name} by ${points(o.diff)}`).join(', ')} (interval clear of 0).` : ' No outcome share changes by more than its interval allows.'}
      </p>
      <figure className="lab-chart" data-testid="lab-compare-outcomes">
        <figcaption>
          <h3>Outcome shares: B − A, paired, with 95% intervals</h3>
          <p className="hint">
            Each bar is the mean of the per-seed differences (1 if only B's run ended so, −1 if only A's, 0 if both or neither); the whisker is its 95% interval,
            mean ± 1.96 × sd ÷ √pairs. A whisker that does not cross 0 is a difference the seeds cannot explain.
          </p>
        </figcaption>
        <div className="lab-chart-pair">
          <IntervalBars label="Paired differences of outcome shares, B minus A" format={points} groups={c.outcomes.map((o) => ({ label: o.name, bars: [{ name: 'B − A', value: o.diff, lo: o.lo, hi: o.hi, colour: o.diff >= 0 ? '#c0392b' : '#1f6f8b' }] }))} />
          <LabTable rows={c.outcomes} rowKey={(r) => r.name} testId="lab-compare-outcome-table" columns={differenceColumns(pct, points, 'Outcome')} />
        </div>
      </figure>
      <figure className="lab-chart">
        <figcaption>
          <h3>Mean metrics: B − A, paired</h3>
        </figcaption>
        <LabTable rows={c.metrics} rowKey={(r) => r.name} testId="lab-compare-metric-table" columns={differenceColumns(sig, signed, 'Metric')} />
      </figure>
    </section>
  );
}
