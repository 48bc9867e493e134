/**
 * Scenario text → a validated Scenario, or every problem found, each located at `file:line:col`.
 * Never throws on bad input; pure (the caller reads the file).
 */
import type * as z from 'zod';
import { BOUNDS_HINT } from './bounds.ts';
import { checkScenario } from './checks.ts';
import { resolveDates } from './dates.ts';
import { checkLapses } from './checks/lapses.ts';
import { referenceHint } from './near-match.ts';
import { MAX_PROBLEMS, withOverflowNote, type Problem } from './problem.ts';
import { repairForChecks, type Repaired } from './repair.ts';
import { ID_PATTERN, Scenario } from './schema.ts';
import { parseYaml, type DataPath, type ParsedYaml } from './yaml-source.ts';


/** A file that loads may still carry warnings (terms that will lapse, checks/lapses.ts). */
export type LoadResult = { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function loadScenario(text: string, file = 'scenario.yaml'): LoadResult {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) return parsed;
  const { yaml } = parsed;

  const dated = resolveDates(yaml.data);
  if (dated.problems.length > 0) return { ok: false, problems: sortProblems(dated.problems.slice(0, MAX_PROBLEMS).map((p) => yaml.problemAt(p.path, p.message, p.hint))) };
  yaml.data = dated.data;
  const shaped = Scenario.safeParse(yaml.data);
  if (shaped.success) {
    const problems = meaningProblems(yaml, shaped.data);
    if (problems.length > 0) return { ok: false, problems: withOverflowNote(sortProblems(problems.slice(0, MAX_PROBLEMS)), problems.length) };
    return { ok: true, scenario: shaped.data, warnings: warningsOf(yaml, shaped.data) };
  }

  // Shape problems first, then whatever the meaning checks find in the rest of the file.
  const issues = shaped.error.issues;
  const problems = issues.slice(0, MAX_PROBLEMS).map((issue) => problemFromIssue(yaml, issue));
  const repaired = repairForChecks(yaml.data, issues);
  if (repaired) problems.push(...meaningProblems(yaml, repaired.scenario, repaired));
  return { ok: false, problems: withOverflowNote(sortProblems(problems.slice(0, MAX_PROBLEMS)), issues.length + problems.length - Math.min(issues.length, MAX_PROBLEMS)) };
}

/** Runs the meaning checks; with `repaired`, maps list positions back and skips set-aside ids. */
function meaningProblems(yaml: ParsedYaml, scenario: Scenario, repaired?: Repaired): Problem[] {
  const problems: Problem[] = [];
  const mentionsSetAside = (message: string) => repaired !== undefined && [...message.matchAll(/`([^`]+)`/g)].some((m) => repaired.setAside.has(m[1]!.split('.')[0]!));
  checkScenario(scenario, (path, message, hint, where) => {
    if (problems.length > MAX_PROBLEMS || mentionsSetAside(message)) return;
    const section = path[0];
    const index = path[1];
    const mapped = repaired && typeof section === 'string' && typeof index === 'number' && repaired.originalIndex[section]
      ? [section, repaired.originalIndex[section]![index]!, ...path.slice(2)]
      : path;
    if (repaired?.lostKeys.has(mapped.join('.'))) return;
    problems.push(where?.offset !== undefined ? yaml.problemInScalar(mapped, where.offset, message, hint) : yaml.problemAt(mapped, message, hint, where?.key));
  });
  return problems;
}

function warningsOf(yaml: ParsedYaml, scenario: Scenario): Problem[] {
  const warnings: Problem[] = [];
  checkLapses(scenario, (path, message, hint, where) => {
    if (warnings.length >= MAX_PROBLEMS) return;
    warnings.push({ ...(where?.offset !== undefined ? yaml.problemInScalar(path, where.offset, message, hint) : yaml.problemAt(path, message, hint, where?.key)), severity: 'warning' });
  });
  return sortProblems(warnings);
}

function sortProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.line}:${p.col}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.col - b.col);
}

const KNOWN_KEYS_HINT = (keys: string[]) => (keys.length ? `this mapping takes: ${keys.slice(0, 12).join(', ')}` : undefined);

function problemFromIssue(yaml: ParsedYaml, issue: z.core.$ZodIssue): Problem {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol') as DataPath;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const allowed = allowedKeysAt(yaml.data, path);
      const hint = /\s/.test(key)
        ? 'inside `{ … }` a comma starts a new key: put text that contains commas in quotes'
        : allowed.length ? referenceHint('key', key, allowed) : undefined;
      return yaml.problemAt([...path, key], `unknown key \`${key}\``, hint ?? KNOWN_KEYS_HINT(allowed), true);
    }
    case 'invalid_type': {
      const value = valueAt(yaml.data, path);
      if (value === undefined) {
        const key = path[path.length - 1];
        return yaml.problemAt(path.slice(0, -1), `missing \`${String(key)}\``, `add \`${String(key)}:\` here`, true);
      }
      return yaml.problemAt(path, `${describePath(path, yaml.data)}: expected ${issue.expected}, found ${describe(value)}`);
    }
    case 'invalid_value':
      return yaml.problemAt(path, `${describePath(path, yaml.data)}: ${issue.message}`, `use one of: ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`);
    case 'invalid_union': {
      const value = valueAt(yaml.data, path);
      if (value === undefined) return yaml.problemAt(path.slice(0, -1), `missing \`${String(path[path.length - 1])}\``, undefined, true);
      return yaml.problemAt(path, `${describePath(path, yaml.data)}: ${issue.message.replace(/^Invalid input$/, 'not a valid value')} (found ${describe(value)})`);
    }
    case 'invalid_format': {
      const value = valueAt(yaml.data, path);
      const lower = typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s_]+/g, '-') : undefined;
      const hint = lower !== undefined && lower !== value && ID_PATTERN.test(lower) ? `write \`${lower}\`` : undefined;
      return yaml.problemAt(path, `${describePath(path, yaml.data)}: ${issue.message}`, hint);
    }
    case 'too_big':
    case 'too_small':
      return yaml.problemAt(path, `${describePath(path, yaml.data)}: ${issue.message}`, BOUNDS_HINT);
    default:
      return yaml.problemAt(path, `${describePath(path, yaml.data)}: ${issue.message}`);
  }
}

