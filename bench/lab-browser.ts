/**
 * `npm run bench:lab`: the lab's Web Worker pool in headless Chromium (Vite's dev server, as the
 * e2e tests start it). Runs the 60-day draft in the lab page with all the browser's cores and
 * with one worker, and prints the runs/s of each, their ratio and the main thread's long tasks
 * (over 50 ms) during each batch, and the first page's gzipped size in the production build
 * (tests/e2e/lab-first-page.ts), as one JSON object.
 *
 *   npm run bench:lab                     100,000 runs each
 *   npm run bench:lab -- --runs 20000     a quick look
 */
import type { Page } from 'playwright-core';
import { FIRST_PAGE_BUDGET, measureFirstPage } from '../tests/e2e/lab-first-page.ts';
import { launchChromium, startApp } from '../tests/e2e/support.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const RUNS = at >= 0 ? Number(args[at + 1]) : 100_000;

async function measure(page: Page, workers: number | undefined, runs = RUNS): Promise<{ workers: number; seconds: number; runsPerSecond: number; longTasksMs: number[] }> {
  await page.reload();
  await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 60_000 });
  const form = page.getByRole('form', { name: 'Experiment' });
  await form.getByLabel('Runs per variation').fill(String(runs));
  await form.getByLabel('keep the per-run table (CSV)').uncheck();
  if (workers !== undefined) await form.getByLabel('Workers').fill(String(workers));
  const used = Number(await form.getByLabel('Workers').inputValue());
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  await form.getByRole('button', { name: 'Run' }).click();
  const speed = page.getByTestId('lab-speed');
  await speed.waitFor({ timeout: 3_600_000 });
  const text = await speed.innerText();
  const m = /([\d,]+) runs in ([\d.]+) s/.exec(text);
  if (!m) throw new Error(`unreadable speed line: ${text}`);
  const seconds = Number(m[2]);
  const longTasksMs = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  return { workers: used, seconds, runsPerSecond: Math.round(Number(m[1]!.replace(/,/g, '')) / seconds), longTasksMs };
}

const firstPage = await measureFirstPage();
const { server, url } = await startApp();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${url}#/lab/doha-60-day-draft`);
  const hardwareConcurrency = await page.evaluate(() => navigator.hardwareConcurrency);
  // A short warm-up, so Vite's first transform of the worker is not in the clock.
  process.stderr.write('warming up…\n');
  await measure(page, 1, 2000);
  process.stderr.write(`pool (${hardwareConcurrency} workers)…\n`);
  const pool = await measure(page, undefined);
  process.stderr.write('one worker…\n');
  const one = await measure(page, 1);
  console.log(JSON.stringify({ scenario: 'doha-60-day-draft', runs: RUNS, hardwareConcurrency, pool, one, speedup: Number((pool.runsPerSecond / one.runsPerSecond).toFixed(2)), firstPageGzipKb: firstPage.gzipBytes / 1000, firstPageBudgetKb: FIRST_PAGE_BUDGET / 1000 }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
