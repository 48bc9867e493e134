/** The talks tables of a batch summary (scenarios with `talks:` only): deals, terms, and which terms hold. */
import { num, pct, proportion, table } from './format.ts';
import type { Summary } from './summary.ts';

export function formatTalks(summary: Summary): string[] {
  const withTalks = summary.variations.filter((x) => x.talks);
  if (withTalks.length === 0) return [];
  const out: string[] = ['Talks — P(deal), days to agree, P(truce holds | deal), P(holds) overall (95% Wilson interval)'];
  out.push(
    ...table(
      ['#', 'P(deal)', 'days to agree p5 / p50 / p95', 'P(holds | deal)', 'P(holds)'],
      withTalks.map((x) => {
        const t = x.talks!;
        return [String(x.index), proportion(t.deal), `${num(t.daysToAgree.p5)} / ${num(t.daysToAgree.p50)} / ${num(t.daysToAgree.p95)}`, proportion(t.holdsGivenDeal), proportion(t.holds)];
      }),
      [true, true, true, true, true],
    ),
  );
  out.push('');
  out.push('Agreed terms — per issue: mean, p5 / p50 / p95, and P(truce holds) after a deal on each value (share of deals)');
  const rows: string[][] = [];
  for (const x of withTalks) {
    const t = x.talks!;
    for (const [issue, stats] of Object.entries(t.terms)) {
      const deals = t.deal.count;
      const byValue = t.holdsByTerm[issue]!.map(([value, n, p]) => `${num(value)}: ${pct(p.p, 0)} (${pct(deals > 0 ? n / deals : null, 0)})`).join(', ');
      rows.push([String(x.index), issue, num(stats.mean), `${num(stats.p5)} / ${num(stats.p50)} / ${num(stats.p95)}`, byValue]);
    }
  }
  out.push(...table(['#', 'issue', 'mean', 'p5 / p50 / p95', 'P(holds) by agreed value (share of deals)'], rows, [true, false, true, true, false]));
  out.push('');
  return out;
}
