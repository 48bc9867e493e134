/**
 * `parley run` with the record and dates: --follow-record tells January 2025 as it happened with
 * a date on every day line and the sources of recorded answers; --record-until and --comply are
 * checked with clear messages; --json carries dates and the replay options.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { fakeIO } from '../batch/helpers.ts';

const JANUARY = 'scenarios/january-2025-phase-one.yaml';

async function cli(argv: string[]) {
  const io = fakeIO();
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('parley run --follow-record', () => {
  it('tells January 2025 as it happened, with dates on every day and the collapse of 18 March', async () => {
    const r = await cli(['run', JANUARY, '--follow-record']);
    expect(r.code).toBe(0);
    const dayLines = r.out.split('\n').filter((l) => /^Day \d+/.test(l));
    expect(dayLines.length).toBeGreaterThan(40);
    for (const line of dayLines) expect(line).toMatch(/^Day \d+ · \d{1,2} (Jan|Feb|Mar) 2025$/);
    expect(r.out).toContain('following the record as it happened');
    expect(r.out).toMatch(/Israel delayed .* by 2 days, to day 9 .*\(as recorded: .*Arbel Yehud\)\. \[source: return-north\]/);
    expect(r.out).toContain('Day 59 · 18 Mar 2025');
    expect(r.out).toContain('Outcome: collapsed on day 59 (18 Mar 2025) — Israel resumed strikes on Gaza; phase two never started');
  });

  it('--json carries each event\'s date and the replay options', async () => {
    const r = await cli(['run', JANUARY, '--record-until', '2025-02-03', '--json']);
    const result = JSON.parse(r.out);
    expect(result.recordUntil).toBe(16);
    expect(result.trace.find((e: { day: number }) => e.day === 16).date).toBe('2025-02-03');
  });

  it('--comply all replays the agreed schedule: phase two opens on day 42', async () => {
    const r = await cli(['run', JANUARY, '--comply', 'all']);
    expect(r.out).toContain('Outcome: advanced to phase-two on day 42 (1 Mar 2025)');
    expect(r.out).toContain('hamas, israel, qatar, egypt, us always comply');
  });

  it('rejects what it cannot do, with a hint', async () => {
    const unknown = await cli(['run', JANUARY, '--comply', 'hamaz']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toMatch(/unknown party `hamaz`[\s\S]*hamas/);
    const badDay = await cli(['run', JANUARY, '--record-until', 'soon']);
    expect(badDay.err).toMatch(/--record-until needs a day number or a date/);
    const both = await cli(['run', JANUARY, '--follow-record', '--record-until', '3']);
    expect(both.err).toMatch(/give one of them/);
    const noRecord = await cli(['run', 'scenarios/doha-60-day-draft.yaml', '--follow-record']);
    expect(noRecord.err).toMatch(/has no record to follow/);
  });
});
