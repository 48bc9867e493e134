import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineExperiment, inlinePool, runBatch } from '../../src/batch/index.ts';
import { compile, runOnce } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { hashOf, route } from '../../src/ui/logic/app-machine.ts';
import { compareBranches } from '../../src/ui/logic/compare.ts';
import { cliCommand, exampleHref, outcomeLabel, runQuickBatch, sameInputs } from '../../src/ui/logic/quick-batch.ts';
import { answerWords, followSummary, provenanceOf, recordedAnswerFor, recordedExtensionFor } from '../../src/ui/logic/record-follow.ts';
import { activeBranch, fork, leaveRecordAfter, openRun, restart, setSeed, shareOf, step, undo, watchAsItHappened, type RunContext } from '../../src/ui/logic/run-ops.ts';
import { encodeShare, parseHash } from '../../src/ui/logic/share-url.ts';
import { diskCatalog, flagship } from './helpers.ts';

const catalog = diskCatalog();
function bundled(id: string): Scenario {
  const entry = catalog.find((e) => e.ok && e.scenario.id === id);
  if (!entry?.ok) throw new Error(`${id} does not load`);
  return entry.scenario;
}
const january = bundled('january-2025-phase-one');
const FILE = 'january-2025-phase-one.yaml';
const TEXT = readFileSync(resolve(import.meta.dirname, '../../scenarios', FILE), 'utf8');

const toEnd = (run: RunContext) => step(run, 'end');

describe('the address carries how a run follows the record', () => {
  it('round-trips `rec=end` and `rec=16`, and reports a setting it cannot read', () => {
    const base = { scenario: 'january-2025-phase-one', seed: '1', params: {}, choices: {}, at: 3 };
    expect(encodeShare({ ...base, follow: 'end' })).toBe('#/run/january-2025-phase-one?seed=1&at=3&rec=end');
    expect(encodeShare({ ...base, follow: 16 })).toBe('#/run/january-2025-phase-one?seed=1&at=3&rec=16');
    expect(parseHash('#/run/x?rec=end')).toEqual({ page: 'run', scenario: 'x', share: { follow: 'end' }, problems: [] });
    expect(parseHash('#/run/x?rec=16')).toEqual({ page: 'run', scenario: 'x', share: { follow: 16 }, problems: [] });
    const bad = parseHash('#/run/x?rec=soon');
    expect(bad.page === 'run' && bad.problems).toEqual(['the record setting `rec=soon` is not `end` or a day number']);
  });

  it('opens an old link (no `rec`) under the models, as before', () => {
    const run = openRun(january, { seed: '1', at: 0 });
    expect(activeBranch(run).follow).toBeUndefined();
    expect(activeBranch(run).view.state.follow).toBeUndefined();
    expect(hashOf({ catalog, run })).toBe('#/run/january-2025-phase-one?seed=1&at=0');
  });

  it('says so, and uses the models, when a link asks to follow the record of a scenario that has none', () => {
    const run = openRun(flagship(), { seed: '1', follow: 'end' });
    expect(activeBranch(run).follow).toBeUndefined();
    expect(run.notice?.text).toMatch(/no record of what happened/);
  });
});

