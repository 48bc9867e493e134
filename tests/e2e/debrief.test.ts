/**
 * The debrief in real Chromium: play Hamas through the 60-day draft to its end, open the
 * debrief, read the choices with the model's odds, the run among 1,000 model runs (percentile
 * chart and table), which choices moved P(collapse) and the scenario's questions; reopen the
 * shared link straight on the debrief; print it; axe (WCAG 2.2 AA) finds nothing.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, WCAG22_AA } from './lab-support.ts';
import { appForFile, collectConsole, screenshot } from './support.ts';

const app = appForFile();
const consoleProblems: string[] = [];

describe('the debrief at the end of a run', () => {
  let desk: BrowserContext;
  let page: Page;
  let choicesMade = 0;
  let sharedUrl = '';
  let firstChoiceText = '';

  beforeAll(async () => {
    desk = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await desk.newPage();
    collectConsole(page, consoleProblems, 'debrief');
    await page.goto(`${app.url}#/run/doha-60-day-draft?seed=1&at=0&play=hamas`);
    await page.getByTestId('decision-text').waitFor({ timeout: 30_000 });
  }, 60_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('plays Hamas to the end of the run', async () => {
    const choices = page.getByRole('list', { name: 'Your response' });
    const debriefButton = page.getByTestId('open-debrief');
    for (let i = 0; i < 200; i++) {
      if (await debriefButton.isVisible()) break;
      if (await choices.isVisible()) {
        // Refuse the second decision, delay the fourth, comply with the rest.
        const pick = choicesMade === 1 ? /^Refuse/ : choicesMade === 3 ? /^Delay/ : /^Comply/;
        await choices.getByRole('button', { name: pick }).click();
        choicesMade++;
      } else {
        await page.getByRole('button', { name: /Run to my next move/ }).click();
      }
    }
    expect(await debriefButton.isVisible()).toBe(true);
    expect(choicesMade).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'debrief-run-end');
  }, 120_000);

  it('opens the debrief with the choices marked among the turning points, each with the model’s odds', async () => {
    await page.getByTestId('open-debrief').click();
    await page.getByRole('heading', { level: 1, name: /^Debrief: 60-day truce draft/ }).waitFor({ timeout: 30_000 });
    expect(page.url()).toMatch(/[?&]debrief=1/);
    // The model runs go to a Web Worker, not the page's thread.
    await expect.poll(() => page.workers().some((w) => /debrief-worker/.test(w.url())), { timeout: 30_000 }).toBe(true);
    const lines = page.getByTestId('debrief-choices').locator('li.yours');
    expect(await lines.count()).toBe(choicesMade);
    firstChoiceText = await lines.first().innerText();
    expect(firstChoiceText).toMatch(/Your choice/);
    expect(firstChoiceText).toMatch(/You complied where the model complies \d+% of the time\./);
    expect(await page.getByTestId('debrief-choices').innerText()).toMatch(/You refused where the model refuses (<1|\d+)% of the time\./);
  });

  it('shows where the run falls among 1,000 model runs, as a chart and a table', async () => {
    const table = page.getByTestId('debrief-percentiles');
    await table.waitFor({ timeout: 120_000 });
    expect(await page.getByRole('heading', { name: 'Your run among 1,000 model runs' }).isVisible()).toBe(true);
    const days = table.getByRole('row', { name: /Days the truce held/ });
    expect(await days.innerText()).toMatch(/lower than|higher than|the same as/);
    const chart = days.getByRole('img');
    expect(await chart.getAttribute('aria-label')).toMatch(/^Days the truce held: your run \d+; model runs median \d+/);
    expect(await table.getByRole('row', { name: /Violations by Hamas/ }).count()).toBe(1);
    expect(await page.getByTestId('debrief-outcomes').innerText()).toMatch(/◆ your run/);
  }, 130_000);

  it('ranks the choices by how much they moved P(collapse), each with a 95% interval', async () => {
    const impacts = page.getByTestId('debrief-impacts').locator(':scope > li');
    await expect.poll(() => impacts.count(), { timeout: 180_000, interval: 500 }).toBe(choicesMade);
    const first = await impacts.first().innerText();
    expect(first).toMatch(/P\(collapse\) [+−]?\d+ points \(95% interval [+−]?\d+ to [+−]?\d+\)/);
    expect(first).toMatch(/of futures collapsed with your choice/);
    await screenshot(page, 'debrief-1280x900', true);
  }, 200_000);

  it('ends with the scenario’s questions to reflect on, with their sources', async () => {
    const questions = page.getByTestId('debrief-questions').locator(':scope > li');
    expect(await questions.count()).toBeGreaterThanOrEqual(2);
    expect(await questions.first().innerText()).toMatch(/Rafah/);
    expect(await questions.first().innerText()).toMatch(/Source:/);
  });

  it('has no axe violations (WCAG 2.2 AA)', async () => {
    expect(await axeViolations(page, [...WCAG22_AA, 'best-practice'])).toEqual([]);
  }, 60_000);

  it('prints the debrief alone: no top bar, no buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print the debrief' }).isVisible()).toBe(false);
    expect(await page.getByTestId('debrief-percentiles').isVisible()).toBe(true);
    await screenshot(page, 'debrief-print', true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('reopens straight on the debrief from its link, with the same choices, on a phone too', async () => {
    sharedUrl = page.url();
    const phone = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    const fresh = await phone.newPage();
    collectConsole(fresh, consoleProblems, 'shared debrief');
    await fresh.goto(sharedUrl);
    await fresh.getByRole('heading', { level: 1, name: /^Debrief:/ }).waitFor({ timeout: 30_000 });
    expect(await fresh.getByTestId('debrief-choices').locator('li.yours').first().innerText()).toBe(firstChoiceText);
    await fresh.getByTestId('debrief-percentiles').waitFor({ timeout: 120_000 });
    // The page itself does not scroll sideways; the wide table scrolls in its own region.
    expect(await fresh.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(fresh, 'debrief-390x844', true);
    await phone.close();
  }, 150_000);

  it('goes back to the run from the debrief, by keyboard', async () => {
    await page.getByRole('button', { name: '← Back to the run' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('open-debrief').waitFor();
    expect(page.url()).not.toMatch(/debrief=1/);
  });

  it('logged no console errors or warnings', () => {
    expect(consoleProblems).toEqual([]);
  });
});
