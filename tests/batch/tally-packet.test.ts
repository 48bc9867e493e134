import { describe, expect, it } from 'vitest';
import { compile, deriveRunSeed, runOnce } from '../../src/engine/index.ts';
import { Aggregate, ChunkRunner, mergePacket, packTally, type BatchJob } from '../../src/batch/index.ts';
import { metricReader, probeMetricNames } from '../../src/batch/metrics.ts';
import { packetBuffers } from '../../src/batch/tally-packet.ts';
import { loadBundled } from '../engine/helpers.ts';

function job(file: string, runs: number, chunkSize: number): BatchJob {
  const scenario = loadBundled(file);
  const metrics = probeMetricNames(compile(scenario, {}), 'packet:0');
  return { scenario, scenarioFile: file, seed: 'packet', runs, chunkSize, set: {}, sweeps: [], variationCount: 1, metrics, csv: false };
}

/** The tally made by adding every run to one aggregate, with no chunks and no packets. */
function directTally(j: BatchJob): ReturnType<Aggregate['toData']> {
  const model = compile(j.scenario, {});
  const aggregate = new Aggregate(j.metrics);
  const readers = j.metrics.map(metricReader);
  for (let i = 0; i < j.runs; i++) aggregate.add(runOnce(model, { seed: deriveRunSeed(j.seed, i), trace: false }).outcome, readers);
  return aggregate.toData();
}

describe('a chunk tally as a worker sends it', () => {
  for (const file of ['doha-60-day-draft.yaml', 'buffer-zone-talks.yaml']) {
    it(`folds into the same tally as adding each run (${file}, 7 chunks, the last short)`, () => {
      const j = job(file, 650, 100);
      const runner = new ChunkRunner(j);
      const folded = new Aggregate(j.metrics);
      for (let k = 6; k >= 0; k--) mergePacket(folded, runner.run(k).tally);
      expect(folded.runs).toBe(650);
      expect(folded.toData()).toEqual(directTally(j));
    });
  }

  it('holds its histograms in buffers that can be handed over (transferred) and still merge the same', () => {
    const j = job('doha-60-day-draft.yaml', 200, 200);
    const packet = new ChunkRunner(j).run(0).tally;
    const copy = structuredClone(packet);
    const moved = structuredClone(packet, { transfer: packetBuffers(packet) });
    expect(packet.metrics[0]!.length).toBe(0);
    const a = new Aggregate(j.metrics);
    const b = new Aggregate(j.metrics);
    mergePacket(a, copy);
    mergePacket(b, moved);
    expect(b.toData()).toEqual(a.toData());
    expect(b.toData()).toEqual(directTally(j));
  });

  it('packs an aggregate and merges it back exactly, counts and all', () => {
    const aggregate = new Aggregate(['x']);
    aggregate.runs = 3;
    aggregate.outcomes.set('advanced', 2).set('collapsed', 1);
    aggregate.causes.set('collapsed', new Map([['incident', 1]]));
    aggregate.endDays.set(60, 2).set(4, 1);
    aggregate.collapseDays.set(4, 1);
    aggregate.metrics[0]!.set(0.5, 2).set(-1, 1);
    const twice = new Aggregate(['x']);
    mergePacket(twice, packTally(aggregate));
    mergePacket(twice, packTally(aggregate));
    expect(twice.toData()).toEqual({ runs: 6, outcomes: { advanced: 4, collapsed: 2 }, causes: { collapsed: { incident: 2 } }, endDays: [[4, 2], [60, 4]], collapseDays: [[4, 2]], metrics: { x: [[-1, 2], [0.5, 4]] } });
  });

  it('refuses a tally of other metrics rather than mixing columns', () => {
    expect(() => mergePacket(new Aggregate(['a', 'b']), packTally(new Aggregate(['a'])))).toThrow(/1 metrics cannot be merged into one of 2/);
  });
});
