/**
 * `parley batch --record-until N`: many seeded futures from day N of the record, each run
 * replayable with `parley run --record-until N`; the CSV gains an end_date column.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, type Summary } from '../../src/batch/index.ts';
import { runCli } from '../../src/cli/cli.ts';
import { compile, runOnce } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { fakeIO } from './helpers.ts';
import { readFileSync } from 'node:fs';

const JANUARY = 'scenarios/january-2025-phase-one.yaml';

describe('parley batch --record-until', () => {
  it('runs futures from day 16 of January 2025; rows replay with parley run and carry end dates', async () => {
    const io = fakeIO();
    const code = await runCli(['batch', JANUARY, '--record-until', '16', '--runs', '60', '--workers', '1', '--runs-csv', 'out.csv', '--summary', 'out.json'], io);
    expect(code).toBe(0);
    expect(io.out).toContain("every run follows the record through day 16, then the parties' models answer");
    expect(io.out).toContain('--record-until 16');
    const summary = JSON.parse(io.files.get('out.json')!) as Summary;
    expect(summary.replay).toEqual({ recordUntil: 16 });
    const [header, ...rows] = parseCsv(io.files.get('out.csv')!);
    const col = (name: string) => header!.indexOf(name);
    expect(col('end_date')).toBe(col('end_day') + 1);
    const loaded = loadScenario(readFileSync(JANUARY, 'utf8'), JANUARY);
    if (!loaded.ok) throw new Error('January 2025 does not load');
    const model = compile(loaded.scenario);
    for (const row of rows.slice(0, 10)) {
      const replay = runOnce(model, { seed: row[col('seed')]!, recordUntil: 16, trace: false }).outcome;
      expect([replay.result, String(replay.day)]).toEqual([row[col('outcome')], row[col('end_day')]]);
      if (replay.day === 42) expect(row[col('end_date')]).toBe('2025-03-01');
    }
    expect(new Set(rows.map((r) => r[col('outcome')])).size).toBeGreaterThan(1);
  });
});
