/**
 * `npm run bench:editor`: typing in the writer's studio on the production build (`vite build`,
 * served by `vite preview`), in headless Chromium: a writer types into the largest bundled scenario
 * at a steady pace; prints, as one JSON object, the main thread's long tasks (over 50 ms) while
 * typing and until the preview has settled, the time from the last keystroke to diagnostics, and
 * the machine's load average (a busy machine lengthens every task). Each trial types at two paces:
 * 40 ms a key (the check waits for the pause) and 150 ms a key (a check lands between keystrokes).
 *
 *   npm run bench:editor                  one trial
 *   npm run bench:editor -- --trials 3 --profile   also print where the main thread spent its time
 */
import { loadavg } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';
import { buildApp } from '../tests/e2e/lab-first-page.ts';
import { freePort, launchChromium, ROOT } from '../tests/e2e/support.ts';

const args = process.argv.slice(2);
const TRIALS = args.includes('--trials') ? Number(args[args.indexOf('--trials') + 1]) : 1;
const PROFILE = args.includes('--profile');
const FILE = 'doha-60-day-draft.yaml';
const TYPED = ' and more words typed at a steady pace';
/** A fast typist (checks wait for a pause) and a slow one (a check, and a preview, between keystrokes). */
const PACES_MS = [40, 150];

const outDir = await buildApp();
const port = await freePort();
const server = await preview({ root: outDir, configFile: false, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
const url = `http://127.0.0.1:${port}/`;
const browser = await launchChromium();
const titleLine = readFileSync(join(ROOT, 'scenarios', FILE), 'utf8').split('\n').findIndex((l) => l.startsWith('title:')) + 1;
const trials: { keyDelayMs: number; loadAverage: number; toDiagnosticsMs: number; typingLongTasksMs: number[]; settleLongTasksMs: number[] }[] = [];
try {
  for (let t = 0; t < TRIALS * PACES_MS.length; t++) {
    const keyDelayMs = PACES_MS[t % PACES_MS.length]!;
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(url + '#/edit');
    await page.locator('.cm-content').waitFor({ timeout: 60_000 });
    await page.getByLabel('New draft from').selectOption(FILE);
    await page.getByRole('button', { name: 'New draft', exact: true }).click();
    await page.getByTestId('editor-problems').getByRole('status').filter({ hasText: /loads/ }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2500);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 1; i < titleLine; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const cdp = PROFILE ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const load = loadavg()[0]!;
    const started = await page.evaluate(() => performance.now());
    await page.keyboard.type(TYPED, { delay: keyDelayMs });
    // The last edit as the page saw it (the round trip back here may outlast the check itself).
    const lastKey = await page.evaluate(() => Math.max(...performance.getEntriesByName('parley-edit').map((e) => e.startTime)));
    await page.waitForFunction((after) => performance.getEntriesByName('parley-checked').some((e) => e.startTime > after), lastKey, { timeout: 20_000 });
    await page.waitForTimeout(3000);
    const measured = await page.evaluate(
      ([from, last]) => ({
        toDiagnosticsMs: Math.round(Math.min(...performance.getEntriesByName('parley-checked').filter((e) => e.startTime > last!).map((e) => e.startTime)) - last!),
        typingLongTasksMs: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= from! && t.start <= last!).map((t) => Math.round(t.duration)),
        settleLongTasksMs: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start > last!).map((t) => Math.round(t.duration)),
      }),
      [started, lastKey],
    );
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]; samples: number[]; timeDeltas: number[] } };
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const n = byId.get(id)!;
        const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      });
      const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${k}`);
      console.error(top.join('\n'));
    }
    trials.push({ keyDelayMs, loadAverage: Number(load.toFixed(2)), ...measured });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
const all = (key: 'typingLongTasksMs' | 'settleLongTasksMs') => trials.flatMap((t) => t[key]);
console.log(JSON.stringify({ file: FILE, typedCharacters: TYPED.length, longestTypingTaskMs: Math.max(0, ...all('typingLongTasksMs')), longestSettleTaskMs: Math.max(0, ...all('settleLongTasksMs')), slowestDiagnosticsMs: Math.max(...trials.map((t) => t.toDiagnosticsMs)), trials }, null, 2));
