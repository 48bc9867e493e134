/**
 * When a file has shape problems, the meaning checks (references, days, stocks) can still run on
 * the rest of it: unknown keys are dropped and each malformed entry of a top-level section is set
 * aside. The caller reports both kinds of problem at once, mapping list positions back to the file
 * and staying quiet about references to the entries set aside.
 */
import type * as z from 'zod';
import { hasOwn } from './own.ts';
import { Scenario } from './schema.ts';

const PLACEHOLDERS: Record<string, unknown> = { parley: 1, id: 'scenario', title: 'scenario' };
const MAX_ROUNDS = 4;

export interface Repaired {
  scenario: Scenario;
  /** Ids (record keys and list items' `id`) of the entries set aside. */
  setAside: Set<string>;
  /** For each top-level list, the original index of each remaining item. */
  originalIndex: Record<string, number[]>;
  /** Paths (in the file, joined with `.`) of mappings that lost an unknown key: a missing key there is already explained. */
  lostKeys: Set<string>;
}

function clone(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data));
}

export function repairForChecks(data: unknown, firstIssues: readonly z.core.$ZodIssue[]): Repaired | undefined {
  const root = clone(data) as Record<string, unknown>;
  const setAside = new Set<string>();
  const originalIndex: Record<string, number[]> = {};
  const lostKeys = new Set<string>();
  for (const [key, value] of Object.entries(root)) if (Array.isArray(value)) originalIndex[key] = value.map((_, i) => i);

  let issues = firstIssues;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const drop = new Map<string, Set<string | number>>();
    for (const issue of issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const target = path.reduce<unknown>((node, step) => (node as Record<string | number, unknown> | undefined)?.[step], root);
        if (target && typeof target === 'object') for (const key of issue.keys) delete (target as Record<string, unknown>)[key];
        const [section, index] = path;
        const inFile = typeof section === 'string' && typeof index === 'number' && originalIndex[section] ? [section, originalIndex[section]![index]!, ...path.slice(2)] : path;
        lostKeys.add(inFile.join('.'));
        continue;
      }
      if (path.length === 1 && typeof path[0] === 'string' && hasOwn(PLACEHOLDERS, path[0])) {
        root[path[0]] = PLACEHOLDERS[path[0]];
        continue;
      }
      const [section, entry] = path;
      if (path.length < 2 || typeof section !== 'string' || root[section] === null || typeof root[section] !== 'object') return undefined;
      drop.set(section, (drop.get(section) ?? new Set()).add(entry!));
    }
    for (const [section, entries] of drop) {
      const value = root[section];
      if (Array.isArray(value)) {
        const keep = value.map((_, i) => i).filter((i) => !entries.has(i));
        for (const i of entries) {
          const id = (value[i as number] as { id?: unknown } | undefined)?.id;
          if (typeof id === 'string') setAside.add(id);
        }
        root[section] = keep.map((i) => value[i]);
        originalIndex[section] = keep.map((i) => originalIndex[section]![i]!);
      } else {
        for (const key of entries) {
          setAside.add(String(key));
          delete (value as Record<string | number, unknown>)[key];
        }
      }
    }
    const result = Scenario.safeParse(root);
    if (result.success) return { scenario: result.data, setAside, originalIndex, lostKeys };
    issues = result.error.issues;
  }
  return undefined;
}
