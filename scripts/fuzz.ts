/**
 * `npm run fuzz -- --count N --seed S [--jobs J] [--start I] [--out DIR]`: mutates the bundled
 * scenarios, checks each case in child processes, prints counts and validate-time percentiles, and
 * writes each failing case (the file and why) to DIR (default fuzz-failures/). Exit 1 on failures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledBases } from '../tests/fuzz/bases.ts';
import { percentile, runCampaign } from '../tests/fuzz/campaign.ts';
import { generateCase } from '../tests/fuzz/mutate.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const seed = option('seed', 'parley-fuzz');
const count = Number(option('count', '1000'));
const start = Number(option('start', '0'));
const jobs = Number(option('jobs', '2'));
const out = option('out', 'fuzz-failures');
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(start) || start < 0 || !Number.isInteger(jobs) || jobs < 1) {
  console.error('usage: npm run fuzz -- --count N --seed S [--jobs J] [--start I] [--out DIR]');
  process.exit(2);
}

const t0 = Date.now();
let done = 0;
const report = await runCampaign({
  seed,
  count,
  start,
  jobs,
  onResult: () => {
    if (++done % 5000 === 0) process.stderr.write(`… ${done} cases, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  },
});
const times = [...report.validateMs].sort((a, b) => a - b);
const byKind = (kind: string) => report.failures.filter((f) => f.kind === kind).length;
console.log(`seed ${seed}, cases ${start}..${start + count - 1}: ${report.cases} files, ${report.accepted} accepted (each run for 5 seeds), ${report.rejected} rejected`);
console.log(`crashes ${byKind('crash')}, hangs ${byKind('hang')}, uncaught exceptions ${byKind('uncaught')}, rejections without file:line:col ${byKind('unlocated')}, run failures ${byKind('run')}`);
console.log(`validate time (files ≤ 1 MB): p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${(times[times.length - 1] ?? 0).toFixed(1)} ms`);
console.log(`wall time ${((Date.now() - t0) / 1000).toFixed(0)} s`);
if (report.failures.length > 0) {
  mkdirSync(out, { recursive: true });
  const bases = bundledBases();
  for (const f of report.failures) {
    const c = generateCase(seed, f.index, bases);
    writeFileSync(join(out, `case-${f.index}.yaml`), c.text);
    writeFileSync(join(out, `case-${f.index}.txt`), `seed ${seed} case ${f.index}\nbase ${c.base}\nmutations ${c.mutations.join(', ')}\n${f.kind}: ${f.detail}\n`);
  }
  console.log(`${report.failures.length} failing cases written to ${out}/`);
  process.exit(1);
}
