import { rmSync } from 'node:fs';
import { preview } from 'vite';
import { buildApp } from '../tests/e2e/lab-first-page.ts';
import { freePort, launchChromium } from '../tests/e2e/support.ts';

const RUNS = Number(process.argv[2] ?? 100000);
const WORKERS = process.argv[3];
const outDir = await buildApp();
const port = await freePort();
const server = await preview({ root: outDir, configFile: false, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/#/lab/doha-60-day-draft`);
  await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 60_000 });
  const form = page.getByRole('form', { name: 'Experiment' });
  await form.getByLabel('Runs per variation').fill(String(RUNS));
  await form.getByLabel('keep the per-run table (CSV)').uncheck();
  if (WORKERS) await form.getByLabel('Workers').fill(WORKERS);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: [number, number][]; t0: number };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask' });
  });
  await cdp.send('Profiler.start');
  const t0 = await page.evaluate(() => performance.now());
  await form.getByRole('button', { name: 'Run' }).click();
  await page.getByTestId('lab-speed').waitFor({ timeout: 600_000 });
  await page.waitForTimeout(500);
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const text = await page.getByTestId('lab-speed').innerText();
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: [number, number][] }).longTasks);
  console.log(text, 'clicked at', t0.toFixed(0), 'long tasks', JSON.stringify(longTasks.map(([s, d]) => [Math.round(s), Math.round(d)])));
  // profile: nodes, samples, timeDeltas, startTime (µs, monotonic). Map long tasks to profile time via performance.timeOrigin? Use relative: find self time per function overall and per window by heaviest.
  const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  // total self time by function
  const self = new Map<string, number>();
  const stackOf = (id: number) => { const s: string[] = []; for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) { const f = nodes.get(x).callFrame; s.push(`${f.functionName || '(anon)'}@${f.url.split('/').pop()}:${f.lineNumber}`); } return s; };
  // find busy stretches: consecutive samples not (idle)/(program)
  let runStart = -1; const stretches: [number, number, Map<string, number>][] = [];
  let cur = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const n = nodes.get(profile.samples[i]);
    const name = n.callFrame.functionName;
    const idle = name === '(idle)';
    if (!idle) {
      if (runStart < 0) { runStart = times[i]!; cur = new Map(); }
      const key = stackOf(profile.samples[i]).slice(0, 6).join(' < ');
      cur.set(key, (cur.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
      self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    } else if (runStart >= 0) {
      stretches.push([runStart, times[i]! - runStart, cur]); runStart = -1;
    }
  }
  const long = stretches.filter((s) => s[1] > 30000).sort((a, b) => b[1] - a[1]).slice(0, 6);
  for (const [s, d, m] of long) {
    console.log(`busy ${(d / 1000).toFixed(1)} ms at ${((s - profile.startTime) / 1000).toFixed(0)} ms`);
    for (const [k, v] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`   ${(v / 1000).toFixed(1)}  ${k}`);
  }
  console.log('top self', [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`).join(' | '));
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
