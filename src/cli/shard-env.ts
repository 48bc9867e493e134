/**
 * `--shard I/N`, `--shard auto` and `--shard auto/N`: which shard this process runs. `auto` reads
 * the index (and, where the scheduler gives it, the count) from a job array's environment:
 *
 * | scheduler        | index                                   | count                                   |
 * | ---------------- | --------------------------------------- | --------------------------------------- |
 * | Slurm            | SLURM_ARRAY_TASK_ID, the shard number 1…N | SLURM_ARRAY_TASK_COUNT when the array is exactly 1-N |
 * | Kubernetes       | JOB_COMPLETION_INDEX, 0…N−1             | none: give it (`auto/N` or PARLEY_SHARD_COUNT) |
 * | AWS Batch        | AWS_BATCH_JOB_ARRAY_INDEX, 0…N−1        | AWS_BATCH_JOB_ARRAY_SIZE                |
 * | Cloud Run        | CLOUD_RUN_TASK_INDEX, 0…N−1             | CLOUD_RUN_TASK_COUNT                    |
 *
 * A count given by `auto/N` or PARLEY_SHARD_COUNT must agree with the scheduler's; one given is
 * what lets a re-submitted Slurm task (`sbatch --array=3`, an array of one) still be shard 3 of N.
 */
import { parseShard, type Shard } from '../batch/index.ts';
import { UserError } from './user-error.ts';

export type Environment = Readonly<Record<string, string | undefined>>;

/** `--shard auto` could not tell the shard; the CLI exits with EXIT.shardUnknown. */
export class ShardEnvironmentError extends UserError {
  constructor(message: string) {
    super(message, 'docs/cluster.md lists what each scheduler sets; outside a job array give the shard yourself: --shard I/N');
    this.name = 'ShardEnvironmentError';
  }
}

interface Detected {
  scheduler: string;
  /** 1-based. */
  index: number;
  count?: number;
  /** How the index was read, for messages: `SLURM_ARRAY_TASK_ID=3`. */
  source: string;
}

const wholeNumber = (text: string | undefined) => (text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : undefined);

function readNumber(env: Environment, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const n = wholeNumber(text);
  if (n === undefined) throw new ShardEnvironmentError(`--shard auto: ${name} is \`${text}\`, not a whole number, so the shard cannot be told.`);
  return n;
}

function slurm(env: Environment): Detected | undefined {
  const id = readNumber(env, 'SLURM_ARRAY_TASK_ID');
  if (id === undefined) return undefined;
  const min = readNumber(env, 'SLURM_ARRAY_TASK_MIN');
  const max = readNumber(env, 'SLURM_ARRAY_TASK_MAX');
  const count = readNumber(env, 'SLURM_ARRAY_TASK_COUNT');
  const step = readNumber(env, 'SLURM_ARRAY_TASK_STEP') ?? 1;
  // Only an array that is exactly 1-N says N; a re-submitted task or a stepped array says nothing about it.
  const whole = min === 1 && max !== undefined && count === max && step === 1;
  return { scheduler: 'Slurm', index: id, count: whole ? count : undefined, source: `SLURM_ARRAY_TASK_ID=${id}` + (min !== undefined && max !== undefined ? ` (array ${min}-${max}${step === 1 ? '' : `:${step}`}, ${count ?? '?'} tasks)` : '') };
}

function zeroBased(env: Environment, scheduler: string, indexName: string, countName?: string): Detected | undefined {
  const index = readNumber(env, indexName);
  if (index === undefined) return undefined;
  const count = countName ? readNumber(env, countName) : undefined;
  return { scheduler, index: index + 1, count, source: `${indexName}=${index}${count !== undefined ? ` and ${countName}=${count}` : ''}` };
}

