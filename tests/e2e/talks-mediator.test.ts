/**
 * A student plays the United States at the buffer-zone talks in real Chromium: picks it under
 * "I play", reads its briefing, sees both sides' offers and red lines at its first bridge (round 8),
 * tries a width off the grid and reads the message, proposes 800 m with the keyboard, which both
 * sides accept, reads why, lives on as the US into the truce under that width, and reopens the
 * shared link. Axe at the bridge and after the deal. Screenshots go to test-results/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './lab-support.ts';
import { join } from 'node:path';
import { endPageSession, screenshot, SCREENSHOTS, startPageSession, type PageSession } from './support.ts';

const START = '#/run/buffer-zone-talks?seed=6&at=0';

describe('a student in the United States\' seat at the buffer-zone talks', () => {
  let s: PageSession;
  let sharedUrl = '';

  beforeAll(async () => {
    s = await startPageSession('us-mediator', START);
  }, 120_000);

  afterAll(async () => {
    await endPageSession(s);
  });

  it('picks the United States under "I play": its briefing opens and its first bridge turn waits in round 8', async () => {
    const { page } = s;
    await page.getByTestId('talks-panel').waitFor({ timeout: 60_000 });
    await page.getByLabel('I play').selectOption('us');
    expect(await page.getByRole('heading', { name: 'Your briefing: United States' }).isVisible()).toBe(true);
    const seat = page.getByTestId('talks-seat');
    await seat.waitFor();
    expect(await seat.innerText()).toContain('You mediate for United States.');
    expect(await page.getByTestId('current-day').innerText()).toBe('Talks · round 8');
    expect(await page.getByTestId('offer-a-width').innerText()).toBe('1000');
    expect(await page.getByTestId('offer-b-width').innerText()).toBe('700');
    expect(await page.getByTestId('model-width').innerText()).toBe('900');
    expect(await page.getByTestId('bridge-width').inputValue()).toBe('900');
    const row = await seat.getByRole('row', { name: /buffer width/ }).innerText();
    expect(row).toMatch(/2000 → 800/);
    expect(row).toMatch(/300 → 1000/);
    for (const name of ['Propose this bridge', 'Propose the Nash point', 'Stay out this round']) {
      const box = await seat.getByRole('button', { name }).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(24);
    }
    await screenshot(page, 'talks-mediator-bridge', true);
    await page.getByTestId('talks-panel').screenshot({ path: join(SCREENSHOTS, 'talks-mediator-bridge-panel.png') });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a width off the grid is refused with a message naming the nearest value', async () => {
    const { page } = s;
    await page.getByTestId('bridge-width').fill('850');
    await page.getByRole('button', { name: 'Propose this bridge' }).click();
    const alert = page.getByTestId('talks-seat').getByRole('alert');
    expect(await alert.innerText()).toContain("buffer width (m): 850 is not on the table's grid; offer a value from 300 to 2000 in steps of 100 (nearest: 900)");
    expect(await page.getByTestId('bridge-width').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('talks-status').innerText()).toBe('Round 8 of 14.');
  });

  it('proposes 800 m from the keyboard: both sides accept, the reasons are shown, and focus moves to the result', async () => {
    const { page } = s;
    await page.getByTestId('bridge-width').fill('800');
    await page.getByTestId('bridge-width').press('Enter');
    const result = page.getByTestId('bridge-result');
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain('Round 8: you proposed buffer width (m) 800. Both sides accept: that is the deal.');
    expect(text).toMatch(/Israel accepts: it is worth at least as much to it as its own next offer/);
    expect(text).toMatch(/Hamas accepts: it is worth at least as much to it as its own next offer/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('talks-bridge-result');
    expect(await page.getByTestId('talks-status').innerText()).toContain('Deal in round 8: buffer width (m) 800.');
    expect(await page.getByTestId('talks-log').textContent()).toContain('United States proposes buffer width (m) 800 (its own bridge): both sides accept.');
    expect(await page.getByTestId('agreed-width').innerText()).toContain('800');
    await screenshot(page, 'talks-mediator-deal', true);
    await page.getByTestId('talks-panel').screenshot({ path: join(SCREENSHOTS, 'talks-mediator-deal-panel.png') });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lives on as the United States in the truce under 800 m, then runs it to the end', async () => {
    const { page } = s;
    expect(await page.getByTestId('talks-outcome-line').innerText()).toContain('The truce runs under these terms (buffer-width-m = 800).');
    // Next decision stops at the first of the US's own levers.
    for (let i = 0; i < 40 && !(await page.getByText('You are United States.').isVisible()); i++) {
      await page.getByRole('button', { name: 'Next decision →' }).click();
    }
    expect(await page.getByText('You are United States.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Let the model decide for me' }).click();
    await page.getByLabel('I play').selectOption('');
    await page.getByRole('button', { name: 'Run to the end ⇥⇥' }).click();
    await page.getByTestId('outcome').waitFor();
    expect(await page.getByTestId('log').innerText()).toContain('Day 1');
    sharedUrl = await page.getByTestId('share-url').inputValue();
    expect(sharedUrl).toContain('seat=us');
    expect(sharedUrl).toContain('t=p800');
  });

  it('the shared link reopens the same talks and the same truce in a fresh page', async () => {
    const fresh = await s.context.newPage();
    await fresh.goto(sharedUrl);
    await fresh.getByTestId('talks-status').waitFor({ timeout: 60_000 });
    expect(await fresh.getByTestId('talks-status').innerText()).toBe(await s.page.getByTestId('talks-status').innerText());
    expect(await fresh.getByTestId('talks-log').textContent()).toBe(await s.page.getByTestId('talks-log').textContent());
    expect(await fresh.getByTestId('log').innerText()).toBe(await s.page.getByTestId('log').innerText());
    await fresh.close();
  });

  it('on a phone, from a play=us link: branches at its bridge and stays out in the branch, with the keyboard', async () => {
    const phone = await s.browser.newContext({ viewport: { width: 390, height: 844 } });
    const small = await phone.newPage();
    await small.goto(`${s.url}#/run/buffer-zone-talks?seed=6&at=0&play=us`);
    await small.getByTestId('talks-seat').waitFor({ timeout: 60_000 });
    await small.getByRole('button', { name: 'Branch here (talks round 8)' }).click();
    const stay = small.getByRole('button', { name: 'Stay out this round' });
    expect((await stay.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    await stay.focus();
    await small.keyboard.press('Enter');
    await small.getByTestId('bridge-result').waitFor();
    expect(await small.getByTestId('bridge-result').innerText()).toContain('Round 8: you stayed out. Nothing was proposed.');
    expect(await small.getByTestId('talks-log').textContent()).toContain('United States stays out this round.');
    expect(await small.getByTestId('share-url').inputValue()).toMatch(/seat=us&t=s(&|,|$)/);
    await small.getByTestId('talks-panel').screenshot({ path: join(SCREENSHOTS, 'talks-mediator-phone.png') });
    expect(await axeViolations(small)).toEqual([]);
    await phone.close();
    expect(s.consoleProblems).toEqual([]);
  });
});
