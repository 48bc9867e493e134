/**
 * Experiment files: an experiment written down beside its scenario, so a study can be re-run
 * and reviewed. The shape is a zod schema; mistakes are located (`file:line:col`, the line, a
 * caret, a hint) through yaml's syntax tree.
 *
 *   scenario: doha-60-day-draft.yaml   # relative to this file
 *   runs: 1000
 *   seed: study-1
 *   set: { reciprocity: 0.3 }
 *   sweep:
 *     hamas-base-comply: 0.6:1:0.1       # lo:hi:step
 *     clash-rate: [0, 0.02, 0.05]        # or a list
 *   metric: released.captives.total
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import * as z from 'zod';
import { nearMatch, type Problem } from '../scenario/index.ts';
import { ExperimentError } from './errors.ts';
import type { ExperimentSpec, SpecOrigin } from './experiment.ts';
import { newRecord } from './record.ts';
import { listValues, parseSweepValues } from './sweep.ts';

const MAX_EXPERIMENT_BYTES = 200_000;

const HINTS = {
  scenario: 'e.g. `scenario: doha-60-day-draft.yaml` (relative to this file)',
  runs: 'e.g. `runs: 1000`',
  seed: 'e.g. `seed: study-1`',
  set: 'e.g. `set: { reciprocity: 0.3 }`',
  sweep: 'e.g. `sweep: { clash-rate: [0, 0.02, 0.05], hamas-base-comply: 0.6:1:0.1 }`',
  metric: 'e.g. `metric: released.captives.total`',
} as const;

/** The shape of an experiment file; `set` and `sweep` entries are read from the syntax tree (their names are the user's). */
const ExperimentFileSchema = z.strictObject(
  {
    scenario: z.string({ error: '`scenario` is the path of a scenario file' }).trim().min(1, { error: '`scenario` is the path of a scenario file' }),
    title: z.string({ error: '`title` is text' }).optional(),
    description: z.string({ error: '`description` is text' }).optional(),
    runs: z.number({ error: '`runs` is a whole number of at least 1' }).optional(),
    seed: z.union([z.string(), z.number()], { error: '`seed` is a word or a number' }).optional(),
    set: z.record(z.string(), z.unknown(), { error: '`set` maps parameter names to values' }).optional(),
    sweep: z.record(z.string(), z.unknown(), { error: '`sweep` maps parameter names to values' }).optional(),
    metric: z.string({ error: '`metric` is a metric name' }).optional(),
  },
  { error: 'an experiment file is a mapping with `scenario`, `runs`, `seed`, `set`, `sweep`' },
);
type ExperimentFileData = z.output<typeof ExperimentFileSchema>;

export const EXPERIMENT_KEYS = Object.keys(ExperimentFileSchema.shape) as readonly (keyof ExperimentFileData)[];

export interface ExperimentFile {
  /** The scenario path as written (relative to the experiment file's folder). */
  scenario: string;
  title?: string;
  /** Only the keys the file gives; flags fill in or override the rest. */
  spec: Partial<Omit<ExperimentSpec, 'origins'>> & { origins: NonNullable<ExperimentSpec['origins']> };
}

/** True when a YAML text looks like an experiment file (a top-level `scenario:` key) rather than a scenario. */
export function looksLikeExperiment(text: string): boolean {
  return /^scenario\s*:/m.test(text) && !/^parley\s*:/m.test(text);
}

/** Where problems in one experiment file are located: yaml's line index over its text. */
class Locator {
  readonly lines = new LineCounter();

  constructor(readonly file: string, readonly text: string) {
    this.lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lines.addNewLine(i + 1);
  }

  problem(offset: number, message: string, hint?: string): Problem {
    const { line, col } = this.lines.linePos(offset);
    const start = this.lines.lineStarts[line - 1] ?? 0;
    const end = this.text.indexOf('\n', start);
    const sourceLine = this.text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
    return { file: this.file, line, col, message, hint, sourceLine };
  }

  reject(node: unknown, message: string, hint?: string): never {
    throw new ExperimentError(message, hint, [this.problem(offsetOf(node), message, hint)]);
  }
}

const offsetOf = (node: unknown): number => (node as Node | null | undefined)?.range?.[0] ?? 0;

