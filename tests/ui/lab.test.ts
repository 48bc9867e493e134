/** The lab's logic: the form as `parley batch` reads its flags, Stop keeping a partial summary, summary files, runs in the stepper, chart axes. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlinePool, parseCsv, type PoolFactory } from '../../src/batch/index.ts';
import { compile, runOnce } from '../../src/engine/index.ts';
import { hashOf, route } from '../../src/ui/logic/app-machine.ts';
import { heatGrid, survivalDays, survivalFloor } from '../../src/ui/logic/lab-charts.ts';
import { defaultSweepValues, exampleRuns, importSummary, labCliCommand, labExperiment, labSpec, runHref, runLab, summaryFileText, type LabDraft } from '../../src/ui/logic/lab.ts';
import { rebuildSession } from '../../src/ui/logic/rebuild.ts';
import { parseHash } from '../../src/ui/logic/share-url.ts';
import { diskCatalog, flagship } from './helpers.ts';

const FILE = 'doha-60-day-draft.yaml';
const source = { scenario: flagship(), file: FILE, text: readFileSync(join(resolve(import.meta.dirname, '../../scenarios'), FILE), 'utf8') };
const sweepDraft: LabDraft = { runs: '40', seed: 'lab-test', sweeps: [{ name: 'reciprocity', values: '0.1,0.4' }, { name: 'clash-rate', values: '0:0.1:0.05' }] };

describe('the lab form', () => {
  it('reads as `parley batch` reads its flags, and says which field is wrong', async () => {
    expect(labSpec(sweepDraft)).toEqual({ runs: 40, seed: 'lab-test', set: {}, sweeps: [{ name: 'reciprocity', values: [0.1, 0.4] }, { name: 'clash-rate', values: [0, 0.05, 0.1] }] });
    expect(() => labSpec({ ...sweepDraft, runs: 'many' })).toThrow(/Runs per variation must be a whole number/);
    expect(() => labSpec({ ...sweepDraft, seed: ' ' })).toThrow(/Base seed/);
    expect(() => labSpec({ ...sweepDraft, sweeps: [{ name: 'reciprocity', values: '0.1:0.05:0.01' }] })).toThrow(/Values of reciprocity: the range is empty/);
    // Outside the declared range: the scenario's own message.
    await expect(labExperiment(source, { ...sweepDraft, sweeps: [{ name: 'reciprocity', values: '0.2,0.9' }] })).rejects.toThrow(/reciprocity.*0\.9|0\.9.*reciprocity/);
    expect(labCliCommand(FILE, sweepDraft)).toBe('npx parley batch scenarios/doha-60-day-draft.yaml --runs 40 --seed lab-test --sweep reciprocity=0.1,0.4 --sweep clash-rate=0:0.1:0.05 --summary summary.json --runs-csv runs.csv');
    expect(defaultSweepValues([0, 0.5], 0.17)).toBe('0:0.5:0.125');
    expect(defaultSweepValues([0, 10000], 4200)).toBe('0:10000:2500');
  });
});

describe('running a lab experiment', () => {
  it('gives a summary file that imports back unchanged, and a CSV with one row per run', async () => {
    const experiment = await labExperiment(source, sweepDraft);
    const run = await runLab(experiment, { pool: inlinePool, workers: 1, csv: true });
    expect(run.summary.partial).toBe(false);
    expect(run.summary.coverage.runs).toBe(6 * 40);
    const text = summaryFileText(run.summary);
    const back = importSummary(text, 'summary.json');
    expect(summaryFileText(back)).toBe(text);
    expect(() => importSummary(text.replace('"runs": 40', '"runs": 41'), 'edited.json')).toThrow(/edited\.json/);
    expect(() => importSummary('{not json', 'broken.json')).toThrow(/broken\.json is not JSON/);
    const rows = parseCsv(run.csv!.join(''));
    expect(rows.length).toBe(1 + 6 * 40);
  });

  it('stops when asked and keeps the runs done so far in a summary marked partial', async () => {
    const experiment = await labExperiment(source, { ...sweepDraft, runs: '1000' });
    const controller = new AbortController();
    // A pool whose second chunk never returns until Stop: the batch must end on abort anyway.
    const stalling: PoolFactory = async (job, workers) => {
      const inner = await inlinePool(job, workers);
      return { size: 1, run: (chunk) => (chunk === 0 ? inner.run(chunk) : new Promise(() => undefined)), close: inner.close };
    };
    const seen: number[] = [];
    const run = await runLab(experiment, {
      pool: stalling,
      workers: 1,
      csv: false,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.done);
        // As a person would: a moment after the progress shows (the chunk has been folded by then).
        setTimeout(() => controller.abort('stopped in the lab'), 20);
      },
    });
    expect(seen).toEqual([500]);
    expect(run.summary.partial).toBe(true);
    expect(run.summary.stopped).toBe('stopped in the lab');
    expect(run.summary.coverage.runs).toBe(500);
    expect(run.summary.coverage.of).toBe(6000);
  });

  it('opens any run in the stepper with its seed and its variation’s parameters, replayed to the same end', async () => {
    const experiment = await labExperiment(source, sweepDraft);
    const run = await runLab(experiment, { pool: inlinePool, workers: 1, csv: false });
    const href = runHref(source.scenario, run.summary, 4, 7);
    const target = parseHash(href);
    if (target.page !== 'run') throw new Error(`not a run link: ${href}`);
    expect(target.share.seed).toBe('lab-test:7');
    expect(target.share.params).toEqual({ reciprocity: 0.4, 'clash-rate': 0.05 });
    const model = compile(source.scenario, target.share.params!);
    const { session } = rebuildSession(model, target.share.seed!, {}, { decisions: target.share.at! });
    const expected = runOnce(model, { seed: 'lab-test:7', trace: false }).outcome;
    expect(session.outcome?.result).toBe(expected.result);
    expect(session.outcome?.day).toBe(expected.day);
  });
});

describe('example runs of a variation', () => {
  it('are the first runs (by index) that ended in each outcome, as the engine replays them', async () => {
    const experiment = await labExperiment(source, sweepDraft);
    const run = await runLab(experiment, { pool: inlinePool, workers: 1, csv: true });
    const examples = exampleRuns(source.scenario, run.summary, 4, 2);
    const rows = parseCsv(run.csv!.join('')).slice(1).filter((r) => r[0] === '4');
    const expected: Record<string, number[]> = {};
    for (const r of rows) if ((expected[r[5]!] ??= []).length < 2) expected[r[5]!]!.push(Number(r[3]));
    expect(examples).toEqual(expected);
  });
});

describe('the lab’s address', () => {
  it('is #/lab, or #/lab/<scenario> from a run page, and reopens as the lab', () => {
    expect(parseHash('#/lab')).toEqual({ page: 'lab' });
    expect(parseHash('#/lab/doha-60-day-draft')).toEqual({ page: 'lab', scenario: 'doha-60-day-draft' });
    const catalog = diskCatalog();
    const context = route({ catalog }, '#/lab/doha-60-day-draft');
    expect(context.lab).toEqual({ scenario: 'doha-60-day-draft' });
    expect(context.run).toBeUndefined();
    expect(hashOf(context)).toBe('#/lab/doha-60-day-draft');
    expect(hashOf(route({ catalog }, '#/lab'))).toBe('#/lab');
  });
});

describe('chart axes', () => {
  const curve = (lo: number[]) => ({ days: lo.map((_, i) => i + 1), holding: lo, lo, hi: lo });
  it('starts the survival axis just below the data, not at 0%', () => {
    expect(survivalFloor([curve([1, 0.97, 0.86])])).toBeCloseTo(0.85);
    expect(survivalFloor([curve([1, 0.7])])).toBeCloseTo(0.6);
    expect(survivalFloor([curve([1, 0.3])])).toBe(0.25);
    expect(survivalFloor([curve([1, 0.02])])).toBe(0);
  });

  it('ends the survival axis at the planned length, or at the last collapse if later', () => {
    const variation = (lastCollapse: number, length: number) => ({ survival: curve(Array(length).fill(1)), tally: { collapseDays: [[lastCollapse, 1]] } });
    const summary = (v: ReturnType<typeof variation>[]) => ({ variations: v }) as unknown as Parameters<typeof survivalDays>[0];
    expect(survivalDays(summary([variation(40, 88)]), 60)).toBe(60);
    expect(survivalDays(summary([variation(70, 88)]), 60)).toBe(70);
    expect(survivalDays(summary([variation(40, 88)]), undefined)).toBe(88);
  });

  it('lays a two-parameter sweep out as rows of the first and columns of the second', async () => {
    const experiment = await labExperiment(source, sweepDraft);
    const run = await runLab(experiment, { pool: inlinePool, workers: 1, csv: false });
    const grid = heatGrid(run.summary)!;
    expect(grid.rows).toEqual([0.1, 0.4]);
    expect(grid.cols).toEqual([0, 0.05, 0.1]);
    const cell = grid.cells.find((c) => c.row === 1 && c.col === 2)!;
    expect(run.summary.variations[cell.variation]!.params).toEqual({ reciprocity: 0.4, 'clash-rate': 0.1 });
    expect(cell.share).toBe(run.summary.variations[cell.variation]!.outcomes['collapsed']!.p);
    expect(heatGrid({ ...run.summary, sweeps: run.summary.sweeps.slice(0, 1) })).toBeUndefined();
  });
});
