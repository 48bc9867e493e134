/**
 * Summaries check themselves, so `parley merge` never adds up a file that was edited by hand,
 * cut short or forged. A summary written to a file carries `check.sha256`: SHA-256 of a canonical
 * serialisation of everything merge relies on (the experiment, the coverage and every tally).
 * The hash itself is computed by the caller (Node's crypto in the CLI) through `Hasher`; this
 * file says what is hashed and which counts must add up:
 *
 * - the experiment fields are all there, with the right types;
 * - coverage: chunk ranges sorted, disjoint, inside the experiment (and inside the shard's own
 *   range for a shard), and `runs`/`of`/`chunks` equal what those ranges hold;
 * - per variation: its runs equal the runs of its chunks in the coverage; outcomes, end days and
 *   each metric histogram add up to its runs, collapse days to its collapses, causes to no more
 *   than their outcome; every count a whole number ≥ 0;
 * - the digest matches.
 *
 * The digest catches edits and damage, not a forger who recomputes it: it is a check, not a
 * signature.
 */
import type { AggregateData } from './aggregate.ts';
import { talksTallyProblem } from './talks-tally.ts';
import { ExperimentError } from './errors.ts';
import { chunkAt, chunkCount, parseShard, runsIn, shardChunks, type ChunkPlan } from './plan.ts';
import { SUMMARY_FORMAT, type Summary } from './summary.ts';

/** Incremental SHA-256 (e.g. `createHash('sha256')` from node:crypto). */
export interface Hasher {
  update(text: string): unknown;
  digest(encoding: 'hex'): string;
}

export const CHECK_NOTE = 'sha256 of the canonical JSON of format, parley, scenario, seed, runsPerVariation, set, params, sweeps, metric, metrics, chunkSize, variationCount, shard, partial, coverage and every variation\'s tally; parley merge refuses a file whose digest or counts do not add up';

/** Feeds the canonical serialisation of what merge relies on into `hash` and returns the hex digest. */
export function tallyDigest(summary: Summary, hash: Hasher): string {
  const head = [
    summary.format, summary.parley, summary.scenario, summary.seed, summary.runsPerVariation, summary.set, summary.params,
    summary.sweeps, summary.metric, summary.metrics, summary.chunkSize, summary.variationCount, summary.shard ?? null, summary.partial, summary.coverage,
  ];
  hash.update(JSON.stringify(head));
  for (const v of summary.variations) hash.update(`\n${JSON.stringify(canonicalTally(v.tally))}`);
  return hash.digest('hex');
}

