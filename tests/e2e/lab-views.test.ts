/**
 * The lab's views in real Chromium: the histogram of any metric per variation, sortable tables
 * (mouse and keyboard, aria-sort), and axe on the results.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, type Summary } from '../../src/batch/index.ts';
import { axeViolations, openLab } from './lab-support.ts';
import { appForFile, ROOT, screenshot } from './support.ts';

const app = appForFile();
const consoleProblems: string[] = [];

describe('the lab: histogram and sortable tables', () => {
  it('draws the histogram of a chosen metric for a chosen variation, its bins adding up to the tally, and sorts tables by click and by keyboard', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const page = await openLab(context, app.url, 'lab histogram', consoleProblems);
      const form = page.getByRole('form', { name: 'Experiment' });
      await form.getByLabel('Runs per variation').fill('400');
      await form.getByLabel('Base seed').fill('e2e-h');
      await form.getByLabel('Add a sweep of').selectOption('reciprocity');
      await form.getByLabel('Values of reciprocity').fill('0,0.25,0.5');
      await form.getByRole('button', { name: 'Run' }).click();
      const results = page.getByTestId('lab-results');
      const histogram = results.getByTestId('lab-histogram');
      await histogram.waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Download summary JSON' }).click()]);
      const summary = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Summary;

      await histogram.getByLabel('Metric').selectOption('violations.hamas');
      await histogram.getByLabel('Histogram variation').selectOption('2');
      const tally = summary.variations[2]!.tally.metrics['violations.hamas']!;
      const table = histogram.getByTestId('lab-histogram-table');
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!, tr.querySelector('td[data-column="runs"]')!.textContent!]));
      // Whole-number values: one bin per value from the lowest to the highest; counts as in the tally.
      const expected = new Map(tally.map(([value, count]) => [String(value), String(count)]));
      expect(rows.length).toBe(tally[tally.length - 1]![0] - tally[0]![0] + 1);
      for (const [bin, runs] of rows) expect(runs, `bin ${bin}`).toBe(expected.get(bin!) ?? '0');
      expect(await histogram.locator('svg rect').count()).toBe(rows.length);
      await screenshot(page, 'lab-histogram-1280x900', true);

      // The per-variation table of that metric sorts by its median; the outcome table by its collapse share.
      const outcomes = results.getByTestId('lab-outcome-table');
      const collapsed = outcomes.getByRole('columnheader', { name: 'collapsed', exact: true });
      await collapsed.getByRole('button').click();
      expect(await collapsed.getAttribute('aria-sort')).toBe('ascending');
      const shares = summary.variations.map((v) => ({ i: v.index, p: v.outcomes.collapsed?.p ?? 0 }));
      const order = async () => (await outcomes.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-variation')))).map(Number);
      expect(await order()).toEqual([...shares].sort((a, b) => a.p - b.p || a.i - b.i).map((s) => s.i));
      await collapsed.getByRole('button').focus();
      await page.keyboard.press('Enter');
      expect(await collapsed.getAttribute('aria-sort')).toBe('descending');
      expect(await order()).toEqual([...shares].sort((a, b) => b.p - a.p || a.i - b.i).map((s) => s.i));
      await page.keyboard.press('Space');
      expect(await collapsed.getAttribute('aria-sort')).toBe('ascending');
      // Only the sorted column carries aria-sort.
      expect(await outcomes.locator('th[aria-sort]').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the lab: compare A and B', () => {
  it('runs both sides on the same seeds and reports the paired differences `parley batch` CSVs give', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await openLab(context, app.url, 'lab compare', consoleProblems);
      const form = page.getByRole('form', { name: 'Experiment' });
      await form.getByRole('radio', { name: 'Compare A and B' }).check();
      await form.getByLabel('Runs per side').fill('300');
      await form.getByLabel('Base seed').fill('e2e-c');
      await form.getByLabel('B: set').fill('reciprocity=0.5');
      const commands = (await page.getByTestId('lab-cli').innerText()).split('\n');
      expect(commands).toEqual([
        'npx parley batch scenarios/doha-60-day-draft.yaml --runs 300 --seed e2e-c --runs-csv A.csv',
        'npx parley batch scenarios/doha-60-day-draft.yaml --runs 300 --seed e2e-c --set reciprocity=0.5 --runs-csv B.csv',
      ]);
      await form.getByRole('button', { name: 'Run' }).click();
      const table = page.getByTestId('lab-compare-outcome-table');
      await table.waitFor({ timeout: 60_000 });

      const dir = mkdtempSync(join(tmpdir(), 'parley-lab-compare-'));
      const side = (name: string, extra: string[]) => {
        execFileSync(process.execPath, [join(ROOT, 'bin/parley.mjs'), 'batch', 'scenarios/doha-60-day-draft.yaml', '--runs', '300', '--seed', 'e2e-c', ...extra, '--runs-csv', join(dir, name), '--workers', '1'], { cwd: ROOT, stdio: 'pipe' });
        const [header, ...rows] = parseCsv(readFileSync(join(dir, name), 'utf8')).filter((r) => r.length > 1);
        return rows.map((r) => r[header!.indexOf('outcome')]!);
      };
      const a = side('A.csv', []);
      const b = side('B.csv', ['--set', 'reciprocity=0.5']);
      const endDifferently = a.filter((o, i) => o !== b[i]).length;
      expect(await page.getByTestId('lab-compare-differ').innerText()).toContain(`${endDifferently} end differently`);
      const collapsed = (b.filter((o) => o === 'collapsed').length - a.filter((o) => o === 'collapsed').length) / 300;
      const row = table.locator('tbody tr', { has: page.locator('th', { hasText: /^collapsed$/ }) });
      expect(await row.locator('td[data-column="diff"]').innerText()).toBe(`${collapsed > 0 ? '+' : ''}${(100 * collapsed).toFixed(1)} pts`);
      await screenshot(page, 'lab-compare-1280x900', true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the console', () => {
  it('stays free of errors and warnings throughout', () => {
    expect(consoleProblems).toEqual([]);
  });
});
