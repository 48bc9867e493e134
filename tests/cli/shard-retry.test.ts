/**
 * Preemption and retries as a cluster user meets them: a shard killed by SIGTERM leaves a partial
 * summary, `merge` names it and prints the command that re-runs it, and that command (run as
 * printed) replaces the file so the merge equals the unsharded run byte for byte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { DOHA, fakeIO } from '../batch/helpers.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-retry-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const parley = (args: readonly string[]) => spawnSync(process.execPath, ['bin/parley.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });

/** The lines of merge's stderr that are commands (indented), as argv. */
function printedCommands(stderr: string): string[][] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('  parley '))
    .map((line) => [...line.trim().matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!));
}

describe('a preempted shard, re-run from the command merge prints', () => {
  it('SIGTERM → exit 143 and a partial shard; merge names it; the printed command replaces it; the merge equals the unsharded run', async () => {
    const study = [DOHA, '--runs', '6000', '--chunk-size', '100', '--sweep', 'clash-rate=0,0.05', '--seed', 'pre empt'];
    const shard = (i: number) => join(dir, `shard-${i}.json`);
    expect(parley(['batch', ...study, '--workers', '1', '--shard', '1/2', '--summary', shard(1)]).status).toBe(0);

    const child = spawn(process.execPath, ['bin/parley.mjs', 'batch', ...study, '--workers', '1', '--shard', '2/2', '--summary', shard(2), '--runs-csv', join(dir, 'r.csv')]);
    child.stdout.resume();
    child.stderr.resume();
    const started = Date.now();
    while (!readdirSync(dir).some((f) => f.startsWith('.r.csv.') && readFileSync(join(dir, f), 'utf8').split('\n').length > 300)) {
      if (Date.now() - started > 60_000) throw new Error('no rows after 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(143);
    const partial = JSON.parse(readFileSync(shard(2), 'utf8'));
    expect(partial.partial).toBe(true);
    expect(partial.coverage.runs).toBeLessThan(6000);

    const merged = join(dir, 'all.json');
    const first = parley(['merge', shard(1), shard(2), '--summary', merged]);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain(`parley merge: missing: shard 2/2 (${shard(2)}) is partial: stopped by SIGTERM after ${partial.coverage.runs.toLocaleString('en-US')} of its 6,000 runs`);
    const commands = printedCommands(first.stderr);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toEqual(['parley', 'batch', DOHA, '--runs', '6000', '--seed', 'pre empt', '--sweep', 'clash-rate=0,0.05', '--metric', 'released.captives.total', '--chunk-size', '100', '--shard', '2/2', '--summary', shard(2)]);
    expect(first.stderr).toContain(`then merge again: parley merge ${shard(1)} ${shard(2)} --summary ${merged}`);

    expect(parley(commands[0]!.slice(1)).status).toBe(0);
    const again = parley(['merge', shard(1), shard(2), '--summary', merged]);
    expect(again.status).toBe(0);
    expect(again.stderr).not.toMatch(/missing|incomplete/);
    const whole = join(dir, 'whole.json');
    expect(parley(['batch', ...study, '--summary', whole]).status).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(whole, 'utf8'));
  }, 180_000);
});

describe('merge of an incomplete set of explore shards', () => {
  it('names the missing shard and a file name like the others; the printed command completes it exactly', async () => {
    const study = [DOHA, '--method', 'sobol', '--vary', 'clash-rate=0:0.1', 'reciprocity=0:0.5', '--samples', '8', '--runs', '10', '--workers', '1'];
    const io = fakeIO();
    for (const i of [1, 3]) expect(await runCli(['explore', ...study, '--shard', `${i}/3`, '--summary', `out/sobol-${i}-of-3.json`], io)).toBe(0);
    const merge = fakeIO({ files: Object.fromEntries(io.files) });
    expect(await runCli(['merge', 'out/sobol-1-of-3.json', 'out/sobol-3-of-3.json', '--summary', 'all.json'], merge)).toBe(0);
    expect(merge.err).toMatch(/missing: shard 2\/3 is in none of these files \([\d,]+ runs\)/);
    const [command] = printedCommands(merge.err);
    expect(command).toEqual(['parley', 'explore', DOHA, '--method', 'sobol', '--vary', 'clash-rate=0:0.1', '--vary', 'reciprocity=0:0.5', '--samples', '8', '--runs', '10', '--seed', '1', '--shard', '2/3', '--summary', 'out/sobol-2-of-3.json']);
    expect(JSON.parse(merge.files.get('all.json')!).estimates).toBeNull();

    expect(await runCli(command!.slice(1), io)).toBe(0);
    const complete = fakeIO({ files: Object.fromEntries(io.files) });
    expect(await runCli(['merge', 'out/sobol-1-of-3.json', 'out/sobol-2-of-3.json', 'out/sobol-3-of-3.json', '--summary', 'all.json'], complete)).toBe(0);
    expect(complete.err).not.toMatch(/missing|incomplete/);
    const whole = fakeIO();
    expect(await runCli(['explore', ...study, '--summary', 'whole.json'], whole)).toBe(0);
    expect(complete.files.get('all.json')).toBe(whole.files.get('whole.json'));
  }, 120_000);
});
