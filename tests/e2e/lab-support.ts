/** What the lab's e2e files (and `npm run bench:lab`) share: opening the lab on the 60-day draft, axe-core's verdict on a page, watching the page's main thread. */
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectConsole } from './support.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function openLab(context: BrowserContext, url: string, label: string, consoleProblems: string[]): Promise<Page> {
  const page = await context.newPage();
  collectConsole(page, consoleProblems, label);
  await page.goto(`${url}#/lab/doha-60-day-draft`);
  await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 30_000 });
  return page;
}

/** The axe tags of WCAG 2.2 levels A and AA (2.0, 2.1 and 2.2 criteria). */
export const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Axe's violations on the page (rule id and the first offending elements); the tests expect none.
 * `tags`: only the rules with these tags (e.g. WCAG22_AA); all of axe's default rules without.
 */
export async function axeViolations(page: Page, tags?: readonly string[]): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (only) => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context?: Document, options?: object): Promise<Result> } }).axe;
    const result = only ? await axe.run(document, { runOnly: { type: 'tag', values: only } }) : await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  }, tags ? [...tags] : undefined);
}

export interface MainThread {
  /** Durations (ms) of the long tasks the page's PerformanceObserver saw. */
  longTasks: number[];
  /** The most CPU time (ms) any one task of the main thread took, and how many tasks there were. */
  maxTaskCpuMs: number;
  tasks: number;
  /** CPU time (ms) of the main thread's tasks, and of each Web Worker's (the batch workers are the busy ones). */
  mainCpuMs: number;
  workerCpuMs: number[];
  load: [number, number];
}

/** Watches the page's main thread while `work` runs (and half a second after, so the drawing of the results is counted). */
export async function watchMainThread(browser: Browser, page: Page, work: () => Promise<void>): Promise<MainThread> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  const before = loadavg()[0]!;
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  await work();
  await page.waitForTimeout(500);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { ph: string; name: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }[] };
  const threads = (name: string) => trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === name).map((e) => `${e.pid}:${e.tid}`);
  const tasksOf = (thread: string) => trace.traceEvents.filter((e) => e.ph === 'X' && e.name === 'RunTask' && `${e.pid}:${e.tid}` === thread);
  const cpuMs = (tasks: { tdur?: number }[]) => tasks.reduce((s, t) => s + (t.tdur ?? 0), 0) / 1000;
  const tasks = threads('CrRendererMain').flatMap(tasksOf);
  const workerCpuMs = threads('DedicatedWorker thread').map((t) => Math.round(cpuMs(tasksOf(t)))).filter((ms) => ms > 0).sort((a, b) => b - a);
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  return { longTasks, maxTaskCpuMs: Math.max(0, ...tasks.map((t) => (t.tdur ?? 0) / 1000)), tasks: tasks.length, mainCpuMs: Math.round(cpuMs(tasks)), workerCpuMs, load: [before, loadavg()[0]!] };
}
