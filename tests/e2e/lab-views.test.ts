/**
 * The lab's views in real Chromium: the histogram of any metric per variation, sortable tables
 * (mouse and keyboard, aria-sort), and axe on the results.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/batch/index.ts';
import { collectConsole, launchChromium, screenshot, startApp } from './support.ts';

let server: ViteDevServer;
let url: string;
let browser: Browser;
const consoleProblems: string[] = [];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

beforeAll(async () => {
  ({ server, url } = await startApp());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openLab(context: BrowserContext, label: string): Promise<Page> {
  const page = await context.newPage();
  collectConsole(page, consoleProblems, label);
  await page.goto(`${url}#/lab/doha-60-day-draft`);
  await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 30_000 });
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
}

describe('the lab: histogram and sortable tables', () => {
  it('draws the histogram of a chosen metric for a chosen variation, its bins adding up to the tally, and sorts tables by click and by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const page = await openLab(context, 'lab histogram');
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

describe('the console', () => {
  it('stays free of errors and warnings throughout', () => {
    expect(consoleProblems).toEqual([]);
  });
});
