/**
 * The lab's calibration in real Chromium: ABC-SMC of two free parameters to the 60-day draft's
 * targets, run in Web Workers; the posterior charts over each prior range with the 90% interval in
 * words; the downloads are the summary and report `parley calibrate` writes, byte for byte; a CLI
 * summary imports; the table sorts; axe on the results.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, openLab } from './lab-support.ts';
import { consoleStaysClean, downloaded, labSession } from './lab-session.ts';
import { ROOT, screenshot } from './support.ts';

const session = labSession();

describe('the lab: calibration', () => {
  it('fits two parameters to the targets in workers, draws their posteriors over the prior ranges, and downloads what `parley calibrate` writes and prints', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const page = await openLab(context, session.url, 'lab calibrate', session.consoleProblems);
      const form = page.getByRole('form', { name: 'Experiment' });
      await form.getByRole('radio', { name: 'Calibrate to targets' }).check();
      await form.getByLabel('Runs per candidate').fill('50');
      await form.getByLabel('Base seed').fill('cal-e2e');
      await form.getByLabel('Add a free parameter').selectOption('clash-rate');
      await form.getByLabel('Prior of clash-rate').fill('0:0.1');
      await form.getByLabel('Add a free parameter').selectOption('reciprocity');
      await form.getByLabel('Particles').fill('10');
      const args = ['calibrate', 'scenarios/doha-60-day-draft.yaml', '--free', 'clash-rate=0:0.1', 'reciprocity=0:0.5', '--method', 'smc', '--runs', '50', '--population', '10', '--seed', 'cal-e2e'];
      expect(await page.getByTestId('lab-cli').innerText()).toBe(`npx parley ${args.join(' ')} --summary calibration.json`);
      await form.getByRole('button', { name: 'Run' }).click();
      const results = page.getByTestId('lab-results');
      await results.getByTestId('lab-posterior').first().waitFor({ timeout: 120_000 });

      const dir = mkdtempSync(join(tmpdir(), 'parley-lab-calibrate-'));
      const printed = execFileSync(process.execPath, [join(ROOT, 'bin/parley.mjs'), ...args, '--summary', join(dir, 'calibration.json'), '--workers', '1'], { cwd: ROOT, stdio: 'pipe' }).toString();
      const cliSummary = readFileSync(join(dir, 'calibration.json'), 'utf8');
      expect(await downloaded(page, results.getByRole('button', { name: 'Download summary JSON' }))).toBe(cliSummary);
      expect(await downloaded(page, results.getByRole('button', { name: 'Download report' }))).toBe(printed);

      // One chart per free parameter, its axis the prior range, its bins holding every accepted particle.
      const summary = JSON.parse(cliSummary) as { samples: { params: Record<string, number> }[]; calibrated: Record<string, number> };
      const charts = results.getByTestId('lab-posterior');
      expect(await charts.evaluateAll((figs) => figs.map((f) => f.getAttribute('data-parameter')))).toEqual(['clash-rate', 'reciprocity']);
      const clash = charts.first();
      expect(await clash.locator('svg text.chart-tick').allTextContents()).toEqual(expect.arrayContaining(['0', '0.05', '0.1']));
      expect(await clash.locator('svg rect[data-bin]').count()).toBe(20);
      const sentence = await clash.getByTestId('lab-posterior-sentence').innerText();
      expect(sentence).toMatch(/^With 90% posterior probability clash-rate lies between [\d.e-]+ and [\d.e-]+ \(posterior mean [\d.e-]+\); the prior allowed 0 to 0\.1/);
      // The interval's ends are accepted particles' values (weighted quantiles).
      const [lo, hi] = /between ([\d.e-]+) and ([\d.e-]+)/.exec(sentence)!.slice(1).map(Number);
      const values = summary.samples.map((s) => Number(s.params['clash-rate']!.toPrecision(3)));
      expect(values).toContain(lo);
      expect(values).toContain(hi);

      // The table beside: sorted by mean by a click, reversed with Enter.
      const table = results.getByTestId('lab-posterior-table');
      expect(await table.locator('tbody th').allInnerTexts()).toEqual(['clash-rate', 'reciprocity']);
      expect(await table.locator('tbody td[data-column="calibrated"]').allInnerTexts()).toEqual([String(summary.calibrated['clash-rate']), String(summary.calibrated['reciprocity'])]);
      const header = table.getByRole('columnheader', { name: 'Prior range' });
      await header.getByRole('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      expect(await table.locator('tbody th').allInnerTexts()).toEqual(['clash-rate', 'reciprocity']);
      await header.getByRole('button').focus();
      await page.keyboard.press('Enter');
      expect(await table.locator('tbody th').allInnerTexts()).toEqual(['reciprocity', 'clash-rate']);
      expect(await results.getByTestId('lab-targets-table').locator('tbody th').allInnerTexts()).toEqual(['collapse-share', 'collapses-within-30-days']);
      await screenshot(page, 'lab-calibrate-1280x900', true);
      expect(await axeViolations(page)).toEqual([]);

      // The CLI's summary imports and shows the same posteriors.
      await page.getByLabel('Import a summary JSON').setInputFiles(join(dir, 'calibration.json'));
      await results.locator('h2', { hasText: 'from calibration.json' }).waitFor();
      expect(await results.getByTestId('lab-posterior').first().getByTestId('lab-posterior-sentence').innerText()).toBe(sentence);
    } finally {
      await context.close();
    }
  }, 300_000);
});

consoleStaysClean(session.consoleProblems);
