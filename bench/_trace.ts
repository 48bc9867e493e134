import { previewApp } from '../tests/e2e/lab-first-page.ts';
import { launchChromium } from '../tests/e2e/support.ts';
const RUNS = process.argv[2] ?? '20000';
const app = await previewApp();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${app.url}#/lab/doha-60-day-draft`);
  await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 60_000 });
  const form = page.getByRole('form', { name: 'Experiment' });
  await form.getByLabel('Runs per variation').fill(RUNS);
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline', 'devtools.timeline', 'v8'] });
  await form.getByRole('button', { name: 'Run' }).click();
  await page.getByTestId('lab-speed').waitFor({ timeout: 600_000 });
  await page.waitForTimeout(500);
  const buf = await browser.stopTracing();
  const trace = JSON.parse(buf.toString()) as { traceEvents: any[] };
  const ev = trace.traceEvents;
  const names = new Map<string, string>();
  for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = new Set([...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k));
  const tasks = ev.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`));
  console.log('main threads', [...main], 'tasks', tasks.length);
  const top = [...tasks].sort((a, b) => b.dur - a.dur).slice(0, 8);
  for (const t of top) {
    const inner = ev.filter((e) => e.ph === 'X' && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t && (e.dur ?? 0) > 2000).map((e) => `${e.name}${e.args?.data?.functionName ? '(' + e.args.data.functionName + ')' : ''} ${(e.dur / 1000).toFixed(1)}/${((e.tdur ?? 0) / 1000).toFixed(1)}`);
    console.log(`wall ${(t.dur / 1000).toFixed(1)} ms cpu ${((t.tdur ?? 0) / 1000).toFixed(1)} ms: ${inner.slice(0, 10).join(' | ')}`);
  }
  const topCpu = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 5).map((t) => `${(t.tdur / 1000).toFixed(1)}/${(t.dur / 1000).toFixed(1)}`);
  console.log('top by cpu (cpu/wall ms)', topCpu.join(', '));
} finally {
  await browser.close();
  await app.close();
}
