/** `--shard auto`: each scheduler's job-array variables → the shard, and a clear exit 5 when they cannot say. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { resolveShard, ShardEnvironmentError, type Environment } from '../../src/cli/shard-env.ts';
import { DOHA, fakeIO } from '../batch/helpers.ts';

const shard = (text: string, env: Environment) => resolveShard(text, env);
const refused = (text: string, env: Environment) => {
  try {
    resolveShard(text, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ShardEnvironmentError);
    return (error as Error).message;
  }
  throw new Error(`--shard ${text} was accepted`);
};

const slurmArray = (id: number, min: number, max: number, extra: Environment = {}): Environment => ({
  SLURM_ARRAY_TASK_ID: String(id),
  SLURM_ARRAY_TASK_MIN: String(min),
  SLURM_ARRAY_TASK_MAX: String(max),
  SLURM_ARRAY_TASK_COUNT: String(max - min + 1),
  SLURM_ARRAY_TASK_STEP: '1',
  ...extra,
});

describe('--shard I/N is unchanged', () => {
  it('reads I/N and ignores the environment', () => {
    expect(shard('2/5', slurmArray(3, 1, 4))).toEqual({ index: 2, count: 5 });
    expect(resolveShard(undefined, slurmArray(3, 1, 4))).toBeUndefined();
  });
});

describe('Slurm', () => {
  it('an array 1-N: the task id is the shard, the task count is N', () => {
    expect(shard('auto', slurmArray(3, 1, 4))).toEqual({ index: 3, count: 4 });
    expect(shard('auto', slurmArray(20, 1, 20))).toEqual({ index: 20, count: 20 });
  });
  it('a re-submitted task (an array of one) needs the count, from auto/N or PARLEY_SHARD_COUNT', () => {
    expect(refused('auto', slurmArray(3, 3, 3))).toMatch(/not exactly 1-N .*SLURM_ARRAY_TASK_ID=3 \(array 3-3, 1 tasks\).*--shard auto\/N or PARLEY_SHARD_COUNT=N/);
    expect(shard('auto/4', slurmArray(3, 3, 3))).toEqual({ index: 3, count: 4 });
    expect(shard('auto', slurmArray(3, 3, 3, { PARLEY_SHARD_COUNT: '4' }))).toEqual({ index: 3, count: 4 });
  });
  it('a count that disagrees with the whole array is refused', () => {
    expect(refused('auto/5', slurmArray(3, 1, 4))).toMatch(/Slurm runs 4 tasks .* but --shard auto\/5 says 5 shards/);
    expect(refused('auto', slurmArray(3, 1, 4, { PARLEY_SHARD_COUNT: '8' }))).toMatch(/but PARLEY_SHARD_COUNT=8 says 8 shards/);
  });
  it('a 0-based array or a task beyond the count is refused, naming the numbering', () => {
    expect(refused('auto/4', slurmArray(0, 0, 3))).toMatch(/SLURM_ARRAY_TASK_ID=0 .*is not a shard among 4 \(Slurm task ids are the shard numbers 1…N: submit with --array=1-N\)/);
    expect(refused('auto', slurmArray(0, 0, 3))).toMatch(/not exactly 1-N/);
    expect(refused('auto/4', slurmArray(5, 5, 5))).toMatch(/is not a shard among 4/);
  });
  it('a stepped array does not give the count', () => {
    expect(refused('auto', slurmArray(3, 1, 3, { SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '2' }))).toMatch(/not exactly 1-N/);
  });
});

describe('Kubernetes Indexed Job', () => {
  it('JOB_COMPLETION_INDEX counts from 0; the count is given', () => {
    expect(shard('auto/8', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 8 });
    expect(shard('auto', { JOB_COMPLETION_INDEX: '7', PARLEY_SHARD_COUNT: '8' })).toEqual({ index: 8, count: 8 });
  });
  it('without a count it says so; an index past it is refused', () => {
    expect(refused('auto', { JOB_COMPLETION_INDEX: '2' })).toMatch(/Kubernetes does not say how many tasks there are\. Give the count/);
    expect(refused('auto/8', { JOB_COMPLETION_INDEX: '8' })).toMatch(/JOB_COMPLETION_INDEX=8 is not a shard among 8 \(Kubernetes indices count 0…N−1\)/);
  });
});

describe('AWS Batch', () => {
  it('AWS_BATCH_JOB_ARRAY_INDEX from 0 with AWS_BATCH_JOB_ARRAY_SIZE', () => {
    expect(shard('auto', { AWS_BATCH_JOB_ARRAY_INDEX: '4', AWS_BATCH_JOB_ARRAY_SIZE: '10' })).toEqual({ index: 5, count: 10 });
    expect(shard('auto/10', { AWS_BATCH_JOB_ARRAY_INDEX: '4' })).toEqual({ index: 5, count: 10 });
    expect(refused('auto/12', { AWS_BATCH_JOB_ARRAY_INDEX: '4', AWS_BATCH_JOB_ARRAY_SIZE: '10' })).toMatch(/AWS Batch runs 10 tasks/);
  });
});

describe('Cloud Run jobs', () => {
  it('CLOUD_RUN_TASK_INDEX from 0 with CLOUD_RUN_TASK_COUNT', () => {
    expect(shard('auto', { CLOUD_RUN_TASK_INDEX: '0', CLOUD_RUN_TASK_COUNT: '3' })).toEqual({ index: 1, count: 3 });
    expect(refused('auto', { CLOUD_RUN_TASK_INDEX: '3', CLOUD_RUN_TASK_COUNT: '3' })).toMatch(/CLOUD_RUN_TASK_INDEX=3 and CLOUD_RUN_TASK_COUNT=3 is not a shard among 3/);
  });
});

describe('when it cannot tell', () => {
  it('no scheduler, two schedulers, a value that is not a number, two counts', () => {
    expect(refused('auto', {})).toMatch(/no job-array index in the environment/);
    expect(refused('auto', { ...slurmArray(1, 1, 2), CLOUD_RUN_TASK_INDEX: '0', CLOUD_RUN_TASK_COUNT: '2' })).toMatch(/more than one scheduler \(Slurm: .*; Cloud Run: .*\)/);
    expect(refused('auto', { JOB_COMPLETION_INDEX: 'x', PARLEY_SHARD_COUNT: '2' })).toMatch(/JOB_COMPLETION_INDEX is `x`, not a whole number/);
    expect(refused('auto/4', { JOB_COMPLETION_INDEX: '1', PARLEY_SHARD_COUNT: '5' })).toMatch(/--shard auto\/4 says 4 shards but PARLEY_SHARD_COUNT=5/);
    expect(refused('auto/0', { JOB_COMPLETION_INDEX: '1' })).toMatch(/whole number ≥ 1/);
  });

  it('the CLI: exit 5, one message with a hint, nothing run', async () => {
    const io = fakeIO();
    expect(await runCli(['batch', DOHA, '--runs', '20', '--workers', '1', '--shard', 'auto', '--summary', 's.json'], io)).toBe(EXIT.shardUnknown);
    expect(io.err).toMatch(/^parley batch: --shard auto: no job-array index in the environment .*\n {2}hint: docs\/cluster\.md .*--shard I\/N\n$/);
    expect(io.files.has('s.json')).toBe(false);
  });

  it('the CLI under a Slurm array runs the shard it names, for batch and explore', async () => {
    const env = slurmArray(2, 1, 2);
    const batch = Object.assign(fakeIO(), { env });
    expect(await runCli(['batch', DOHA, '--runs', '20', '--workers', '1', '--shard', 'auto', '--summary', 's.json'], batch)).toBe(0);
    expect(JSON.parse(batch.files.get('s.json')!).shard).toBe('2/2');
    const explore = Object.assign(fakeIO(), { env });
    expect(await runCli(['explore', DOHA, '--method', 'lhs', '--vary', 'clash-rate=0:0.1', '--samples', '4', '--runs', '5', '--workers', '1', '--shard', 'auto', '--summary', 'e.json'], explore)).toBe(0);
    expect(JSON.parse(explore.files.get('e.json')!).shard).toBe('2/2');
  });
});

describe('calibrate', () => {
  it('shards its steps like batch and explore: --shard auto outside a job array is exit 5 with the same message', async () => {
    const io = fakeIO();
    expect(await runCli(['calibrate', DOHA, '--free', 'clash-rate', '--shard', 'auto', '--summary', 'part.json'], io)).toBe(EXIT.shardUnknown);
    expect(io.err).toMatch(/^parley calibrate: --shard auto: no job-array index in the environment/);
    expect(io.files.has('part.json')).toBe(false);
  });
});
