/**
 * `parley calibrate` on a cluster: each step's population as shards (--shard I/N, --state), the
 * step merged (--merge … --next), step after step until the merge finishes the calibration — the
 * same summary and the same printed report, byte for byte, as one unsharded run, whatever number
 * of shards each step used. A lost shard is named with the command that re-runs it.
 */
import { describe, expect, it } from 'vitest';
import { inlinePool } from '../../src/batch/index.ts';
import { makeCalibrateCommand } from '../../src/cli/commands/calibrate.ts';
import { DOHA, fakeIO, type FakeIO } from '../batch/helpers.ts';

const calibrate = makeCalibrateCommand(inlinePool);
/** A printed command line as argv (single-quoted words unquoted). */
const words = (line: string) => [...line.trim().matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
const TARGETS = ['--targets', 'docs/base-rates.targets.yaml#cf-fixed-gt30-collapse,cf-collapse-within-30'];
const study = (method: string, seed: string) =>
  method === 'smc'
    ? [DOHA, '--free', 'clash-rate', 'reciprocity', ...TARGETS, '--method', 'smc', '--population', '6', '--runs', '24', '--seed', seed, '--set', 'israel-base-comply=0.9', '--workers', '1']
    : [DOHA, '--free', 'clash-rate', '--targets', 'docs/base-rates.targets.yaml#cf-fixed-gt30-collapse', '--method', 'rejection', '--population', '12', '--runs', '20', '--seed', seed, '--workers', '1'];

/** Runs the calibration step by step; `shardsOf(step)` shards per step. Returns the final summary and report. */
async function stepwise(io: FakeIO, argv: string[], shardsOf: (step: number) => number): Promise<{ steps: number; summary: string; report: string }> {
  for (let step = 1; step < 50; step++) {
    const state = step === 1 ? [] : ['--state', `state-${step}.json`];
    const n = shardsOf(step);
    const parts = Array.from({ length: n }, (_, i) => `step-${step}/shard-${i + 1}.json`);
    for (const [i, part] of parts.entries()) expect(await calibrate.run([...argv, ...state, '--shard', `${i + 1}/${n}`, '--summary', part], io)).toBe(0);
    io.out = '';
    expect(await calibrate.run([...argv, ...state, '--merge', ...parts, '--next', `state-${step + 1}.json`, '--summary', 'final.json'], io)).toBe(0);
    const summary = io.files.get('final.json');
    if (summary !== undefined) return { steps: step, summary, report: io.out };
    expect(io.files.has(`state-${step + 1}.json`)).toBe(true);
  }
  throw new Error('no end after 50 steps');
}

describe('parley calibrate in shards', () => {
  it('SMC step by step, with 1 to 4 shards a step, gives the unsharded summary and report byte for byte', async () => {
    const argv = study('smc', 'shards-1');
    const whole = fakeIO();
    expect(await calibrate.run([...argv, '--summary', 'whole.json'], whole)).toBe(0);
    const io = fakeIO();
    const { steps, summary, report } = await stepwise(io, argv, (step) => 1 + (step % 4));
    expect(steps).toBeGreaterThan(2);
    expect(summary).toBe(whole.files.get('whole.json'));
    expect(report).toBe(whole.out);
    expect(io.err).toContain(`parley calibrate: merged step ${steps} (6 candidates × 24 runs) from ${1 + (steps % 4)} shards: the calibration is finished`);
    const state = JSON.parse(io.files.get('state-2.json')!);
    expect(state).toMatchObject({ format: 'parley-calibration-state/1', step: 2, next: { candidates: 6, runsPerCandidate: 24 } });
    expect(state.results).toHaveLength(1);
    expect(state.results[0]).toHaveLength(12); // generation 0: ⌈6 / 0.5⌉ prior draws
  }, 120_000);

  it('rejection ABC is one step: its merge finishes the calibration', async () => {
    const argv = study('rejection', 'shards-2');
    const whole = fakeIO();
    expect(await calibrate.run([...argv, '--summary', 'whole.json'], whole)).toBe(0);
    const { steps, summary } = await stepwise(fakeIO(), argv, () => 3);
    expect(steps).toBe(1);
    expect(summary).toBe(whole.files.get('whole.json'));
  }, 60_000);

  it('a shard stopped by SIGTERM leaves a partial part; merge names it, prints the command, and that command completes the step', async () => {
    const argv = study('rejection', 'shards-3');
    const io = fakeIO();
    expect(await calibrate.run([...argv, '--shard', '1/2', '--summary', 'out/shard-1.json'], io)).toBe(0);
    const stopped = fakeIO();
    stopped.onStopSignal = (handler) => {
      handler('SIGTERM');
      return () => undefined;
    };
    expect(await calibrate.run([...argv, '--shard', '2/2', '--summary', 'out/shard-2.json'], stopped)).toBe(143);
    const part = JSON.parse(stopped.files.get('out/shard-2.json')!);
    expect(part).toMatchObject({ format: 'parley-calibration-part/1', shard: '2/2', partial: true, stopped: 'stopped by SIGTERM' });
    io.files.set('out/shard-2.json', stopped.files.get('out/shard-2.json')!);

    io.err = '';
    expect(await calibrate.run([...argv, '--merge', 'out/shard-1.json', 'out/shard-2.json', '--next', 'out/state-2.json', '--summary', 'out/final.json'], io)).toBe(1);
    expect(io.files.has('out/final.json')).toBe(false);
    expect(io.err).toContain('parley calibrate: step 1 is incomplete: 120 of its 240 runs are in these files; nothing was written');
    expect(io.err).toMatch(/parley calibrate: missing: shard 2\/2 \(out\/shard-2.json\) is partial: stopped by SIGTERM after 0 of its 120 runs/);
    expect(io.err).toContain('--step 1 --retry 2');
    const command = words(io.err.split('\n').find((l) => l.startsWith('  parley calibrate '))!);
    expect(command.slice(-4)).toEqual(['--shard', '2/2', '--summary', 'out/shard-2.json']);
    expect(await calibrate.run([...command.slice(2), '--workers', '1'], io)).toBe(0);

    // A shard that never ran at all is named too, with the file it should write.
    io.err = '';
    expect(await calibrate.run([...argv, '--merge', 'out/shard-2.json', '--next', 'out/state-2.json'], io)).toBe(1);
    expect(io.err).toContain('missing: shard 1/2 is in none of these files (120 runs)');
    expect(io.err).toContain('--shard 1/2 --summary out/shard-1.json');

    const again = words(io.err.split('\n').find((l) => l.startsWith('parley calibrate: then merge again: '))!.replace('parley calibrate: then merge again: parley calibrate ', ''));
    expect(again).toContain('out/shard-1.json');
    expect(await calibrate.run([...again, '--summary', 'out/final.json'], io)).toBe(0);
    const whole = fakeIO();
    expect(await calibrate.run([...argv, '--summary', 'whole.json'], whole)).toBe(0);
    expect(io.files.get('out/final.json')).toBe(whole.files.get('whole.json'));
  }, 60_000);

  it('refuses parts of another step, another calibration, or flags that do not go together', async () => {
    const argv = study('smc', 'shards-4');
    const io = fakeIO();
    expect(await calibrate.run([...argv, '--shard', '1/1', '--summary', 'step-1.json'], io)).toBe(0);
    expect(await calibrate.run([...argv, '--merge', 'step-1.json', '--next', 'state-2.json'], io)).toBe(0);
    expect(await calibrate.run([...argv, '--state', 'state-2.json', '--shard', '1/1', '--summary', 'step-2.json'], io)).toBe(0);
    await expect(calibrate.run([...argv, '--merge', 'step-2.json', '--next', 'x.json'], io)).rejects.toThrow('step-2.json is a shard of step 2, but this merge is of step 1');
    await expect(calibrate.run([...study('smc', 'other'), '--state', 'state-2.json', '--merge', 'step-2.json', '--next', 'x.json'], io)).rejects.toThrow('state-2.json is the state of a different calibration (it differs in seed)');
    await expect(calibrate.run([...argv, '--state', 'state-2.json', '--merge', 'step-2.json'], io)).rejects.toThrow('--merge needs --next FILE');
    await expect(calibrate.run([...argv, '--shard', '1/2'], io)).rejects.toThrow('needs --summary FILE');
    await expect(calibrate.run([...argv, '--state', 'state-2.json'], io)).rejects.toThrow('--state is for the steps of a sharded calibration');
    await expect(calibrate.run([...argv, '--shard', '1/2', '--merge', 'step-1.json'], io)).rejects.toThrow('give one of them');
    await expect(calibrate.run([...argv, '--shard', 'auto', '--summary', 'p.json'], fakeIO())).rejects.toThrow('no job-array index in the environment');
    await expect(calibrate.run([...argv, '--merge', 'state-2.json', '--next', 'x.json'], io)).rejects.toThrow('state-2.json is not a shard of a calibration step');
  }, 60_000);
});
