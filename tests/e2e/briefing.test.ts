/**
 * A student's seat in real Chromium: pick a party under "I play" and read its briefing (sources
 * open in place), fold it away, read another party's briefing from the parties panel, answer a
 * decision and see right there what the choice changed, then move on and see it go. Axe (WCAG 2.2
 * AA) finds nothing with the briefing and the consequences on screen. Screenshots go to
 * test-results/screenshots.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './lab-support.ts';
import { collectConsole, endPageSession, screenshot, startPageSession, type PageSession } from './support.ts';

let session: PageSession;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleProblems: string[];

beforeAll(async () => {
  session = await startPageSession('briefing', '#/run/doha-60-day-draft?seed=1&at=0', { width: 1280, height: 900 });
  ({ url, browser, context, page, consoleProblems } = session);
  await page.getByTestId('current-day').waitFor({ timeout: 30_000 });
});

afterAll(() => endPageSession(session));

const briefing = () => page.getByTestId('briefing-panel');
const consequences = () => page.getByTestId('consequences');

describe('role briefings and consequences near the choice', () => {
  it('shows no briefing panel while the student only watches', async () => {
    expect(await briefing().count()).toBe(0);
  });

  it('opens the played party’s briefing when the student picks it under “I play”', async () => {
    await page.getByLabel('I play').selectOption('hamas');
    await expect.poll(() => page.url()).toMatch(/play=hamas/);
    const panel = briefing();
    await panel.getByRole('heading', { level: 2, name: 'Your briefing: Hamas' }).waitFor();
    const headings = await panel.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(headings).toEqual(['Goals', 'Who it answers to', 'Red lines', 'Pressure on it', 'Levers']);
    expect(await panel.innerText()).toContain('the Rafah crossing open for the whole truce and any extension');
    // A line's source opens in place, with the seed's quote.
    const rafah = panel.locator('li', { hasText: 'the Rafah crossing open for the whole truce' });
    await rafah.getByText('source: rafah').click();
    expect(await rafah.locator('.source-quote').innerText()).toContain('reopening of the Rafah border crossing');
    await screenshot(page, 'briefing-hamas');
  });

  it('folds away with the keyboard and opens again', async () => {
    const toggle = briefing().getByRole('button', { name: 'Fold away' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    const again = briefing().getByRole('button', { name: 'Read it again' });
    expect(await again.getAttribute('aria-expanded')).toBe('false');
    expect(await briefing().getByRole('heading', { name: 'Goals' }).count()).toBe(0);
    await page.keyboard.press('Enter');
    await briefing().getByRole('heading', { name: 'Goals' }).waitFor();
  });

  it('lets any party’s briefing be read from the parties panel', async () => {
    const us = page.locator('.parties-panel details.party-briefing[data-party="us"]');
    expect(await us.locator(':scope > summary').innerText()).toBe('Briefing: United States');
    await us.locator(':scope > summary').click();
    expect(await us.getByRole('heading', { level: 4 }).allInnerTexts()).toEqual(['Goals', 'Who it answers to', 'Red lines', 'Pressure on it', 'Levers']);
    expect(await us.innerText()).toContain('withdrawn after Hamas');
    await screenshot(page, 'briefing-parties-panel');
    await us.locator(':scope > summary').click();
  });

  it('after a choice, shows what it changed, who reacted, and what it called off; it goes when the student moves on', async () => {
    const answer = page.getByRole('list', { name: 'Your response' });
    for (let i = 0; i < 10 && (await answer.count()) === 0; i++) await page.getByRole('button', { name: 'Next decision →' }).click();
    expect(await page.getByTestId('decision-text').innerText()).toMatch(/Hamas must release the first group of 8 living captives/);
    expect(await consequences().count()).toBe(0);
    await answer.getByRole('button', { name: /^Violate/ }).click();
    const shown = consequences();
    await shown.waitFor();
    const text = await shown.innerText();
    expect(text).toContain('What your choice changed');
    expect(text).toContain('Hamas violated the obligation to release the first group of 8 living captives');
    expect(await shown.locator('li[data-party="israel"]').innerText()).toMatch(/grievance 0\.00 → 0\.14 \(\+0\.14\).*Hamas violated an obligation/s);
    expect(await shown.locator('li[data-party="hamas"]').innerText()).toMatch(/mediator pressure 0\.00 → 0\.65.*Qatar presses Hamas; Egypt presses Hamas; United States presses Hamas/s);
    expect(text).toContain('Israel need not begin the phased withdrawal from positions in northern Gaza');
    expect(text).toContain('These reactions take effect when day 1 closes.');
    await screenshot(page, 'choice-consequences');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next decision →' }).click();
    await expect.poll(() => consequences().count()).toBe(0);
  });

  it('reopens a shared link with the played party’s briefing at the start of the run', async () => {
    const other = await context.newPage();
    collectConsole(other, consoleProblems, 'shared link');
    try {
      await other.goto(`${url}#/run/doha-60-day-draft?seed=1&at=0&play=israel`);
      await other.getByRole('heading', { level: 2, name: 'Your briefing: Israel' }).waitFor({ timeout: 30_000 });
      expect(await other.getByTestId('briefing-panel').innerText()).toContain('Israel holds the prisoners and the ground');
    } finally {
      await other.close();
    }
  });

  it('fits a narrow screen (390×844): briefing and consequences in one readable column', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    try {
      const small = await phone.newPage();
      collectConsole(small, consoleProblems, 'narrow');
      await small.goto(`${url}#/run/doha-60-day-draft?seed=1&at=3&play=hamas`);
      await small.getByRole('heading', { level: 2, name: 'Your briefing: Hamas' }).waitFor({ timeout: 30_000 });
      await screenshot(small, 'briefing-390x844');
      await small.getByRole('list', { name: 'Your response' }).getByRole('button', { name: /^Comply/ }).click();
      await small.getByTestId('consequences').scrollIntoViewIfNeeded();
      expect(await small.getByTestId('consequences').innerText()).toContain('trust 0.30 → 0.32 (+0.02)');
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(small, 'consequences-390x844');
    } finally {
      await phone.close();
    }
  });

  it('logs no console errors or warnings', () => {
    expect(consoleProblems).toEqual([]);
  });
});
