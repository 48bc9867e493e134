/**
 * The lab's exploration in real Chromium: a Sobol study on a small design and a target check, run
 * in Web Workers, whose downloads are the files `parley explore` and `parley check-targets` write;
 * a CLI explore summary imported; the tables sorted by mouse and keyboard; axe on the results.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExploreSummary } from '../../src/batch/index.ts';
import { axeViolations, openLab } from './lab-support.ts';
import { consoleStaysClean, downloaded, labSession } from './lab-session.ts';
import { ROOT, screenshot } from './support.ts';

const session = labSession();

function cli(args: string[]): void {
  execFileSync(process.execPath, [join(ROOT, 'bin/parley.mjs'), ...args, '--workers', '1'], { cwd: ROOT, stdio: 'pipe' });
}

const columnTexts = (table: Locator, column: string) => table.locator(`tbody td[data-column="${column}"]`).allInnerTexts();

describe('the lab: a Sobol study', () => {
  it('runs a small design in workers, shows S1/ST with intervals and the PRIM box, and downloads the summary `parley explore` writes, byte for byte', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const page = await openLab(context, session.url, 'lab sobol', session.consoleProblems);
      const form = page.getByRole('form', { name: 'Experiment' });
      await form.getByRole('radio', { name: 'Sobol indices' }).check();
      await form.getByLabel('Runs per design point').fill('20');
      await form.getByLabel('Base seed').fill('e2e-sobol');
      await form.getByLabel('Add a parameter to vary').selectOption('clash-rate');
      await form.getByLabel('Range of clash-rate').fill('0:0.1');
      await form.getByLabel('Add a parameter to vary').selectOption('reciprocity');
      await form.getByLabel('Range of reciprocity').fill('0:0.5');
      await form.getByLabel('Base samples N').fill('8');
      const args = ['explore', 'scenarios/doha-60-day-draft.yaml', '--method', 'sobol', '--vary', 'clash-rate=0:0.1', 'reciprocity=0:0.5', '--samples', '8', '--runs', '20', '--seed', 'e2e-sobol', '--discover', 'collapsed'];
      expect(await page.getByTestId('lab-cli').innerText()).toBe(`npx parley ${args.join(' ')} --summary summary.json --csv points.csv`);
      await form.getByRole('button', { name: 'Run' }).click();
      const results = page.getByTestId('lab-results');
      const sobol = results.getByTestId('lab-sobol');
      await sobol.waitFor({ timeout: 60_000 });

      const dir = mkdtempSync(join(tmpdir(), 'parley-lab-explore-'));
      cli([...args, '--summary', join(dir, 'summary.json'), '--csv', join(dir, 'points.csv')]);
      const cliSummary = readFileSync(join(dir, 'summary.json'), 'utf8');
      expect(await downloaded(page, results.getByRole('button', { name: 'Download summary JSON' }))).toBe(cliSummary);
      expect(await downloaded(page, results.getByRole('button', { name: 'Download points CSV' }))).toBe(readFileSync(join(dir, 'points.csv'), 'utf8'));

      // The chart and table say what the summary says: the parameter with the largest ST matters most.
      const summary = JSON.parse(cliSummary) as ExploreSummary;
      const indices = summary.estimates![0]!.sobol!.indices!;
      const top = [...indices].sort((a, b) => b.total - a.total)[0]!;
      expect(await sobol.locator('figcaption strong').innerText()).toBe(top.name);
      expect(await sobol.locator('svg g[data-bar="ST"]').count()).toBe(2);
      expect(await results.getByTestId('lab-prim-statement').innerText()).toBe(summary.discovered!.statement);

      // Sorting: a click sorts by S1 ascending, Enter on the same header reverses it.
      const table = results.getByTestId('lab-sobol-table');
      const header = table.getByRole('columnheader', { name: 'S1', exact: true });
      await header.getByRole('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      const ascending = [...indices].sort((a, b) => a.first - b.first).map((s) => s.name);
      expect(await table.locator('tbody th').allInnerTexts()).toEqual(ascending);
      await header.getByRole('button').focus();
      await page.keyboard.press('Enter');
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      expect(await table.locator('tbody th').allInnerTexts()).toEqual([...ascending].reverse());
      expect(await columnTexts(table, 'first')).toHaveLength(2);
      await screenshot(page, 'lab-sobol-1280x900', true);
      expect(await axeViolations(page)).toEqual([]);

      // The CLI's summary imports and shows the same indices.
      await page.getByLabel('Import a summary JSON').setInputFiles(join(dir, 'summary.json'));
      await results.locator('h2', { hasText: 'from summary.json' }).waitFor();
      expect(await results.getByTestId('lab-sobol').locator('figcaption strong').innerText()).toBe(top.name);
    } finally {
      await context.close();
    }
  });
});

describe('the lab: checking targets', () => {
  it("checks the scenario's targets in workers and downloads the summary `parley check-targets` writes", async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const page = await openLab(context, session.url, 'lab targets', session.consoleProblems);
      const form = page.getByRole('form', { name: 'Experiment' });
      await form.getByRole('radio', { name: 'Check targets' }).check();
      await form.getByLabel('Runs per variation').fill('400');
      await form.getByLabel('Base seed').fill('e2e-t');
      expect(await page.getByTestId('lab-cli').innerText()).toBe('npx parley check-targets scenarios/doha-60-day-draft.yaml --runs 400 --seed e2e-t --summary targets.json');
      await form.getByRole('button', { name: 'Run' }).click();
      const table = page.getByTestId('lab-targets-table');
      await table.waitFor({ timeout: 60_000 });
      const dir = mkdtempSync(join(tmpdir(), 'parley-lab-targets-'));
      cli(['check-targets', 'scenarios/doha-60-day-draft.yaml', '--runs', '400', '--seed', 'e2e-t', '--summary', join(dir, 'targets.json')]);
      const cliText = readFileSync(join(dir, 'targets.json'), 'utf8');
      expect(await downloaded(page, page.getByTestId('lab-results').getByRole('button', { name: 'Download summary JSON' }))).toBe(cliText);
      const results = (JSON.parse(cliText) as { results: { id: string; met: boolean }[] }).results;
      expect(await table.locator('tbody th').allInnerTexts()).toEqual(results.map((r) => r.id));
      expect(await columnTexts(table, 'met')).toEqual(results.map((r) => (r.met ? 'met' : 'MISSED')));
      await screenshot(page, 'lab-targets-1280x900', true);
    } finally {
      await context.close();
    }
  });
});

consoleStaysClean(session.consoleProblems);
