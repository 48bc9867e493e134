/** The real process (bin/parley.mjs): signals, a full disk and a dead worker as a user meets them. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv, summaryPieces, stringifySummary, type Summary } from '../../src/batch/index.ts';
import { DOHA } from './helpers.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-proc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |internal error|Unhandled 'error' event/);

describe('parley batch, the real process', () => {
  it('SIGTERM mid-run: exit 143 within seconds, a partial summary that says so, the CSV matching it, no temporary file left', async () => {
    const summary = join(dir, 's.json');
    const csv = join(dir, 'r.csv');
    writeFileSync(summary, 'earlier');
    const child = spawn(process.execPath, ['bin/parley.mjs', 'batch', DOHA, '--runs', '1000000', '--workers', '1', '--summary', summary, '--runs-csv', csv]);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    // Wait for the first rows to land in the CSV's temporary file, then send SIGTERM.
    const started = Date.now();
    while (!readdirSync(dir).some((f) => f.startsWith('.r.csv.') && readFileSync(join(dir, f), 'utf8').split('\n').length > 600)) {
      if (Date.now() - started > 30_000) throw new Error('no rows after 30 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const sent = Date.now();
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(143);
    expect(Date.now() - sent).toBeLessThan(5_000);
    const s = JSON.parse(readFileSync(summary, 'utf8')) as Summary;
    expect(s.partial).toBe(true);
    expect(s.stopped).toBe('stopped by SIGTERM');
    expect(parseCsv(readFileSync(csv, 'utf8')).length - 1).toBe(s.coverage.runs);
    expect(stderr).toMatch(/stopped by SIGTERM after [\d,]+ of 1,000,000 runs/);
    noStack(stderr);
    expect(readdirSync(dir).sort()).toEqual(['r.csv', 's.json']);
  }, 60_000);

  it('--runs-csv /dev/full: exit 3, one paragraph, the earlier summary unchanged', () => {
    const summary = join(dir, 's.json');
    writeFileSync(summary, 'earlier');
    const r = spawnSync(process.execPath, ['bin/parley.mjs', 'batch', DOHA, '--runs', '2000', '--workers', '1', '--summary', summary, '--runs-csv', '/dev/full'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^parley batch: cannot write \/dev\/full: the disk is full \(ENOSPC\)\. .* unchanged\. Free some space or choose another folder, then run the command again\.\n$/);
    noStack(r.stderr);
    expect(readFileSync(summary, 'utf8')).toBe('earlier');
    expect(readdirSync(dir)).toEqual(['s.json']);
  });

  it('a worker out of memory: exit 4, named by its chunk, the partial summary says so', () => {
    const summary = join(dir, 's.json');
    const r = spawnSync(process.execPath, ['bin/parley.mjs', 'batch', DOHA, '--runs', '60000', '--chunk-size', '30000', '--worker-heap', '16', '--workers', '1', '--summary', summary, '--runs-csv', join(dir, 'r.csv')], { encoding: 'utf8', timeout: 110_000 });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/a batch worker ran out of memory \(its heap is limited to 16 MB; --worker-heap raises it\), in chunk 0 \(variation 0, runs 0–29999\)/);
    noStack(r.stderr);
    const s = JSON.parse(readFileSync(summary, 'utf8')) as Summary;
    expect(s.partial).toBe(true);
    expect(s.stopped).toMatch(/^a batch worker ran out of memory .*, in chunk 0 \(variation 0, runs 0–29999\)/);
    // A real out-of-memory death: V8 collects garbage hard near the 16 MB limit before it gives up (≈12 s alone, longer beside other tests).
  }, 120_000);
});

describe('summaries are written in pieces', () => {
  it('the pieces are exactly the one-string JSON', async () => {
    const { runCli } = await import('../../src/cli/cli.ts');
    const { fakeIO } = await import('./helpers.ts');
    const io = fakeIO();
    expect(await runCli(['batch', DOHA, '--runs', '30', '--workers', '1', '--sweep', 'clash-rate=0,0.05', '--sweep', 'reciprocity=0.2,0.4', '--summary', 's.json'], io)).toBe(0);
    const summary = JSON.parse(io.files.get('s.json')!) as Summary;
    expect([...summaryPieces(summary)].join('')).toBe(`${stringifySummary(summary)}\n`);
    expect([...summaryPieces(summary)].join('')).toBe(io.files.get('s.json'));
  });
});
