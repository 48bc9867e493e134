/** What merge prints for missing shards: file names like the others', the scenario found by its hash or named by it. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { shardFileName, shellQuote } from '../../src/cli/rerun.ts';
import { DOHA_TEXT, fakeIO } from '../batch/helpers.ts';

describe('the file a missing shard should write', () => {
  it('follows the other shards’ names, wherever the number is', () => {
    expect(shardFileName(['out/s-1.json', 'out/s-4.json'], [1, 4], 3)).toBe('out/s-3.json');
    expect(shardFileName(['run2/part-1-of-3.json', 'run2/part-3-of-3.json'], [1, 3], 2)).toBe('run2/part-2-of-3.json');
    expect(shardFileName(['only-2.json'], [2], 1)).toBe('only-1.json');
    expect(shardFileName(['/tmp/run-2/shard-2.json'], [2], 1)).toBe('/tmp/run-2/shard-1.json');
    expect(shardFileName(['s-3-of-3.json'], [3], 1)).toBe('s-1-of-3.json');
  });
  it('is shard-I.json beside the first file when the names share no pattern', () => {
    expect(shardFileName(['out/first.json', 'out/second.json'], [1, 2], 3)).toBe('out/shard-3.json');
    expect(shardFileName(['a/s-1.json', 'b/s-2.json'], [1, 2], 3)).toBe('a/shard-3.json');
  });
});

describe('commands are quoted for a POSIX shell', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('clash-rate=0,0.05')).toBe('clash-rate=0,0.05');
    expect(shellQuote('pre empt')).toBe("'pre empt'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('collapsed before day 30')).toBe("'collapsed before day 30'");
  });
});

describe('the scenario in the printed command', () => {
  it('is a placeholder naming the id and hash when no file here has the content the study ran', async () => {
    const edited = DOHA_TEXT.replace(/^title: .*$/m, 'title: an edited copy');
    const io = fakeIO({ files: { 'elsewhere/doha-60-day-draft.yaml': edited } });
    expect(await runCli(['batch', 'elsewhere/doha-60-day-draft.yaml', '--runs', '40', '--workers', '1', '--shard', '1/2', '--summary', 'out/a-1.json'], io)).toBe(0);
    const summary = JSON.parse(io.files.get('out/a-1.json')!);
    const merge = fakeIO({ files: { 'out/a-1.json': io.files.get('out/a-1.json')! } });
    expect(await runCli(['merge', 'out/a-1.json'], merge)).toBe(0);
    expect(merge.err).toContain('  parley batch SCENARIO.yaml --runs 40 --seed 1 --metric released.captives.total --shard 2/2 --summary out/a-2.json\n');
    expect(merge.err).toContain(`SCENARIO.yaml: the scenario file with id doha-60-day-draft and sha256 ${summary.scenario.sha256} (no file here has that content)`);
  });
});
