/**
 * A student's first session in real Chromium: open the library, pick the 60-day draft, step to
 * day 10 and watch the disclosure fall due, play Hamas and answer it, undo, branch, compare, and
 * reopen the shared link in a fresh page to find exactly the same run. Screenshots at 1280×800
 * and 390×844 go to test-results/screenshots.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, runOnce } from '../../src/engine/index.ts';
import { flagship } from '../ui/helpers.ts';
import { appForFile, collectConsole, screenshot } from './support.ts';

const app = appForFile();
const consoleProblems: string[] = [];

async function openPage(context: BrowserContext, label: string, address = app.url): Promise<Page> {
  const page = await context.newPage();
  collectConsole(page, consoleProblems, label);
  await page.goto(address);
  return page;
}

const dayOf = async (page: Page) => (await page.getByTestId('current-day').innerText()).trim();
const logText = (page: Page) => page.getByTestId('log').innerText();
/** A party's response in the log (not the reactions to it). */
const responded = (page: Page, text: RegExp) => page.getByTestId('log').locator('li[data-type="party.responded"]', { hasText: text });
const decisionText = (page: Page) => page.getByTestId('decision-text').innerText();

describe('stepping through the 60-day draft', () => {
  let desk: BrowserContext;
  let page: Page;
  let sharedUrl = '';
  let sharedDay = '';
  let sharedLog = '';
  let sharedDecision = '';

  beforeAll(async () => {
    desk = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await openPage(desk, 'desktop');
  });

  afterAll(async () => {
    await desk?.close();
  });

  it('shows the library with a card per scenario', async () => {
    const card = page.locator('article.card', { has: page.getByRole('heading', { name: /60-day truce draft/ }) });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toMatch(/July 2025/);
    expect(await card.innerText()).toMatch(/Sources:.*Two senior Hamas sources revealed notable progress.*\(July 2025\)/s);
    expect(await page.locator('article.card').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'library-1280x800');
  });

  it('opens the draft at its first decision on day 1', async () => {
    const card = page.locator('article.card', { has: page.getByRole('heading', { name: /60-day truce draft/ }) });
    await card.getByRole('link', { name: 'Step through it' }).click();
    await page.getByTestId('decision-text').waitFor();
    expect(await dayOf(page)).toBe('Day 1');
    expect(await decisionText(page)).toMatch(/Israel must suspend all military operations/);
    expect(page.url()).toMatch(/#\/run\/doha-60-day-draft\?seed=1&at=0/);
  });

  it('steps day by day to day 10, where the captives disclosure falls due', async () => {
    for (let i = 0; i < 15 && (await dayOf(page)) !== 'Day 10'; i++) {
      await page.getByRole('button', { name: /^Next day/ }).click();
    }
    expect(await dayOf(page)).toBe('Day 10');
    expect(await decisionText(page)).toBe('Hamas must disclose information about the remaining captives.');
    expect(await logText(page)).toContain('Due: Hamas must disclose information about the remaining captives.');
    const cell = page.locator('[data-testid=timeline] g.tl-cell[data-day="10"][data-row="disclosures"]');
    expect(await cell.getAttribute('data-mark')).toBe('due');
    await screenshot(page, 'day10-disclosure-due-1280x800');
  });

  it('plays Hamas: the choices carry the model\'s probabilities, and the choice is logged', async () => {
    await page.getByLabel('I play').selectOption('hamas');
    const choices = page.getByRole('list', { name: 'Your response' });
    await choices.waitFor();
    for (const r of ['comply', 'delay', 'partial', 'violate', 'refuse']) {
      expect(await page.getByTestId(`p-${r}`).innerText()).toMatch(/^model (<1|>99|\d{1,3})%$/);
    }
    expect(await page.getByRole('button', { name: /^Next decision/ }).isDisabled()).toBe(true);
    await screenshot(page, 'your-move-1280x800');
    await choices.getByRole('button', { name: /^Violate/ }).click();
    await responded(page, /^Hamas violated/).waitFor();
    expect(await logText(page)).toMatch(/Hamas violated[^\n]*\(your choice\)/);
  });

  it('undoes the choice with the ← key', async () => {
    await page.locator('body').press('ArrowLeft');
    await page.getByRole('list', { name: 'Your response' }).waitFor();
    expect(await logText(page)).not.toMatch(/Hamas violated/);
    expect(await decisionText(page)).toBe('Hamas must disclose information about the remaining captives.');
  });

  it('branches here: B complies while A violates, then both run to the end and compare', async () => {
    await page.getByRole('button', { name: /^Branch here/ }).click();
    await page.getByText(/Branch B starts here/).waitFor();
    await page.getByRole('list', { name: 'Your response' }).getByRole('button', { name: /^Comply/ }).click();
    await responded(page, /^Hamas complied: disclosed/).waitFor();

    // Branch A: violate, take two more steps, and share that exact moment.
    await page.getByRole('button', { name: /^Branch A\b/ }).click();
    await page.getByRole('list', { name: 'Your response' }).getByRole('button', { name: /^Violate/ }).click();
    await responded(page, /^Hamas violated/).waitFor();
    await page.locator('body').press('ArrowRight');
    await page.locator('body').press('ArrowRight');
    sharedUrl = await page.getByTestId('share-url').inputValue();
    sharedDay = await dayOf(page);
    sharedLog = await logText(page);
    sharedDecision = (await page.getByTestId('decision-text').count()) > 0 ? await decisionText(page) : '';
    expect(sharedUrl).toMatch(/play=hamas/);
    expect(sharedUrl).toMatch(/c=\d+:violate/);

    for (const branch of ['A', 'B']) {
      await page.getByRole('button', { name: new RegExp(`^Branch ${branch}\\b`) }).click();
      await page.getByLabel('I play').selectOption('');
      await page.getByRole('button', { name: /^Run to the end/ }).click();
      await page.getByTestId('outcome').waitFor();
    }
    const compare = page.getByTestId('compare');
    await compare.waitFor();
    const table = await compare.innerText();
    expect(table).toMatch(/Branch A/);
    expect(table).toMatch(/Branch B/);
    expect(table).toMatch(/Outcome/);
    expect(table).toMatch(/#\d+ violate/);
    expect(table).toMatch(/#\d+ comply/);
    await page.getByTestId('outcome').scrollIntoViewIfNeeded();
    await screenshot(page, 'outcome-1280x800');
    await compare.scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-1280x800');
    await screenshot(page, 'run-full-1280', true);
  });

  it('reopens the shared link in a fresh page at exactly the same point', async () => {
    const fresh = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const other = await openPage(fresh, 'shared link', sharedUrl);
      await other.getByTestId('current-day').waitFor({ timeout: 30_000 });
      expect(await dayOf(other)).toBe(sharedDay);
      expect(await logText(other)).toBe(sharedLog);
      if (sharedDecision) expect(await decisionText(other)).toBe(sharedDecision);
      expect(await other.getByLabel('I play').inputValue()).toBe('hamas');
      expect(await other.getByTestId('share-url').inputValue()).toBe(sharedUrl);
      await screenshot(other, 'shared-link-1280x800');
    } finally {
      await fresh.close();
    }
  });

  it('goes back to a past day picked on the timeline and branches from it', async () => {
    await page.locator('[data-testid=timeline] g.tl-cell[data-day="7"][data-row="releases"]').click();
    const details = page.locator('.day-details');
    await details.getByRole('heading', { name: 'Day 7' }).waitFor();
    expect(await details.innerText()).toMatch(/Hamas complied: released 5 deceased captives/);
    await details.getByRole('button', { name: 'Branch from day 7' }).click();
    await page.getByText(/Branch C goes back to day 7's first decision in branch B/).waitFor();
    expect(await dayOf(page)).toBe('Day 7');
    expect(await page.getByRole('button', { name: /^← Back/ }).isDisabled()).toBe(false);
    await screenshot(page, 'branch-from-day-1280x800');
  });

  it('re-runs the branch from its start when an assumption changes', async () => {
    const input = page.getByLabel('reciprocity');
    await input.fill('0.5');
    await input.press('Enter');
    await page.getByText(/re-ran from day 1 with reciprocity = 0\.5/).waitFor();
    expect(page.url()).toMatch(/set=reciprocity:0\.5/);
  });
});

describe('on a narrow screen (390×844)', () => {
  it('lays out the library and the stepper in one readable column', async () => {
    const phone = await app.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    try {
      const page = await openPage(phone, 'narrow');
      await page.locator('article.card').first().waitFor({ timeout: 30_000 });
      await screenshot(page, 'library-390x844');
      await page.goto(`${app.url}#/run/doha-60-day-draft?seed=3&at=13&play=hamas`);
      await page.getByRole('list', { name: 'Your response' }).waitFor();
      expect(await dayOf(page)).toBe('Day 10');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'your-move-390x844');
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      await screenshot(page, 'timeline-390x844');
      await screenshot(page, 'run-full-390', true);
    } finally {
      await phone.close();
    }
  });
});

describe('every bundled scenario', () => {
  it('opens from the library and runs to an outcome', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await openPage(context, 'all scenarios');
      await page.locator('article.card').first().waitFor({ timeout: 30_000 });
      const links = await page.locator('article.card h2 a').evaluateAll((as) => as.map((a) => ({ hash: a.getAttribute('href')!, title: a.textContent! })));
      expect(links.length).toBeGreaterThan(0);
      for (const { hash, title } of links) {
        await page.evaluate((h) => {
          window.location.hash = h;
        }, hash);
        await page.waitForFunction((t) => document.querySelector('.run-head h1')?.textContent === t && document.querySelector('[data-testid=current-day]'), title);
        expect(await dayOf(page)).toMatch(/^Day \d+$/);
        // A run whose talks end without a deal (prisoner-exchange-talks, seed 1) is over at once.
        const runToEnd = page.getByRole('button', { name: /^Run to the end/ });
        if (await runToEnd.isEnabled()) await runToEnd.click();
        await page.getByTestId('outcome').waitFor();
        expect(await page.getByTestId('log').innerText()).not.toBe('');
      }
    } finally {
      await context.close();
    }
  });
});