export function parseExperimentFile(text: string, file: string): ExperimentFile {
  const where = new Locator(file, text);
  if (text.length > MAX_EXPERIMENT_BYTES) where.reject(undefined, `the file is ${text.length} bytes; experiment files are at most ${MAX_EXPERIMENT_BYTES}`);
  const doc: Document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  const error = doc.errors[0];
  if (error) throw new ExperimentError(syntaxMessage(error.message), undefined, [where.problem(error.pos[0], syntaxMessage(error.message))]);
  const root = doc.contents;
  if (!isMap(root)) where.reject(undefined, 'an experiment file is a mapping with `scenario`, `runs`, `seed`, `set`, `sweep`', 'see docs/batch.md, "Experiment files"');
  rejectAliases(root, where);

  const parsed = ExperimentFileSchema.safeParse(doc.toJS());
  if (!parsed.success) rejectIssue(parsed.error.issues[0]!, doc, where);
  const data = parsed.data!;
  const result: ExperimentFile = { scenario: data.scenario, spec: { origins: { set: newRecord(), sweeps: newRecord() } } };
  if (data.title !== undefined) result.title = data.title;
  if (data.runs !== undefined) {
    result.spec.runs = data.runs;
    result.spec.origins.runs = located(where, doc.get('runs', true), 'runs');
  }
  if (data.seed !== undefined) result.spec.seed = String(data.seed);
  if (data.metric !== undefined) {
    result.spec.metric = data.metric;
    result.spec.origins.metric = located(where, doc.get('metric', true), 'metric');
  }
  const set = doc.get('set', true);
  if (isMap(set)) readSet(set, where, result);
  const sweep = doc.get('sweep', true);
  if (isMap(sweep)) readSweeps(sweep, where, result);
  return result;
}

function syntaxMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function rejectAliases(node: unknown, where: Locator): void {
  if (isAlias(node)) where.reject(node, 'aliases are not used in experiment files', 'write the value out');
  if (isMap(node)) for (const pair of node.items) rejectAliases(pair.value, where);
  else if (isSeq(node)) for (const item of node.items) rejectAliases(item, where);
}

/** The first schema issue, at its key (unknown keys) or its value, with a hint. */
function rejectIssue(issue: z.core.$ZodIssue, doc: Document, where: Locator): never {
  const key = issue.path[0];
  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys[0]!;
    const keyNode = (doc.contents as YAMLMap).items.find((pair) => isScalar(pair.key) && String(pair.key.value) === unknown)?.key;
    const near = nearMatch(unknown, EXPERIMENT_KEYS);
    where.reject(keyNode, `unknown key \`${unknown}\``, near ? `did you mean \`${near}\`?` : `the keys are ${EXPERIMENT_KEYS.join(', ')}`);
  }
  if (key === 'scenario' && issue.code === 'invalid_type' && issue.input === undefined) {
    where.reject(undefined, 'the experiment names no scenario', 'add `scenario: FILE.yaml` (relative to this file)');
  }
  const node = issue.path.length > 0 ? doc.getIn(issue.path as (string | number)[], true) : undefined;
  where.reject(node, issue.message, typeof key === 'string' && key in HINTS ? HINTS[key as keyof typeof HINTS] : undefined);
}

function located(where: Locator, node: unknown, label: string): SpecOrigin {
  return { label, locate: (message, hint) => where.problem(offsetOf(node), message, hint) };
}

const scalarValue = (node: unknown): unknown => (isScalar(node) ? node.value : undefined);

function readSet(set: YAMLMap, where: Locator, result: ExperimentFile): void {
  result.spec.set = newRecord();
  for (const pair of set.items) {
    const name = String(scalarValue(pair.key));
    const value = scalarValue(pair.value);
    if (typeof value !== 'number' || !Number.isFinite(value)) where.reject(pair.value, `set ${name}: a parameter value is a number`);
    result.spec.set[name] = value as number;
    result.spec.origins.set![name] = located(where, pair.key, `set ${name}`);
  }
}

function readSweeps(sweep: YAMLMap, where: Locator, result: ExperimentFile): void {
  result.spec.sweeps = [];
  for (const pair of sweep.items) {
    const name = String(scalarValue(pair.key));
    const label = `sweep ${name}`;
    const node = pair.value as Node | null;
    let values: number[];
    try {
      const json: unknown = node && typeof (node as { toJSON?: unknown }).toJSON === 'function' ? (node as unknown as { toJSON(): unknown }).toJSON() : scalarValue(node);
      if (typeof json === 'number') values = [json];
      else if (typeof json === 'string') values = parseSweepValues(json, label);
      else if (Array.isArray(json) && json.every((x) => typeof x === 'number')) values = listValues(json as number[], label);
      else throw new ExperimentError(`${label}: give a list of numbers or a range lo:hi:step`, 'e.g. `[0, 0.02, 0.05]` or `0.6:1:0.1`');
    } catch (error) {
      if (error instanceof ExperimentError) where.reject(node, error.message.replace(`${label}: `, `sweep of \`${name}\`: `), error.hint);
      throw error;
    }
    result.spec.sweeps.push({ name, values });
    result.spec.origins.sweeps![name] = located(where, pair.key, label);
  }
}
