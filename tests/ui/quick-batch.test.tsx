// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Aggregate, defineExperiment, inlinePool, runBatch } from '../../src/batch/index.ts';
import { compile, deriveRunSeed, runOnce } from '../../src/engine/index.ts';
import { App } from '../../src/ui/components/App.tsx';
import { ParleyContext } from '../../src/ui/logic/app-context.ts';
import { route } from '../../src/ui/logic/app-machine.ts';
import { activeBranch } from '../../src/ui/logic/run-ops.ts';
import { cliCommand, exampleHref, foldRuns, runQuickBatch, summariseQuickBatch, type ExampleRun, type QuickBatchInput } from '../../src/ui/logic/quick-batch.ts';
import { diskCatalog, flagship } from './helpers.ts';

const FILE = 'doha-60-day-draft.yaml';
const TEXT = readFileSync(resolve(import.meta.dirname, '../../scenarios', FILE), 'utf8');
const scenario = flagship();
const catalog = diskCatalog();
const input: QuickBatchInput = { scenario, file: FILE, params: { reciprocity: 0.5 }, seed: 'qb', runs: 200 };

afterEach(cleanup);

describe('quick batch logic', () => {
  it('counts outcomes exactly as direct runOnce counting and as src/batch (the CLI) does, 200 runs', async () => {
    const out = await runQuickBatch(input, { sliceMs: 5 });
    expect(out).toBeDefined();

    // Direct counting, run i with seed "qb:i".
    const model = compile(scenario, input.params);
    const direct: Record<string, number> = {};
    let endDays = 0;
    for (let i = 0; i < 200; i++) {
      const o = runOnce(model, { seed: deriveRunSeed('qb', i), trace: false }).outcome;
      direct[o.result] = (direct[o.result] ?? 0) + 1;
      endDays += o.day;
    }
    expect(out!.tally.runs).toBe(200);
    expect(out!.tally.outcomes).toEqual(direct);
    expect(out!.meanEndDay).toBeCloseTo(endDays / 200, 10);

    // What `parley batch doha-60-day-draft.yaml --runs 200 --seed qb --set reciprocity=0.5` computes.
    const experiment = await defineExperiment(scenario, { text: TEXT, file: FILE }, { runs: 200, seed: 'qb', set: { reciprocity: 0.5 }, sweeps: [] }, 'test');
    const cli = (await runBatch(experiment, { pool: inlinePool, workers: 1 })).summary.variations[0]!;
    expect(out!.outcomes.map((o) => [o.result, o.share])).toEqual(Object.entries(cli.outcomes));
    expect(out!.meanEndDay).toBe(cli.endDay.mean);
    expect(out!.collapses).toBe(cli.collapse.count);
    expect(Object.fromEntries(out!.causes)).toEqual(cli.collapse.causes);
    expect(out!.causes.map(([c]) => c)).toEqual(Object.keys(cli.collapse.causes));
    expect(out!.survival).toEqual(cli.survival);
    expect(Object.values(direct).some((n) => n > 0 && n < 200)).toBe(true);
  });

  it('folds slices into the same tally whatever the slicing', () => {
    const model = compile(scenario, input.params);
    const whole = new Aggregate([]);
    const sliced = new Aggregate([]);
    const examples: Record<string, ExampleRun[]> = {};
    foldRuns(model, 'qb', 0, 60, whole, {});
    for (const [a, b] of [[0, 7], [7, 33], [33, 60]] as const) foldRuns(model, 'qb', a, b, sliced, examples);
    expect(sliced.toData()).toEqual(whole.toData());
    const summary = summariseQuickBatch({ ...input, runs: 60 }, sliced.toData(), examples);
    for (const o of summary.outcomes) expect(o.share.count).toBe(sliced.toData().outcomes[o.result] ?? 0);
    for (const [result, runs] of Object.entries(examples)) for (const r of runs) expect(r.result).toBe(result);
  });

  it('opens an example run in the stepper at its end, with its seed and the assumptions', () => {
    const model = compile(scenario, input.params);
    const o = runOnce(model, { seed: 'qb:5', trace: false }).outcome;
    const href = exampleHref(input, { index: 5, seed: 'qb:5', result: o.result, day: o.day });
    expect(href).toMatch(/^#\/run\/doha-60-day-draft\?seed=qb:5&at=\d+&set=reciprocity:0.5$/);
    const opened = route({ catalog }, href).run!;
    const view = activeBranch(opened).view;
    expect(view.outcome?.result).toBe(o.result);
    expect(view.outcome?.day).toBe(o.day);
  });

  it('writes the CLI command for the same batch', () => {
    expect(cliCommand(input)).toBe('npx parley batch scenarios/doha-60-day-draft.yaml --runs 200 --seed qb --set reciprocity=0.5');
    expect(cliCommand({ ...input, seed: 'my study', params: {} })).toBe("npx parley batch scenarios/doha-60-day-draft.yaml --runs 200 --seed 'my study'");
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const pending = runQuickBatch({ ...input, runs: 5000 }, { signal: controller.signal, sliceMs: 2, onProgress: () => controller.abort() });
    expect(await pending).toBeUndefined();
  });
});

describe('the quick batch panel', () => {
  it('is collapsed, runs 200 seeds with progress and shows shares, causes, survival and example links', async () => {
    window.history.replaceState(null, '', '/');
    const hash = '#/run/doha-60-day-draft?seed=1&at=0&set=reciprocity:0.5';
    render(
      <ParleyContext.Provider options={{ input: { catalog, hash } }}>
        <App />
      </ParleyContext.Provider>,
    );
    // The panel loads after the stepper (its code is split from the first page).
    const panel = await screen.findByRole('region', { name: /Quick batch/ }, { timeout: 10_000 });
    const details = panel.querySelector('details')!;
    expect(details.open).toBe(false);
    act(() => {
      details.open = true;
    });
    expect((within(panel).getByRole('radio', { name: '1,000' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(panel).getByRole('radio', { name: '200' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Run 200 seeds' }));
    await waitFor(() => expect(within(panel).getByTestId('quick-batch-results')).toBeTruthy(), { timeout: 20_000 });

    const model = compile(scenario, { reciprocity: 0.5 });
    const counts: Record<string, number> = {};
    for (let i = 0; i < 200; i++) {
      const r = runOnce(model, { seed: `1:${i}`, trace: false }).outcome.result;
      counts[r] = (counts[r] ?? 0) + 1;
    }
    const results = within(panel).getByTestId('quick-batch-results');
    expect(results.textContent).toContain('200 runs · seed 1 · assumptions changed: reciprocity=0.5');
    const rows = results.querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.getAttribute('data-outcome'))).toEqual(['completed', 'extended-then-completed', 'advanced', 'stalled', 'collapsed']);
    for (const row of rows) {
      const outcome = row.getAttribute('data-outcome')!;
      const n = counts[outcome] ?? 0;
      expect(row.querySelector('.qb-count')!.textContent).toBe(String(n));
      expect(row.textContent).toContain(`${((100 * n) / 200).toFixed(1)}%`);
      expect(row.querySelectorAll('a').length).toBe(Math.min(3, n));
    }
    expect(within(results).getByTestId('survival').querySelector('svg polyline')).toBeTruthy();
    expect(results.textContent).toContain('npx parley batch scenarios/doha-60-day-draft.yaml --runs 200 --seed 1 --set reciprocity=0.5');
    expect(screen.getByTestId('quick-batch-speed').textContent).toMatch(/runs\/s/);

    // Changing the seed marks the result as out of date.
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '2' } });
    fireEvent.blur(screen.getByLabelText('Seed'));
    expect(results.textContent).toContain('have changed since this batch ran');
  });
});
