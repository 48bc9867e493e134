/**
 * Following the record: recorded answers are carried out as written (no draw), what the record
 * does not mention is carried out as agreed, extensions and chance incidents happen only as
 * recorded, the record's end ends the run — and after day N the model answers, exactly as an
 * unfollowed run would from the same state. `comply` makes parties comply whatever their model.
 */
import { describe, expect, it } from 'vitest';
import { compile, runOnce, Session, type Model } from '../../src/engine/index.ts';
import { formatProblems, loadScenario } from '../../src/scenario/index.ts';

const SCENARIO = `parley: 1
id: record-case
title: Record case
start: 2025-01-19
sources:
  news: { url: https://example.org/news }
parties:
  hamas: { role: principal, behaviour: { model: fixed, comply: 0.3, delay: 0.3, partial: 0.2, violate: 0.2 } }
  israel: { role: principal, behaviour: { model: fixed, comply: 0.3, delay: 0.3, partial: 0.2, violate: 0.2 } }
  qatar: { role: mediator }
stocks:
  captives: { held-by: hamas, count: 40 }
phases:
  - id: truce
    length: 10
    extensions: { max: 4, rules: [ { mediator: qatar, days: 2, chance: 0.5 } ] }
obligations:
  - { id: handover, kind: release, party: hamas, stock: captives, quantity: 4, days: [1, 3, 5] }
  - { id: aid, kind: admit-aid, party: israel, trucks: 100, every: 1 day, grace: 1 }
incidents:
  - { id: clash, text: A clash at the line., chance: 0.3, collapse-chance: 0.5, effects: { israel: { grievance: 0.1 } } }
history:
  - { day: 1, obligation: handover, answer: partial 0.5, text: only two came out, source: news }
  - { day: 3, obligation: handover, occurrence: 2, answer: delay 3, source: news }
  - { day: 2025-01-24, incident: clash, source: news }
  - { day: 6, obligation: handover, occurrence: 2, answer: comply, source: news }
  - { day: 10, extension: truce, answer: agreed, source: news }
  - { day: 2025-01-31, end: collapsed, cause: fighting resumed, source: news }
`;

function model(text = SCENARIO): Model {
  const loaded = loadScenario(text, 'record-case.yaml');
  if (!loaded.ok) throw new Error(formatProblems(loaded.problems));
  return compile(loaded.scenario);
}

describe('following the record to its end', () => {
  const m = model();
  const followed = (seed: string) => runOnce(m, { seed, recordUntil: 'end' });

  it('is the same run whatever the seed: nothing is drawn', () => {
    const first = followed('1');
    for (const seed of ['2', 'x', 'seminar-9']) expect(followed(seed)).toEqual({ ...first, seed });
  });

  it('carries out recorded answers as written and everything else as agreed', () => {
    const { trace, outcome } = followed('1');
    const answers = trace.filter((e) => e.type === 'party.responded').map((e) => [e.day, e.obligation, e.response, e.recorded ?? false]);
    expect(answers.filter(([, o]) => o === 'handover')).toEqual([
      [1, 'handover', 'partial', true],
      [2, 'handover', 'comply', false],
      [3, 'handover', 'delay', true],
      [5, 'handover', 'comply', false],
      [6, 'handover', 'comply', true],
    ]);
    // partial 0.5 of 4 = 2, the other 2 owed the next day (not in the record: as agreed), then 4
    // and 4 (the third occurrence is not in the record either).
    expect(outcome.metrics.released.captives).toEqual({ all: 12 });
    // The recorded delay uses all 3 days of grace; a recorded delay never expires.
    expect(outcome.metrics.violations).toEqual({ hamas: 0, israel: 0 });
    expect(trace.filter((e) => e.obligation === 'aid' && e.type === 'party.responded').every((e) => e.response === 'comply')).toBe(true);
  });

  it('says so in the narrative, with the record\'s words and source', () => {
    const { trace } = followed('1');
    const first = trace.find((e) => e.obligation === 'handover' && e.type === 'party.responded')!;
    expect(first.text).toMatch(/complied in part: released 2 .*\(as recorded: only two came out\)\.$/);
    expect(first.source).toBe('news');
    const asAgreed = trace.find((e) => e.obligation === 'aid' && e.type === 'party.responded')!;
    expect(asAgreed.text).toMatch(/\(as agreed\)\.$/);
    expect(asAgreed.recorded).toBeUndefined();
  });

  it('has chance incidents happen only as recorded, and never draws their collapse', () => {
    const { trace } = followed('1');
    expect(trace.filter((e) => e.type === 'incident').map((e) => e.day)).toEqual([6]);
  });

  it('extends only as recorded, then holds until the recorded end, which ends the run on its day', () => {
    const { trace, outcome } = followed('1');
    expect(trace.filter((e) => e.type === 'phase.extended').map((e) => e.day)).toEqual([10]);
    expect(outcome).toMatchObject({ result: 'collapsed', day: 13, cause: 'fighting resumed' });
    const last = trace[trace.length - 1]!;
    expect(last).toMatchObject({ type: 'truce.collapsed', recorded: true, source: 'news', date: '2025-01-31' });
    expect(trace.some((e) => e.type === 'phase.ended' && e.recorded && /holds without it until day 13/.test(e.text))).toBe(true);
  });

  it('puts the date of its day on every event of a scenario with a start', () => {
    const { trace } = followed('1');
    for (const e of trace) {
      if (e.day === 0) expect(e.date).toBeUndefined();
      else expect(e.date).toBe(`2025-${e.day <= 13 ? '01' : '02'}-${String(((18 + e.day - 1) % 31) + 1).padStart(2, '0')}`);
    }
  });
});

