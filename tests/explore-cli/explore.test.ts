import { describe, expect, it } from 'vitest';
import { inlinePool, nodePool, parseExploreSummary } from '../../src/batch/index.ts';
import { makeExploreCommand } from '../../src/cli/commands/explore.ts';
import { mergeCommand } from '../../src/cli/commands/merge.ts';
import { DOHA, fakeIO } from '../batch/helpers.ts';

const STUDY = [DOHA, '--method', 'morris', '--vary', 'clash-rate=0:0.1', 'reciprocity=0:0.5', 'hamas-base-comply=0.5:1', '--samples', '4', '--runs', '30', '--seed', 'det', '--discover', 'collapsed before day 30'];

async function explore(argv: string[], workers: number, pool = inlinePool) {
  const io = fakeIO();
  const code = await makeExploreCommand(pool).run([...argv, '--workers', String(workers), '--summary', 'out.json', '--csv', 'out.csv'], io);
  return { code, io, json: io.files.get('out.json')!, csv: io.files.get('out.csv')! };
}

describe('parley explore', () => {
  it('gives byte-identical summaries and CSV on 1 in-thread worker, 2 worker threads, and 3 shards merged', async () => {
    const one = await explore(STUDY, 1);
    expect(one.code).toBe(0);
    const two = await explore(STUDY, 2, nodePool);
    expect(two.json).toBe(one.json);
    expect(two.csv).toBe(one.csv);
    const shards = [];
    for (let i = 1; i <= 3; i++) {
      const s = await explore([...STUDY, '--shard', `${i}/3`], 1);
      expect(parseExploreSummary(s.json, 'shard').estimates).toBeNull();
      expect(s.io.out).toMatch(/merge all shards/);
      shards.push(s.json);
    }
    const io = fakeIO({ files: { 'a.json': shards[0]!, 'b.json': shards[1]!, 'c.json': shards[2]! } });
    expect(await mergeCommand.run(['c.json', 'a.json', 'b.json', '--summary', 'all.json'], io)).toBe(0);
    expect(io.files.get('all.json')).toBe(one.json);
    expect(io.out).toBe(one.io.out);
  }, 60_000);

  it('reports Morris μ*, σ for P(collapse), P(advanced) and captives released, and a PRIM box in plain words', async () => {
    const { io, json, csv } = await explore(STUDY, 1);
    const summary = parseExploreSummary(json, 'out.json');
    expect(summary.pointCount).toBe(16);
    expect(summary.estimates!.map((e) => e.output)).toEqual(['P(collapse)', 'P(advanced)', 'mean released.captives.total']);
    const collapse = summary.estimates![0]!.morris!;
    // More clashes can only add collapses at the same seeds (common random numbers): μ = μ* > 0.
    const clash = collapse.find((m) => m.name === 'clash-rate')!;
    expect(clash.mu).toBeGreaterThan(0);
    expect(clash.mu).toBeCloseTo(clash.muStar, 12);
    expect(io.out).toMatch(/P\(collapse\) — mean over the design/);
    expect(io.out).toMatch(/of such runs collapse before day 30; \d+% of all collapses before day 30/);
    expect(summary.discovered!.prim.trajectory.length).toBeGreaterThan(1);
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('point,clash-rate,reciprocity,hamas-base-comply,runs,P(collapse),P(advanced),mean released.captives.total');
    expect(rows).toHaveLength(17);
    // Every point's P(collapse) is its tally's share.
    const p0 = summary.points[0]!;
    expect(p0.outputs!['P(collapse)']).toBe((p0.tally.outcomes['collapsed'] ?? 0) / 30);
  }, 30_000);

  it('estimates Sobol indices with bootstrap intervals, and takes a share statistic as --metric', async () => {
    const { json, io } = await explore([DOHA, '--method', 'sobol', '--vary', 'clash-rate=0:0.1', 'reciprocity=0:0.5', '--samples', '16', '--runs', '20', '--metric', 'share(collapse-day <= 10)'], 1);
    const summary = parseExploreSummary(json, 'out.json');
    expect(summary.pointCount).toBe(16 * 4);
    const sobol = summary.estimates![0]!.sobol!;
    for (const index of sobol.indices!) {
      expect(index.firstInterval.lo).toBeLessThanOrEqual(index.first);
      expect(index.totalInterval.hi).toBeGreaterThanOrEqual(index.total);
    }
    expect(summary.estimates!.map((e) => e.output)).toContain('share(collapse-day <= 10)');
    expect(io.out).toMatch(/S1 = share of the variance/);
  }, 30_000);

  it('says what is wrong with a study before running anything', async () => {
    const cases: [string[], RegExp][] = [
      [[DOHA, '--vary', 'clash-rate=0:0.1'], /explore needs --method/],
      [[DOHA, '--method', 'anova', '--vary', 'clash-rate=0:0.1'], /unknown method `anova`/],
      [[DOHA, '--method', 'lhs'], /at least one --vary/],
      [[DOHA, '--method', 'lhs', '--vary', 'clash-rate=0:0.5'], /goes outside its declared range \[0, 0.2\]/],
      [[DOHA, '--method', 'lhs', '--vary', 'clash-rat=0:0.1'], /unknown parameter `clash-rat`/],
      [[DOHA, '--method', 'lhs', '--vary', 'clash-rate=0.1:0'], /is empty/],
      [[DOHA, '--method', 'lhs', '--vary', 'clash-rate=0:0.1', '--discover', 'exploded'], /not an outcome I can look for/],
      [[DOHA, '--method', 'lhs', '--vary', 'clash-rate=0:0.1', '--metric', 'captives'], /no metric `captives`/],
    ];
    for (const [argv, message] of cases) {
      const io = fakeIO();
      await expect(makeExploreCommand(inlinePool).run(argv, io)).rejects.toThrow(message);
    }
  });
});
