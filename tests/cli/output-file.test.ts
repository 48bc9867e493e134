/** Output files are atomic: an earlier file survives every failure, and nothing half-written ever appears. */
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOutputFile, OutputError, type OutputFs } from '../../src/cli/output-file.ts';
import { canonicalPath, checkOutputPath } from '../../src/cli/output-path.ts';
import { UserError } from '../../src/cli/io.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-out-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** node:fs with writes that fail like a full disk after `room` bytes. */
function fullDiskAfter(room: number): OutputFs {
  let written = 0;
  return {
    ...fs,
    writeSync: ((fd: number, buffer: Buffer, offset?: number, length?: number) => {
      const n = length ?? buffer.length;
      if (written + n > room) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      written += n;
      return fs.writeSync(fd, buffer, offset, n);
    }) as OutputFs['writeSync'],
  };
}

describe('output files', () => {
  it('a file replaced keeps its permissions', () => {
    const path = join(dir, 'scenario.yaml');
    writeFileSync(path, 'earlier', { mode: 0o600 });
    fs.chmodSync(path, 0o600);
    const file = openOutputFile(path);
    file.write('calibrated');
    file.commit();
    expect(readFileSync(path, 'utf8')).toBe('calibrated');
    expect(fs.statSync(path).mode & 0o777).toBe(0o600);
  });

  it('appear only when committed, complete, replacing the earlier file; no temporary file is left', () => {
    const path = join(dir, 's.json');
    writeFileSync(path, 'earlier');
    const file = openOutputFile(path);
    file.write('new ');
    file.write('text');
    expect(readFileSync(path, 'utf8')).toBe('earlier');
    file.commit();
    expect(readFileSync(path, 'utf8')).toBe('new text');
    expect(readdirSync(dir)).toEqual(['s.json']);
  });

  it('a full disk: a one-line OutputError, the earlier file intact, the temporary file gone', () => {
    const path = join(dir, 'r.csv');
    writeFileSync(path, 'earlier rows\n');
    const file = openOutputFile(path, fullDiskAfter(10));
    file.write('12345');
    let error: unknown;
    try {
      file.write('67890abcdef');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toBe(`cannot write ${path}: the disk is full (ENOSPC)`);
    expect(readFileSync(path, 'utf8')).toBe('earlier rows\n');
    expect(readdirSync(dir)).toEqual(['r.csv']);
    expect(() => file.commit()).toThrow(OutputError);
    expect(readFileSync(path, 'utf8')).toBe('earlier rows\n');
  });

  it('discard leaves the earlier file and no temporary file', () => {
    const path = join(dir, 's.json');
    writeFileSync(path, 'earlier');
    const file = openOutputFile(path);
    file.write('half');
    file.discard();
    expect(readFileSync(path, 'utf8')).toBe('earlier');
    expect(readdirSync(dir)).toEqual(['s.json']);
  });

  it('writes a device directly: /dev/full fails with ENOSPC, /dev/null takes anything', () => {
    const full = openOutputFile('/dev/full');
    expect(() => full.write('x'.repeat(10_000))).toThrow('cannot write /dev/full: the disk is full (ENOSPC)');
    const nul = openOutputFile('/dev/null');
    nul.write('anything');
    nul.commit();
  });
});

describe('output paths are checked before anything runs', () => {
  const check = (path: string, flag = '--summary') => {
    try {
      checkOutputPath(path, flag);
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      return (error as UserError).message;
    }
  };

  it('accepts a new file in an existing folder and an existing file, leaving nothing behind', () => {
    expect(check(join(dir, 'new.json'))).toBeUndefined();
    writeFileSync(join(dir, 'old.json'), 'x');
    expect(check(join(dir, 'old.json'))).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['old.json']);
  });

  it('refuses a folder, a missing folder, a path through a file, an unwritable place', () => {
    expect(check(dir)).toMatch(/that is a folder, not a file/);
    expect(check(join(dir, 'missing', 's.json'))).toBe(`--summary ${join(dir, 'missing', 's.json')}: the folder ${join(dir, 'missing')} does not exist`);
    writeFileSync(join(dir, 'plain'), 'x');
    expect(check(join(dir, 'plain', 's.json'), '--runs-csv')).toMatch(/is not a folder/);
    // /proc refuses new files even to root, as a read-only folder does to anyone else.
    expect(check('/proc/parley-summary.json')).toMatch(/cannot create files in \/proc: /);
  });

  it('sees through symlinks when comparing two outputs', () => {
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    expect(canonicalPath(join(dir, 'link', 'a.json'))).toBe(canonicalPath(join(dir, 'real', 'a.json')));
  });
});
