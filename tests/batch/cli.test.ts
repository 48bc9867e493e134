import { describe, expect, it } from 'vitest';
import { parseCsv, type Summary } from '../../src/batch/index.ts';
import { runCli } from '../../src/cli/cli.ts';
import { compile, runOnce, type OutcomeResult } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { DOHA, DOHA_TEXT, fakeIO, type FakeIO } from './helpers.ts';

async function cli(argv: string[], io: FakeIO = fakeIO()) {
  const code = await runCli(argv, io);
  return { code, io };
}

const SWEEP = ['--sweep', 'hamas-base-comply=0.7,0.9', '--sweep', 'clash-rate=0:0.04:0.04'];

describe('parley batch: bad experiment specs exit 1 with a clear message', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown parameter, with a near match', ['--sweep', 'clash-rat=0,0.1'], /unknown parameter `clash-rat`[\s\S]*hint: there is a parameter named `clash-rate`/],
    ['unknown --set parameter', ['--set', 'reciprocty=0.3'], /unknown parameter `reciprocty`[\s\S]*`reciprocity`/],
    ['empty range', ['--sweep', 'clash-rate=0.1:0.05:0.01'], /range is empty \(0.1 is above 0.05\)/],
    ['step 0', ['--sweep', 'clash-rate=0:0.1:0'], /the step is 0/],
    ['value out of range (sweep)', ['--sweep', 'clash-rate=0,0.5'], /parameter `clash-rate` = 0.5 is outside its range \[0, 0.2\]/],
    ['value out of range (set)', ['--set', 'hamas-base-comply=1.2'], /parameter `hamas-base-comply` = 1.2 is outside its range \[0.5, 1\]/],
    ['runs 0', ['--runs', '0'], /--runs must be a whole number of at least 1, got `0`/],
    ['runs negative', ['--runs', '-10'], /runs must be a whole number of at least 1/],
    ['runs not whole', ['--runs', '2.5'], /runs must be a whole number of at least 1/],
    ['bad shard 0/3', ['--shard', '0/3'], /shard 0 does not exist among 3[\s\S]*numbered from 1/],
    ['bad shard 4/3', ['--shard', '4/3'], /shard 4 does not exist among 3/],
    ['bad shard text', ['--shard', 'two'], /--shard must look like I\/N/],
    ['unknown metric', ['--metric', 'released.captive.total'], /unknown metric `released.captive.total`[\s\S]*`released.captives.total`/],
    ['set and swept', ['--set', 'clash-rate=0.1', '--sweep', 'clash-rate=0,0.1'], /`clash-rate` is both set and swept/],
    ['swept twice', ['--sweep', 'clash-rate=0', '--sweep', 'clash-rate=0.1'], /`clash-rate` is swept twice/],
    ['no values', ['--sweep', 'clash-rate='], /no values/],
    ['workers 0', ['--workers', '0'], /--workers must be a whole number from 1 to 512/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const { code, io } = await cli(['batch', DOHA, ...args]);
      expect(code).toBe(1);
      expect(io.err).toMatch(message);
      expect(io.err).not.toMatch(/\n\s+at /); // no stack trace
      expect(io.out).toBe('');
    });
  }

  it('locates mistakes in an experiment file', async () => {
    const study = ['scenario: ../scenarios/doha-60-day-draft.yaml', 'runs: 100', 'sweep:', '  clash-rate: [0, 0.05]', '  hamas-base-comply: 0.7:0.5:0.1', ''].join('\n');
    const { code, io } = await cli(['batch', 'studies/study.yaml'], fakeIO({ files: { 'studies/study.yaml': study } }));
    expect(code).toBe(1);
    expect(io.err).toContain('studies/study.yaml:5:22: error: sweep of `hamas-base-comply`: the range is empty (0.7 is above 0.5)');
    expect(io.err).toContain('    hamas-base-comply: 0.7:0.5:0.1\n                       ^');
  });

  it('locates an unknown parameter in an experiment file with a hint', async () => {
    const study = ['scenario: ../scenarios/doha-60-day-draft.yaml', 'runs: 100', 'set:', '  reciprocty: 0.3', ''].join('\n');
    const { code, io } = await cli(['batch', 'studies/study.yaml'], fakeIO({ files: { 'studies/study.yaml': study } }));
    expect(code).toBe(1);
    expect(io.err).toContain('studies/study.yaml:4:3: error: unknown parameter `reciprocty`');
    expect(io.err).toContain('hint: there is a parameter named `reciprocity`');
  });

  it('locates values of the wrong type in an experiment file, with a hint', async () => {
    const files = { 'c.yaml': `scenario: ${DOHA}\nruns: "ten"\n`, 'd.yaml': `scenario: ${DOHA}\nsweep: [1, 2]\n`, 'e.yaml': 'title: a study\nscenario: ""\n' };
    const c = await cli(['batch', 'c.yaml'], fakeIO({ files }));
    expect(c.code).toBe(1);
    expect(c.io.err).toContain('c.yaml:2:7: error: `runs` is a whole number of at least 1');
    expect(c.io.err).toContain('hint: e.g. `runs: 1000`');
    const d = await cli(['batch', 'd.yaml'], fakeIO({ files }));
    expect(d.io.err).toContain('d.yaml:2:8: error: `sweep` maps parameter names to values');
    const e = await cli(['batch', 'e.yaml'], fakeIO({ files }));
    expect(e.io.err).toContain('e.yaml:2:11: error: `scenario` is the path of a scenario file');
  });

  it('rejects runs ≤ 0 and unknown keys in an experiment file', async () => {
    const files = { 'a.yaml': `scenario: ${DOHA}\nruns: 0\n`, 'b.yaml': `scenario: ${DOHA}\nrunz: 10\n` };
    const a = await cli(['batch', 'a.yaml'], fakeIO({ files }));
    expect(a.code).toBe(1);
    expect(a.io.err).toContain('a.yaml:2:7: error: runs must be a whole number of at least 1, got 0');
    const b = await cli(['batch', 'b.yaml'], fakeIO({ files }));
    expect(b.code).toBe(1);
    expect(b.io.err).toContain("b.yaml:2:1: error: unknown key `runz`");
    expect(b.io.err).toContain('did you mean `runs`?');
  });
});

