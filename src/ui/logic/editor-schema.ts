/**
 * Completion and hover for the scenario editor, read from the scenario's JSON Schema (the same
 * schema `parley schema` prints and VS Code uses): the keys a mapping takes (per obligation kind),
 * the values a key takes (enums, kinds, the scenario's own ids where a reference goes), and the
 * description of a key, with the docs/scenario-format.md section that explains it.
 */
import type { YamlContext } from './editor-yaml-path.ts';

/** The part of a JSON Schema node the editor reads. */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode | boolean;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  default?: unknown;
}

/** The ids a scenario declares, by what they name. */
export interface ScenarioIds {
  parties: string[];
  stocks: string[];
  phases: string[];
  obligations: string[];
  parameters: string[];
  sources: string[];
  zones: string[];
  crossings: string[];
  incidents: string[];
}

export const NO_IDS: ScenarioIds = { parties: [], stocks: [], phases: [], obligations: [], parameters: [], sources: [], zones: [], crossings: [], incidents: [] };

/** Keys whose value names something declared elsewhere in the file. */
const REFERENCES: Record<string, keyof ScenarioIds> = {
  party: 'parties',
  counterpart: 'parties',
  'held-by': 'parties',
  guarantees: 'parties',
  mediator: 'parties',
  stock: 'stocks',
  phase: 'phases',
  after: 'obligations',
  'in-return-for': 'obligations',
  obligation: 'obligations',
  alongside: 'obligations',
  source: 'sources',
  zone: 'zones',
  crossing: 'crossings',
  incident: 'incidents',
};

/** Sections whose keys are ids the writer chooses (a party, a stock…), not keys of the schema. */
const ID_KEYED = new Set(['parties', 'stocks', 'parameters', 'sources', 'zones', 'crossings']);

export interface Suggestion {
  label: string;
  detail?: string;
  info?: string;
  /** What is inserted; default: the label. */
  apply?: string;
  type: 'property' | 'enum' | 'variable' | 'keyword';
}

function options(node: SchemaNode | undefined): SchemaNode[] {
  if (!node) return [];
  const alternatives = node.oneOf ?? node.anyOf;
  return alternatives ? alternatives.flatMap(options) : [node];
}

/** The object options of a node; with a `kind` written, only the option of that kind. */
function objectOptions(node: SchemaNode | undefined, siblings: Record<string, string>): SchemaNode[] {
  const objects = options(node).filter((o) => o.properties);
  const kind = siblings['kind'];
  const ofKind = kind !== undefined ? objects.filter((o) => o.properties?.['kind']?.const === kind) : [];
  return ofKind.length > 0 ? ofKind : objects;
}

function child(node: SchemaNode | undefined, step: string, siblings: Record<string, string>): SchemaNode | undefined {
  if (step === '*') return (options(node).find((o) => o.items && typeof o.items === 'object')?.items as SchemaNode | undefined) ?? options(node).find((o) => o.additionalProperties && typeof o.additionalProperties === 'object')?.additionalProperties as SchemaNode | undefined;
  for (const option of objectOptions(node, siblings)) if (option.properties?.[step]) return option.properties[step];
  for (const option of options(node)) if (option.additionalProperties && typeof option.additionalProperties === 'object') return option.additionalProperties;
  return undefined;
}

/** The schema of the mapping at `path` (siblings pick an obligation's kind at the last step). */
export function schemaAt(root: SchemaNode, path: readonly string[], siblings: Record<string, string> = {}): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const step of path) node = child(node, step, {});
  return node && objectOptions(node, siblings).length === 1 ? objectOptions(node, siblings)[0] : node;
}

/** The keys a mapping at this place takes, minus those already written. */
export function keySuggestions(root: SchemaNode, context: YamlContext): Suggestion[] {
  const parent = context.path[context.path.length - 1];
  if (parent !== undefined && ID_KEYED.has(parent) && context.path.length === 1) return [];
  const node = schemaAt(root, context.path);
  const seen = new Map<string, Suggestion>();
  for (const option of objectOptions(node, context.siblings)) {
    for (const [key, property] of Object.entries(option.properties ?? {})) {
      if (key in context.siblings || seen.has(key)) continue;
      const description = describe(property);
      seen.set(key, { label: key, apply: `${key}: `, type: 'property', ...(description ? { info: description } : {}), ...(typeLabel(property) ? { detail: typeLabel(property) } : {}) });
    }
  }
  return [...seen.values()];
}

