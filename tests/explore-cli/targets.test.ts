import { describe, expect, it } from 'vitest';
import { estimateStatistic, inlinePool, type AggregateData } from '../../src/batch/index.ts';
import { makeCheckTargetsCommand } from '../../src/cli/commands/check-targets.ts';
import { formatProblems, loadScenario, parseStatistic } from '../../src/scenario/index.ts';
import { DOHA, DOHA_TEXT, fakeIO } from '../batch/helpers.ts';

function withTargets(block: string): string {
  return `${DOHA_TEXT.replace(/\ntargets:[\s\S]*$/, '\n')}\ntargets:\n${block}`;
}

describe('targets in a scenario', () => {
  it('are checked at load, each mistake at file:line:col', () => {
    const text = withTargets(`  - { id: a, statistic: share(colapsed), value: 0.1, tolerance: 0.03, source: eth-prio-cf }
  - { id: b, statistic: share(collapsed), value: 0.1, tolerance: 0, source: eth-prio-cf }
  - { id: c, statistic: "quantile(collapse-day, 2)", value: 12, tolerance: 5, source: nowhere }
`);
    const result = loadScenario(text, 'draft.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = text.split('\n');
    const line = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const report = formatProblems(result.problems);
    expect(report).toContain(`draft.yaml:${line('id: a,')}:`);
    expect(report).toMatch(/`colapsed` is not an outcome/);
    expect(report).toContain(`draft.yaml:${line('id: b,')}:`);
    expect(report).toMatch(/a tolerance is a positive number/);
    expect(report).toMatch(/q must be between 0 and 1/);
    const unknownSource = loadScenario(withTargets('  - { id: d, statistic: share(collapsed), value: 0.1, tolerance: 0.03, source: nowhere }\n'), 'draft.yaml');
    expect(unknownSource.ok ? '' : formatProblems(unknownSource.problems)).toMatch(/draft\.yaml:\d+:\d+: error: unknown source `nowhere`/);
  });

  it('statistics read the tallies exactly, with intervals that contain the estimate', () => {
    const tally: AggregateData = {
      runs: 10,
      outcomes: { advanced: 5, collapsed: 4, stalled: 1 },
      causes: {},
      endDays: [[3, 1], [8, 2], [20, 1], [60, 6]],
      collapseDays: [[3, 1], [8, 2], [20, 1]],
      metrics: { 'released.captives.total': [[0, 4], [28, 6]] },
    };
    const value = (s: string) => estimateStatistic(parseStatistic(s), tally);
    expect(value('share(collapsed)').value).toBe(0.4);
    expect(value('share(advanced or stalled)').value).toBe(0.6);
    expect(value('share(collapse-day <= 8)').value).toBe(0.3);
    expect(value('share(collapse-day <= 8 | collapsed)').value).toBe(0.75);
    expect(value('share(end-day < 60)').value).toBe(0.4);
    expect(value('quantile(collapse-day, 0.5)').value).toBe(8);
    expect(value('mean(released.captives.total)').value).toBeCloseTo(16.8, 12);
    expect(value('share(released.captives.total >= 28)').value).toBe(0.6);
    for (const s of ['share(collapsed)', 'quantile(collapse-day, 0.5)', 'mean(released.captives.total)']) {
      const e = value(s);
      expect(e.lo).toBeLessThanOrEqual(e.value);
      expect(e.hi).toBeGreaterThanOrEqual(e.value);
    }
    expect(Number.isNaN(estimateStatistic(parseStatistic('share(collapse-day <= 8 | collapsed)'), { ...tally, outcomes: { advanced: 10 }, collapseDays: [] }).value)).toBe(true);
  });

  it('parley check-targets reports every target of the scenario met or missed with its interval and source', async () => {
    const io = fakeIO();
    expect(await makeCheckTargetsCommand(inlinePool).run([DOHA, '--runs', '300', '--seed', 'check', '--workers', '1', '--summary', 'check.json'], io)).toBe(0);
    expect(io.out).toMatch(/collapse-share\s+share\(collapsed\)\s+0\.034 ± 0\.03\s+[\d.]+ \[[\d.]+, [\d.]+\]\s+[\d.]+\s+(met|MISSED)/);
    expect(io.out).toMatch(/collapses-within-30-days: https:\/\/doi\.org\/10\.1177\/00220027221129195/);
    const summary = JSON.parse(io.files.get('check.json')!) as { results: { id: string; met: boolean; distance: number; simulated: { value: number } }[] };
    expect(summary.results.map((r) => r.id)).toEqual(['collapse-share', 'collapses-within-30-days']);
    for (const r of summary.results) expect(r.met).toBe(r.distance <= 1);
  }, 60_000);
});
