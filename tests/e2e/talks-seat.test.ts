/**
 * A student at the talks table in real Chromium: play Hamas on the buffer-zone talks, try a
 * counter-offer off the grid and read the message, counter with 1,000 m, branch and settle early in
 * the branch (Israel's 1,600 m), go back and hold to 1,000 m until Israel takes it, then live
 * through the truce under that width, compare the two branches, reopen the shared link, and pass
 * axe at the table and after the deal. Screenshots go to test-results/screenshots.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './lab-support.ts';
import { appForFile, collectConsole, screenshot } from './support.ts';

const app = appForFile();
const consoleProblems: string[] = [];

const START = '#/run/buffer-zone-talks?seed=1&at=0&play=hamas';
const status = (page: Page) => page.getByTestId('talks-status').innerText();

/** Holds to the numbers in the counter fields, refusing the mediators' proposals, until the talks end. */
async function holdOut(page: Page): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const seat = page.getByTestId('talks-seat');
    if (!(await seat.isVisible())) return;
    const refuse = seat.getByRole('button', { name: 'Refuse', exact: true });
    if (await refuse.isVisible()) await refuse.click();
    else await seat.getByRole('button', { name: 'Counter with my numbers' }).click();
    await page.waitForTimeout(50);
  }
}

describe('a student in Hamas\'s seat at the buffer-zone talks', () => {
  let desk: BrowserContext;
  let page: Page;
  let sharedUrl = '';

  beforeAll(async () => {
    desk = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await desk.newPage();
    collectConsole(page, consoleProblems, 'desktop');
    await page.goto(app.url + START);
  });

  afterAll(async () => {
    await desk?.close();
  });

  it('sees Israel\'s opening offer beside their own ideal and red line, and passes axe at the table', async () => {
    const seat = page.getByTestId('talks-seat');
    await seat.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('on-table-width').innerText()).toBe('2000');
    const row = await seat.getByRole('row', { name: /buffer width/ }).innerText();
    expect(row).toMatch(/2000\s+300\s+1000/);
    expect(await page.getByTestId('current-day').innerText()).toBe('Talks · round 1');
    await screenshot(page, 'talks-seat-desktop', true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a counter off the grid is refused with a message that names the issue and the nearest value', async () => {
    await page.getByTestId('counter-width').fill('1050');
    await page.getByRole('button', { name: 'Counter with my numbers' }).click();
    const alert = page.getByTestId('talks-seat').getByRole('alert');
    expect(await alert.innerText()).toContain('buffer width (m): 1050 is not on the table\'s grid; offer a value from 300 to 2000 in steps of 100 (nearest: 1100)');
    expect(await page.getByTestId('counter-width').getAttribute('aria-invalid')).toBe('true');
    expect(await status(page)).toBe('Round 1 of 14.');
  });

  it('counters with 1,000 m: it is Hamas\'s offer in round 2, and Israel answers in round 3', async () => {
    await page.getByTestId('counter-width').fill('1000');
    await page.getByRole('button', { name: 'Counter with my numbers' }).click();
    await page.getByTestId('talks-log').getByText('Hamas offers buffer width (m) 1000.').waitFor();
    expect(await status(page)).toBe('Round 3 of 14.');
    expect(await page.getByTestId('on-table-width').innerText()).toBe('1600');
  });

  it('in a branch from round 3, settles early on Israel\'s 1,600 m', async () => {
    await page.getByRole('button', { name: 'Branch here (talks round 3)' }).click();
    await page.getByTestId('talks-seat').getByRole('button', { name: 'Accept' }).click();
    expect(await status(page)).toContain('Deal in round 3: buffer width (m) 1600.');
  });

  it('back in branch A, holds to 1,000 m until Israel takes it: the deal is on the student\'s terms', async () => {
    await page.getByRole('button', { name: /^Branch A/ }).click();
    expect(await status(page)).toBe('Round 3 of 14.');
    await holdOut(page);
    expect(await status(page)).toContain('Deal in round 8: buffer width (m) 1000.');
    expect(await page.getByTestId('talks-log').textContent()).toContain('Israel accepts. Deal: buffer width (m) 1000.');
    expect(await page.getByTestId('agreed-width').innerText()).toContain('1000');
    await screenshot(page, 'talks-deal-desktop', true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the truce that follows runs under the agreed width', async () => {
    expect(await page.getByTestId('talks-outcome-line').innerText()).toContain('The truce runs under these terms (buffer-width-m = 1000).');
    expect(await page.getByTestId('current-day').innerText()).toMatch(/^Day \d+$/);
    await page.getByLabel('I play').selectOption('');
    await page.getByRole('button', { name: 'Run to the end ⇥⇥' }).click();
    await page.getByTestId('outcome').waitFor();
    const log = await page.getByTestId('log').innerText();
    expect(log).toContain('Day 1');
    expect(await page.getByTestId('talks-outcome-line').innerText()).toContain('buffer-width-m = 1000');
    sharedUrl = await page.getByTestId('share-url').inputValue();
    expect(sharedUrl).toContain('seat=hamas');
    expect(sharedUrl).toMatch(/t=c1000(,[cr]\d*)*/);
  });

  it('compares the two branches: the early settlement and the held-out deal side by side', async () => {
    const compare = await page.getByTestId('compare').innerText();
    expect(compare).toContain('deal in round 8: buffer width (m) 1000');
    expect(compare).toContain('deal in round 3: buffer width (m) 1600');
  });

  it('the shared link reopens the same talks and the same truce in a fresh page', async () => {
    const fresh = await desk.newPage();
    collectConsole(fresh, consoleProblems, 'shared');
    await fresh.goto(sharedUrl);
    await fresh.getByTestId('talks-status').waitFor({ timeout: 60_000 });
    expect(await status(fresh)).toBe(await status(page));
    expect(await fresh.getByTestId('talks-log').textContent()).toBe(await page.getByTestId('talks-log').textContent());
    expect(await fresh.getByTestId('log').innerText()).toBe(await page.getByTestId('log').innerText());
    await fresh.close();
  });

  it('works on a phone-sized screen', async () => {
    const phone = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    const small = await phone.newPage();
    collectConsole(small, consoleProblems, 'phone');
    await small.goto(app.url + START);
    await small.getByTestId('talks-seat').waitFor({ timeout: 60_000 });
    await screenshot(small, 'talks-seat-phone', true);
    const box = await small.getByRole('button', { name: 'Walk away' }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(24);
    await phone.close();
    expect(consoleProblems).toEqual([]);
  });
});