describe('January 2025 as it happened', () => {
  const opened = openRun(january, { seed: '1', follow: 'end' });
  const ended = toEnd(opened);
  const view = activeBranch(ended).view;

  it('ends as the record does: collapsed on day 59 (18 March 2025), with dates on every line', () => {
    expect(view.outcome).toMatchObject({ result: 'collapsed', day: 59, cause: 'Israel resumed strikes on Gaza; phase two never started' });
    const dated = view.trace.filter((e) => e.day >= 1);
    expect(dated.length).toBeGreaterThan(50);
    expect(dated.every((e) => typeof e.date === 'string')).toBe(true);
    expect(view.trace.at(-1)).toMatchObject({ type: 'truce.collapsed', date: '2025-03-18', recorded: true });
    // The same run as `parley run january-2025-phase-one.yaml --follow-record`.
    expect(view.trace).toEqual(runOnce(compile(january), { seed: '1', recordUntil: 'end' }).trace);
  });

  it('marks the record\'s answers with their source, and the rest "as agreed"', () => {
    const followed = view.state.follow?.until;
    const delayed = view.trace.find((e) => e.type === 'party.responded' && e.obligation === 'return-north' && e.response === 'delay')!;
    expect(provenanceOf(delayed, followed)).toBe('recorded');
    expect(delayed.source).toBe('return-north');
    expect(delayed.text).toMatch(/Arbel Yehud/);
    const aid = view.trace.find((e) => e.type === 'party.responded' && e.obligation === 'daily-aid')!;
    expect(provenanceOf(aid, followed)).toBe('as-agreed');
    expect(aid.text).toMatch(/\(as agreed\)/);
    expect(followSummary(activeBranch(ended).model, 'end')).toBe('as it happened, to Day 59 · 18 Mar 2025 (Israel resumed strikes on Gaza; phase two never started)');
  });

  it('tells what the record says about the decision waiting: the delayed return north, and November 2023\'s agreed extensions', () => {
    let run = opened;
    while (activeBranch(run).view.decision?.obligation !== 'return-north') run = step(run, 'decision');
    const d = activeBranch(run).view.decision!;
    expect(d.recorded).toBe(true);
    const answer = recordedAnswerFor(activeBranch(run).model, d)!;
    expect([answerWords(answer), answer.source, answer.day]).toEqual(['delay 2 days', 'return-north', 7]);

    let november = openRun(bundled('november-2023-truce'), { follow: 'end' });
    while (activeBranch(november).view.decision && activeBranch(november).view.decision!.kind !== 'extension') november = step(november, 'decision');
    const v = activeBranch(november).view;
    expect(v.decision?.recorded).toBe(true);
    expect(recordedExtensionFor(activeBranch(november).model, v.state.phaseIndex, v.decision!.day)).toMatchObject({ agreed: true });
  });

  it('keeps following the record when restarted or given another seed', () => {
    expect(activeBranch(restart(ended)).follow).toBe('end');
    expect(activeBranch(toEnd(restart(ended))).view.trace).toEqual(view.trace);
    const reseeded = setSeed(ended, '7');
    expect(activeBranch(reseeded).follow).toBe('end');
    expect(activeBranch(reseeded).view.outcome).toMatchObject({ result: 'collapsed', day: 59 });
  });

  it('reopens from its link at the same point', () => {
    const hash = hashOf({ catalog, run: ended });
    expect(hash).toMatch(/&rec=end/);
    const again = route({ catalog }, hash).run!;
    expect(activeBranch(again).view.trace).toEqual(view.trace);
  });
});

