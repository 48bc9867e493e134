/**
 * Experiment files: an experiment written down beside its scenario, so a study can be re-run
 * and reviewed. Mistakes are located (`file:line:col`, the line, a caret, a hint).
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
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { nearMatch, type Problem } from '../scenario/index.ts';
import { ExperimentError } from './errors.ts';
import type { ExperimentSpec, SpecOrigin } from './experiment.ts';
import { newRecord } from './record.ts';
import { listValues, parseSweepValues } from './sweep.ts';

export const EXPERIMENT_KEYS = ['scenario', 'title', 'description', 'runs', 'seed', 'set', 'sweep', 'metric'] as const;
const MAX_EXPERIMENT_BYTES = 200_000;

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

export function parseExperimentFile(text: string, file: string): ExperimentFile {
  const lines = text.split('\n');
  const at = (offset: number, message: string, hint?: string): Problem => {
    let line = 1;
    let start = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
      if (text.charCodeAt(i) !== 10) continue;
      line++;
      start = i + 1;
    }
    return { file, line, col: offset - start + 1, message, hint, sourceLine: (lines[line - 1] ?? '').replace(/\r$/, '') };
  };
  const reject = (offset: number, message: string, hint?: string): never => {
    const problem = at(offset, message, hint);
    throw new ExperimentError(message, hint, [problem]);
  };
  if (text.length > MAX_EXPERIMENT_BYTES) reject(0, `the file is ${text.length} bytes; experiment files are at most ${MAX_EXPERIMENT_BYTES}`);

  const doc: Document = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    reject(e.pos[0], e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  }
  const root = doc.contents;
  if (!isMap(root)) reject(0, 'an experiment file is a mapping with `scenario`, `runs`, `seed`, `set`, `sweep`', 'see docs/batch.md, "Experiment files"');
  const map = root as import('yaml').YAMLMap<unknown, unknown>;
  const offsetOf = (node: unknown) => ((node as Node | null)?.range?.[0] ?? 0);
  const located = (node: unknown, label: string): SpecOrigin => ({ label, locate: (message, hint) => at(offsetOf(node), message, hint) });
  const scalar = (node: unknown): unknown => (isScalar(node) ? node.value : undefined);
  const isAlias = (node: unknown) => node !== null && typeof node === 'object' && (node as { type?: string }).type === 'ALIAS';

  const result: ExperimentFile = { scenario: '', spec: { origins: { set: newRecord(), sweeps: newRecord() } } };
  let sawScenario = false;
  for (const pair of map.items) {
    const keyNode = pair.key;
    const key = String(scalar(keyNode));
    const value = pair.value;
    if (isAlias(value)) reject(offsetOf(value), 'aliases are not used in experiment files', 'write the value out');
    if (!(EXPERIMENT_KEYS as readonly string[]).includes(key)) {
      const near = nearMatch(key, EXPERIMENT_KEYS);
      reject(offsetOf(keyNode), `unknown key \`${key}\``, near ? `did you mean \`${near}\`?` : `the keys are ${EXPERIMENT_KEYS.join(', ')}`);
    }
    const v = scalar(value);
    switch (key) {
      case 'scenario':
        if (typeof v !== 'string' || v.trim() === '') reject(offsetOf(value), '`scenario` is the path of a scenario file', 'e.g. `scenario: doha-60-day-draft.yaml` (relative to this file)');
        result.scenario = (v as string).trim();
        sawScenario = true;
        break;
      case 'title':
      case 'description':
        if (typeof v !== 'string') reject(offsetOf(value), `\`${key}\` is text`);
        if (key === 'title') result.title = v as string;
        break;
      case 'runs':
        if (typeof v !== 'number') reject(offsetOf(value), '`runs` is a whole number of at least 1', 'e.g. `runs: 1000`');
        result.spec.runs = v as number;
        result.spec.origins.runs = located(value, 'runs');
        break;
      case 'seed':
        if (typeof v !== 'string' && typeof v !== 'number') reject(offsetOf(value), '`seed` is a word or a number', 'e.g. `seed: study-1`');
        result.spec.seed = String(v);
        break;
      case 'metric':
        if (typeof v !== 'string') reject(offsetOf(value), '`metric` is a metric name', 'e.g. `metric: released.captives.total`');
        result.spec.metric = v as string;
        result.spec.origins.metric = located(value, 'metric');
        break;
      case 'set': {
        if (!isMap(value)) reject(offsetOf(value), '`set` maps parameter names to values', 'e.g. `set: { reciprocity: 0.3 }`');
        result.spec.set = newRecord();
        for (const p of (value as import('yaml').YAMLMap<unknown, unknown>).items) {
          const name = String(scalar(p.key));
          const n = scalar(p.value);
          if (typeof n !== 'number' || !Number.isFinite(n)) reject(offsetOf(p.value), `set ${name}: a parameter value is a number`);
          result.spec.set[name] = n as number;
          result.spec.origins.set![name] = located(p.key, `set ${name}`);
        }
        break;
      }
      case 'sweep': {
        if (!isMap(value)) reject(offsetOf(value), '`sweep` maps parameter names to values', 'e.g. `sweep: { clash-rate: [0, 0.02, 0.05], hamas-base-comply: 0.6:1:0.1 }`');
        result.spec.sweeps = [];
        for (const p of (value as import('yaml').YAMLMap<unknown, unknown>).items) {
          const name = String(scalar(p.key));
          const where = `sweep ${name}`;
          const node = p.value as Node | null;
          let values: number[];
          try {
            const json = node && typeof (node as { toJSON?: unknown }).toJSON === 'function' ? (node as unknown as { toJSON(): unknown }).toJSON() : scalar(node);
            if (typeof json === 'number') values = [json];
            else if (typeof json === 'string') values = parseSweepValues(json, where);
            else if (Array.isArray(json) && json.every((x) => typeof x === 'number')) values = listValues(json as number[], where);
            else throw new ExperimentError(`${where}: give a list of numbers or a range lo:hi:step`, 'e.g. `[0, 0.02, 0.05]` or `0.6:1:0.1`');
          } catch (error) {
            if (error instanceof ExperimentError) reject(offsetOf(node), error.message.replace(`${where}: `, `sweep of \`${name}\`: `), error.hint);
            throw error;
          }
          result.spec.sweeps.push({ name, values });
          result.spec.origins.sweeps![name] = located(p.key, where);
        }
        break;
      }
    }
  }
  if (!sawScenario) reject(0, 'the experiment names no scenario', 'add `scenario: FILE.yaml` (relative to this file)');
  return result;
}
