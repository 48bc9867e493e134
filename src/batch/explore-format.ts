/**
 * Text tables for exploration, calibration and target checks. Numbers are rounded for reading
 * only; the JSON summaries keep them exact.
 */
import type { ExploreSummary } from './explore-summary.ts';
import type { Interval } from './explore/bootstrap.ts';
import type { Discovered } from './explore-study.ts';

const int = (n: number) => n.toLocaleString('en-US');

/** 3 significant digits, plain notation for the ranges shares and days live in. */
export function sig(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1000) return int(Math.round(x));
  return String(Number(x.toPrecision(3)));
}

export function interval(i: Pick<Interval, 'lo' | 'hi'>): string {
  return `[${sig(i.lo)}, ${sig(i.hi)}]`;
}

/** Left-aligned text columns, right-aligned numeric ones, two spaces apart. */
export function textTable(header: string[], rows: string[][], rightAlign: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (rightAlign[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
}

const METHOD_NAMES = { lhs: 'Latin hypercube', morris: 'Morris elementary effects', sobol: 'Sobol indices (Saltelli scheme)' } as const;

function samplesText(summary: ExploreSummary): string {
  switch (summary.method) {
    case 'lhs':
      return `${int(summary.samples)} points`;
    case 'morris':
      return `${int(summary.samples)} trajectories`;
    case 'sobol':
      return `N = ${int(summary.samples)} base samples`;
  }
}

export function formatDiscovered(d: Discovered): string[] {
  const chosen = d.prim.chosen;
  return [
    `Scenario discovery (PRIM): where do runs end "${d.outcome}"? Over the whole design: ${(100 * d.prim.baseDensity).toFixed(0)}% of runs.`,
    `  ${d.statement}`,
    `  (box support ${(100 * chosen.support).toFixed(0)}% of runs; step ${d.prim.chosenStep} of a ${d.prim.trajectory.length - 1}-step peeling trajectory, every step in --summary)`,
  ];
}

export function formatExplore(summary: ExploreSummary): string {
  const out: string[] = [];
  const k = summary.ranges.length;
  out.push(summary.scenario.title);
  out.push(
    `${METHOD_NAMES[summary.method]} · ${k} parameter${k === 1 ? '' : 's'} · ${samplesText(summary)} · ${int(summary.pointCount)} design points × ${int(summary.runsPerPoint)} runs · seed ${summary.seed} · ${int(summary.coverage.runs)} runs done` +
      (summary.shard ? ` · shard ${summary.shard}` : '') +
      (summary.partial ? ' · PARTIAL' : ''),
  );
  out.push(`varied: ${summary.ranges.map((r) => `${r.name} = ${r.lo}:${r.hi}${r.integer ? ':int' : ''}`).join(' · ')}`);
  if (Object.keys(summary.set).length) out.push(`set: ${Object.entries(summary.set).map(([n, x]) => `${n}=${x}`).join(' ')}`);
  out.push('');
  if (!summary.estimates) {
    out.push(summary.shard ? 'A shard holds part of the runs: merge all shards with `parley merge` for the estimates.' : 'The study is incomplete: no estimates.');
    return `${out.join('\n')}\n`;
  }
  const names = summary.ranges.map((r) => r.name);
  for (const e of summary.estimates) {
    const values = summary.points.map((p) => p.outputs![e.output]!);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    if (e.morris) {
      out.push(`${e.output} — mean over the design ${sig(e.mean)} (design points from ${sig(lo)} to ${sig(hi)})`);
      out.push('Morris: change per whole range; μ* ranks influence (95% bootstrap interval), σ > 0 means interaction or curvature');
      const ranked = [...e.morris].sort((a, b) => b.muStar - a.muStar);
      out.push(...textTable(['parameter', 'μ*', '95% interval', 'μ', 'σ'], ranked.map((m) => [m.name, sig(m.muStar), interval(m.muStarInterval), sig(m.mu), sig(m.sigma)]), [false, true, true, true, true]));
    } else if (e.sobol) {
      out.push(`${e.output} — mean over the design ${sig(e.mean)} (design points from ${sig(lo)} to ${sig(hi)})`);
      if (!e.sobol.indices) out.push('  the output does not vary over the design: no indices');
      else {
        out.push('Sobol: S1 = share of the variance due to the parameter alone, ST = alone or with others (95% bootstrap intervals)');
        const ranked = [...e.sobol.indices].sort((a, b) => b.total - a.total);
        out.push(...textTable(['parameter', 'S1', '95% interval', 'ST', '95% interval'], ranked.map((s) => [s.name, sig(s.first), interval(s.firstInterval), sig(s.total), interval(s.totalInterval)]), [false, true, true, true, true]));
      }
    } else {
      out.push(`${e.output} — mean over the design ${sig(e.mean)}; design points from ${sig(lo)} to ${sig(hi)}`);
    }
    out.push('');
  }
  if (summary.method === 'lhs') {
    out.push(`Per-point values of every output: --csv (one row per point: ${names.join(', ')}, runs, outputs).`);
    out.push('');
  }
  if (summary.discovered) out.push(...formatDiscovered(summary.discovered), '');
  out.push(`Replay run <i> of point <p>: parley run FILE --seed "${summary.seed}:<i>" --set NAME=VALUE for each of the point's parameters (--csv lists them)`);
  return `${out.join('\n')}\n`;
}
