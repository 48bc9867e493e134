/**
 * A chunk's tally as a worker sends it to the pool: each histogram packed into one Float64Array
 * of interleaved [value, count, value, count, …], unsorted (merging is order-free).
 *
 * The summary's form (AggregateData) holds a histogram as [value, count] pairs: for a metric with
 * many distinct values (the 60-day draft's aid trucks, about 490 in a chunk of 500 runs) that is
 * hundreds of small arrays a chunk, which the structured clone copies one by one and the main
 * thread then collects as garbage, on the core the other worker needs. A typed array is one copy.
 */
import { bump, type Aggregate } from './aggregate.ts';
import { TalksTally, type TalksTallyData } from './talks-tally.ts';

export interface TallyPacket {
  runs: number;
  /** [result, count] pairs. */
  outcomes: [string, number][];
  /** [result, cause, count] triples. */
  causes: [string, string, number][];
  endDays: Float64Array;
  collapseDays: Float64Array;
  /** One packed histogram per metric, in the aggregate's metric order. */
  metrics: Float64Array[];
  talks?: TalksTallyData;
}

function pack(histogram: Map<number, number>): Float64Array {
  const packed = new Float64Array(histogram.size * 2);
  let i = 0;
  for (const [value, count] of histogram) {
    packed[i++] = value;
    packed[i++] = count;
  }
  return packed;
}

function unpackInto(histogram: Map<number, number>, packed: Float64Array): void {
  for (let i = 0; i < packed.length; i += 2) bump(histogram, packed[i]!, packed[i + 1]!);
}

export function packTally(aggregate: Aggregate): TallyPacket {
  const causes: [string, string, number][] = [];
  for (const [result, byCause] of aggregate.causes) for (const [cause, n] of byCause) causes.push([result, cause, n]);
  return {
    runs: aggregate.runs,
    outcomes: [...aggregate.outcomes],
    causes,
    endDays: pack(aggregate.endDays),
    collapseDays: pack(aggregate.collapseDays),
    metrics: aggregate.metrics.map(pack),
    ...(aggregate.talks ? { talks: aggregate.talks.toData() } : {}),
  };
}

/** The packet's buffers, to hand over with postMessage instead of copying them. */
export function packetBuffers(packet: TallyPacket): ArrayBuffer[] {
  return [packet.endDays, packet.collapseDays, ...packet.metrics].map((a) => a.buffer as ArrayBuffer);
}

/** Folds a packet from a worker that ran the same metrics into `aggregate`. */
export function mergePacket(aggregate: Aggregate, packet: TallyPacket): void {
  if (packet.metrics.length !== aggregate.metrics.length) throw new Error(`a tally of ${packet.metrics.length} metrics cannot be merged into one of ${aggregate.metrics.length}`);
  aggregate.runs += packet.runs;
  for (const [result, n] of packet.outcomes) bump(aggregate.outcomes, result, n);
  for (const [result, cause, n] of packet.causes) aggregate.countCause(result, cause, n);
  unpackInto(aggregate.endDays, packet.endDays);
  unpackInto(aggregate.collapseDays, packet.collapseDays);
  packet.metrics.forEach((packed, i) => unpackInto(aggregate.metrics[i]!, packed));
  if (packet.talks) (aggregate.talks ??= new TalksTally()).merge(packet.talks);
}
