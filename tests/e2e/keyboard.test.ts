/**
 * The stepper with the keyboard alone, in real Chromium: from the library open the 60-day draft,
 * step, play Hamas and make a choice, open a day on the timeline with Enter, branch from it, share
 * the link and reopen it to find both branches. No mouse: every move is Tab, arrows, Enter or
 * Space. Around it: axe (WCAG 2.2 AA) on the library and on a run page with a branch comparison
 * open, the heading order, and the tab stops the narrative's source toggles take.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, WCAG22_AA } from './lab-support.ts';
import { collectConsole, endPageSession, screenshot, startPageSession, type PageSession } from './support.ts';

let desk: PageSession;
let url: string;
let browser: Browser;
let page: Page;
let consoleProblems: string[];

beforeAll(async () => {
  desk = await startPageSession('keyboard', '');
  ({ url, browser, page, consoleProblems } = desk);
});

afterAll(() => endPageSession(desk));

interface Focused {
  tag: string;
  id: string;
  className: string;
  /** The accessible name's usual sources: aria-label, else the text. */
  name: string;
  disabled: boolean;
}

const focused = (p: Page): Promise<Focused> =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      className: typeof el?.className === 'string' ? el.className : (el?.getAttribute('class') ?? ''),
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      disabled: (el as HTMLButtonElement | null)?.disabled === true,
    };
  });