describe('parley batch: outputs', () => {
  it('writes a summary and a CSV that parses back, row for row, and every row replays', async () => {
    const { code, io } = await cli(['batch', DOHA, '--runs', '150', '--seed', 'csv', '--set', 'reciprocity=0.3', ...SWEEP, '--workers', '2', '--chunk-size', '40', '--summary', 'out/s.json', '--runs-csv', 'out/r.csv']);
    expect(code).toBe(0);
    expect(io.out).toContain('Outcomes — share of runs (95% Wilson interval)');
    expect(io.out).toContain('Sensitivity');
    expect(io.out).not.toContain('\r');
    const summary = JSON.parse(io.files.get('out/s.json')!) as Summary;
    expect(summary.partial).toBe(false);
    expect(summary.variationCount).toBe(4);
    expect(summary.coverage.runs).toBe(600);
    expect(summary.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.parley).toMatch(/^\d+\.\d+\.\d+/);

    const rows = parseCsv(io.files.get('out/r.csv')!);
    const [header, ...data] = rows;
    expect(data).toHaveLength(600);
    expect(header!.slice(0, 9)).toEqual(['variation', 'reciprocity', 'hamas-base-comply', 'clash-rate', 'run', 'seed', 'outcome', 'end_day', 'cause']);
    expect(header).toContain('released.captives.alive');
    expect(header).toContain('violations.hamas');
    for (const row of data) expect(row).toHaveLength(header!.length);
    // Every (variation, run) pair exactly once, with run i's seed "csv:i".
    expect(new Set(data.map((r) => `${r[0]}:${r[4]}`)).size).toBe(600);
    for (const r of data) expect(r[5]).toBe(`csv:${r[4]}`);
    // The CSV and the summary agree on the outcome counts.
    for (const v of summary.variations) {
      const mine = data.filter((r) => Number(r[0]) === v.index);
      for (const [result, p] of Object.entries(v.outcomes)) expect(mine.filter((r) => r[6] === result).length).toBe(p.count);
    }

    // Replay rows exactly as `parley run --seed <seed> --set ...` would.
    const loaded = loadScenario(DOHA_TEXT, DOHA);
    if (!loaded.ok) throw new Error('scenario');
    const col = (name: string) => header!.indexOf(name);
    const sample = [...data.filter((r) => r[6] === 'collapsed').slice(0, 3), data[0]!, data[599]!];
    for (const row of sample) {
      const params = { reciprocity: Number(row[1]), 'hamas-base-comply': Number(row[2]), 'clash-rate': Number(row[3]) };
      const replay = runOnce(compile(loaded.scenario, params), { seed: row[5]!, trace: false }).outcome;
      expect(replay.result).toBe(row[6] as OutcomeResult);
      expect(String(replay.day)).toBe(row[7]);
      expect(replay.cause ?? '').toBe(row[8]);
      expect(String(replay.metrics.released['captives']!['alive'])).toBe(row[col('released.captives.alive')]);
      expect(String(replay.metrics.aidTrucks)).toBe(row[col('aidTrucks')]);
    }

    // The same command again gives the same bytes.
    const again = await cli(['batch', DOHA, '--runs', '150', '--seed', 'csv', '--set', 'reciprocity=0.3', ...SWEEP, '--workers', '1', '--chunk-size', '40', '--summary', 'out/s.json', '--runs-csv', 'out/r.csv']);
    expect(again.io.files.get('out/s.json')).toBe(io.files.get('out/s.json'));
    expect(again.io.files.get('out/r.csv')).toBe(io.files.get('out/r.csv'));
  });

  it('3 shards merged equal one unsharded run, byte for byte; shard CSVs concatenate to the whole CSV', async () => {
    const base = ['batch', DOHA, '--runs', '120', '--seed', 'shards', ...SWEEP, '--workers', '2', '--chunk-size', '50'];
    const io = fakeIO();
    expect((await cli([...base, '--summary', 'all.json', '--runs-csv', 'all.csv'], io)).code).toBe(0);
    for (const i of [1, 2, 3]) expect((await cli([...base, '--shard', `${i}/3`, '--summary', `s${i}.json`, '--runs-csv', `s${i}.csv`], io)).code).toBe(0);
    const shard2 = JSON.parse(io.files.get('s2.json')!) as Summary;
    expect(shard2.shard).toBe('2/3');
    expect(shard2.partial).toBe(false);
    expect(shard2.coverage.runs).toBeLessThan(480);

    io.out = '';
    io.err = '';
    expect((await cli(['merge', 's3.json', 's1.json', 's2.json', '--summary', 'merged.json'], io)).code).toBe(0);
    expect(io.files.get('merged.json')).toBe(io.files.get('all.json'));
    expect(io.out).toContain('Outcomes');
    const csv = [1, 2, 3].map((i) => io.files.get(`s${i}.csv`)!.split('\n').slice(1).join('\n')).join('');
    expect(csv).toBe(io.files.get('all.csv')!.split('\n').slice(1).join('\n'));

    // An incomplete set merges, marked partial; overlapping or foreign summaries are refused.
    io.err = '';
    expect((await cli(['merge', 's1.json', 's2.json', '--summary', 'some.json'], io)).code).toBe(0);
    expect(JSON.parse(io.files.get('some.json')!).partial).toBe(true);
    expect(io.err).toContain('parley merge: missing: shard 3/3 is in none of these files (80 runs)\n');
    expect(io.err).toContain(' --shard 3/3 --summary s3.json\n');
    // A merged file is no shard's own: merge can only name the chunks it lacks.
    io.err = '';
    expect((await cli(['merge', 'some.json'], io)).code).toBe(0);
    expect(io.err).toMatch(/incomplete: chunks .* are in none of these files, or their runs stopped early/);
    io.err = '';
    expect((await cli(['merge', 's1.json', 'all.json'], io)).code).toBe(1);
    expect(io.err).toMatch(/s1.json both hold chunks? [\d–]+, so those runs would count twice|all.json and s1.json both hold/);
    expect((await cli([...base.map((a) => (a === 'shards' ? 'other' : a)), '--shard', '2/3', '--summary', 'other.json'], io)).code).toBe(0);
    io.err = '';
    expect((await cli(['merge', 's1.json', 'other.json'], io)).code).toBe(1);
    expect(io.err).toContain('other.json is from a different experiment than s1.json (they differ in seed)');
    io.err = '';
    expect((await cli(['merge', 'nope.json'], fakeIO({ files: { 'nope.json': '{"a":1}' } }))).code).toBe(1);
  });

  it('Ctrl-C stops at once and writes what is done, marked partial', async () => {
    let interrupted = false;
    const io = fakeIO({
      onWrite(path, self) {
        // Interrupt once the first chunk's rows are in the CSV.
        if (!interrupted && path === 'big.csv' && self.pending.get(path)!.split('\n').length > 2) {
          interrupted = true;
          self.interrupt();
        }
      },
    });
    const started = Date.now();
    const { code } = await cli(['batch', DOHA, '--runs', '1000000', '--workers', '2', '--chunk-size', '100', '--summary', 'big.json', '--runs-csv', 'big.csv'], io);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(code).toBe(130);
    const summary = JSON.parse(io.files.get('big.json')!) as Summary;
    expect(summary.partial).toBe(true);
    expect(summary.coverage.runs).toBeGreaterThan(0);
    expect(summary.coverage.runs).toBeLessThan(1_000_000);
    expect(parseCsv(io.files.get('big.csv')!).length - 1).toBe(summary.coverage.runs);
    expect(io.err).toMatch(/stopped by Ctrl-C \(SIGINT\) after [\d,]+ of 1,000,000 runs; the summary is marked "partial": true/);
    expect(summary.stopped).toBe('stopped by Ctrl-C (SIGINT)');
    expect(io.out).toContain('PARTIAL');
  });

  it('draws a progress bar on stderr only for a terminal', async () => {
    const tty = fakeIO({ isTTY: true });
    expect((await cli(['batch', DOHA, '--runs', '300', '--workers', '1', '--chunk-size', '50'], tty)).code).toBe(0);
    expect(tty.err).toMatch(/\r\[[█░]+\]\s+\d+%\s+[\d,]+\/300 runs · (?:[\d,]+|—) runs\/s · ETA /);
    expect(tty.out).not.toMatch(/\r|█/);
    const pipe = fakeIO();
    expect((await cli(['batch', DOHA, '--runs', '300', '--workers', '1', '--chunk-size', '50'], pipe)).code).toBe(0);
    expect(pipe.err).not.toMatch(/\r|█/);
    expect(pipe.out).toBe(tty.out.replace(/[\d,.]+ s \([\d,]+ runs\/s/, ''));
  });

  it('runs the example experiment file, with flags overriding it', async () => {
    const io = fakeIO();
    const args = ['batch', 'tests/batch/fixtures/compliance-vs-clashes.yaml', '--workers', '1', '--runs', '40', '--sweep', 'clash-rate=0.05', '--summary', 'ex.json'];
    expect((await cli(args, io)).code).toBe(0);
    const summary = JSON.parse(io.files.get('ex.json')!) as Summary;
    expect(summary.scenario.id).toBe('doha-60-day-draft');
    expect(summary.runsPerVariation).toBe(40);
    expect(summary.seed).toBe('study-1');
    expect(summary.set).toEqual({ reciprocity: 0.3 });
    expect(summary.sweeps).toEqual([{ name: 'hamas-base-comply', values: [0.7, 0.8, 0.9] }, { name: 'clash-rate', values: [0.05] }]);
    expect(summary.metric).toBe('released.captives.total');
  });

  it('runs an experiment file given in memory, with flags overriding it', async () => {
    const study = ['scenario: ../scenarios/doha-60-day-draft.yaml', 'runs: 100', 'seed: study', 'set: { reciprocity: 0.3 }', 'sweep:', '  clash-rate: [0, 0.05]', 'metric: aidTrucks', ''].join('\n');
    const io = fakeIO({ files: { 'studies/study.yaml': study } });
    expect((await cli(['batch', 'studies/study.yaml', '--workers', '1', '--runs', '60', '--summary', 'st.json'], io)).code).toBe(0);
    const summary = JSON.parse(io.files.get('st.json')!) as Summary;
    expect(summary.runsPerVariation).toBe(60);
    expect(summary.seed).toBe('study');
    expect(summary.set).toEqual({ reciprocity: 0.3 });
    expect(summary.sweeps).toEqual([{ name: 'clash-rate', values: [0, 0.05] }]);
    expect(summary.metric).toBe('aidTrucks');
  });
});
