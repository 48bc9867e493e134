/**
 * What a hostile or unlucky user does to `parley batch` and `parley merge`: outputs that clash or
 * cannot be written, a full disk, SIGTERM and SIGHUP, a dying worker, names that are
 * Object.prototype members, tampered summaries. Each gets a one-paragraph message, a documented
 * exit code, no stack trace, and earlier files intact.
 */
import { describe, expect, it } from 'vitest';
import { nodePool, parseCsv, type Summary } from '../../src/batch/index.ts';
import { runCli } from '../../src/cli/cli.ts';
import { makeBatchCommand } from '../../src/cli/commands/batch.ts';
import { DOHA, fakeIO, type FakeIO, type FakeIOOptions } from './helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests edit summaries as arbitrary JSON
type EditableJson = Record<string, any>;

async function cli(argv: string[], io: FakeIO = fakeIO()) {
  const code = await runCli(argv, io);
  return { code, io };
}

function expectOneParagraph(text: string): void {
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toMatch(/internal error|TypeError|RangeError/);
  expect(text.trim().split(/\n\s*\n/)).toHaveLength(1);
}

const SMALL = ['--runs', '200', '--seed', 'h', '--workers', '1', '--chunk-size', '50', '--sweep', 'clash-rate=0,0.05'];
const EARLIER = { 'old.json': 'earlier summary\n', 'old.csv': 'earlier csv\n' };

describe('output paths are checked before the first run', () => {
  it('the same file for --summary and --runs-csv is refused, nothing run', async () => {
    const { code, io } = await cli(['batch', DOHA, ...SMALL, '--summary', 'out/s.json', '--runs-csv', './out/../out/s.json']);
    expect(code).toBe(1);
    expect(io.err).toContain('--summary and --runs-csv name the same file, ./out/../out/s.json; one would overwrite the other');
    expect(io.out).toBe('');
    expect(io.files.size + io.pending.size).toBe(0);
    expectOneParagraph(io.err);
  });

  it('an output path that cannot be written is refused before the scenario runs', async () => {
    const io = fakeIO({ badOutputs: { 'ro/s.json': 'cannot create files in ro: permission denied (EACCES)' } });
    const { code } = await cli(['batch', DOHA, ...SMALL, '--summary', 'ro/s.json'], io);
    expect(code).toBe(1);
    expect(io.err).toBe('parley batch: --summary ro/s.json: cannot create files in ro: permission denied (EACCES)\n');
    expect(io.out).toBe('');
  });

  it('merge checks its output path before reading anything', async () => {
    const io = fakeIO({ badOutputs: { 'gone/all.json': 'the folder gone does not exist' } });
    const { code } = await cli(['merge', 'nope.json', '--summary', 'gone/all.json'], io);
    expect(code).toBe(1);
    expect(io.err).toContain('--summary gone/all.json: the folder gone does not exist');
  });
});

describe('a full disk', () => {
  const full = (failing: string): FakeIOOptions => ({ files: { ...EARLIER }, failWrite: (path, text) => path === failing && text.length > 0 && !text.startsWith('variation,') });

  it('on --runs-csv: the runs stop, exit 3, one paragraph, earlier files unchanged, no file claims to be complete', async () => {
    const io = fakeIO(full('old.csv'));
    const { code } = await cli(['batch', DOHA, ...SMALL, '--summary', 'old.json', '--runs-csv', 'old.csv'], io);
    expect(code).toBe(3);
    expect(io.err).toMatch(/^parley batch: cannot write old.csv: the disk is full \(ENOSPC\)\. The runs stopped after [\d,]+ of 400 \(the table shows them\), but no output was written: any earlier file at old.json or old.csv is unchanged\./);
    expectOneParagraph(io.err);
    expect(Object.fromEntries(io.files)).toEqual(EARLIER);
    expect(io.pending.size).toBe(0);
  });

  it('on --summary: exit 3, the earlier summary and CSV unchanged (the new CSV is not put in place either)', async () => {
    const io = fakeIO(full('old.json'));
    const { code } = await cli(['batch', DOHA, ...SMALL, '--summary', 'old.json', '--runs-csv', 'old.csv'], io);
    expect(code).toBe(3);
    expect(io.err).toMatch(/cannot write old.json: the disk is full \(ENOSPC\)\. All 400 runs were done \(the table shows them\), but no output was written/);
    expectOneParagraph(io.err);
    expect(Object.fromEntries(io.files)).toEqual(EARLIER);
  });
});

