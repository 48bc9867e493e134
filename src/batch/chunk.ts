/**
 * Running one chunk: the pure work a worker (or the calling thread) does. Runs are folded into a
 * tally as they finish and dropped; no trace is built. CSV rows, when asked for, are one string.
 */
import { deriveRunSeed, runOnce, type Model } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { Aggregate } from './aggregate.ts';
import { csvField } from './csv.ts';
import { variationOverrides, type Experiment, type ReplayOptions } from './experiment.ts';
import { dateOfDay } from '../scenario/index.ts';
import { metricReader, type MetricReader } from './metrics.ts';
import { ModelCache } from './model-cache.ts';
import { chunkAt, type ChunkPlan } from './plan.ts';
import type { Sweep } from './sweep.ts';
import { packTally, type TallyPacket } from './tally-packet.ts';

/** Everything a worker needs, as structured-cloneable data. */
export interface BatchJob {
  /** The validated scenario, as plain data: workers compile it without parsing YAML again. */
  scenario: Scenario;
  scenarioFile: string;
  seed: string;
  runs: number;
  chunkSize: number;
  set: Record<string, number>;
  sweeps: Sweep[];
  variationCount: number;
  metrics: string[];
  csv: boolean;
  replay?: ReplayOptions;
  /** Design points, when the variations are not a grid (see Experiment.points). */
  points?: Record<string, number>[];
}

export interface ChunkResult {
  chunk: number;
  variation: number;
  tally: TallyPacket;
  /** The chunk's CSV rows (no header), in run order; only when the job asks for CSV. */
  csv?: string;
}

export function jobOf(experiment: Experiment, csv: boolean): BatchJob {
  return {
    scenario: experiment.scenario,
    scenarioFile: experiment.scenarioFile,
    seed: experiment.seed,
    runs: experiment.runs,
    chunkSize: experiment.chunkSize,
    set: experiment.set,
    sweeps: experiment.sweeps,
    variationCount: experiment.variationCount,
    metrics: experiment.metrics,
    csv,
    ...(Object.keys(experiment.replay).length ? { replay: experiment.replay } : {}),
    ...(experiment.points ? { points: experiment.points } : {}),
  };
}

export class ChunkRunner {
  private readonly scenario: Scenario;
  private readonly readers: MetricReader[];
  private readonly plan: ChunkPlan;
  private readonly modelFor: (overrides: Readonly<Record<string, number>>) => Model;
  private readonly values: number[];

  /** `models`: a worker's models kept from earlier jobs (web-pool.ts); by default this job's own. */
  constructor(private readonly job: BatchJob, models: ModelCache = new ModelCache()) {
    this.modelFor = models.modelsOf(job.scenario);
    this.scenario = job.scenario;
    this.readers = job.metrics.map(metricReader);
    this.values = job.metrics.map(() => 0);
    this.plan = { variationCount: job.variationCount, runs: job.runs, chunkSize: job.chunkSize };
  }

  private model(variation: number): Model {
    return this.modelFor(variationOverrides(this.job, variation));
  }

  run(chunkIndex: number): ChunkResult {
    const chunk = chunkAt(this.plan, chunkIndex);
    const model = this.model(chunk.variation);
    const aggregate = new Aggregate(this.job.metrics);
    const rows: string[] | undefined = this.job.csv ? [] : undefined;
    const prefix = rows ? `${[chunk.variation, ...Object.values(variationOverrides(this.job, chunk.variation))].join(',')},` : '';
    const values = this.values;
    for (let i = chunk.start; i < chunk.end; i++) {
      const seed = deriveRunSeed(this.job.seed, i);
      let outcome;
      try {
        outcome = runOnce(model, { seed, trace: false, ...this.job.replay }).outcome;
      } catch (error) {
        const swept = Object.entries(variationOverrides(this.job, chunk.variation)).map(([k, v]) => ` --set ${k}=${v}`).join('');
        throw new Error(`run ${i} of variation ${chunk.variation} failed (replay: parley run ${this.job.scenarioFile} --seed "${seed}"${swept}): ${(error as Error).message}`);
      }
      aggregate.add(outcome, this.readers, rows ? values : undefined);
      if (rows) {
        const endDate = this.scenario.start !== undefined ? `${dateOfDay(this.scenario.start, outcome.day)},` : '';
        rows.push(`${prefix}${i},${csvField(seed)},${outcome.result},${outcome.day},${endDate}${csvField(outcome.cause ?? '')},${values.join(',')}\n`);
      }
    }
    return { chunk: chunkIndex, variation: chunk.variation, tally: packTally(aggregate), csv: rows?.join('') };
  }
}
