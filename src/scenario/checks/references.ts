/**
 * The reference checks every section shares: a party of the right role, a declared source, a
 * number or parameter fit for its use, a condition that parses and names what exists.
 */
import { BOUNDS } from '../bounds.ts';
import { ExpressionSyntaxError, FUNCTIONS, NAMES, parseExpression, walkExpression, type ArgumentKind } from '../expression.ts';
import { referenceHint } from '../near-match.ts';
import { hasOwn, own } from '../own.ts';
import type { NumberOrParameter, Scenario, SourceRef } from '../schema.ts';
import type { DataPath } from '../yaml-source.ts';

export interface Reporter {
  /** A problem at the value at `path` (or its key, with `key`), or `offset` characters into a scalar. */
  (path: DataPath, message: string, hint?: string, where?: { key?: boolean; offset?: number }): void;
}

export type ValueUse = 'probability' | 'count' | 'free';

export interface References {
  party(path: DataPath, id: string | undefined, roles?: readonly string[]): void;
  source(path: DataPath, ref: SourceRef | undefined): void;
  value(path: DataPath, v: NumberOrParameter | undefined, use: ValueUse): void;
  expression(path: DataPath, text: string | undefined): void;
  /** A near-name hint; past the first 100 (more than a report shows) none, so checks stay linear. */
  hint(what: string, wanted: string, candidates: readonly string[]): string | undefined;
}

const MAX_HINTS = 100;

export function references(s: Scenario, report: Reporter): References {
  const partyIds = Object.keys(s.parties);
  const parameterIds = Object.keys(s.parameters);
  const sourceIds = Object.keys(s.sources);
  let hints = 0;
  const hint = (what: string, wanted: string, candidates: readonly string[]) => (++hints > MAX_HINTS ? undefined : referenceHint(what, wanted, candidates));
  const ids: Record<ArgumentKind, readonly string[]> = {
    obligation: s.obligations.map((o) => o.id),
    party: partyIds,
    stock: Object.keys(s.stocks),
    zone: Object.keys(s.zones),
    crossing: Object.keys(s.crossings),
    incident: s.incidents.map((i) => i.id),
  };
  const idSets = Object.fromEntries(Object.entries(ids).map(([kind, list]) => [kind, new Set(list)])) as unknown as Record<ArgumentKind, ReadonlySet<string>>;
  return {
    party(path, id, roles) {
      if (id === undefined) return;
      const found = own(s.parties, id);
      if (!found) report(path, `unknown party \`${id}\``, hint('party', id, partyIds));
      else if (roles && !roles.includes(found.role)) report(path, `\`${id}\` is a ${found.role}; this needs a ${roles.join(' or ')}`);
    },
    source(path, ref) {
      if (typeof ref === 'string' && !own(s.sources, ref)) report(path, `unknown source \`${ref}\``, hint('source', ref, sourceIds));
    },
    value: (path, v, use) => checkValue(s, report, hint, parameterIds, path, v, use),
    expression: (path, text) => checkExpression(s, report, hint, ids, idSets, parameterIds, path, text),
    hint,
  };
}

type Hint = References['hint'];

function checkValue(s: Scenario, report: Reporter, hint: Hint, parameterIds: readonly string[], path: DataPath, v: NumberOrParameter | undefined, use: ValueUse): void {
  if (v === undefined) return;
  if (typeof v === 'string') {
    const parameter = own(s.parameters, v);
    if (!parameter) report(path, `unknown parameter \`${v}\``, hint('parameter', v, parameterIds));
    else if (use === 'probability' && (parameter.range[0] < 0 || parameter.range[1] > 1)) {
      report(path, `parameter \`${v}\` is used as a probability but its range [${parameter.range.join(', ')}] goes outside [0, 1]`, `set its range inside [0, 1]`);
    } else if (use === 'count' && (parameter.range[0] < 0 || parameter.range[1] > BOUNDS.count)) {
      report(path, `parameter \`${v}\` is used as a count but its range [${parameter.range.join(', ')}] goes outside [0, ${BOUNDS.count}]`, 'counts are not negative; set its range inside that');
    }
  } else if (use === 'probability' && (v < 0 || v > 1)) {
    report(path, `${v} is not a probability`, 'probabilities are between 0 and 1, e.g. `0.25`');
  } else if (use === 'count' && (!Number.isInteger(v) || v < 0 || v > BOUNDS.count)) {
    report(path, `${v} is not a count`, `counts are whole numbers from 0 to ${BOUNDS.count.toLocaleString('en')}`);
  }
}

function checkExpression(s: Scenario, report: Reporter, hint: Hint, ids: Record<ArgumentKind, readonly string[]>, idSets: Record<ArgumentKind, ReadonlySet<string>>, parameterIds: readonly string[], path: DataPath, text: string | undefined): void {
  if (text === undefined) return;
  let parsed;
  try {
    parsed = parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) {
      report(path, `in condition: ${error.message}`, error.hint, { offset: error.at });
      return;
    }
    throw error;
  }
  for (const node of walkExpression(parsed)) {
    if (node.type === 'name' && !hasOwn(NAMES, node.name) && !own(s.parameters, node.name)) {
      const known = [...Object.keys(NAMES), ...parameterIds];
      const nameHint = own(FUNCTIONS, node.name) ? `\`${node.name}\` is a function: write \`${node.name}(...)\`` : hint('name', node.name, known);
      report(path, `unknown name \`${node.name}\` in condition`, nameHint, { offset: node.at });
    }
    if (node.type !== 'call') continue;
    const fn = own(FUNCTIONS, node.name);
    if (!fn) {
      report(path, `unknown function \`${node.name}\``, hint('function', node.name, Object.keys(FUNCTIONS)), { offset: node.at });
      continue;
    }
    if (node.args.length !== fn.args.length) {
      report(path, `\`${node.name}\` takes ${fn.args.length} argument${fn.args.length === 1 ? '' : 's'} (${fn.args.join(', ')})`, undefined, { offset: node.at });
      continue;
    }
    node.args.forEach((arg, i) => {
      const kind = fn.args[i]!;
      const [id, category] = arg.text.split('.');
      if (!idSets[kind].has(id!)) {
        report(path, `unknown ${kind} \`${id}\` in condition`, hint(kind, id!, ids[kind]), { offset: arg.at });
      } else if (category !== undefined) {
        if (kind !== 'stock') report(path, `only stocks have categories; \`${arg.text}\` is a ${kind}`, undefined, { offset: arg.at });
        else if (!hasOwn(own(s.stocks, id!)!.count, category)) {
          report(path, `stock \`${id}\` has no category \`${category}\``, hint('category', category, Object.keys(s.stocks[id!]!.count)), { offset: arg.at });
        }
      }
    });
  }
}
