/** The playthrough check's findings as the CLI prints them: `file:line: finding: message (rate)` and a hint. */
import type { Finding } from './playthrough.ts';

const pct = (rate: number) => `${(100 * rate).toFixed(rate > 0 && rate < 0.001 ? 2 : 1)}% of runs`;

export function formatFindings(file: string, findings: readonly Finding[], runs: number): string {
  if (findings.length === 0) return `${file}: the playthrough check found nothing to report in ${runs} runs\n`;
  const lines = findings.map((f) => `${file}:${f.line}: ${f.kind}: ${f.message} (${pct(f.rate)})\n  hint: ${f.hint}`);
  return `${lines.join('\n')}\n\n${file}: ${findings.length} finding${findings.length === 1 ? '' : 's'} in ${runs} runs\n`;
}
