/**
 * Targets from a YAML file rather than the scenario: a file with a `targets:` list (like a
 * scenario's, or docs/base-rates.targets.yaml, whose entries carry extra fields such as
 * `applies-to` and `verified`), optionally narrowed to some ids: `FILE#id1,id2`. Each target is
 * checked like a scenario's; mistakes are located as `file:line:col`.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { parseStatistic, StatisticSyntaxError, type ScenarioTarget } from '../scenario/index.ts';
import { ExperimentError } from './errors.ts';

/** `docs/base-rates.targets.yaml#cf-a,cf-b` → the file and the ids (none: all). */
export function splitTargetsFlag(text: string): { file: string; ids: string[] } {
  const hash = text.lastIndexOf('#');
  if (hash < 0) return { file: text, ids: [] };
  return { file: text.slice(0, hash), ids: text.slice(hash + 1).split(',').map((s) => s.trim()).filter(Boolean) };
}

export function parseTargetFile(text: string, file: string, ids: readonly string[] = []): ScenarioTarget[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (node: Node | null | undefined) => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return `${file}:${pos.line}:${pos.col}`;
  };
  if (doc.errors.length > 0) {
    const pos = lines.linePos(doc.errors[0]!.pos[0]);
    throw new ExperimentError(`${file}:${pos.line}:${pos.col}: ${doc.errors[0]!.message.split('\n')[0]}`);
  }
  const list = doc.get('targets', true) as Node | undefined;
  if (!isSeq(list)) throw new ExperimentError(`${at(doc.contents)}: ${file} has no \`targets:\` list`, 'a targets file holds `targets:` with items { id, statistic, value, tolerance, source }');
  const found: ScenarioTarget[] = [];
  for (const item of list.items) {
    if (!isMap(item)) throw new ExperimentError(`${at(item as Node)}: a target is a mapping { id, statistic, value, tolerance, source }`);
    const get = (key: string) => item.get(key);
    const node = (key: string) => (item.get(key, true) as Node | undefined) ?? item;
    const id = get('id');
    if (typeof id !== 'string') throw new ExperimentError(`${at(item)}: a target needs an \`id\``);
    if (ids.length > 0 && !ids.includes(id)) continue;
    const statistic = get('statistic');
    if (typeof statistic !== 'string') throw new ExperimentError(`${at(node('statistic'))}: target ${id} needs a \`statistic\``);
    try {
      parseStatistic(statistic);
    } catch (error) {
      if (!(error instanceof StatisticSyntaxError)) throw error;
      throw new ExperimentError(`${at(node('statistic'))}: target ${id}: ${error.message}`, error.hint);
    }
    const value = get('value');
    if (typeof value !== 'number') throw new ExperimentError(`${at(node('value'))}: target ${id} needs a numeric \`value\``);
    const tolerance = get('tolerance');
    if (typeof tolerance !== 'number' || !(tolerance > 0)) throw new ExperimentError(`${at(node('tolerance'))}: target ${id}: the tolerance must be a positive number, got ${String(tolerance)}`, 'a tolerance carries the target’s own uncertainty and the runs’ noise, e.g. 0.03 for a share');
    const source = get('source');
    if (typeof source !== 'string' || source.trim() === '') throw new ExperimentError(`${at(node('source'))}: target ${id} needs a \`source\``, 'say where the value comes from, e.g. a URL or a dataset');
    const note = get('note');
    found.push({ id, statistic, value, tolerance, source, ...(typeof note === 'string' ? { note } : {}) });
  }
  const missing = ids.filter((id) => !found.some((t) => t.id === id));
  if (missing.length > 0) {
    const all = list.items.map((i) => (isMap(i) ? i.get('id') : undefined)).filter((x): x is string => typeof x === 'string');
    throw new ExperimentError(`${file} has no target ${missing.map((m) => `\`${m}\``).join(', ')}`, `its targets: ${all.join(', ')}`);
  }
  if (found.length === 0) throw new ExperimentError(`${file} holds no targets`);
  return found;
}
