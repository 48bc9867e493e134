/** The results of an exploration (Morris, Sobol, LHS with PRIM) or a target check, with the CLI's files to download. */
import { useState } from 'react';
import { sig, type Discovered, type ExploreSummary, type OutputEstimates, type TargetResult } from '../../batch/index.ts';
import { exploreSummaryText, explorePointsCsv, type LabExploreRun, type LabTargetsRun } from '../logic/lab-explore.ts';
import { BarKey, IntervalBars } from './LabBars.tsx';
import { LabTable, type Column } from './LabTable.tsx';
import { download } from './LabResults.tsx';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const METHOD = { lhs: 'Latin hypercube', morris: 'Morris screening', sobol: 'Sobol indices' } as const;
const C1 = '#1f6f8b';
const C2 = '#d68910';
const range = (i: { lo: number; hi: number }) => `[${sig(i.lo)}, ${sig(i.hi)}]`;

interface MorrisRow {
  name: string;
  muStar: number;
  lo: number;
  hi: number;
  mu: number;
  sigma: number;
}

function MorrisView({ e }: { e: OutputEstimates }) {
  const rows: MorrisRow[] = [...e.morris!].sort((a, b) => b.muStar - a.muStar).map((m) => ({ name: m.name, muStar: m.muStar, lo: m.muStarInterval.lo, hi: m.muStarInterval.hi, mu: m.mu, sigma: m.sigma }));
  const columns: Column<MorrisRow>[] = [
    { key: 'parameter', label: 'Parameter', value: (r) => r.name, rowHeader: true },
    { key: 'muStar', label: 'μ*', value: (r) => r.muStar, render: (r) => sig(r.muStar) },
    { key: 'interval', label: 'μ* 95% interval', value: (r) => r.lo, render: (r) => range(r) },
    { key: 'mu', label: 'μ', value: (r) => r.mu, render: (r) => sig(r.mu) },
    { key: 'sigma', label: 'σ', value: (r) => r.sigma, render: (r) => sig(r.sigma) },
  ];
  return (
    <figure className="lab-chart" data-testid="lab-morris">
      <figcaption>
        <h3>Morris screening of {e.output}: μ* and σ per parameter</h3>
        <p className="hint">
          μ* is how much {e.output} changes, on average, when the parameter moves across its whole range (larger: more influential; the whisker is its 95% bootstrap
          interval). σ &gt; 0 means the effect depends on the other parameters or is not straight. Most influential: <strong>{rows[0]?.name}</strong>.
        </p>
      </figcaption>
      <BarKey bars={[{ name: 'μ*', colour: C1 }, { name: 'σ', colour: C2 }]} />
      <div className="lab-chart-pair">
        <IntervalBars label={`Morris μ* and σ of ${e.output} per parameter`} groups={rows.map((r) => ({ label: r.name, bars: [{ name: 'μ*', value: r.muStar, lo: r.lo, hi: r.hi, colour: C1 }, { name: 'σ', value: r.sigma, colour: C2 }] }))} />
        <LabTable rows={rows} columns={columns} rowKey={(r) => r.name} testId="lab-morris-table" />
      </div>
    </figure>
  );
}

interface SobolRow {
  name: string;
  first: number;
  firstLo: number;
  firstHi: number;
  total: number;
  totalLo: number;
  totalHi: number;
}

