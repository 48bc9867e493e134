/**
 * The recipes in deploy/ (docs/cluster.md) as far as they run without their scheduler: the Slurm
 * scripts under a job array's variables, the Kubernetes pod command under sh, and the counts each
 * file repeats agreeing with each other. (npm run test:cluster runs the Slurm ones on Slurm.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveShard } from '../../src/cli/shard-env.ts';
import { DOHA } from '../batch/helpers.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-deploy-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const slurmTask = (id: number, count: number) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  PARLEY: `${process.execPath} bin/parley.mjs`,
  SLURM_ARRAY_TASK_ID: String(id),
  SLURM_ARRAY_TASK_MIN: String(id),
  SLURM_ARRAY_TASK_MAX: String(id),
  SLURM_ARRAY_TASK_COUNT: '1',
  SLURM_CPUS_PER_TASK: '1',
  PARLEY_SHARD_COUNT: String(count),
});

describe('deploy/slurm', () => {
  it('a re-submitted task runs its own shard into OUT/shard-I.json; the merge job fails naming the shard still missing', () => {
    const task = spawnSync('bash', ['deploy/slurm/parley-shard.sbatch', dir, 'batch', DOHA, '--runs', '1000', '--chunk-size', '100'], { env: slurmTask(2, 2), encoding: 'utf8', timeout: 60_000 });
    expect(task.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'shard-2.json'), 'utf8')).shard).toBe('2/2');
    const merge = spawnSync('bash', ['deploy/slurm/parley-merge.sbatch', dir, '2'], { env: slurmTask(1, 2), encoding: 'utf8', timeout: 60_000 });
    expect(merge.status).toBe(1);
    expect(merge.stderr).toContain('parley merge: missing: shard 1/2 is in none of these files (500 runs)');
    expect(merge.stderr).toContain(`--shard 1/2 --summary ${dir}/shard-1.json`);
    expect(existsSync(join(dir, 'merged.json'))).toBe(true);
  }, 60_000);

  it('submit.sh refuses a command line without --shards, --out or the study', () => {
    const r = spawnSync('bash', ['deploy/slurm/submit.sh', '--out', dir, '--', 'batch', DOHA], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^usage: submit.sh --shards N --out DIR/);
  });
});

describe('deploy/slurm calibration', () => {
  const study = ['calibrate', DOHA, '--free', 'clash-rate', '--targets', 'docs/base-rates.targets.yaml#cf-fixed-gt30-collapse', '--method', 'rejection', '--population', '8', '--runs', '20', '--seed', 'deploy'];

  it('a step task writes OUT/step-K/shard-I.json; the step merge job fails naming the shard still missing and the calibrate.sh retry', () => {
    const task = spawnSync('bash', ['deploy/slurm/parley-calibrate-step.sbatch', dir, '1', ...study], { env: slurmTask(2, 2), encoding: 'utf8', timeout: 60_000 });
    expect(task.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'step-1', 'shard-2.json'), 'utf8'))).toMatchObject({ format: 'parley-calibration-part/1', step: 1, shard: '2/2', partial: false });
    const merge = spawnSync('bash', ['deploy/slurm/parley-calibrate-merge.sbatch', 'deploy/slurm', dir, '2', '1', '', ...study], { env: slurmTask(1, 2), encoding: 'utf8', timeout: 60_000 });
    expect(merge.status).toBe(1);
    expect(merge.stderr).toContain('parley calibrate: missing: shard 1/2 is in none of these files (80 runs)');
    expect(merge.stderr).toContain(`--shard 1/2 --summary ${dir}/step-1/shard-1.json`);
    expect(merge.stderr).toContain('the same calibrate.sh command with --step 1 --retry 1');
    expect(existsSync(join(dir, 'state-2.json')) || existsSync(join(dir, 'calibration.json'))).toBe(false);
  }, 60_000);

  it('calibrate.sh refuses what is not a calibrate command, and a step whose state is not there', () => {
    const usage = spawnSync('bash', ['deploy/slurm/calibrate.sh', '--shards', '2', '--out', dir, '--', 'explore', DOHA], { encoding: 'utf8' });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/^usage: calibrate.sh --shards N --out DIR \[--step K\]/);
    const noState = spawnSync('bash', ['deploy/slurm/calibrate.sh', '--shards', '2', '--out', dir, '--step', '3', '--', ...study], { encoding: 'utf8' });
    expect(noState.status).toBe(1);
    expect(noState.stderr).toContain(`step 3 runs from ${dir}/state-3.json, which does not exist (the merge of step 2 writes it)`);
  });
});

describe('deploy/kubernetes', () => {
  const shards = parse(readFileSync('deploy/kubernetes/shards-job.yaml', 'utf8'));
  const merge = parse(readFileSync('deploy/kubernetes/merge-job.yaml', 'utf8'));
  const container = shards.spec.template.spec.containers[0];
  const count = Number(container.env.find((e: { name: string }) => e.name === 'PARLEY_SHARD_COUNT').value);

  it('an Indexed Job whose completions equal PARLEY_SHARD_COUNT, as in the merge job', () => {
    expect(shards.spec.completionMode).toBe('Indexed');
    expect(shards.spec.completions).toBe(count);
    expect(merge.spec.template.spec.containers[0].env).toEqual([{ name: 'PARLEY_SHARD_COUNT', value: String(count) }]);
  });

  it('pod index 0 … N−1 writes shard-1 … shard-N.json, and --shard auto makes it that shard', () => {
    const script = (container.args[0] as string).replace(/^exec parley/, 'parley');
    for (const index of [0, count - 1]) {
      const env = { PATH: process.env.PATH, JOB_COMPLETION_INDEX: String(index), PARLEY_SHARD_COUNT: String(count) };
      const r = spawnSync('sh', ['-c', `parley() { printf '%s\\n' "$@"; }; ${script}`], { env, encoding: 'utf8' });
      const argv = r.stdout.trim().split('\n');
      expect(argv.slice(argv.indexOf('--summary'), argv.indexOf('--summary') + 2)).toEqual(['--summary', `/out/shard-${index + 1}.json`]);
      expect(resolveShard(argv[argv.indexOf('--shard') + 1], env)).toEqual({ index: index + 1, count });
    }
  });
});

describe('deploy/github-actions', () => {
  it('the matrix lists shards 1…N for the N in --shard', () => {
    const workflow = parse(readFileSync('deploy/github-actions/parley-shards.yml', 'utf8'));
    const steps = workflow.jobs.shard.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    const n = Number(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(steps)![1]);
    expect(workflow.jobs.shard.strategy.matrix.shard).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(workflow.jobs.merge.needs).toBe('shard');
  });
});
