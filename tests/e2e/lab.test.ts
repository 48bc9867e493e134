/**
 * The analyst's side of the browser in real Chromium: the quick batch's Stop button, and the lab
 * (sweeps in Web Workers, charts, downloads, any run in the stepper).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compile, runOnce } from '../../src/engine/index.ts';
import { flagship } from '../ui/helpers.ts';
import { appForFile, collectConsole, ROOT, screenshot } from './support.ts';

const app = appForFile();
const consoleProblems: string[] = [];

async function openPage(context: BrowserContext, label: string, address: string): Promise<Page> {
  const page = await context.newPage();
  collectConsole(page, consoleProblems, label);
  await page.goto(address);
  return page;
}

describe('quick batch: Stop', () => {
  it('stops the batch, and does not start it again, when clicked with the mouse or pressed with Enter', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await openPage(context, 'quick batch stop', `${app.url}#/run/doha-60-day-draft?seed=1&at=0`);
      await page.getByTestId('decision-text').waitFor({ timeout: 30_000 });
      // 5,000 runs can finish in a fraction of a second, before Stop lands: slow the page's CPU
      // down, as on a slow laptop, so that Stop always meets a running batch.
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 10 });
      const panel = page.getByRole('region', { name: /Quick batch/ });
      await panel.locator('summary').click();
      await panel.getByRole('radio', { name: '5,000' }).check();
      const progress = panel.getByTestId('quick-batch-progress');

      for (const how of ['mouse', 'Enter'] as const) {
        await panel.getByRole('button', { name: 'Run 5,000 seeds' }).click();
        await progress.waitFor();
        const stop = panel.getByRole('button', { name: 'Stop' });
        if (how === 'mouse') {
          const box = (await stop.boundingBox())!;
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        } else {
          await stop.focus();
          await page.keyboard.press('Enter');
        }
        // Stopped, and still stopped a moment later (a restarted batch would show its progress again).
        await progress.waitFor({ state: 'detached', timeout: 2_000 });
        await page.waitForTimeout(600);
        expect(await progress.count(), `after Stop by ${how}`).toBe(0);
        expect(await panel.getByTestId('quick-batch-results').count()).toBe(0);
        // The keyboard user lands on the Run button again.
        const run = panel.getByRole('button', { name: 'Run 5,000 seeds' });
        expect(await run.evaluate((el) => el === document.activeElement)).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});

describe('the lab', () => {
  it('runs a two-parameter sweep in workers, draws its heat map, and downloads the summary and CSV `parley batch` writes, byte for byte', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const page = await openPage(context, 'lab sweep', app.url);
      await page.getByRole('link', { name: /^Lab/ }).click();
      await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 30_000 });
      const form = page.getByRole('form', { name: 'Experiment' });
      await form.getByLabel('Runs per variation').fill('300');
      await form.getByLabel('Base seed').fill('e2e-7');
      await form.getByLabel('Add a sweep of').selectOption('reciprocity');
      await form.getByLabel('Values of reciprocity').fill('0.1,0.4');
      await form.getByLabel('Add a sweep of').selectOption('clash-rate');
      await form.getByLabel('Values of clash-rate').fill('0:0.1:0.05');
      await form.getByRole('button', { name: 'Run' }).click();
      const results = page.getByTestId('lab-results');
      await results.waitFor({ timeout: 60_000 });
      const heat = results.getByTestId('lab-heatmap');
      await heat.waitFor({ timeout: 20_000 });
      expect(await heat.locator('rect').count()).toBe(6);

      // The CLI, given the command the page shows, writes the same files.
      const command = await page.getByTestId('lab-cli').innerText();
      expect(command).toBe("npx parley batch scenarios/doha-60-day-draft.yaml --runs 300 --seed e2e-7 --sweep reciprocity=0.1,0.4 --sweep clash-rate=0:0.1:0.05 --summary summary.json --runs-csv runs.csv");
      const dir = mkdtempSync(join(tmpdir(), 'parley-lab-'));
      execFileSync(process.execPath, [join(ROOT, 'bin/parley.mjs'), 'batch', 'scenarios/doha-60-day-draft.yaml', '--runs', '300', '--seed', 'e2e-7', '--sweep', 'reciprocity=0.1,0.4', '--sweep', 'clash-rate=0:0.1:0.05', '--summary', join(dir, 'summary.json'), '--runs-csv', join(dir, 'runs.csv'), '--workers', '1'], { cwd: ROOT, stdio: 'pipe' });
      const cliSummary = readFileSync(join(dir, 'summary.json'), 'utf8');
      const cliCsv = readFileSync(join(dir, 'runs.csv'), 'utf8');

      const fetchDownload = async (name: RegExp) => {
        const [download] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name }).click()]);
        return readFileSync((await download.path())!, 'utf8');
      };
      expect(await fetchDownload(/summary JSON/)).toBe(cliSummary);
      const csv = await fetchDownload(/runs CSV/);
      expect(csv.split('\n').length - 2).toBe(6 * 300);
      expect(csv).toBe(cliCsv);

      // The heat map's cells are the summary's collapse shares.
      const summary = JSON.parse(cliSummary) as { variations: { outcomes: { collapsed: { p: number } } }[] };
      const cell = await results.getByTestId('lab-heat-table').locator('td[data-variation="5"]').innerText();
      expect(cell).toBe(`${(100 * summary.variations[5]!.outcomes.collapsed.p).toFixed(1)}%`);
      // A heat-map cell lists example runs of its variation, each opening in the stepper.
      await heat.locator('g[data-variation="4"]').click();
      const examples = results.getByTestId('lab-examples');
      await examples.waitFor();
      expect(await examples.locator('h3').innerText()).toContain('reciprocity 0.4, clash-rate 0.05');
      const firstCollapse = await examples.locator('li[data-outcome="collapsed"] a').first().innerText();
      const collapseRow = csv.split('\n').find((line) => line.startsWith('4,0.4,0.05,') && line.split(',')[5] === 'collapsed')!;
      expect(firstCollapse).toBe(`#${collapseRow.split(',')[3]}`);
      await screenshot(page, 'lab-sweep-1280x900', true);

      // A summary made by the CLI imports and shows the same heat map.
      await page.getByLabel('Import a summary JSON').setInputFiles(join(dir, 'summary.json'));
      await results.locator('h2', { hasText: 'from summary.json' }).waitFor();
      expect(await results.getByTestId('lab-heat-table').locator('td[data-variation="5"]').innerText()).toBe(cell);

      // Run 3 of variation 5 opens in the stepper, replayed to the end the engine gives it.
      await results.getByLabel('Variation', { exact: true }).fill('5');
      await results.getByLabel('Run index').fill('3');
      await results.getByRole('button', { name: 'in the stepper' }).click();
      await page.waitForFunction(() => window.location.hash.startsWith('#/run/'));
      expect(decodeURIComponent(await page.evaluate(() => window.location.hash))).toMatch(/seed=e2e-7:3&.*set=clash-rate:0.1,reciprocity:0.4/);
      const expected = runOnce(compile(flagship(), { reciprocity: 0.4, 'clash-rate': 0.1 }), { seed: 'e2e-7:3', trace: false }).outcome;
      const words: Record<string, RegExp> = { collapsed: /collaps/i, stalled: /stall/i, completed: /complet/i, 'extended-then-completed': /extend/i, advanced: /advanc|opened/i };
      await page.getByTestId('outcome').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('outcome').innerText()).toMatch(words[expected.result]!);
      // The CSV row of that run says the same.
      const row = csv.split('\n').find((line) => line.startsWith('5,0.4,0.1,3,'))!;
      expect(row.split(',')[5]).toBe(expected.result);
    } finally {
      await context.close();
    }
  });
});

describe('the lab: a long batch', () => {
  it('keeps the page responsive, and Stop ends the workers and keeps the partial results', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await openPage(context, 'lab stop', `${app.url}#/lab/doha-60-day-draft`);
      await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 30_000 });
      // Long tasks on the page's main thread: from Run (start-up included), and once the batch is under way.
      await page.evaluate(() => {
        const w = window as unknown as { longTasks: { at: number; duration: number }[] };
        w.longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ at: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
      });
      const form = page.getByRole('form', { name: 'Experiment' });
      await form.getByLabel('Runs per variation').fill('1000000');
      await form.getByLabel('keep the per-run table (CSV)').uncheck();
      await form.getByRole('button', { name: 'Run' }).click();
      const progress = page.getByTestId('lab-progress');
      await progress.waitFor();
      await page.waitForFunction(() => /runs\/s/.test(document.querySelector('[data-testid="lab-progress"]')?.textContent ?? ''), undefined, { timeout: 30_000 });
      const underWay = await page.evaluate(() => performance.now());
      // The runs are off the main thread, so the page keeps answering while they go on: the progress
      // line moves on. (How long the main thread's longest tasks are is
      // measured by `npm run bench:lab`, not asserted here: other test files share the 2 cores.)
      const before = await progress.innerText();
      await page.waitForFunction((first) => document.querySelector('[data-testid="lab-progress"]')?.textContent !== first, before, { timeout: 30_000 });
      await page.waitForTimeout(4_000);
      const longTasks = await page.evaluate(() => (window as unknown as { longTasks: { at: number; duration: number }[] }).longTasks);
      const whileRunning = longTasks.filter((t) => t.at >= underWay);
      const ms = (tasks: { duration: number }[]) => tasks.map((t) => Math.round(t.duration)).join(', ') || 'none';
      console.log(`lab: ${await progress.innerText()}; long tasks (>50 ms) on the main thread: from Run ${ms(longTasks)}; during 4 s of the running batch ${ms(whileRunning)}`);
      await screenshot(page, 'lab-running-1280x900');
      await form.getByRole('button', { name: 'Stop' }).click();
      const partial = page.getByTestId('lab-partial');
      await partial.waitFor({ timeout: 10_000 });
      expect(await partial.innerText()).toContain('stopped in the lab');
      const heading = await page.getByTestId('lab-results').locator('h2').innerText();
      const done = Number(/([\d,]+) of 1,000,000 runs/.exec(heading)![1]!.replace(/,/g, ''));
      expect(done).toBeGreaterThan(0);
      expect(done % 500).toBe(0);
      // The workers are gone: no worker target remains a moment after Stop.
      await page.waitForTimeout(500);
      expect(page.workers().length).toBe(0);

      // Readable in one column at 390 px, partial results and charts included.
      await page.getByTestId('lab-survival').waitFor();
      await page.setViewportSize({ width: 390, height: 844 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) console.log(await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).join('\n')));
      expect(overflow).toBeLessThanOrEqual(0);
      await page.getByTestId('lab-results').scrollIntoViewIfNeeded();
      await screenshot(page, 'lab-partial-390x844');
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
