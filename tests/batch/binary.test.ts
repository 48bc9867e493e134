/** The real `npx parley batch` path (bin/parley.mjs → the build in dist/ → built workers) gives what the in-process CLI gives. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { DOHA, fakeIO } from './helpers.ts';

describe('bin/parley.mjs batch', () => {
  it('runs in worker threads and matches the in-process summary byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-batch-'));
    try {
      const args = ['batch', DOHA, '--runs', '200', '--seed', 'bin', '--sweep', 'clash-rate=0,0.05', '--chunk-size', '60'];
      const child = spawnSync(process.execPath, ['bin/parley.mjs', ...args, '--workers', '2', '--summary', join(dir, 's.json'), '--runs-csv', join(dir, 'r.csv')], { encoding: 'utf8', timeout: 60_000 });
      expect(child.stderr).toContain('parley batch: 400 runs in');
      expect(child.status).toBe(0);
      expect(child.stdout).toContain('Outcomes — share of runs');
      const io = fakeIO();
      expect(await runCli([...args, '--workers', '1', '--summary', 's.json', '--runs-csv', 'r.csv'], io)).toBe(0);
      expect(readFileSync(join(dir, 's.json'), 'utf8')).toBe(io.files.get('s.json'));
      expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toBe(io.files.get('r.csv'));
      expect(child.stdout.replace(/\n.*Replay[\s\S]*$/, '')).toBe(io.out.replace(/\n.*Replay[\s\S]*$/, ''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
