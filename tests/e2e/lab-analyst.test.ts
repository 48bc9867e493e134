/**
 * The "done when", as a new analyst does it in real Chromium: from the library into the
 * lab, a two-parameter sweep of the 60-day draft and its heat map (where collapse concentrates),
 * the per-run CSV, the most surprising run (a collapse where collapse is rarest) opened in the
 * stepper, and a Sobol study naming the parameter that matters most. Then a cluster run: the
 * shards of `parley explore --shard I/N` merged by `parley merge` import into the lab and show the
 * charts of the unsharded study.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExploreSummary } from '../../src/batch/index.ts';
import { axeViolations } from './lab-support.ts';
import { consoleStaysClean, labSession } from './lab-session.ts';
import { collectConsole, ROOT, screenshot } from './support.ts';

const session = labSession();

const parley = (args: string[]) => execFileSync(process.execPath, [join(ROOT, 'bin/parley.mjs'), ...args], { cwd: ROOT, stdio: 'pipe' }).toString();

describe('a new analyst in the lab', () => {
  it('sweeps two parameters, reads where collapse concentrates, downloads the CSV, opens the most surprising run, and finds what matters most by Sobol', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const page = await context.newPage();
      collectConsole(page, session.consoleProblems, 'analyst');
      await page.goto(session.url);
      await page.getByRole('link', { name: /^Lab/ }).click();
      await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 30_000 });
      const form = page.getByRole('form', { name: 'Experiment' });
      await form.getByLabel('Runs per variation').fill('300');
      await form.getByLabel('Base seed').fill('analyst-1');
      await form.getByLabel('Add a sweep of').selectOption('reciprocity');
      await form.getByLabel('Values of reciprocity').fill('0.1,0.3,0.5');
      await form.getByLabel('Add a sweep of').selectOption('clash-rate');
      await form.getByLabel('Values of clash-rate').fill('0.01,0.05,0.1');
      await screenshot(page, 'analyst-1-sweep-form', true);
      await form.getByRole('button', { name: 'Run' }).click();
      const results = page.getByTestId('lab-results');
      const heat = results.getByTestId('lab-heatmap');
      await heat.waitFor({ timeout: 120_000 });
      await screenshot(page, 'analyst-2-sweep-results', true);

      // Where collapse concentrates: the heat map's cells are the table's shares; the darkest is the largest.
      const cells = await results.getByTestId('lab-heat-table').locator('td[data-variation]').evaluateAll((tds) => tds.map((td) => ({ v: Number(td.getAttribute('data-variation')), share: parseFloat(td.textContent ?? '') })));
      expect(cells).toHaveLength(9);
      const most = cells.reduce((a, b) => (b.share > a.share ? b : a));
      const fills = await heat.locator('g[data-variation] rect').evaluateAll((rects) => rects.map((r) => ({ v: Number(r.parentElement!.getAttribute('data-variation')), l: Number(/(\d+(?:\.\d+)?)%\)$/.exec(r.getAttribute('fill') ?? '')?.[1]) })));
      expect(fills.reduce((a, b) => (b.l < a.l ? b : a)).v).toBe(most.v);

      // The per-run CSV: a header and one row per run.
      const [download] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Download runs CSV' }).click()]);
      const csv = readFileSync((await download.path())!, 'utf8').trimEnd().split('\n');
      expect(csv).toHaveLength(1 + 9 * 300);

      // The most surprising run: a collapse in the variation where collapse is rarest (but happens).
      const rarest = cells.filter((c) => c.share > 0).reduce((a, b) => (b.share < a.share ? b : a));
      await heat.locator(`g[data-variation="${rarest.v}"]`).click();
      const link = results.getByTestId('lab-examples').locator('li[data-outcome="collapsed"] a').first();
      await link.waitFor();
      const index = Number((await link.innerText()).slice(1));
      const row = csv.find((line) => line.startsWith(`${rarest.v},`) && line.split(',')[3] === String(index))!;
      expect(row.split(',')[5]).toBe('collapsed');
      await screenshot(page, 'analyst-3-examples', true);
      await link.click();
      await page.getByTestId('outcome').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('outcome').innerText()).toMatch(/collaps/i);
      await screenshot(page, 'analyst-4-surprising-run');

      // Back in the lab, the sweep and its results are as they were.
      await page.goBack();
      await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 30_000 });
      const lab = page.getByRole('form', { name: 'Experiment' });
      expect(await lab.getByLabel('Base seed').inputValue()).toBe('analyst-1');
      expect(await page.getByTestId('lab-heat-table').locator('td[data-variation]').count()).toBe(9);
      // Sobol indices over the same two parameters name the one that matters most.
      await lab.getByRole('radio', { name: 'Sobol indices' }).check();
      await lab.getByLabel('Runs per design point').fill('40');
      await lab.getByLabel('Add a parameter to vary').selectOption('clash-rate');
      await lab.getByLabel('Range of clash-rate').fill('0:0.1');
      await lab.getByLabel('Add a parameter to vary').selectOption('reciprocity');
      await lab.getByLabel('Base samples N').fill('16');
      await lab.getByRole('button', { name: 'Run' }).click();
      const sobol = page.getByTestId('lab-results').getByTestId('lab-sobol');
      await sobol.waitFor({ timeout: 120_000 });
      const top = await sobol.locator('figcaption strong').innerText();
      expect(['clash-rate', 'reciprocity']).toContain(top);
      const table = page.getByTestId('lab-sobol-table');
      expect(await table.locator('tbody th').first().innerText()).toBe(top);
      // When the two ST intervals overlap, the caption says the samples cannot tell the parameters apart.
      const [first, second] = await table.locator('td[data-column="totalInterval"]').allInnerTexts();
      const [, lo1] = /\[(.+), /.exec(first!)!;
      const [, hi2] = /, (.+)\]/.exec(second!)!;
      expect(await sobol.getByTestId('lab-sobol-overlap').count()).toBe(Number(lo1) <= Number(hi2) ? 1 : 0);
      await screenshot(page, 'analyst-5-sobol', true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 600_000);
});

describe('a cluster run imported', () => {
  it('shows the Sobol indices of `parley explore --shard 1/2` and `2/2` merged by `parley merge`, as of the unsharded study', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-lab-cluster-'));
    const study = ['explore', 'scenarios/doha-60-day-draft.yaml', '--method', 'sobol', '--vary', 'clash-rate=0:0.1', 'reciprocity=0:0.5', '--samples', '8', '--runs', '20', '--seed', 'cluster-1', '--workers', '1'];
    parley([...study, '--shard', '1/2', '--summary', join(dir, 'shard-1.json')]);
    parley([...study, '--shard', '2/2', '--summary', join(dir, 'shard-2.json')]);
    parley(['merge', join(dir, 'shard-1.json'), join(dir, 'shard-2.json'), '--summary', join(dir, 'merged.json')]);
    parley([...study, '--summary', join(dir, 'whole.json')]);
    expect(readFileSync(join(dir, 'merged.json'), 'utf8')).toBe(readFileSync(join(dir, 'whole.json'), 'utf8'));
    const whole = JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8')) as ExploreSummary;
    const top = [...whole.estimates![0]!.sobol!.indices!].sort((a, b) => b.total - a.total)[0]!.name;

    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      collectConsole(page, session.consoleProblems, 'cluster import');
      await page.goto(`${session.url}#/lab/doha-60-day-draft`);
      await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 30_000 });
      // One shard alone: no estimates, and the page says to merge the shards.
      await page.getByLabel('Import a summary JSON').setInputFiles(join(dir, 'shard-1.json'));
      const results = page.getByTestId('lab-results');
      await results.locator('h2', { hasText: 'from shard-1.json' }).waitFor();
      expect(await results.getByTestId('lab-shard').innerText()).toContain('shard 1/2');
      expect(await results.innerText()).toMatch(/This is shard 1\/2 of a study: .* no estimates\. Merge every shard's summary/);
      expect(await results.getByTestId('lab-sobol').count()).toBe(0);
      // The merged file: every run, the indices of the whole study.
      await page.getByLabel('Import a summary JSON').setInputFiles(join(dir, 'merged.json'));
      await results.locator('h2', { hasText: 'from merged.json' }).waitFor();
      expect(await results.locator('h2').innerText()).toContain(`${whole.coverage.runs.toLocaleString('en-US')} of ${whole.coverage.of.toLocaleString('en-US')} runs`);
      expect(await results.getByTestId('lab-partial').count()).toBe(0);
      expect(await results.getByTestId('lab-shard').count()).toBe(0);
      expect(await results.getByTestId('lab-sobol').locator('figcaption strong').innerText()).toBe(top);
      expect(await results.getByTestId('lab-sobol').locator('svg g[data-bar="ST"]').count()).toBe(2);
      await screenshot(page, 'lab-cluster-import-1280x900', true);
    } finally {
      await context.close();
    }
  }, 300_000);
});

consoleStaysClean(session.consoleProblems);