/** The values `key` takes here: its enum or kinds, true/false, or the scenario's ids it may name. */
export function valueSuggestions(root: SchemaNode, context: YamlContext, ids: ScenarioIds): Suggestion[] {
  const key = context.key;
  if (key === undefined) return [];
  const mapping = schemaAt(root, context.path);
  const out: Suggestion[] = [];
  if (key === 'kind') {
    for (const option of objectOptions(mapping, {})) {
      const kind = option.properties?.['kind'];
      if (typeof kind?.const === 'string') out.push({ label: kind.const, type: 'enum', ...(kind.description ? { info: kind.description } : {}) });
    }
    return out;
  }
  const property = child(mapping, key, context.siblings);
  for (const option of options(property)) {
    for (const value of option.enum ?? []) out.push({ label: String(value), type: 'enum' });
    if (option.const !== undefined && typeof option.const !== 'object') out.push({ label: String(option.const), type: 'enum' });
    if (option.type === 'boolean') out.push({ label: 'true', type: 'keyword' }, { label: 'false', type: 'keyword' });
  }
  const reference = REFERENCES[key];
  if (reference) for (const id of ids[reference]) out.push({ label: id, type: 'variable', detail: reference.replace(/s$/, '').replace(/ie$/, 'y') });
  else if (takesParameter(property)) for (const id of ids.parameters) out.push({ label: id, type: 'variable', detail: 'parameter' });
  const unique = new Map(out.map((s) => [s.label, s]));
  return [...unique.values()];
}

/** A number that may also be written as a parameter id. */
function takesParameter(node: SchemaNode | undefined): boolean {
  const all = options(node);
  return all.some((o) => o.type === 'number' || o.type === 'integer') && all.some((o) => o.type === 'string' && o.pattern !== undefined && o.pattern.startsWith('^[a-z]'));
}

function typeLabel(node: SchemaNode): string | undefined {
  const types = new Set(options(node).map((o) => (o.items ? 'list' : o.properties || o.additionalProperties ? 'mapping' : o.enum ? 'one of' : Array.isArray(o.type) ? o.type.join('|') : o.type)).filter(Boolean));
  return types.size > 0 ? [...types].join(' or ') : undefined;
}

/** A node's description, or its options' (one per line). */
export function describe(node: SchemaNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.description) return node.description;
  const texts = [...new Set(options(node).map((o) => o.description).filter((d): d is string => !!d))];
  return texts.length > 0 ? texts.join(' ') : undefined;
}

/** What the hover over key `key` at `context` says: its description, or a kind's. */
export function hoverText(root: SchemaNode, context: YamlContext, key: string, value?: string): string | undefined {
  const mapping = schemaAt(root, context.path, context.siblings);
  if (key === 'kind' && value) {
    const option = objectOptions(schemaAt(root, context.path), { kind: value })[0];
    const kind = option?.properties?.['kind'];
    if (kind?.const === value) return `kind \`${value}\`: ${kind.description ?? ''}`.trim();
  }
  const parent = context.path[context.path.length - 1];
  if (parent !== undefined && ID_KEYED.has(parent) && context.path.length === 1) return `\`${key}\`: an id you choose for an entry of \`${parent}\`.`;
  const text = describe(child(mapping, key, context.siblings));
  return text ? `\`${key}\`: ${text}` : undefined;
}

const CONDITION_KEYS = new Set(['when', 'while', 'requires', 'ends-when', 'withdraw-when', 'red-lines']);
const TIMING_KEYS = new Set(['day', 'days', 'every', 'from', 'until', 'after', 'wait', 'by', 'during', 'alongside', 'grace']);

/** The heading in docs/scenario-format.md that explains `key` at `path`. */
export function docsHeading(path: readonly string[], key?: string): string {
  const top = path[0] ?? key ?? '';
  if (key && CONDITION_KEYS.has(key) && key !== 'red-lines') return 'The condition language';
  switch (top) {
    case 'sources':
    case 'parameters':
    case 'stocks':
    case 'zones':
    case 'crossings':
    case 'incidents':
    case 'settings':
    case 'targets':
      return `\`${top}\``;
    case 'parties':
      if (path.includes('briefing') || key === 'briefing') return 'Role briefings';
      if (path.includes('red-lines') || key === 'red-lines') return 'Red lines';
      if (path.includes('behaviour') || key === 'behaviour') return 'Behaviour models';
      if (key === 'pressure' || key === 'guarantees' || key === 'withdraw-when') return 'Mediators and guarantors';
      return '`parties`';
    case 'phases':
      if (path.includes('extensions') || key === 'extensions') return 'Extensions';
      if (path.includes('gate') || key === 'gate') return 'Gates';
      return '`phases`';
    case 'obligations':
      if (key === 'kind') return 'Kinds';
      if (key && TIMING_KEYS.has(key)) return 'Timing';
      return 'Common fields';
    case 'start':
    case 'history':
      return 'The record: `start` and `history`';
    default:
      return 'Top level';
  }
}

/** A section of a markdown document: from its heading to the next heading of the same or a higher level. */
export function docsSection(markdown: string, heading: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{1,4} /.test(line) && line.replace(/^#+ /, '').trim() === heading);
  if (start < 0) return undefined;
  const level = /^#+/.exec(lines[start]!)![0].length;
  let end = start + 1;
  let fenced = false;
  for (; end < lines.length; end++) {
    if (lines[end]!.startsWith('```')) fenced = !fenced;
    const match = !fenced && /^(#+) /.exec(lines[end]!);
    if (match && match[1]!.length <= level) break;
  }
  return lines.slice(start, end).join('\n').trimEnd();
}
