/**
 * A child process that checks cases `start` … `start + count - 1` of a seed and writes one JSON line
 * per case to stdout: `{"begin":i}` before it, the CaseResult after. The parent watches the lines to
 * tell a crash or a hang from a failure and to know which case caused it.
 */
import { writeSync } from 'node:fs';
import { bundledBases } from './bases.ts';
import { checkCase } from './check-case.ts';
import { generateCase } from './mutate.ts';

const [seed, start, count, bigShare] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5] ?? 0)];
const bases = bundledBases();
for (let i = start; i < start + count; i++) {
  writeSync(1, `${JSON.stringify({ begin: i })}\n`);
  const c = generateCase(seed, i, bases, bigShare);
  writeSync(1, `${JSON.stringify(checkCase(i, c.text, `case-${i}.yaml`))}\n`);
}