/** A tally with its keys in one order, whatever order a file gives them in. */
function canonicalTally(t: AggregateData): unknown[] {
  const sorted = (r: Record<string, unknown>) => Object.keys(r).sort().map((k) => [k, r[k]]);
  const base = [t.runs, sorted(t.outcomes), Object.keys(t.causes).sort().map((k) => [k, sorted(t.causes[k]!)]), t.endDays, t.collapseDays, sorted(t.metrics)];
  return t.talks ? [...base, [t.talks.deals, t.talks.heldAfterDeal, t.talks.dealRounds, sorted(t.talks.terms), sorted(t.talks.heldTerms)]] : base;
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** Stops the check with a message about the file. */
type Refuse = (what: string) => never;

/** The fields every summary has: name, test, and what the test wants (for the message). */
const FIELDS: [string, (x: unknown) => boolean, string][] = [
  ['parley', (x) => typeof x === 'string', 'text'],
  ['scenario', (x) => isObject(x) && typeof x.id === 'string' && typeof x.title === 'string' && typeof x.sha256 === 'string', 'an object with id, title and sha256'],
  ['seed', (x) => typeof x === 'string', 'text'],
  ['seedRule', (x) => typeof x === 'string', 'text'],
  ['runsPerVariation', (x) => isCount(x) && x > 0, 'a whole number ≥ 1'],
  ['set', (x) => isObject(x) && Object.values(x).every((v) => typeof v === 'number'), 'parameter values'],
  ['params', (x) => isObject(x) && Object.values(x).every((v) => typeof v === 'number'), 'parameter values'],
  ['sweeps', (x) => Array.isArray(x) && x.every((w) => isObject(w) && typeof w.name === 'string' && Array.isArray(w.values) && w.values.length > 0 && w.values.every((v) => typeof v === 'number')), 'a list of {name, values}'],
  ['metric', (x) => typeof x === 'string', 'text'],
  ['metrics', (x) => Array.isArray(x) && x.every((m) => typeof m === 'string'), 'a list of names'],
  ['chunkSize', (x) => isCount(x) && x > 0, 'a whole number ≥ 1'],
  ['variationCount', (x) => isCount(x) && x > 0, 'a whole number ≥ 1'],
  ['partial', (x) => typeof x === 'boolean', 'true or false'],
  ['coverage', (x) => isObject(x) && Array.isArray(x.done) && isCount(x.chunks) && isCount(x.runs) && isCount(x.of), 'an object with chunks, done, runs, of'],
  ['variations', (x) => Array.isArray(x), 'a list'],
  ['check', (x) => isObject(x) && typeof x.sha256 === 'string', 'an object with sha256'],
];

/**
 * Checks a parsed summary file and returns it typed; any problem is an ExperimentError naming
 * the file and what does not add up. `newHasher` makes a fresh SHA-256.
 */
export function verifySummary(data: unknown, file: string, newHasher: () => Hasher): Summary {
  const hint = 'merge takes the files written by `parley batch --summary FILE.json`, unedited; run that shard again to get a good file';
  const refuse: Refuse = (what) => {
    throw new ExperimentError(`${file}: ${what}`, hint);
  };
  if (!isObject(data) || data.format !== SUMMARY_FORMAT) {
    throw new ExperimentError(`${file} is not a Parley batch summary (format ${SUMMARY_FORMAT})`, 'merge takes the files written by `parley batch --summary FILE.json`');
  }
  for (const [key, ok, what] of FIELDS) {
    if (!own(data, key)) refuse(`the field \`${key}\` is missing${key === 'check' ? ' (the file was edited, or written by an older Parley)' : ''}`);
    if (!ok(data[key])) refuse(`the field \`${key}\` should be ${what}`);
  }
  const s = data as unknown as Summary;
  const sweepProduct = s.sweeps.reduce((n, w) => n * w.values.length, 1);
  if (sweepProduct !== s.variationCount) refuse(`variationCount is ${s.variationCount} but the sweeps make ${sweepProduct} variations`);
  if (s.variations.length !== s.variationCount) refuse(`it holds ${s.variations.length} variations but variationCount is ${s.variationCount}`);

  const plan: ChunkPlan = { variationCount: s.variationCount, runs: s.runsPerVariation, chunkSize: s.chunkSize };
  checkCoverage(s, plan, refuse);
  const c = s.coverage;
  const expected = runsPerVariation(plan, c.done);
  let total = 0;
  s.variations.forEach((v, i) => {
    checkVariation(v, i, s.metrics, expected[i], refuse);
    total += v.tally.runs;
  });
  if (total !== c.runs) refuse(`the variations hold ${total} runs but coverage.runs is ${c.runs}`);
  const digest = tallyDigest(s, newHasher());
  if (s.check!.sha256 !== digest) refuse('its tallies do not match its check digest (check.sha256): the file was edited or damaged after it was written');
  return s;
}

/** The coverage: its chunk ranges sorted, disjoint, inside the experiment (or the shard), and its counts what they hold. */
function checkCoverage(s: Summary, plan: ChunkPlan, refuse: Refuse): void {
  const chunks = chunkCount(plan);
  const c = s.coverage;
  if (c.chunks !== chunks) refuse(`coverage.chunks is ${c.chunks} but the experiment has ${chunks} chunks`);
  if (c.of !== runsIn(plan, 0, chunks)) refuse(`coverage.of is ${c.of} but the experiment has ${runsIn(plan, 0, chunks)} runs`);
  let [lo, hi] = [0, chunks];
  if (s.shard !== undefined) {
    let shard;
    try {
      shard = parseShard(String(s.shard));
    } catch {
      refuse(`the field \`shard\` should look like I/N, got ${JSON.stringify(s.shard)}`);
    }
    [lo, hi] = shardChunks(plan, shard);
  }
  let previousEnd = -1;
  let coveredRuns = 0;
  for (const range of c.done as unknown[]) {
    if (!Array.isArray(range) || range.length !== 2 || !isCount(range[0]) || !isCount(range[1]) || range[0] >= range[1]) refuse(`coverage.done holds ${JSON.stringify(range)}, which is not a chunk range [from, to)`);
    const [a, b] = range as [number, number];
    if (a < previousEnd) refuse('coverage.done is not in order, or its ranges overlap');
    if (a < lo || b > hi) refuse(`coverage.done holds chunks ${a}–${b - 1}, outside ${s.shard !== undefined ? `shard ${s.shard} (chunks ${lo}–${hi - 1})` : `the experiment (chunks 0–${chunks - 1})`}`);
    previousEnd = b;
    coveredRuns += runsIn(plan, a, b);
  }
  if (c.runs !== coveredRuns) refuse(`coverage.runs is ${c.runs} but its chunk ranges hold ${coveredRuns} runs`);
}

/** One variation's tally: numbered in place, its runs what the coverage gives it, and every count adding up to them. */
function checkVariation(v: Summary['variations'][number], i: number, metrics: readonly string[], expectedRuns: number | undefined, refuse: Refuse): void {
  const where = `variation ${i}`;
  if (!isObject(v) || !isObject(v.tally)) refuse(`${where} has no tally`);
  if (v.index !== i) refuse(`${where} is numbered ${JSON.stringify(v.index)}`);
  const t = v.tally;
  if (!isCount(t.runs)) refuse(`${where}: tally.runs should be a whole number ≥ 0`);
  if (v.runs !== t.runs) refuse(`${where} says ${v.runs} runs but its tally holds ${t.runs}`);
  if (t.runs !== expectedRuns) refuse(`${where}: the tally holds ${t.runs} runs but the coverage gives it ${expectedRuns}`);
  if (!isObject(t.outcomes) || !isObject(t.causes) || !Array.isArray(t.endDays) || !Array.isArray(t.collapseDays) || !isObject(t.metrics)) refuse(`${where}: the tally is missing outcomes, causes, endDays, collapseDays or metrics`);
  const sumCounts = (counts: unknown[], what: string) =>
    counts.reduce<number>((n, x) => {
      if (!isCount(x)) refuse(`${where}: ${what} holds ${JSON.stringify(x)}, which is not a count`);
      return n + (x as number);
    }, 0);
  const sumPairs = (pairs: unknown[], what: string) =>
    sumCounts(
      pairs.map((p) => (Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && Number.isFinite(p[0]) ? p[1] : NaN)),
      what,
    );
  const outcomes = sumCounts(Object.values(t.outcomes), 'outcomes');
  if (outcomes !== t.runs) refuse(`${where}: the outcomes add up to ${outcomes} runs but the tally says ${t.runs}`);
  for (const [result, byCause] of Object.entries(t.causes)) {
    if (!isObject(byCause)) refuse(`${where}: causes of ${result} should be counts`);
    const n = sumCounts(Object.values(byCause), `causes of ${result}`);
    const of = own(t.outcomes, result) ? t.outcomes[result]! : 0;
    if (n > of) refuse(`${where}: ${n} runs have a cause for ${result}, but only ${of} runs ${result}`);
  }
  const ends = sumPairs(t.endDays, 'endDays');
  if (ends !== t.runs) refuse(`${where}: the end days add up to ${ends} runs but the tally says ${t.runs}`);
  const collapses = sumPairs(t.collapseDays, 'collapseDays');
  const collapsed = own(t.outcomes, 'collapsed') ? t.outcomes['collapsed']! : 0;
  if (collapses !== collapsed) refuse(`${where}: the collapse days add up to ${collapses} but ${collapsed} runs collapsed`);
  for (const metric of metrics) {
    const pairs = own(t.metrics, metric) ? t.metrics[metric] : t.runs === 0 ? [] : undefined;
    if (!Array.isArray(pairs)) refuse(`${where}: the tally has no histogram of the metric ${metric}`);
    const n = sumPairs(pairs as unknown[], `the metric ${metric}`);
    if (n !== t.runs) refuse(`${where}: the histogram of ${metric} adds up to ${n} runs but the tally says ${t.runs}`);
  }
  const talksProblem = own(t, 'talks') ? talksTallyProblem(t.talks, t.runs) : undefined;
  if (talksProblem) refuse(`${where}: ${talksProblem}`);
}

/** Runs each variation gets from a set of chunk ranges (arithmetic, not chunk by chunk). */
function runsPerVariation(plan: ChunkPlan, done: readonly [number, number][]): number[] {
  const V = plan.variationCount;
  const out = new Array<number>(V).fill(0);
  const lastBlock = Math.ceil(plan.runs / plan.chunkSize) - 1;
  const blockSize = (block: number) => (block === lastBlock ? plan.runs - lastBlock * plan.chunkSize : plan.chunkSize);
  for (const [a, b] of done) {
    let k = a;
    // Chunks before the first whole block, one by one (at most V − 1 of them).
    for (; k < b && k % V !== 0; k++) out[chunkAt(plan, k).variation]! += blockSize(Math.floor(k / V));
    // Whole blocks: every variation gets the block's runs.
    const wholeBlocks = Math.floor((b - k) / V);
    if (wholeBlocks > 0) {
      const firstBlock = k / V;
      const includesLast = firstBlock + wholeBlocks - 1 === lastBlock;
      const runs = (includesLast ? (wholeBlocks - 1) * plan.chunkSize + blockSize(lastBlock) : wholeBlocks * plan.chunkSize);
      for (let v = 0; v < V; v++) out[v]! += runs;
      k += wholeBlocks * V;
    }
    for (; k < b; k++) out[chunkAt(plan, k).variation]! += blockSize(Math.floor(k / V));
  }
  return out;
}