describe('following the record to day N, then the model', () => {
  const m = model();

  it('matches the record through day N and then varies with the seed', () => {
    const record = runOnce(m, { seed: '1', recordUntil: 'end' });
    const throughDay = (trace: typeof record.trace, n: number) => trace.filter((e) => e.day <= n);
    const futures = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const run = runOnce(m, { seed: `f:${i}`, recordUntil: 5 });
      expect(throughDay(run.trace, 5)).toEqual(throughDay(record.trace, 5));
      expect(run.trace.filter((e) => e.day > 5).some((e) => e.recorded)).toBe(false);
      futures.add(`${run.outcome.result}@${run.outcome.day}`);
    }
    expect(futures.size).toBeGreaterThan(3);
  });

  it('does not apply the record\'s end when N is before it', () => {
    for (let i = 0; i < 40; i++) expect(runOnce(m, { seed: `f:${i}`, recordUntil: 5 }).outcome.cause).not.toBe('fighting resumed');
  });

  it('a stepper session that leaves the record after day N runs as the batch run does', () => {
    const session = Session.start(m, 'f:3', { followRecordUntil: Infinity });
    while (session.state.day < 5 || session.decision?.day === 5) session.advance('decision');
    session.leaveRecordAfter(5);
    session.advance('end');
    const batch = runOnce(m, { seed: 'f:3', recordUntil: 5 });
    expect(session.outcome).toEqual(batch.outcome);
    expect(session.trace).toEqual(batch.trace);
  });
});

describe('--comply', () => {
  it('makes the named parties comply with every obligation, whatever their model, and nothing else changes', () => {
    const m = model(SCENARIO.replace(/history:[\s\S]*$/, ''));
    for (const seed of ['1', '2', '3']) {
      const run = runOnce(m, { seed, comply: ['hamas'] });
      const hamas = run.trace.filter((e) => e.type === 'party.responded' && e.party === 'hamas');
      expect(hamas.length).toBeGreaterThan(0);
      expect(hamas.every((e) => e.response === 'comply')).toBe(true);
    }
    const both = runOnce(m, { seed: '4', comply: ['hamas', 'israel'] });
    expect(both.outcome.metrics.violations).toEqual({ hamas: 0, israel: 0 });
    expect(both.outcome.metrics.delays).toEqual({ hamas: 0, israel: 0 });
    // Without the option the fixed models do violate.
    const plain = Array.from({ length: 10 }, (_, i) => runOnce(m, { seed: String(i) }).outcome.metrics.violations.hamas);
    expect(plain.some((n) => (n ?? 0) > 0)).toBe(true);
  });
});