describe('quick batch', () => {
  it('runs 200 seeds of the 60-day draft in the page and shows outcome shares, survival and example runs', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await openPage(context, 'quick batch', `${app.url}#/run/doha-60-day-draft?seed=1&at=0`);
      await page.getByTestId('decision-text').waitFor({ timeout: 30_000 });
      const panel = page.getByRole('region', { name: /Quick batch/ });
      await panel.locator('summary').click();
      await panel.getByRole('radio', { name: '200' }).check();
      await panel.getByRole('button', { name: 'Run 200 seeds' }).click();
      const results = panel.getByTestId('quick-batch-results');
      await results.waitFor({ timeout: 20_000 });

      // The same numbers as counting runOnce with the seeds "1:0" … "1:199" (and so as `parley batch --runs 200 --seed 1`).
      const model = compile(flagship(), {});
      const counts: Record<string, number> = {};
      for (let i = 0; i < 200; i++) {
        const r = runOnce(model, { seed: `1:${i}`, trace: false }).outcome.result;
        counts[r] = (counts[r] ?? 0) + 1;
      }
      for (const outcome of ['completed', 'extended-then-completed', 'advanced', 'stalled', 'collapsed']) {
        const row = results.locator(`tr[data-outcome="${outcome}"]`);
        expect(await row.locator('.qb-count').innerText()).toBe(String(counts[outcome] ?? 0));
        expect(await row.innerText()).toContain(`${((100 * (counts[outcome] ?? 0)) / 200).toFixed(1)}%`);
      }
      expect(await results.getByTestId('survival').locator('svg polyline').count()).toBe(1);
      console.log(`quick batch in Chromium: ${await panel.getByTestId('quick-batch-speed').innerText()}`);
      await page.evaluate(() => document.querySelector('.quick-batch-panel')!.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => window.scrollBy(0, 120));
      await screenshot(page, 'quick-batch-1280x800');

      // An example run opens in the stepper with its seed, at its end.
      const link = results.locator('tr[data-outcome="collapsed"] a').first();
      const index = (await link.innerText()).replace('#', '');
      await link.click();
      await page.waitForFunction((i) => window.location.hash.includes(`seed=1:${i}&`), index);
      await page.getByTestId('outcome').waitFor();
      expect(await page.getByTestId('outcome').innerText()).toMatch(/collaps/i);

      // Readable in one column at 390 px.
      await page.setViewportSize({ width: 390, height: 844 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.evaluate(() => document.querySelector('.quick-batch-panel')!.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'quick-batch-390x844');
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
