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
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { FIRST_PAGE_BUDGET, firstPageOf, previewApp } from '../tests/e2e/lab-first-page.ts';
import { watchMainThread } from '../tests/e2e/lab-support.ts';
import { launchChromium, startApp } from '../tests/e2e/support.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const RUNS = flag('--runs', 100_000);
const TRIALS = flag('--trials', 1);
const DEV = args.includes('--dev');

interface Measure {
  workers: number;
  /** From Run to the summary (defining the experiment, starting the workers, every run, folding). */
  seconds: number;
  runsPerSecond: number;
  /** From Run until the first chunk came back: defining the experiment and starting the workers. */
  startupMs: number;
  /** Runs per second after the first chunk came back: the pool at work, start-up excluded. */
  steadyRunsPerSecond: number;
  longTasksMs: number[];
  /** The most CPU time one task of the page's main thread took (Chromium's trace), in ms. */
  maxMainTaskCpuMs: number;
  /** CPU time of the page's main thread, and of each worker, during the batch (ms). */
  mainCpuMs: number;
  workerCpuMs: number[];
  /** The workers' CPU time over (workers × the batch's time): 1 when every worker computed all the time; less when they waited for a core (a busy machine) or for work. */
  workerBusyShare: number;
  /** The machine's 1-minute load average before and after the batch. */
  load: [number, number];
  /** CPU time (user + system) of the browser's processes during the batch, per 1,000 runs. */
  cpuMsPerThousandRuns: number;
}


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

async function measure(browser: Browser, page: Page, workers: number | undefined, runs = RUNS): Promise<Measure> {
  await page.reload();
  await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 60_000 });
  const form = page.getByRole('form', { name: 'Experiment' });
  await form.getByLabel('Runs per variation').fill(String(runs));
  await form.getByLabel('keep the per-run table (CSV)').uncheck();
  if (workers !== undefined) await form.getByLabel('Workers').fill(String(workers));
  const used = Number(await form.getByLabel('Workers').inputValue());
  // The lab starts its workers when it opens and warms them up on the scenario (web-pool.ts); a
  // person filling in the form gives them the second they need. Wait until the page says they are
  // warm, as they would be by then (startupMs still reports what is left before the first chunk).
  await page.waitForFunction((n) => Number(document.querySelector('main')?.dataset.warmWorkers ?? 0) >= n, used, { timeout: 60_000 });
  const speed = page.getByTestId('lab-speed');
  let cpu = 0;
  const seen = await watchMainThread(browser, page, async () => {
    const cpuBefore = browserCpuSeconds();
    await form.getByRole('button', { name: 'Run' }).click();
    await speed.waitFor({ timeout: 3_600_000 });
    cpu = browserCpuSeconds() - cpuBefore;
  });
  // The page's own clock, to the tenth of a millisecond (the speed line's attributes).
  const number = async (name: string) => Number(await speed.getAttribute(name));
  const done = await number('data-runs');
  const elapsedMs = await number('data-elapsed-ms');
  const startupMs = await number('data-first-result-ms');
  const steady = (done - (await number('data-first-result-runs'))) / ((elapsedMs - startupMs) / 1000);
  return {
    workers: used,
    seconds: Number((elapsedMs / 1000).toFixed(2)),
    runsPerSecond: Math.round(done / (elapsedMs / 1000)),
    startupMs: Math.round(startupMs),
    steadyRunsPerSecond: Math.round(steady),
    longTasksMs: seen.longTasks,
    maxMainTaskCpuMs: Number(seen.maxTaskCpuMs.toFixed(1)),
    mainCpuMs: seen.mainCpuMs,
    workerCpuMs: seen.workerCpuMs,
    workerBusyShare: Number((seen.workerCpuMs.slice(0, used).reduce((a, b) => a + b, 0) / (used * elapsedMs)).toFixed(2)),
    load: seen.load.map((l) => Number(l.toFixed(2))) as [number, number],
    cpuMsPerThousandRuns: Math.round((cpu * 1e6) / done),
  };
}

async function serve(): Promise<{ url: string; close(): Promise<void>; firstPageGzipKb?: number }> {
  if (DEV) {
    const { server, url } = await startApp();
    return { url, close: () => server.close() };
  }
  const app = await previewApp();
  return { ...app, firstPageGzipKb: firstPageOf(app.outDir).gzipBytes / 1000 };
}

const app = await serve();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${app.url}#/lab/doha-60-day-draft`);
  const hardwareConcurrency = await page.evaluate(() => navigator.hardwareConcurrency);
  process.stderr.write('warming up…\n');
  await measure(browser, page, 1, 2000);
  const trials: { pool: Measure; one: Measure; speedup: number; steadySpeedup: number; cpuBoundSpeedup: number }[] = [];
  for (let t = 0; t < TRIALS; t++) {
    // Alternately pool first and one worker first, so a change in the machine's load over a trial does not favour one side.
    const poolFirst = t % 2 === 0;
    process.stderr.write(`trial ${t + 1}: ${poolFirst ? `pool (${hardwareConcurrency} workers), then one worker` : `one worker, then the pool (${hardwareConcurrency} workers)`}…\n`);
    const first = await measure(browser, page, poolFirst ? undefined : 1);
    const second = await measure(browser, page, poolFirst ? 1 : undefined);
    const [pool, one] = poolFirst ? [first, second] : [second, first];
    // What the pool would reach with a core per worker: the workers times the CPU one worker spends per run over what the pool spends.
    const cpuBoundSpeedup = Number(((pool.workers * one.cpuMsPerThousandRuns) / Math.max(1, pool.cpuMsPerThousandRuns)).toFixed(2));
    trials.push({ pool, one, speedup: Number((pool.runsPerSecond / one.runsPerSecond).toFixed(2)), steadySpeedup: Number((pool.steadyRunsPerSecond / one.steadyRunsPerSecond).toFixed(2)), cpuBoundSpeedup });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    JSON.stringify(
      {
        scenario: 'doha-60-day-draft',
        served: DEV ? 'vite dev server' : 'production build (vite preview)',
        runs: RUNS,
        hardwareConcurrency,
        trials,
        medianSpeedup: median(trials.map((t) => t.speedup)),
        medianSteadySpeedup: median(trials.map((t) => t.steadySpeedup)),
        loadNote: 'load is the 1-minute load average before and after each batch; above the number of cores, other work shares them and the speed-up falls short of what a quiet machine gives (cpuBoundSpeedup estimates that)',
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
