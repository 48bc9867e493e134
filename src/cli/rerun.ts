/**
 * What `parley merge` says when shards are missing or partial: each one by number, and the command
 * that runs exactly those shards again, rebuilt from the summaries' own record of the study (the
 * scenario is found by its hash; the output names follow the other shards' files).
 */
import { createHash } from 'node:crypto';
import { DEFAULT_CHUNK_SIZE, type ExploreSummary, type ShardGap, type Summary } from '../batch/index.ts';
import type { CliIO } from './io.ts';

const SAFE = /^[\w./:=,@%+-]+$/;
export const shellQuote = (arg: string) => (SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

function replayFlags(replay: Summary['replay']): string[] {
  const out: string[] = [];
  if (replay?.recordUntil === 'end') out.push('--follow-record');
  else if (replay?.recordUntil !== undefined) out.push('--record-until', String(replay.recordUntil));
  if (replay?.comply) out.push('--comply', replay.comply.join(','));
  return out;
}

const setFlags = (set: Record<string, number>) => Object.entries(set).flatMap(([k, v]) => ['--set', `${k}=${v}`]);

/** The flags that make `parley batch` run this summary's experiment again. */
export function batchStudyArgs(s: Summary): string[] {
  return [
    '--runs', String(s.runsPerVariation),
    '--seed', s.seed,
    ...setFlags(s.set),
    ...s.sweeps.flatMap((w) => ['--sweep', `${w.name}=${w.values.join(',')}`]),
    '--metric', s.metric,
    ...(s.chunkSize === DEFAULT_CHUNK_SIZE ? [] : ['--chunk-size', String(s.chunkSize)]),
    ...replayFlags(s.replay),
  ];
}

/** The flags that make `parley explore` run this summary's study again. */
export function exploreStudyArgs(s: ExploreSummary): string[] {
  return [
    '--method', s.method,
    ...s.ranges.flatMap((r) => ['--vary', `${r.name}=${r.lo}:${r.hi}`]),
    '--samples', String(s.samples),
    '--runs', String(s.runsPerPoint),
    '--seed', s.seed,
    ...setFlags(s.set),
    ...s.extraMetrics.flatMap((m) => ['--metric', m]),
    ...(s.discover === null ? [] : ['--discover', s.discover]),
  ];
}

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

/**
 * The scenario file the study ran, found by its SHA-256 among `<id>.yaml` in the working folder,
 * in scenarios/ and beside the summaries; a placeholder naming the hash when none matches.
 */
export function findScenario(io: CliIO, scenario: { id: string; sha256: string }, files: readonly string[]): string {
  const folders = ['', 'scenarios/', ...files.map(dirOf), ...files.map((f) => `${dirOf(f)}../`)];
  for (const folder of new Set(folders)) {
    for (const ext of ['yaml', 'yml']) {
      const path = `${folder}${scenario.id}.${ext}`;
      try {
        if (createHash('sha256').update(io.readFile(path)).digest('hex') === scenario.sha256) return path;
      } catch {
        // not this one
      }
    }
  }
  return `SCENARIO.yaml`;
}

/** Every way to write `file` as a template around its shard number `n` in its name (not its folder): `out2/s-2.json` → `out2/s-\0.json`. */
function templatesOf(file: string, n: number): string[] {
  const out: string[] = [];
  const nameStart = file.lastIndexOf('/') + 1;
  for (const m of file.matchAll(/\d+/g)) {
    if (m.index >= nameStart && Number(m[0]) === n) out.push(`${file.slice(0, m.index)}\0${file.slice(m.index + m[0].length)}`);
  }
  return out;
}

/** The output file shard I should write: the others' names with their shard number replaced, or shard-I.json beside them. */
export function shardFileName(files: readonly string[], shards: readonly number[], index: number): string {
  const common = files.map((f, i) => templatesOf(f, shards[i]!)).reduce((a, b) => a.filter((t) => b.includes(t)));
  if (common.length > 0) return common[0]!.replace('\0', String(index));
  return `${dirOf(files[0] ?? '')}shard-${index}.json`;
}

function describeGap(gap: ShardGap): string {
  const name = `shard ${gap.shard.index}/${gap.shard.count}`;
  if (gap.file === undefined) return `${name} is in none of these files (${gap.of.toLocaleString('en-US')} runs)`;
  return `${name} (${gap.file}) is partial: ${gap.stopped ? `${gap.stopped} after ` : ''}${gap.runs.toLocaleString('en-US')} of its ${gap.of.toLocaleString('en-US')} runs`;
}

/**
 * The notes merge prints for an incomplete set of shards: which shards, one command per shard that
 * re-runs it (each writes that shard's file, replacing a partial one), and how to merge again.
 */
export function rerunNotes(io: CliIO, command: 'batch' | 'explore', study: { scenario: { id: string; sha256: string }; args: string[] }, gaps: readonly ShardGap[], files: readonly string[], shards: readonly number[], mergeOut: string | undefined): string[] {
  const scenario = findScenario(io, study.scenario, files);
  const notes = gaps.map((g) => `missing: ${describeGap(g)}`);
  notes.push(`run ${gaps.length === 1 ? 'it' : 'them'} with (any machine, any --workers; a partial shard's file is replaced):`);
  for (const gap of gaps) {
    const out = gap.file ?? shardFileName(files, shards, gap.shard.index);
    const argv = ['parley', command, scenario, ...study.args, '--shard', `${gap.shard.index}/${gap.shard.count}`, '--summary', out];
    notes.push(`  ${argv.map(shellQuote).join(' ')}`);
  }
  if (scenario === 'SCENARIO.yaml') notes.push(`SCENARIO.yaml: the scenario file with id ${study.scenario.id} and sha256 ${study.scenario.sha256} (no file here has that content)`);
  const indices = gaps.map((g) => g.shard.index).join(',');
  notes.push(`on a Slurm array from deploy/slurm/submit.sh: the same submit.sh command with --retry ${indices} (docs/cluster.md)`);
  const all: [number, string][] = [...files.map((f, i): [number, string] => [shards[i]!, f]), ...gaps.filter((g) => g.file === undefined).map((g): [number, string] => [g.shard.index, shardFileName(files, shards, g.shard.index)])];
  const rest = all.sort((a, b) => a[0] - b[0]).map(([, f]) => f);
  notes.push(`then merge again: ${['parley', 'merge', ...rest, ...(mergeOut ? ['--summary', mergeOut] : [])].map(shellQuote).join(' ')}`);
  return notes;
}
