/**
 * `npm run fuzz -- --count N --seed S [--jobs J] [--start I] [--big P] [--out DIR]`: mutates the
 * bundled scenarios (and with --big, a share P of cases are big files of the shapes in
 * tests/fuzz/big-shapes.ts, 20 KB to 1 MB), checks each case in child processes, prints counts and
 * validate CPU-time percentiles, and writes each failing case (the file and why) to DIR
 * (default fuzz-failures/). Exit 1 on failures.
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
const bigShare = Number(option('big', '0'));
const out = option('out', 'fuzz-failures');
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(start) || start < 0 || !Number.isInteger(jobs) || jobs < 1 || !(bigShare >= 0 && bigShare <= 1)) {
  console.error('usage: npm run fuzz -- --count N --seed S [--jobs J] [--start I] [--big P (0..1)] [--out DIR]');
  process.exit(2);
}

const t0 = Date.now();
let done = 0;
const report = await runCampaign({
  seed,
  count,
  start,
  jobs,
  bigShare,
  onResult: () => {
    if (++done % 5000 === 0) process.stderr.write(`… ${done} cases, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  },
});
const times = [...report.validateMs].sort((a, b) => a - b);
const bigTimes = [...report.bigValidateMs].sort((a, b) => a - b);
const byKind = (kind: string) => report.failures.filter((f) => f.kind === kind).length;
console.log(`seed ${seed}${bigShare > 0 ? ` (big files ${bigShare})` : ''}, cases ${start}..${start + count - 1}: ${report.cases} files, ${report.accepted} accepted (each run for 5 seeds), ${report.rejected} rejected`);
console.log(`crashes ${byKind('crash')}, hangs ${byKind('hang')}, uncaught exceptions ${byKind('uncaught')}, rejections without file:line:col ${byKind('unlocated')}, run failures ${byKind('run')}`);
const slowest = report.slowest ? ` (case ${report.slowest.index}, ${(report.slowest.bytes / 1000).toFixed(0)} KB)` : '';
console.log(`validate CPU time (files ≤ 1 MB): p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${(times[times.length - 1] ?? 0).toFixed(1)} ms${slowest}`);
console.log(`  of which ${bigTimes.length} files of 100 KB – 1 MB: p50 ${percentile(bigTimes, 50).toFixed(1)} ms, p99 ${percentile(bigTimes, 99).toFixed(1)} ms`);
console.log(`wall time ${((Date.now() - t0) / 1000).toFixed(0)} s`);
if (report.failures.length > 0) {
  mkdirSync(out, { recursive: true });
  const bases = bundledBases();
  for (const f of report.failures) {
    const c = generateCase(seed, f.index, bases, bigShare);
    writeFileSync(join(out, `case-${f.index}.yaml`), c.text);
    writeFileSync(join(out, `case-${f.index}.txt`), `seed ${seed} case ${f.index}\nbase ${c.base}\nmutations ${c.mutations.join(', ')}\n${f.kind}: ${f.detail}\n`);
  }
  console.log(`${report.failures.length} failing cases written to ${out}/`);
  process.exit(1);
}