function SobolView({ e }: { e: OutputEstimates }) {
  const indices = e.sobol!.indices;
  if (!indices) return <p className="hint">{e.output} does not vary over the design: no indices.</p>;
  const rows: SobolRow[] = [...indices].sort((a, b) => b.total - a.total).map((s) => ({ name: s.name, first: s.first, firstLo: s.firstInterval.lo, firstHi: s.firstInterval.hi, total: s.total, totalLo: s.totalInterval.lo, totalHi: s.totalInterval.hi }));
  const columns: Column<SobolRow>[] = [
    { key: 'parameter', label: 'Parameter', value: (r) => r.name, rowHeader: true },
    { key: 'first', label: 'S1', value: (r) => r.first, render: (r) => sig(r.first) },
    { key: 'firstInterval', label: 'S1 95% interval', value: (r) => r.firstLo, render: (r) => range({ lo: r.firstLo, hi: r.firstHi }) },
    { key: 'total', label: 'ST', value: (r) => r.total, render: (r) => sig(r.total) },
    { key: 'totalInterval', label: 'ST 95% interval', value: (r) => r.totalLo, render: (r) => range({ lo: r.totalLo, hi: r.totalHi }) },
  ];
  return (
    <figure className="lab-chart" data-testid="lab-sobol">
      <figcaption>
        <h3>Sobol indices of {e.output}: S1 and ST per parameter</h3>
        <p className="hint">
          S1 is the share of the variance of {e.output} due to the parameter alone; ST, alone or together with others (whiskers: 95% bootstrap intervals; wide ones
          mean more samples are needed). Matters most: <strong>{rows[0]?.name}</strong> (ST {sig(rows[0]?.total ?? NaN)}).
          {rows[1] && rows[0]!.totalLo <= rows[1].totalHi && (
            <span data-testid="lab-sobol-overlap">
              {' '}
              But its ST interval overlaps that of {rows[1].name} ({sig(rows[1].total)}): these samples cannot tell the two apart; more base samples would.
            </span>
          )}
          {e.sobol!.baseSamples < 64 && ` With N = ${e.sobol!.baseSamples} base samples this is a quick look: the command line's default is 256.`}
        </p>
      </figcaption>
      <BarKey bars={[{ name: 'S1', colour: C1 }, { name: 'ST', colour: C2 }]} />
      <div className="lab-chart-pair">
        <IntervalBars
          label={`Sobol S1 and ST of ${e.output} per parameter`}
          groups={rows.map((r) => ({ label: r.name, bars: [{ name: 'S1', value: r.first, lo: r.firstLo, hi: r.firstHi, colour: C1 }, { name: 'ST', value: r.total, lo: r.totalLo, hi: r.totalHi, colour: C2 }] }))}
        />
        <LabTable rows={rows} columns={columns} rowKey={(r) => r.name} testId="lab-sobol-table" />
      </div>
    </figure>
  );
}

/** PRIM's box: where the outcome concentrates, in words, with coverage and density. */
function PrimView({ d }: { d: Discovered }) {
  const chosen = d.prim.chosen;
  const bounds = Object.entries(chosen.box).filter(([, b]) => b.lower !== null || b.upper !== null);
  return (
    <section className="lab-chart" data-testid="lab-prim" aria-label="Scenario discovery">
      <h3>Where do runs end “{d.outcome}”? (PRIM)</h3>
      <p data-testid="lab-prim-statement">{d.statement}</p>
      <p className="hint">
        Over the whole design, {(100 * d.prim.baseDensity).toFixed(1)}% of runs end so. Inside the box: density {(100 * chosen.density).toFixed(1)}% (share of its runs
        that end so), coverage {(100 * chosen.coverage).toFixed(1)}% (share of all such runs that fall in it), support {(100 * chosen.support).toFixed(1)}% of runs;
        step {d.prim.chosenStep} of {d.prim.trajectory.length - 1}.
      </p>
      {bounds.length > 0 && (
        <LabTable
          rows={bounds}
          rowKey={([name]) => name}
          columns={[
            { key: 'parameter', label: 'Parameter', value: ([name]) => name, rowHeader: true },
            { key: 'lower', label: 'above', value: ([, b]) => b.lower, render: ([, b]) => (b.lower === null ? '—' : sig(b.lower)) },
            { key: 'upper', label: 'below', value: ([, b]) => b.upper, render: ([, b]) => (b.upper === null ? '—' : sig(b.upper)) },
          ]}
        />
      )}
    </section>
  );
}

function OutputsTable({ summary }: { summary: ExploreSummary }) {
  const rows = summary.estimates!.map((e) => {
    const values = summary.points.map((p) => p.outputs?.[e.output] ?? NaN).filter(Number.isFinite);
    return { output: e.output, mean: e.mean, lo: Math.min(...values), hi: Math.max(...values) };
  });
  return (
    <LabTable
      rows={rows}
      rowKey={(r) => r.output}
      testId="lab-outputs-table"
      columns={[
        { key: 'output', label: 'Output', value: (r) => r.output, rowHeader: true },
        { key: 'mean', label: 'Mean over the design', value: (r) => r.mean, render: (r) => sig(r.mean) },
        { key: 'lo', label: 'Lowest point', value: (r) => r.lo, render: (r) => sig(r.lo) },
        { key: 'hi', label: 'Highest point', value: (r) => r.hi, render: (r) => sig(r.hi) },
      ]}
    />
  );
}

