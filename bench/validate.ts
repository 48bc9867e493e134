/**
 * `npm run bench`'s validate figure, in its own process: the loader's CPU time (process.cpuUsage,
 * user + system, so other processes on a shared machine do not count) on every shape of
 * tests/fuzz/big-shapes.ts at 1 MB and at the largest size under the token bound, after the
 * bundled scenarios have been loaded once (as the fuzzer's children have). Each file is loaded
 * 3 times; its figure is the slowest of the 3. Prints one JSON line.
 */
import { loadScenario } from '../src/scenario/index.ts';
import { bundledBases } from '../tests/fuzz/bases.ts';
import { BIG_SHAPES, largestUnderTokenBound } from '../tests/fuzz/big-shapes.ts';

function cpuMs(text: string): { ms: number; accepted: boolean } {
  let ms = 0;
  let accepted = false;
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage();
    accepted = loadScenario(text, 'big.yaml').ok;
    const used = process.cpuUsage(before);
    ms = Math.max(ms, (used.user + used.system) / 1000);
  }
  return { ms: Number(ms.toFixed(1)), accepted };
}

for (const { name, text } of bundledBases()) loadScenario(text, name);
const shapes: Record<string, { at1MB: number; underTokenBound: { kb: number; ms: number; accepted: boolean } }> = {};
for (const [name, make] of Object.entries(BIG_SHAPES)) {
  const under = largestUnderTokenBound(make);
  shapes[name] = { at1MB: cpuMs(make(1_000_000)).ms, underTokenBound: { kb: Math.round(under.length / 1000), ...cpuMs(under) } };
}
const worst = (pick: (s: (typeof shapes)[string]) => number) => Object.entries(shapes).reduce((a, b) => (pick(b[1]) > pick(a[1]) ? b : a));
const [worstAt1MB, worstUnder] = [worst((s) => s.at1MB), worst((s) => s.underTokenBound.ms)];
process.stdout.write(
  `${JSON.stringify({
    maxCpuMsAt1MB: worstAt1MB[1].at1MB,
    slowestAt1MB: worstAt1MB[0],
    maxCpuMsUnderTokenBound: worstUnder[1].underTokenBound.ms,
    slowestUnderTokenBound: worstUnder[0],
    shapes,
  })}\n`,
);
