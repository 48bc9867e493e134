/**
 * A student in real Chromium: open January 2025 as it happened from the library, watch the real
 * path to the collapse of 18 March 2025 with dates on every day, go back to day 16 and let the
 * parties' models decide from there, then run 1,000 futures from day 16 and read how often phase
 * two would have opened — the same numbers as `parley batch … --record-until 16`. Screenshots go
 * to test-results/screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, deriveRunSeed, runOnce } from '../../src/engine/index.ts';
import { diskCatalog } from '../ui/helpers.ts';
import { endPageSession, screenshot, startPageSession, type PageSession } from './support.ts';

let session: PageSession;
let page: Page;

beforeAll(async () => {
  session = await startPageSession('record', '');
  page = session.page;
});

afterAll(() => endPageSession(session));

const logText = () => page.getByTestId('log').innerText();

describe('January 2025 as it happened, and what if from day 16', () => {
  it('opens from the library card\'s "As it happened"', async () => {
    const card = page.locator('article.card[aria-labelledby="title-january-2025-phase-one"]');
    await card.waitFor({ timeout: 30_000 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'record-library-card-1280x800');
    await card.getByRole('link', { name: 'As it happened', exact: true }).click();
    await page.getByTestId('record-panel').waitFor();
    expect(page.url()).toMatch(/#\/run\/january-2025-phase-one\?seed=1&at=0&rec=end$/);
    expect(await page.getByTestId('record-status').innerText()).toMatch(/Branch A follows as it happened, to Day 59 · 18 Mar 2025/);
    expect(await page.getByTestId('record-move').innerText()).toMatch(/record is silent on this one: it was carried out as agreed/);
    await screenshot(page, 'record-opened-1280x800');
  });

  it('watches the real path to the collapse of 18 March 2025, with a date on every day and the record marked', async () => {
    await page.getByRole('button', { name: /^Run to the end/ }).click();
    const outcome = page.getByTestId('outcome');
    await outcome.waitFor();
    expect(await outcome.innerText()).toMatch(/collaps/i);
    const log = await logText();
    expect(log).toContain('Day 59 · 18 Mar 2025');
    expect(log).toMatch(/The truce collapses on day 59: Israel resumed strikes on Gaza; phase two never started \(as recorded\)/);
    expect(log).toMatch(/Arbel Yehud/);
    expect(log).toMatch(/\(as agreed\)/);
    const headings = await page.getByTestId('log').locator('h3').allInnerTexts();
    expect(headings.filter((h) => h !== 'Start').every((h) => /^Day \d+ · \d{1,2} (Jan|Feb|Mar) 2025$/.test(h))).toBe(true);
    const recorded = page.getByTestId('log').locator('li[data-provenance="recorded"]');
    expect(await recorded.count()).toBeGreaterThanOrEqual(5);
    expect(await recorded.first().locator('.record-tag').innerText()).toMatch(/record/i);
    await page.getByTestId('log').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.getByTestId('log').scrollIntoViewIfNeeded();
    await screenshot(page, 'record-collapse-log-1280x800');
  });

  it('goes back to day 16 on the timeline and lets the model decide from there', async () => {
    await page.locator('[data-testid=timeline] g.tl-cell[data-day="16"]').first().click();
    const details = page.locator('.day-details');
    await details.getByRole('heading', { name: 'Day 16 · 3 Feb 2025' }).waitFor();
    await details.getByRole('button', { name: 'From here, let the model decide' }).click();
    await page.getByText(/Branch B follows the record through Day 16 · 3 Feb 2025; from day 17 the parties' models decide/).waitFor();
    expect(Number((await page.getByTestId('current-day').innerText()).replace('Day ', ''))).toBeGreaterThan(16);
    expect(await page.getByTestId('record-status').innerText()).toMatch(/Branch B follows the record through Day 16 · 3 Feb 2025, then the parties' models/);
    expect(page.url()).toMatch(/&rec=16/);
    await page.getByTestId('decision-text').scrollIntoViewIfNeeded();
    await screenshot(page, 'record-branch-day16-1280x800');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'record-branch-day16-top-1280x800');
  });

  it('runs 1,000 futures from day 16 and reads how often phase two opened, as `parley batch --record-until 16` counts it', async () => {
    const panel = page.getByRole('region', { name: /Quick batch/ });
    await panel.locator('summary').click();
    expect(await panel.getByRole('radio', { name: /the record through day/ }).isChecked()).toBe(true);
    expect(await panel.getByLabel('Quick batch: follow the record through day').getAttribute('placeholder')).toBe('16');
    await panel.getByRole('radio', { name: '1,000' }).check();
    await panel.getByRole('button', { name: 'Run 1,000 futures' }).click();
    const results = panel.getByTestId('quick-batch-results');
    await results.waitFor({ timeout: 60_000 });

    const january = diskCatalog().find((e) => e.ok && e.scenario.id === 'january-2025-phase-one');
    if (!january?.ok) throw new Error('January 2025 does not load');
    const model = compile(january.scenario);
    let advanced = 0;
    for (let i = 0; i < 1000; i++) if (runOnce(model, { seed: deriveRunSeed('1', i), trace: false, recordUntil: 16 }).outcome.result === 'advanced') advanced += 1;
    const row = results.locator('tr[data-outcome="advanced"]');
    expect(await row.locator('th').innerText()).toBe('advanced: the second phase opened');
    expect(await row.locator('.qb-count').innerText()).toBe(advanced.toLocaleString('en-US'));
    expect(await row.innerText()).toContain(`${(advanced / 10).toFixed(1)}%`);
    expect(await row.innerText()).toMatch(/\(\d+\.\d%–\d+\.\d%\)/);
    expect(await results.innerText()).toContain('npx parley batch scenarios/january-2025-phase-one.yaml --runs 1000 --seed 1 --record-until 16');
    console.log(`phase two opened in ${advanced} of 1,000 futures from day 16; ${await panel.getByTestId('quick-batch-speed').innerText()}`);
    await page.evaluate(() => document.querySelector('.quick-batch-panel')!.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'record-odds-day16-1280x800');
  });

  it('reads in one column at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'record-390x844');
    await page.getByTestId('record-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'record-panel-390x844');
  });

  it('keeps the console free of errors and warnings', () => {
    expect(session.consoleProblems).toEqual([]);
  });
});