export function LabExploreResults({ summary, file, run }: { summary: ExploreSummary; file?: string; run?: LabExploreRun }) {
  const [output, setOutput] = useState(0);
  const e = summary.estimates?.[Math.min(output, (summary.estimates?.length ?? 1) - 1)];
  return (
    <section className="panel lab-results" data-testid="lab-results" aria-label="Results">
      <h2>
        Results{file ? ` from ${file}` : ''}: {METHOD[summary.method]}, {int(summary.pointCount)} design points × {int(summary.runsPerPoint)} runs — {int(summary.coverage.runs)} of {int(summary.coverage.of)} runs
        {summary.shard && <span data-testid="lab-shard"> — shard {summary.shard}</span>}
        {summary.partial && <span className="lab-partial" data-testid="lab-partial"> — partial{run?.stopped ? ` (${run.stopped})` : ''}</span>}
      </h2>
      {run && (
        <p className="hint" data-testid="lab-speed">
          {int(summary.coverage.runs)} runs in {(run.elapsedMs / 1000).toFixed(1)} s with {run.workers} worker{run.workers === 1 ? '' : 's'} ({int(summary.coverage.runs / (run.elapsedMs / 1000))} runs/s)
        </p>
      )}
      <p>
        <button type="button" onClick={() => download('summary.json', [exploreSummaryText(summary)], 'application/json')}>
          Download summary JSON
        </button>{' '}
        <button type="button" onClick={() => download('points.csv', [explorePointsCsv(summary)], 'text/csv')}>
          Download points CSV
        </button>
      </p>
      {!summary.estimates ? (
        <p className="notice">
          {summary.shard ? (
            <>
              This is shard {summary.shard} of a study: it holds {int(summary.coverage.runs)} of its {int(summary.coverage.of)} runs, so there are no estimates. Merge every
              shard's summary with <code>parley merge shard-1.json … --summary merged.json</code> and import the merged file.
            </>
          ) : (
            <>
              The study stopped before every run was done, so there are no estimates: run it to the end (or merge the shards with <code>parley merge</code>).
            </>
          )}
        </p>
      ) : (
        <>
          <label>
            Output{' '}
            <select value={output} onChange={(ev) => setOutput(Number(ev.target.value))}>
              {summary.estimates.map((o, k) => (
                <option key={o.output} value={k}>
                  {o.output}
                </option>
              ))}
            </select>
          </label>
          {e?.morris && <MorrisView e={e} />}
          {e?.sobol && <SobolView e={e} />}
          <OutputsTable summary={summary} />
        </>
      )}
      {summary.discovered && <PrimView d={summary.discovered} />}
    </section>
  );
}

export function LabTargetsResults({ run }: { run: LabTargetsRun }) {
  const met = run.results.filter((r) => r.met).length;
  return (
    <section className="panel lab-results" data-testid="lab-results" aria-label="Results">
      <h2>
        Targets: {met} of {run.results.length} met ({int(run.runs)} runs, seed {run.seed})
      </h2>
      <p>
        <button type="button" onClick={() => download('targets.json', [run.summaryText], 'application/json')}>
          Download summary JSON
        </button>
      </p>
      <p className="hint">A target is met when the simulated value is within its tolerance of the target value. The 95% interval is the simulation’s own error over these runs; it shrinks with more runs.</p>
      <TargetsTable results={run.results} />
    </section>
  );
}

/** Each target with its statistic, target ± tolerance, simulated value and interval, distance, met or MISSED. */
export function TargetsTable({ results }: { results: readonly TargetResult[] }) {
  return (
    <LabTable<TargetResult>
      rows={results}
      rowKey={(r) => r.id}
      testId="lab-targets-table"
      rowAttributes={(r) => ({ 'data-met': String(r.met) })}
      columns={[
        { key: 'id', label: 'Target', value: (r) => r.id, rowHeader: true, render: (r) => <span title={r.source}>{r.id}</span> },
        { key: 'statistic', label: 'Statistic', value: (r) => r.statistic, render: (r) => <code>{r.statistic}</code> },
        { key: 'target', label: 'Target ± tolerance', value: (r) => r.target, render: (r) => `${sig(r.target)} ± ${sig(r.tolerance)}` },
        { key: 'simulated', label: 'Simulated [95% interval]', value: (r) => r.simulated.value, render: (r) => (Number.isFinite(r.simulated.value) ? `${sig(r.simulated.value)} ${range(r.simulated)}` : '— (no runs)') },
        { key: 'distance', label: 'Distance (tolerances)', value: (r) => r.distance, render: (r) => (Number.isFinite(r.distance) ? sig(r.distance) : '∞') },
        { key: 'met', label: 'Met?', value: (r) => (r.met ? 1 : 0), render: (r) => (r.met ? 'met' : 'MISSED') },
      ]}
    />
  );
}