function detect(env: Environment): Detected[] {
  return [
    slurm(env),
    zeroBased(env, 'Kubernetes', 'JOB_COMPLETION_INDEX'),
    zeroBased(env, 'AWS Batch', 'AWS_BATCH_JOB_ARRAY_INDEX', 'AWS_BATCH_JOB_ARRAY_SIZE'),
    zeroBased(env, 'Cloud Run', 'CLOUD_RUN_TASK_INDEX', 'CLOUD_RUN_TASK_COUNT'),
  ].filter((d): d is Detected => d !== undefined);
}

/** The count given by `auto/N` and PARLEY_SHARD_COUNT (which must agree when both are given). */
function givenCount(text: string, env: Environment): { count: number; source: string } | undefined {
  const fromFlag = /^auto\/(.*)$/.exec(text)?.[1];
  const flag = fromFlag === undefined ? undefined : wholeNumber(fromFlag);
  if (fromFlag !== undefined && (flag === undefined || flag < 1)) throw new ShardEnvironmentError(`--shard ${text}: the count after auto/ must be a whole number ≥ 1.`);
  const envCount = readNumber(env, 'PARLEY_SHARD_COUNT');
  if (envCount !== undefined && envCount < 1) throw new ShardEnvironmentError('--shard auto: PARLEY_SHARD_COUNT is 0; it must be the number of shards, ≥ 1.');
  if (flag !== undefined && envCount !== undefined && flag !== envCount) throw new ShardEnvironmentError(`--shard ${text} says ${flag} shards but PARLEY_SHARD_COUNT=${envCount}; give the count once, or the same in both.`);
  if (flag !== undefined) return { count: flag, source: `--shard ${text}` };
  if (envCount !== undefined) return { count: envCount, source: `PARLEY_SHARD_COUNT=${envCount}` };
  return undefined;
}

/** `--shard` as given (undefined: no sharding) → the shard this process runs. */
export function resolveShard(text: string | undefined, env: Environment): Shard | undefined {
  if (text === undefined) return undefined;
  if (text !== 'auto' && !text.startsWith('auto/')) return parseShard(text);
  const given = givenCount(text, env);
  const found = detect(env);
  if (found.length === 0) {
    throw new ShardEnvironmentError(
      `--shard ${text}: no job-array index in the environment (none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX, CLOUD_RUN_TASK_INDEX is set), so this process cannot tell which shard it is. ` +
        'Run it as a task of a job array, or give the shard yourself with --shard I/N.',
    );
  }
  if (found.length > 1) {
    throw new ShardEnvironmentError(`--shard ${text}: the environment has the task index of more than one scheduler (${found.map((d) => `${d.scheduler}: ${d.source}`).join('; ')}), so it cannot tell which one runs this task. Unset the others or give --shard I/N.`);
  }
  const task = found[0]!;
  if (task.count !== undefined && given !== undefined && task.count !== given.count) {
    throw new ShardEnvironmentError(`--shard ${text}: ${task.scheduler} runs ${task.count} tasks (${task.source}) but ${given.source} says ${given.count} shards. Make the array and the count agree, or every shard would run the wrong part.`);
  }
  const count = given?.count ?? task.count;
  if (count === undefined) {
    const why = task.scheduler === 'Slurm' ? `this array is not exactly 1-N (${task.source}), as when one task is re-submitted, so it does not say how many shards there are` : `${task.scheduler} does not say how many tasks there are`;
    throw new ShardEnvironmentError(`--shard ${text}: ${why}. Give the count: --shard auto/N or PARLEY_SHARD_COUNT=N (N = the number of shards of the whole study).`);
  }
  if (task.index < 1 || task.index > count) {
    const numbering = task.scheduler === 'Slurm' ? 'Slurm task ids are the shard numbers 1…N: submit with --array=1-N' : `${task.scheduler} indices count 0…N−1`;
    throw new ShardEnvironmentError(`--shard ${text}: ${task.source} is not a shard among ${count} (${numbering}).`);
  }
  return { index: task.index, count };
}