describe('SIGTERM and SIGHUP are treated like Ctrl-C', () => {
  for (const [signal, exit] of [['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const) {
    it(`${signal}: stops, writes the runs done marked partial, exits ${exit}`, async () => {
      let sent = false;
      const io = fakeIO({
        files: { ...EARLIER },
        onWrite(path, self) {
          if (!sent && path === 'old.csv' && self.pending.get(path)!.split('\n').length > 2) {
            sent = true;
            self.interrupt(signal);
          }
        },
      });
      const { code } = await cli(['batch', DOHA, '--runs', '1000000', '--workers', '2', '--chunk-size', '100', '--summary', 'old.json', '--runs-csv', 'old.csv'], io);
      expect(code).toBe(exit);
      const summary = JSON.parse(io.files.get('old.json')!) as Summary;
      expect(summary.partial).toBe(true);
      expect(summary.stopped).toBe(`stopped by ${signal === 'SIGINT' ? 'Ctrl-C (SIGINT)' : signal}`);
      expect(summary.coverage.runs).toBeGreaterThan(0);
      expect(parseCsv(io.files.get('old.csv')!).length - 1).toBe(summary.coverage.runs);
      expect(io.out).toContain('PARTIAL');
    });
  }
});

describe('a worker that dies', () => {
  for (const kind of ['out-of-memory', 'exit'] as const) {
    it(`(${kind}) is reported by its chunk, and the runs done are kept in a partial summary that says so`, async () => {
      const dying = makeBatchCommand((job, workers, options) => nodePool(job, workers, { ...options, testFault: { chunk: 5, kind } }));
      const io = fakeIO();
      const code = await dying.run([DOHA, ...SMALL, '--summary', 's.json', '--runs-csv', 'r.csv'], io);
      expect(code).toBe(4);
      const message = kind === 'exit' ? 'a batch worker stopped unexpectedly (exit code 70)' : 'a batch worker ran out of memory (its heap is limited to 128 MB; --worker-heap raises it)';
      expect(io.err).toContain(`${message}, in chunk 5 (variation 1, runs 100–149)`);
      expect(io.err).not.toMatch(/\n\s+at /);
      const summary = JSON.parse(io.files.get('s.json')!) as Summary;
      expect(summary.partial).toBe(true);
      expect(summary.stopped).toMatch(new RegExp(`^${message.replace(/[()]/g, '\\$&')}, in chunk 5 \\(variation 1, runs 100–149\\)`));
      expect(summary.coverage.done).toEqual([[0, 5]]);
      expect(summary.coverage.runs).toBe(250);
      expect(parseCsv(io.files.get('r.csv')!).length - 1).toBe(250);
    }, 60_000);
  }
});

describe('names that are Object.prototype members', () => {
  const cases: [string, string[]][] = [
    ['batch --set constructor=1', ['batch', DOHA, '--runs', '10', '--set', 'constructor=1']],
    ['batch --set toString=1', ['batch', DOHA, '--runs', '10', '--set', 'toString=1']],
    ['batch --set __proto__=1', ['batch', DOHA, '--runs', '10', '--set', '__proto__=1']],
    ['batch --sweep constructor=1,2', ['batch', DOHA, '--runs', '10', '--sweep', 'constructor=1,2']],
    ['batch --sweep __proto__=1,2', ['batch', DOHA, '--runs', '10', '--sweep', '__proto__=1,2']],
    ['batch --sweep hasOwnProperty=0:1:0.5', ['batch', DOHA, '--runs', '10', '--sweep', 'hasOwnProperty=0:1:0.5']],
    ['run --set constructor=1', ['run', DOHA, '--set', 'constructor=1']],
    ['run --set __proto__=1', ['run', DOHA, '--set', '__proto__=1']],
    ['run --set valueOf=1', ['run', DOHA, '--set', 'valueOf=1']],
    ['explore --vary constructor=0:1', ['explore', DOHA, '--method', 'lhs', '--runs', '2', '--vary', 'constructor=0:1']],
    ['explore --vary toString=0:1', ['explore', DOHA, '--method', 'lhs', '--runs', '2', '--vary', 'toString=0:1']],
    ['calibrate --free constructor', ['calibrate', DOHA, '--free', 'constructor']],
    ['calibrate --free __proto__=0:1', ['calibrate', DOHA, '--free', '__proto__=0:1']],
  ];
  for (const [name, argv] of cases) {
    it(`${name} is an unknown parameter`, async () => {
      const { code, io } = await cli(argv);
      expect(code).toBe(1);
      const param = /--(?:set|sweep|vary|free)$/.test(argv[argv.length - 2]!) ? argv[argv.length - 1]!.split('=')[0] : '';
      expect(io.err).toContain(`unknown parameter \`${param}\``);
      expectOneParagraph(io.err);
      expect(io.out).toBe('');
    });
  }

  it('an experiment file with `constructor` under set is located and named', async () => {
    const study = `scenario: ${DOHA}\nruns: 10\nset:\n  constructor: 1\n`;
    const { code, io } = await cli(['batch', 's.yaml'], fakeIO({ files: { 's.yaml': study } }));
    expect(code).toBe(1);
    expect(io.err).toContain('s.yaml:4:3: error: unknown parameter `constructor`');
  });

  it('--constructor and --toString are unknown options, not silently taken', async () => {
    for (const flag of ['--constructor', '--toString']) {
      const { code, io } = await cli(['batch', DOHA, flag, 'x']);
      expect(code).toBe(1);
      expect(io.err).toContain(`unknown option ${flag}`);
    }
  });
});

describe('parley merge does not trust its input', () => {
  let made: Map<string, string> | undefined;
  /** Three good shard summaries (made once), in a fresh IO. */
  async function shards() {
    if (!made) {
      const io = fakeIO();
      const base = ['batch', DOHA, '--runs', '120', '--seed', 'm', '--sweep', 'clash-rate=0,0.05', '--workers', '1', '--chunk-size', '40'];
      for (const i of [1, 2, 3]) expect((await cli([...base, '--shard', `${i}/3`, '--summary', `s${i}.json`], io)).code).toBe(0);
      made = io.files;
    }
    return fakeIO({ files: Object.fromEntries(made) });
  }
  const edit = (io: FakeIO, file: string, change: (s: EditableJson) => void, as = 'bad.json') => {
    const data = JSON.parse(io.files.get(file)!);
    change(data);
    io.files.set(as, JSON.stringify(data, null, 2));
  };
  async function refused(io: FakeIO, files: string[], message: string | RegExp) {
    io.err = '';
    io.out = '';
    const { code } = await cli(['merge', ...files, '--summary', 'merged.json'], io);
    expect(code).toBe(1);
    expect(io.err).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
    expect(io.err).not.toMatch(/\n\s+at /);
    expect(io.out).toBe('');
    expect(io.files.has('merged.json')).toBe(false);
  }

  it('accepts the untouched shards', async () => {
    const io = await shards();
    expect((await cli(['merge', 's1.json', 's2.json', 's3.json', '--summary', 'merged.json'], io)).code).toBe(0);
    expect(JSON.parse(io.files.get('merged.json')!).check.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads any JSON layout of a good summary (compact, or with strings holding brackets) the same', async () => {
    const io = await shards();
    expect((await cli(['merge', 's1.json', 's2.json', 's3.json', '--summary', 'pretty.json'], io)).code).toBe(0);
    io.files.set('compact.json', JSON.stringify(JSON.parse(io.files.get('s2.json')!)));
    expect((await cli(['merge', 's1.json', 'compact.json', 's3.json', '--summary', 'merged.json'], io)).code).toBe(0);
    expect(io.files.get('merged.json')).toBe(io.files.get('pretty.json'));
    edit(io, 's1.json', (s) => (s.variations[0].note = 'a "quoted" ], [ and } inside'));
    expect((await cli(['merge', 'bad.json', 's2.json', 's3.json', '--summary', 'merged.json'], io)).code).toBe(0);
    expect(io.files.get('merged.json')).toBe(io.files.get('pretty.json'));
  });

  it('refuses a hand-edited tally (runs +7), even when the counts are made to add up', async () => {
    const io = await shards();
    edit(io, 's2.json', (s) => (s.variations[0].tally.runs += 7));
    await refused(io, ['s1.json', 'bad.json', 's3.json'], 'parley merge: bad.json: variation 0 says 40 runs but its tally holds 47');
    edit(io, 's2.json', (s) => {
      const v = s.variations[0];
      v.runs += 7;
      v.tally.runs += 7;
    });
    await refused(io, ['s1.json', 'bad.json'], 'bad.json: variation 0: the tally holds 47 runs but the coverage gives it 40');
    edit(io, 's2.json', (s) => {
      const t = s.variations[1].tally;
      const [a, b] = Object.keys(t.outcomes) as [string, string];
      t.outcomes[a] += 1;
      t.outcomes[b] -= 1;
    });
    await refused(io, ['bad.json'], /bad.json: (variation 1: .*|its tallies do not match its check digest \(check.sha256\): the file was edited or damaged after it was written)/);
  });

  it('refuses a missing field, a missing check, a forged coverage list, a wrong shard label, and overlapping shards', async () => {
    const io = await shards();
    edit(io, 's1.json', (s) => delete s.coverage);
    await refused(io, ['bad.json'], 'bad.json: the field `coverage` is missing');
    edit(io, 's1.json', (s) => delete s.check);
    await refused(io, ['bad.json'], 'bad.json: the field `check` is missing (the file was edited, or written by an older Parley)');
    edit(io, 's1.json', (s) => (s.coverage.done = [[0, 6]]));
    await refused(io, ['bad.json'], 'bad.json: coverage.done holds chunks 0–5, outside shard 1/3 (chunks 0–1)');
    edit(io, 's1.json', (s) => {
      delete s.shard;
      s.coverage.done = [[0, 6]];
    });
    await refused(io, ['bad.json'], 'bad.json: coverage.runs is 80 but its chunk ranges hold 240 runs');
    edit(io, 's2.json', (s) => (s.shard = '1/3'));
    await refused(io, ['bad.json'], 'bad.json: coverage.done holds chunks 2–3, outside shard 1/3 (chunks 0–1)');
    await refused(io, ['s1.json', 's2.json', 's1.json'], 's1.json and s1.json both hold chunks 0–1, so those runs would count twice');
    edit(io, 's1.json', (s) => (s.variations[0].tally.metrics.days = []));
    await refused(io, ['bad.json'], 'bad.json: variation 0: the histogram of days adds up to 0 runs but the tally says 40');
    io.files.set('bad.json', '{"format": "parley-batch-summary/1", "variations": [');
    await refused(io, ['bad.json'], /bad.json is not JSON/);
  });
});