/** `obligations.2.party` reads as "obligation `names-list`: `party`" when the item has an id. */
function describePath(path: DataPath, data?: unknown): string {
  if (path.length === 0) return 'scenario';
  for (let i = path.length - 1; i > 0; i--) {
    if (typeof path[i] !== 'number') continue;
    const item = valueAt(data, path.slice(0, i + 1));
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') continue;
    const list = String(path[i - 1]).replace(/s$/, '');
    const rest = path.slice(i + 1);
    return `${list} \`${id}\`${rest.length ? `: \`${rest.join('.')}\`` : ''}`;
  }
  return `\`${path.join('.')}\``;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text \`${value.length > 40 ? value.slice(0, 40) + '…' : value}\``;
  return `${typeof value} \`${String(value)}\``;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let node: unknown = data;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, step)) return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

function allowedKeysAt(data: unknown, path: DataPath): string[] {
  // The schema is strict; its allowed keys are read from the zod shape at this path.
  return keysOfSchemaAt(Scenario, path, data);
}

function keysOfSchemaAt(schema: unknown, path: DataPath, data: unknown): string[] {
  let current = unwrap(schema);
  let node: unknown = data;
  for (const step of path) {
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined;
    current = unwrap(childSchema(current, step, node));
    if (!current) return [];
  }
  const shape = (unionOption(current, node) as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { type: string; innerType?: unknown; in?: unknown; options?: unknown[] } } | undefined;
  for (let i = 0; i < 10 && s?.def; i++) {
    const def = s.def;
    if (def.type === 'default' || def.type === 'optional' || def.type === 'catch') s = def.innerType as typeof s;
    else if (def.type === 'pipe') s = def.in as typeof s;
    else break;
  }
  return s;
}

/**
 * The option of a union that describes `node`: for a discriminated union (obligations by `kind`),
 * the option of its discriminator value; otherwise the object option whose keys best cover it.
 */
function unionOption(schema: unknown, node: unknown): unknown {
  const s = schema as { def?: { type: string; options?: unknown[]; discriminator?: string } };
  if (s?.def?.type !== 'union') return schema;
  const options = (s.def.options ?? []).map(unwrap) as { shape?: Record<string, { def?: { values?: unknown[] } } | undefined> }[];
  const data = node && typeof node === 'object' ? (node as Record<string, unknown>) : {};
  const discriminator = s.def.discriminator;
  if (discriminator !== undefined) {
    const match = options.find((o) => o.shape?.[discriminator]?.def?.values?.includes(data[discriminator]));
    if (match) return match;
  }
  const dataKeys = Object.keys(data);
  const score = (o: { shape?: Record<string, unknown> }) => dataKeys.filter((k) => k in (o.shape ?? {})).length;
  return options.filter((o) => o.shape).sort((a, b) => score(b) - score(a))[0];
}

function childSchema(schema: unknown, step: string | number, node: unknown): unknown {
  const s = schema as { def?: { type: string; element?: unknown; valueType?: unknown; options?: unknown[]; items?: unknown[] }; shape?: Record<string, unknown> };
  if (!s?.def) return undefined;
  switch (s.def.type) {
    case 'object':
      return s.shape?.[String(step)];
    case 'array':
      return s.def.element;
    case 'record':
      return s.def.valueType;
    case 'union':
      return (unionOption(s, node) as { shape?: Record<string, unknown> } | undefined)?.shape?.[String(step)];
    default:
      return undefined;
  }
}