/** Presses Tab until the focused element passes `test`; fails after `max` presses. */
async function tabTo(p: Page, what: string, test: (f: Focused) => boolean, max = 250): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press('Tab');
    const f = await focused(p);
    if (test(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Headings in document order that skip a level (h2 → h4), as "h2 → h4 'text'". */
const skippedHeadings = (p: Page): Promise<string[]> =>
  p.evaluate(() => {
    const out: string[] = [];
    let last = 0;
    for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      const level = Number(h.tagName[1]);
      if (last > 0 && level > last + 1) out.push(`h${last} → h${level} '${(h.textContent ?? '').trim().slice(0, 40)}'`);
      last = level;
    }
    return out;
  });

const dayOf = async (p: Page) => (await p.getByTestId('current-day').innerText()).trim();

describe('the stepper with the keyboard alone', () => {
  let sharedUrl = '';
  /** Where branch A stood when it was shared. */
  let sharedDayA = '';

  it('the library: no axe violations, headings in order', async () => {
    await page.goto(url);
    await page.locator('article.card').first().waitFor({ timeout: 60_000 });
    expect(await axeViolations(page, WCAG22_AA)).toEqual([]);
    expect(await skippedHeadings(page)).toEqual([]);
  }, 120_000);

  it('opens the 60-day draft from the library; focus lands on the run\'s title', async () => {
    await tabTo(page, 'Step through it', (f) => f.tag === 'a' && f.name === 'Step through it');
    await page.keyboard.press('Enter');
    await page.getByTestId('decision-text').waitFor({ timeout: 60_000 });
    expect(page.url()).toMatch(/#\/run\/doha-60-day-draft\?/);
    const f = await focused(page);
    expect([f.tag, f.name]).toEqual(['h1', '60-day truce draft (Doha, July 2025)']);
  }, 120_000);

  it('steps with →, plays Hamas and answers its decision; focus moves to what comes next', async () => {
    const first = await page.getByTestId('decision-text').innerText();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((text) => document.querySelector('[data-testid=decision-text]')?.textContent !== text, first);
    expect(await page.getByTestId('announcer').innerText()).toMatch(/^Day 1: .+Now: /s);
    // On to day 5 or later, one decision per →.
    for (let i = 0; i < 60 && Number((await dayOf(page)).replace('Day ', '')) < 5; i++) await page.keyboard.press('ArrowRight');
    expect(Number((await dayOf(page)).replace('Day ', ''))).toBeGreaterThanOrEqual(5);

    await tabTo(page, 'the I play menu', (f) => f.tag === 'select');
    await page.keyboard.type('Hamas');
    expect(await page.getByLabel('I play').inputValue()).toBe('hamas');

    const choices = page.getByRole('list', { name: 'Your response' });
    if (!(await choices.isVisible())) {
      await tabTo(page, 'Run to my next move', (f) => f.tag === 'button' && f.name.startsWith('Run to my next move'));
      await page.keyboard.press('Enter');
      await choices.waitFor();
      // The button that ran on is disabled now; focus went to the decision Hamas must answer.
      expect((await focused(page)).id).toBe('decision-title');
    }
    const answered = () => Number(/[?&]at=(\d+)/.exec(page.url())![1]);
    const before = answered();

    const choice = await tabTo(page, 'a response', (f) => f.tag === 'button' && /^(Refuse|Violate|Delay)/.test(f.name));
    await page.keyboard.press('Enter');
    await page.getByTestId('log').locator('li', { hasText: '(your choice)' }).first().waitFor();
    const after = await focused(page);
    expect(after.id).toBe('decision-title');
    expect(answered()).toBeGreaterThan(before);
    expect(choice.name).toMatch(/model/);
  }, 120_000);

  it('the narrative\'s source toggles are one tab stop; ↑ ↓ move between them', async () => {
    await page.getByTestId('log').focus();
    const badges = await page.getByTestId('log').locator('.source-badge > summary').count();
    expect(badges).toBeGreaterThan(3);
    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first.tag).toBe('summary');
    // The stop is the newest line's source.
    expect(await page.evaluate(() => document.activeElement === [...document.querySelectorAll('[data-testid=log] .source-badge > summary')].at(-1))).toBe(true);
    await page.keyboard.press('ArrowUp');
    const second = await focused(page);
    expect(second.tag).toBe('summary');
    await page.keyboard.press('Tab');
    // One more Tab leaves the log: the toggles took one stop, not one per line.
    expect(await page.evaluate(() => document.querySelector('[data-testid=log]')!.contains(document.activeElement))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual(second);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement!.parentElement as HTMLDetailsElement).open)).toBe(true);
  }, 120_000);

  it('opens a day on the timeline with Enter and branches from it', async () => {
    await page.getByRole('heading', { name: 'Timeline' }).scrollIntoViewIfNeeded();
    const today = Number((await dayOf(page)).replace('Day ', ''));
    sharedDayA = await dayOf(page);
    const day = await tabTo(page, 'a day on the timeline', (f) => f.className.includes('tl-day'), 400);
    expect(day.name).toMatch(new RegExp(`^Day ${today}\\b.*today`));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    // ← moved between days and did not undo a step.
    expect(await dayOf(page)).toBe(`Day ${today}`);
    const picked = await focused(page);
    expect(picked.name).toMatch(new RegExp(`^Day ${today - 2}\\b`));
    await page.keyboard.press('Enter');
    const details = page.locator('.day-details');
    await details.getByRole('heading', { name: new RegExp(`^Day ${today - 2}\\b`) }).waitFor();
    await screenshot(page, 'keyboard-timeline-day-1280x800');

    const branch = await tabTo(page, 'Branch from day …', (f) => f.tag === 'button' && /^Branch (from day|at the end)/.test(f.name));
    const startDay = Number(/(\d+)/.exec(branch.name)![1]);
    await page.keyboard.press('Enter');
    await page.getByText(/^Branch B goes back to day \d+/).waitFor();
    expect(await dayOf(page)).toBe(`Day ${startDay}`);
  }, 120_000);

  it('a run page with a branch comparison open: no axe violations, headings in order', async () => {
    await page.getByTestId('compare').waitFor();
    expect(await axeViolations(page, WCAG22_AA)).toEqual([]);
    expect(await skippedHeadings(page)).toEqual([]);
    await page.getByTestId('compare').scrollIntoViewIfNeeded();
    await screenshot(page, 'keyboard-compare-1280x800');
  }, 120_000);

  it('shares the link to both branches, and the link reopens them', async () => {
    const input = await tabTo(page, 'the link', (f) => f.id === 'share-url');
    expect(input.tag).toBe('input');
    sharedUrl = await page.getByTestId('share-url').inputValue();
    expect(await page.locator('label[for=share-url]').innerText()).toMatch(/all 2 branches/);
    expect(sharedUrl).toMatch(/&b=A~.*&b=B~!/);

    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const other = await fresh.newPage();
      collectConsole(other, consoleProblems, 'reopened');
      await other.goto(sharedUrl);
      await other.getByTestId('decision-text').or(other.getByTestId('outcome')).first().waitFor({ timeout: 60_000 });
      expect((await focused(other)).tag).toBe('h1');
      const a = await tabTo(other, 'branch A', (f) => f.tag === 'button' && f.name.startsWith('Branch A'));
      expect(a.name).toMatch(/from the start/);
      const b = await tabTo(other, 'branch B', (f) => f.tag === 'button' && f.name.startsWith('Branch B'));
      expect(b.name).toMatch(/from A at day \d+/);
      expect(await other.getByTestId('compare').innerText()).toBe(await page.getByTestId('compare').innerText());
      expect(await other.getByTestId('share-url').inputValue()).toBe(sharedUrl);
      // Back to branch A and Space switches to it: the branch that made the choice, where it was.
      await tabTo(other, 'branch A', (f) => f.tag === 'button' && f.name.startsWith('Branch A'));
      await other.keyboard.press('Space');
      await other.locator('.branch-tag', { hasText: 'Branch A' }).waitFor();
      expect(await other.getByTestId('log').locator('li', { hasText: '(your choice)' }).count()).toBeGreaterThan(0);
      expect(await dayOf(other)).toBe(sharedDayA);
      await screenshot(other, 'keyboard-reopened-1280x800');
    } finally {
      await fresh.close();
    }
    expect(consoleProblems).toEqual([]);
  }, 120_000);
});
