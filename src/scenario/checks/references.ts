/**
 * The reference checks every section shares: a party of the right role, a declared source, a
 * number or parameter fit for its use, a condition that parses and names what exists.
 */
import { BOUNDS, BOUNDS_HINT } from '../bounds.ts';
import { ExpressionSyntaxError, FUNCTIONS, NAMES, parseExpression, walkExpression, type ArgumentKind } from '../expression.ts';
import { referenceHint } from '../near-match.ts';
import { hasOwn, own } from '../own.ts';
import type { NumberOrParameter, Scenario, SourceRef } from '../schema.ts';
import type { DataPath } from '../yaml-source.ts';

export interface Reporter {
  /** A problem at the value at `path` (or its key, with `key`), or `offset` characters into a scalar. */
  (path: DataPath, message: string, hint?: string, where?: { key?: boolean; offset?: number }): void;
}

export type ValueUse = 'probability' | 'count' | 'release-count' | 'free' | 'days' | 'extension-days' | 'effect' | 'grievance' | 'ratio';

/** The interval each use allows: a number written there, or a parameter's whole range, must lie inside it. */
const FIELD_BOUNDS: Record<Exclude<ValueUse, 'free' | 'probability'>, { low: number; high: number; what: string; rule: string }> = {
  count: { low: 0, high: BOUNDS.count, what: 'a count', rule: `counts are whole numbers from 0 to ${BOUNDS.count.toLocaleString('en')}` },
  'release-count': { low: 1, high: BOUNDS.count, what: 'a per-release count', rule: `a per-release count is a whole number from 1 to ${BOUNDS.count.toLocaleString('en')}` },
  ratio: { low: 0, high: BOUNDS.ratio, what: 'a ratio', rule: `a ratio is from 0 to ${BOUNDS.ratio}` },
  days: { low: 0, high: BOUNDS.truceDays, what: 'days', rule: `days are from 0 to ${BOUNDS.truceDays.toLocaleString('en')}` },
  'extension-days': { low: 1, high: BOUNDS.truceDays, what: 'extension days', rule: `an extension lasts at least 1 day and at most ${BOUNDS.truceDays.toLocaleString('en')}` },
  effect: { low: -BOUNDS.effect, high: BOUNDS.effect, what: 'an effect', rule: 'an effect adds between -1 and 1' },
  grievance: { low: 0, high: 1, what: 'a grievance', rule: 'a grievance is between 0 and 1' },
};

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

/** Uses whose values are whole: a parameter there is rounded when a run starts, so its range must have whole ends. */
const WHOLE_USES: ReadonlySet<ValueUse> = new Set(['count', 'release-count']);

function checkValue(s: Scenario, report: Reporter, hint: Hint, parameterIds: readonly string[], path: DataPath, v: NumberOrParameter | undefined, use: ValueUse): void {
  if (v === undefined) return;
  if (typeof v === 'string') {
    const parameter = own(s.parameters, v);
    if (!parameter) return report(path, `unknown parameter \`${v}\``, hint('parameter', v, parameterIds));
    if (use === 'free') return;
    const [lo, hi] = parameter.range;
    const b = use === 'probability' ? { low: 0, high: 1, what: 'a probability' } : FIELD_BOUNDS[use];
    if (lo < b.low || hi > b.high) report(path, `parameter \`${v}\` is used as ${b.what} but its range [${lo}, ${hi}] goes outside [${b.low}, ${b.high}]`, `set its range inside [${b.low}, ${b.high}]`);
    else if (WHOLE_USES.has(use) && !(Number.isInteger(lo) && Number.isInteger(hi))) report(path, `parameter \`${v}\` is used as ${b.what} but its range [${lo}, ${hi}] does not start and end on whole numbers`, `write a range of whole numbers, e.g. [${Math.ceil(lo)}, ${Math.floor(hi)}]; a value inside it is rounded to the nearest whole number when a run starts`);
  } else if (use === 'free') {
    return;
  } else if (use === 'probability') {
    if (v < 0 || v > 1) report(path, `${v} is not a probability`, 'probabilities are between 0 and 1, e.g. `0.25`');
  } else if (WHOLE_USES.has(use)) {
    const b = FIELD_BOUNDS[use];
    if (!Number.isInteger(v) || v < b.low || v > b.high) report(path, `${v} is not a count`, b.rule.replace(/^./, (c) => c.toUpperCase()));
  } else {
    const b = FIELD_BOUNDS[use];
    if (v < b.low || v > b.high) report(path, `${b.rule}; found ${v}`, BOUNDS_HINT);
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
