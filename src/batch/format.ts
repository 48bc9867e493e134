/**
 * Pure text formatters: the summary table an analyst reads on stdout, and the progress line for
 * stderr. Numbers are rounded for reading only; the summary JSON keeps them exact.
 */
import { OUTCOMES, rankByCount, type Summary } from './summary.ts';
import type { Proportion } from './statistics.ts';
import { formatTalks } from './talks-format.ts';

export const pct = (x: number | null, digits = 1) => (x === null ? '—' : `${(100 * x).toFixed(digits)}%`);
const int = (n: number) => n.toLocaleString('en-US');

export function num(x: number | null): string {
  if (x === null) return '—';
  if (Number.isInteger(x)) return int(x);
  const abs = Math.abs(x);
  return abs >= 100 ? int(Math.round(x)) : abs >= 10 ? x.toFixed(1) : x.toFixed(2);
}

export function proportion(p: Proportion): string {
  if (p.p === null) return '—';
  return `${pct(p.p)} (${pct(p.lo)}–${pct(p.hi)})`;
}

/** Left-aligned text columns, right-aligned numeric ones, two spaces apart. */
export function table(header: string[], rows: string[][], rightAlign: boolean[]): string[] {
  // Loops, not Math.max(...rows): a grid of 100,000 variations is more arguments than a call takes.
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), h.length));
  const line = (cells: string[]) => cells.map((c, i) => (rightAlign[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const lines = [line(header), line(widths.map((w) => '─'.repeat(w)))];
  for (const row of rows) lines.push(line(row));
  return lines;
}

/** Appends lines one by one (a spread of 100,000 lines would overflow the call). */
function pushAll(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

const SHORT: Record<string, string> = { 'extended-then-completed': 'extended+completed' };

/** The title, the size of the batch and the options that shaped every run. */
function headerLines(summary: Summary): string[] {
  const out: string[] = [];
  const v = summary.variationCount;
  out.push(`${summary.scenario.title}`);
  out.push(
    `${int(v)} variation${v === 1 ? '' : 's'} × ${int(summary.runsPerVariation)} runs · seed ${summary.seed} · ${int(summary.coverage.runs)} runs done` +
      (summary.shard ? ` · shard ${summary.shard}` : '') +
      (summary.partial ? ' · PARTIAL' : ''),
  );
  if (summary.sweeps.length) out.push(`sweeps: ${summary.sweeps.map((s) => `${s.name} = ${s.values.join(', ')}`).join(' · ')}`);
  const replay = summary.replay;
  if (replay?.recordUntil !== undefined) out.push(replay.recordUntil === 'end' ? 'every run follows the record as it happened' : `every run follows the record through day ${replay.recordUntil}, then the parties' models answer`);
  if (replay?.comply) out.push(`always comply: ${replay.comply.join(', ')}`);
  if (Object.keys(summary.set).length) out.push(`set: ${Object.entries(summary.set).map(([k, x]) => `${k}=${x}`).join(' ')}`);
  out.push('');
  return out;
}

/** Each variation's share of runs per outcome seen, known outcomes first. */
function outcomeLines(summary: Summary, swept: readonly string[]): string[] {
  const out: string[] = [];
  const seen = OUTCOMES.filter((o) => summary.variations.some((x) => (x.outcomes[o]?.count ?? 0) > 0));
  const extra = [...new Set(summary.variations.flatMap((x) => Object.keys(x.outcomes)))].filter((o) => !(OUTCOMES as readonly string[]).includes(o));
  const outcomes = [...seen, ...extra.filter((o) => summary.variations.some((x) => (x.outcomes[o]?.count ?? 0) > 0))];
  out.push('Outcomes — share of runs (95% Wilson interval)');
  pushAll(
    out,
    table(
      ['#', ...swept, 'runs', ...outcomes.map((o) => SHORT[o] ?? o)],
      summary.variations.map((x) => [String(x.index), ...swept.map((s) => String(x.params[s])), int(x.runs), ...outcomes.map((o) => proportion(x.outcomes[o]!))]),
      [true, ...swept.map(() => true), true, ...outcomes.map(() => true)],
    ),
  );
  out.push('');
  return out;
}

/** Each variation's chosen metric, survival at four checkpoints and median collapse day. */
function metricLines(summary: Summary, swept: readonly string[]): string[] {
  const out: string[] = [];
  const lastDay = summary.variations.reduce((last, x) => Math.max(last, x.survival.days.length), 0);
  const checkpoints = [...new Set([1, 2, 3, 4].map((q) => Math.max(1, Math.round((lastDay * q) / 4))))].filter((d) => d <= lastDay);
  const metric = summary.metric;
  out.push(`${metric} and survival (P(truce still holding at the end of day d))`);
  pushAll(
    out,
    table(
      ['#', ...swept, `mean ± sd`, 'p5 / p50 / p95', ...checkpoints.map((d) => `day ${d}`), 'collapse day p50'],
      summary.variations.map((x) => {
        const m = x.metrics[metric]!;
        return [
          String(x.index),
          ...swept.map((s) => String(x.params[s])),
          m.mean === null ? '—' : `${num(m.mean)} ± ${num(m.sd)}`,
          `${num(m.p5)} / ${num(m.p50)} / ${num(m.p95)}`,
          ...checkpoints.map((d) => pct(x.survival.holding[d - 1] ?? null)),
          num(x.collapse.days.p50),
        ];
      }),
      [true, ...swept.map(() => true), true, true, ...checkpoints.map(() => true), true],
    ),
  );
  out.push('');
  return out;
}

/** The eight commonest collapse causes over all variations (nothing when no run collapsed). */
function causeLines(summary: Summary): string[] {
  const out: string[] = [];
  const causes = new Map<string, number>();
  let collapsed = 0;
  for (const x of summary.variations) {
    collapsed += x.collapse.count;
    for (const [cause, n] of Object.entries(x.collapse.causes)) causes.set(cause, (causes.get(cause) ?? 0) + n);
  }
  if (collapsed > 0) {
    out.push(`Collapse causes (all variations, ${int(collapsed)} collapses)`);
    const ranked = rankByCount(causes.entries());
    for (const [cause, n] of ranked.slice(0, 8)) out.push(`  ${pct(n / collapsed).padStart(6)}  ${cause}`);
    if (ranked.length > 8) out.push(`  … ${ranked.length - 8} more in the summary JSON`);
    out.push('');
  }
  return out;
}

/** The swept parameters ranked by how far they move P(collapse) and the metric (nothing without sweeps). */
function sensitivityLines(summary: Summary): string[] {
  const out: string[] = [];
  const ranking = summary.sensitivity.ranking;
  const metric = summary.metric;
  if (ranking.length > 0) {
    out.push(`Sensitivity — how far each swept parameter moves P(collapse) and mean ${metric} (max − min over its values, other parameters pooled)`);
    pushAll(
      out,
      table(
        ['rank', 'parameter', 'P(collapse) range', 'low → high value', `${metric} range`, 'low → high value'],
        ranking.map((e, i) => [
          String(i + 1),
          e.parameter,
          e.collapseRange === null ? '—' : `${(100 * e.collapseRange).toFixed(1)} pts`,
          `${pct(e.collapse[0] ?? null)} → ${pct(e.collapse[e.collapse.length - 1] ?? null)}`,
          num(e.metricRange),
          `${num(e.metric[0] ?? null)} → ${num(e.metric[e.metric.length - 1] ?? null)}`,
        ]),
        [true, false, true, true, true, true],
      ),
    );
    out.push('');
  }
  return out;
}

/** The `parley run` command that replays one run of the first variation that ran. */
function replayLines(summary: Summary, scenarioFile: string | undefined): string[] {
  const out: string[] = [];
  const x = summary.variations.find((y) => y.runs > 0);
  if (x) {
    const sets = Object.entries({ ...summary.set, ...x.params }).map(([k, val]) => ` --set ${k}=${val}`).join('');
    out.push(`Replay run <i> of variation ${x.index}: parley run ${scenarioFile ?? `<${summary.scenario.id}.yaml>`} --seed "${summary.seed}:<i>"${sets}${replayFlags(summary.replay)}`);
    if (summary.variationCount > 1) out.push('  (other variations: their --set values are in the table above and in each CSV row)');
  }
  return out;
}

/** The readable summary: header, outcomes per variation, the chosen metric and survival, causes, sensitivity. */
export function formatSummary(summary: Summary, options: { scenarioFile?: string } = {}): string {
  const out: string[] = [];
  const swept = summary.sweeps.map((s) => s.name);
  pushAll(out, headerLines(summary));
  pushAll(out, outcomeLines(summary, swept));
  pushAll(out, metricLines(summary, swept));
  pushAll(out, formatTalks(summary));
  pushAll(out, causeLines(summary));
  pushAll(out, sensitivityLines(summary));
  pushAll(out, replayLines(summary, options.scenarioFile));
  return `${out.join('\n')}\n`;
}

/**
 * `[██████░░░░]  45%  4,500/10,000 runs · 7,120 runs/s · ETA 0:01` (no line end). `runsPerSecond`
 * is undefined until there is a rate worth showing.
 */
export function formatProgress(done: number, total: number, runsPerSecond: number | undefined, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  const eta = runsPerSecond && runsPerSecond > 0 ? (total - done) / runsPerSecond : NaN;
  const clock = (s: number) => {
    if (!Number.isFinite(s)) return '—';
    const t = Math.round(s);
    const h = Math.floor(t / 3600);
    const m = Math.floor((t % 3600) / 60);
    const sec = String(t % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
  };
  const rate = runsPerSecond === undefined ? '—' : int(Math.round(runsPerSecond));
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${int(done)}/${int(total)} runs · ${rate} runs/s · ETA ${clock(eta)}`;
}

/** The `parley run` flags that repeat a batch's replay options. */
function replayFlags(replay: Summary['replay']): string {
  if (!replay) return '';
  const until = replay.recordUntil === undefined ? '' : replay.recordUntil === 'end' ? ' --follow-record' : ` --record-until ${replay.recordUntil}`;
  return `${until}${replay.comply ? ` --comply ${replay.comply.join(',')}` : ''}`;
}