describe('from day 16, the parties\' models decide', () => {
  const asItHappened = toEnd(openRun(january, { seed: '1', follow: 'end' }));
  const branched = leaveRecordAfter(asItHappened, 16);
  const b = activeBranch(branched);

  it('makes a new branch that follows the record through day 16 and stops at the first decision after it', () => {
    expect(branched.branches.map((x) => x.name)).toEqual(['A', 'B']);
    expect(b.follow).toBe(16);
    expect(b.view.decision!.day).toBeGreaterThan(16);
    expect(b.view.decision!.recorded).toBeUndefined();
    expect(b.view.trace.filter((e) => e.day <= 16)).toEqual(activeBranch(asItHappened).view.trace.filter((e) => e.day <= 16));
    expect(branched.notice?.text).toBe("Branch B follows the record through Day 16 · 3 Feb 2025; from day 17 the parties' models decide (seed 1). Branch A is kept as it was.");
    // Branch A is kept as it was.
    expect(branched.branches[0]!.view.outcome?.day).toBe(59);
  });

  it('runs on as `parley run --record-until 16` does, and links back to the same run', () => {
    const ended = toEnd(branched);
    expect(activeBranch(ended).view.trace).toEqual(runOnce(compile(january), { seed: '1', recordUntil: 16 }).trace);
    expect(shareOf(ended).follow).toBe(16);
    const again = route({ catalog }, hashOf({ catalog, run: ended })).run!;
    expect(activeBranch(again).view.trace).toEqual(activeBranch(ended).view.trace);
  });

  it('undoes back across day 16 onto the record, and steps forward to the same point again', () => {
    const back = undo(branched);
    const v = activeBranch(back).view;
    expect(v.decisions).toBe(b.view.decisions - 1);
    expect(v.decision!.day).toBeLessThanOrEqual(16);
    expect(v.decision!.recorded).toBe(true);
    const forward = step(back, 'decision');
    expect(activeBranch(forward).view.trace).toEqual(b.view.trace);
    expect(activeBranch(forward).view.decisions).toBe(b.view.decisions);
  });

  it('compares with the record side by side, and a fork keeps the setting', () => {
    const ended = toEnd(branched);
    const { rows } = compareBranches(activeBranch(ended).model, ended.branches, ended.active);
    const record = rows.find((r) => r.label === 'The record')!;
    expect(record.values[0]).toMatch(/^as it happened/);
    expect(record.values[1]).toBe("the record through Day 16 · 3 Feb 2025, then the parties' models");
    expect(record.differs).toBe(true);
    expect(activeBranch(fork(branched)).follow).toBe(16);
  });

  it('refuses a day outside the record, with a message', () => {
    expect(leaveRecordAfter(asItHappened, 59).notice?.text).toBe('Pick a day from 1 to 58: the record ends on day 59.');
    expect(leaveRecordAfter(asItHappened, 0).branches).toHaveLength(1);
  });

  it('watches a model branch\'s scenario as it happened in a new branch', () => {
    const model = openRun(january, { seed: '1' });
    const watched = watchAsItHappened(model);
    expect(activeBranch(watched).follow).toBe('end');
    expect(activeBranch(watched).view.day).toBe(1);
    expect(activeBranch(toEnd(watched)).view.outcome).toMatchObject({ result: 'collapsed', day: 59 });
  });
});

describe('what were the odds from here?', () => {
  it('counts 300 futures from day 16 exactly as `parley batch january-2025-phase-one.yaml --record-until 16` does', async () => {
    const input = { scenario: january, file: FILE, params: {}, seed: '1', runs: 300, recordUntil: 16 };
    const out = (await runQuickBatch(input, { sliceMs: 5 }))!;
    const experiment = await defineExperiment(january, { text: TEXT, file: FILE }, { runs: 300, seed: '1', set: {}, sweeps: [], replay: { recordUntil: 16 } }, 'test');
    const cli = (await runBatch(experiment, { pool: inlinePool, workers: 1 })).summary.variations[0]!;
    expect(out.outcomes.map((o) => [o.result, o.share])).toEqual(Object.entries(cli.outcomes));
    expect(out.meanEndDay).toBe(cli.endDay.mean);
    expect(out.survival).toEqual(cli.survival);
    // The futures differ: some open phase two, some do not.
    const advanced = out.tally.outcomes['advanced'] ?? 0;
    expect(advanced).toBeGreaterThan(0);
    expect(advanced).toBeLessThan(300);
    // …and differ from runs under the models from day 1.
    const fromStart = (await runQuickBatch({ ...input, recordUntil: undefined }, { sliceMs: 5 }))!;
    expect(fromStart.tally.outcomes).not.toEqual(out.tally.outcomes);
    expect(cliCommand({ ...input, runs: 300 })).toBe('npx parley batch scenarios/january-2025-phase-one.yaml --runs 300 --seed 1 --record-until 16');
    expect(outcomeLabel(january, 'advanced')).toBe('advanced: the second phase opened');
    expect(sameInputs(input, { ...input, recordUntil: 20 })).toBe(false);

    // An example future opens in the stepper on the same footing: the record through day 16.
    const example = out.examples['advanced']![0]!;
    const href = exampleHref(input, example);
    expect(href).toMatch(/&rec=16/);
    const opened = activeBranch(route({ catalog }, href).run!);
    expect(opened.view.outcome?.result).toBe('advanced');
    expect(opened.view.trace).toEqual(runOnce(compile(january), { seed: example.seed, recordUntil: 16 }).trace);
  });
});
