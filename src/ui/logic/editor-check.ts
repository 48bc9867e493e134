/**
 * What the editor's worker answers for a draft: the loader's verdict (the same `loadScenario`
 * that `parley validate` runs, so the same problems at the same line:col with the same hints),
 * and the ids the text declares, read leniently so completion works while the file is broken.
 */
import { parseDocument } from 'yaml';
import { loadScenario, type Problem, type Scenario } from '../../scenario/index.ts';
import { NO_IDS, type ScenarioIds } from './editor-schema.ts';

export interface DraftCheck {
  /** Errors, then warnings (a file with warnings still loads). */
  problems: Problem[];
  scenario?: Scenario;
  ids: ScenarioIds;
  elapsedMs: number;
}

export function checkDraft(text: string, file: string): DraftCheck {
  const started = performance.now();
  const result = loadScenario(text, file);
  const ids = idsOf(text);
  const elapsedMs = performance.now() - started;
  return result.ok ? { problems: result.warnings, scenario: result.scenario, ids, elapsedMs } : { problems: result.problems, ids, elapsedMs };
}

const keysOf = (value: unknown): string[] => (value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []);
const idsIn = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((item: unknown) => (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : [])) : [];

/** The ids declared in the text, from whatever part of it parses. */
export function idsOf(text: string): ScenarioIds {
  let data: Record<string, unknown>;
  try {
    const value: unknown = parseDocument(text, { uniqueKeys: false }).toJS({ maxAliasCount: 100 });
    if (!value || typeof value !== 'object' || Array.isArray(value)) return NO_IDS;
    data = value as Record<string, unknown>;
  } catch {
    return NO_IDS;
  }
  const listOrMap = (value: unknown) => (Array.isArray(value) ? idsIn(value) : keysOf(value));
  return {
    parties: keysOf(data['parties']),
    stocks: keysOf(data['stocks']),
    phases: idsIn(data['phases']),
    obligations: idsIn(data['obligations']),
    parameters: keysOf(data['parameters']),
    sources: keysOf(data['sources']),
    zones: listOrMap(data['zones']),
    crossings: listOrMap(data['crossings']),
    incidents: idsIn(data['incidents']),
  };
}
