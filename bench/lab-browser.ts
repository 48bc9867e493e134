/**
 * `npm run bench:lab`: the lab's Web Worker pool in headless Chromium, on the production build
 * (`vite build`, served by `vite preview`: the bundled worker and React's production build, as
 * users get them). Runs the 60-day draft in the lab page with all the browser's cores and with one
 * worker, alternately, and prints as one JSON object: each trial's runs/s, their ratio, the main
 * thread's long tasks (over 50 ms) during each batch and the machine's load average around it
 * (other work on a shared machine slows the pool most), the browser's CPU time per 1,000 runs (so
 * `cpuBoundSpeedup`, what the pool gives when each worker has a core to itself, is measurable on a
 * busy machine too), and the first page's gzipped size.
 *
 *   npm run bench:lab                          100,000 runs each, one trial
 *   npm run bench:lab -- --runs 20000 --trials 3
 *   npm run bench:lab -- --dev                 on Vite's dev server instead (unbundled modules, React's development build)
 */
import { loadavg } from 'node:os';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { buildApp, FIRST_PAGE_BUDGET, firstPageOf } from '../tests/e2e/lab-first-page.ts';
import { freePort, launchChromium, startApp } from '../tests/e2e/support.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const RUNS = flag('--runs', 100_000);
const TRIALS = flag('--trials', 1);
const DEV = args.includes('--dev');

interface Measure {
  workers: number;
  seconds: number;
  runsPerSecond: number;
  longTasksMs: number[];
  /** The machine's 1-minute load average before and after the batch. */
  load: [number, number];
  /** CPU time (user + system) of the browser's processes during the batch, per 1,000 runs. */
  cpuMsPerThousandRuns: number;
}

const load = () => Number(loadavg()[0]!.toFixed(2));

/**
 * CPU seconds used so far by this process's descendants (the browser: its renderer with the page
 * and the workers, its GPU and utility processes), from /proc; 0 where /proc is not there.
 */
function browserCpuSeconds(): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const pid of entries) {
    try {
      // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ');
      stats.set(Number(pid), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = stats.get(pid)?.parent; p !== undefined && p > 1; p = stats.get(p)?.parent) if (p === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, s] of stats) if (mine(pid)) ticks += s.ticks;
  return ticks / 100;
}

async function measure(page: Page, workers: number | undefined, runs = RUNS): Promise<Measure> {
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
  const before = load();
  const cpuBefore = browserCpuSeconds();
  await form.getByRole('button', { name: 'Run' }).click();
  const speed = page.getByTestId('lab-speed');
  await speed.waitFor({ timeout: 3_600_000 });
  const text = await speed.innerText();
  const m = /([\d,]+) runs in ([\d.]+) s/.exec(text);
  if (!m) throw new Error(`unreadable speed line: ${text}`);
  const seconds = Number(m[2]);
  const cpu = browserCpuSeconds() - cpuBefore;
  const done = Number(m[1]!.replace(/,/g, ''));
  const longTasksMs = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  return { workers: used, seconds, runsPerSecond: Math.round(done / seconds), longTasksMs, load: [before, load()], cpuMsPerThousandRuns: Math.round((cpu * 1e6) / done) };
}

async function serve(): Promise<{ url: string; close(): Promise<void>; firstPageGzipKb?: number }> {
  if (DEV) {
    const { server, url } = await startApp();
    return { url, close: () => server.close() };
  }
  const outDir = await buildApp();
  const port = await freePort();
  const server = await preview({ root: outDir, configFile: false, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  return {
    url: `http://127.0.0.1:${port}/`,
    firstPageGzipKb: firstPageOf(outDir).gzipBytes / 1000,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

const app = await serve();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${app.url}#/lab/doha-60-day-draft`);
  const hardwareConcurrency = await page.evaluate(() => navigator.hardwareConcurrency);
  process.stderr.write('warming up…\n');
  await measure(page, 1, 2000);
  const trials: { pool: Measure; one: Measure; speedup: number; cpuBoundSpeedup: number }[] = [];
  for (let t = 0; t < TRIALS; t++) {
    process.stderr.write(`trial ${t + 1}: pool (${hardwareConcurrency} workers)…\n`);
    const pool = await measure(page, undefined);
    process.stderr.write(`trial ${t + 1}: one worker…\n`);
    const one = await measure(page, 1);
    // What the pool would reach with a core per worker: the workers times the CPU one worker spends per run over what the pool spends.
    const cpuBoundSpeedup = Number(((pool.workers * one.cpuMsPerThousandRuns) / Math.max(1, pool.cpuMsPerThousandRuns)).toFixed(2));
    trials.push({ pool, one, speedup: Number((pool.runsPerSecond / one.runsPerSecond).toFixed(2)), cpuBoundSpeedup });
  }
  const speedups = trials.map((t) => t.speedup).sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        scenario: 'doha-60-day-draft',
        served: DEV ? 'vite dev server' : 'production build (vite preview)',
        runs: RUNS,
        hardwareConcurrency,
        trials,
        medianSpeedup: speedups[Math.floor(speedups.length / 2)],
        ...(app.firstPageGzipKb !== undefined ? { firstPageGzipKb: app.firstPageGzipKb, firstPageBudgetKb: FIRST_PAGE_BUDGET / 1000 } : {}),
      },
      null,
      1,
    ),
  );
} finally {
  await browser.close();
  await app.close();
}
