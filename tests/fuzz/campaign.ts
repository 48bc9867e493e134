/**
 * Runs a fuzz campaign in child processes (a batch of cases each), so that a crash (abort, OOM)
 * or a hang (no answer within the per-case timeout) is caught, attributed to its case, and the
 * campaign goes on with the next case.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './bases.ts';
import type { CaseResult } from './check-case.ts';

export interface CampaignOptions {
  seed: string;
  count: number;
  /** First case index (default 0). */
  start?: number;
  /** Parallel child processes (default 2). */
  jobs?: number;
  /** Cases per child process (default 500). */
  batch?: number;
  /** A case that gives no answer within this is a hang (default 20 s). */
  caseTimeoutMs?: number;
  /** Heap limit of each child, so a runaway allocation is a quick crash (default 1024 MB). */
  heapMb?: number;
  /** Share of cases that are big files of the shapes in big-shapes.ts (default 0; mutate.ts). */
  bigShare?: number;
  onResult?: (result: CaseResult) => void;
}

export interface CampaignFailure {
  index: number;
  kind: 'crash' | 'hang' | 'uncaught' | 'unlocated' | 'run';
  detail: string;
}

export interface CampaignReport {
  cases: number;
  accepted: number;
  rejected: number;
  failures: CampaignFailure[];
  /** Validate CPU times (ms) of files up to 1 MB. */
  validateMs: number[];
  /** The same, of files from 100 KB to 1 MB. */
  bigValidateMs: number[];
  /** The file up to 1 MB that took the most validate CPU time. */
  slowest?: { index: number; bytes: number; validateMs: number };
}

function kindOf(failure: string): CampaignFailure['kind'] {
  if (failure.startsWith('uncaught')) return 'uncaught';
  if (failure.startsWith('rejection') || failure.startsWith('rejected')) return 'unlocated';
  return 'run';
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const start = options.start ?? 0;
  const end = start + options.count;
  const batch = options.batch ?? 500;
  const caseTimeoutMs = options.caseTimeoutMs ?? 20_000;
  const report: CampaignReport = { cases: 0, accepted: 0, rejected: 0, failures: [], validateMs: [], bigValidateMs: [] };
  let next = start;
  const takeRange = (): [number, number] | undefined => {
    if (next >= end) return undefined;
    const range: [number, number] = [next, Math.min(end, next + batch)];
    next = range[1];
    return range;
  };

  const runRange = (from: number, to: number): Promise<void> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [`--max-old-space-size=${options.heapMb ?? 1024}`, '--import', 'tsx', join(ROOT, 'tests/fuzz/worker.ts'), options.seed, String(from), String(to - from), String(options.bigShare ?? 0)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let current: number | undefined;
      let buffered = '';
      let stderr = '';
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, caseTimeoutMs);
      };
      arm();
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          const message = JSON.parse(line) as { begin: number } | CaseResult;
          if ('begin' in message) {
            current = message.begin;
            arm();
            continue;
          }
          current = undefined;
          report.cases++;
          if (message.accepted) report.accepted++;
          else report.rejected++;
          if (message.bytes <= 1_000_000) {
            report.validateMs.push(message.validateMs);
            if (message.bytes >= 100_000) report.bigValidateMs.push(message.validateMs);
            if (message.validateMs > (report.slowest?.validateMs ?? -1)) report.slowest = { index: message.index, bytes: message.bytes, validateMs: message.validateMs };
          }
          if (message.failure) report.failures.push({ index: message.index, kind: kindOf(message.failure), detail: message.failure });
          options.onResult?.(message);
        }
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-4000);
      });
      child.on('close', (code, signal) => {
        if (timer) clearTimeout(timer);
        if (current === undefined && code === 0) return resolve();
        // A crash or a hang inside case `current`, or a crash at start-up (which ends the batch).
        const index = current ?? from;
        report.cases++;
        report.failures.push({ index, kind: timedOut ? 'hang' : 'crash', detail: timedOut ? `no answer within ${caseTimeoutMs} ms` : `child exited with ${signal ?? `code ${code}`}: ${stderr.slice(-1500)}` });
        if (current === undefined) return resolve();
        void runRange(index + 1, to).then(resolve);
      });
    });

  const lanes = Array.from({ length: options.jobs ?? 2 }, async () => {
    for (let range = takeRange(); range; range = takeRange()) await runRange(range[0], range[1]);
  });
  await Promise.all(lanes);
  report.failures.sort((a, b) => a.index - b.index);
  return report;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
