/** Compiles a checked condition into a closure over the simulation state (no eval). */
import { own, parseExpression, type Expr } from '../scenario/core.ts';
import type { SimState } from './state.ts';

export type Condition = (state: SimState) => number;

export interface ConditionScope {
  params: Readonly<Record<string, number>>;
  obligationIndex: ReadonlyMap<string, number>;
  /** Each stock's categories (its count's keys, in order): `held(stock)` adds these up without listing the record's keys. */
  stockCategories?: ReadonlyMap<string, readonly string[]>;
}

const truth = (b: boolean) => (b ? 1 : 0);

function sumValues(record: Record<string, number> | undefined): number {
  let total = 0;
  if (record) for (const key in record) total += record[key]!;
  return total;
}

/** A stock's counts added up over its categories, in their order (the order of the record's keys). */
function sumOver(categories: readonly string[]): (record: Record<string, number>) => number {
  return (record) => {
    let total = 0;
    for (let i = 0; i < categories.length; i++) total += record[categories[i]!]!;
    return total;
  };
}

function compileNode(node: Expr, scope: ConditionScope): Condition {
  switch (node.type) {
    case 'number': {
      const value = node.value;
      return () => value;
    }
    case 'name':
      if (node.name === 'day') return (s) => s.day;
      if (node.name === 'phase-day') return (s) => s.day - s.phaseStartDay + 1;
      if (node.name === 'extended') return (s) => s.phaseExtendedDays;
      {
        const value = own(scope.params, node.name);
        if (value === undefined) throw new Error(`unchecked name ${node.name}`);
        return () => value;
      }
    case 'not': {
      const operand = compileNode(node.operand, scope);
      return (s) => truth(!operand(s));
    }
    case 'binary': {
      const l = compileNode(node.left, scope);
      const r = compileNode(node.right, scope);
      switch (node.op) {
        case 'and': return (s) => truth(!!l(s) && !!r(s));
        case 'or': return (s) => truth(!!l(s) || !!r(s));
        case '==': return (s) => truth(l(s) === r(s));
        case '!=': return (s) => truth(l(s) !== r(s));
        case '<': return (s) => truth(l(s) < r(s));
        case '<=': return (s) => truth(l(s) <= r(s));
        case '>': return (s) => truth(l(s) > r(s));
        case '>=': return (s) => truth(l(s) >= r(s));
        case '+': return (s) => l(s) + r(s);
        case '-': return (s) => l(s) - r(s);
        case '*': return (s) => l(s) * r(s);
        case '/': return (s) => { const d = r(s); return d === 0 ? 0 : l(s) / d; };
      }
    }
    // eslint-disable-next-line no-fallthrough
    case 'call':
      return compileCall(node, scope);
  }
}

function compileCall(node: Extract<Expr, { type: 'call' }>, scope: ConditionScope): Condition {
  const arg = node.args[0]?.text ?? '';
  const [id, category] = arg.split('.') as [string, string | undefined];
  switch (node.name) {
    case 'done': {
      const i = scope.obligationIndex.get(id)!;
      return (s) => truth(s.obligations[i]!.status === 'done' || s.obligations[i]!.status === 'partial');
    }
    case 'failed': {
      const i = scope.obligationIndex.get(id)!;
      return (s) => truth(s.obligations[i]!.status === 'failed');
    }
    case 'pending': {
      const i = scope.obligationIndex.get(id)!;
      return (s) => truth(s.obligations[i]!.status === 'waiting' || s.obligations[i]!.status === 'due');
    }
    case 'held':
    case 'released':
      return stockCount(node.name, id, category, scope);
    case 'violations': return (s) => s.parties[id]!.violations;
    case 'trust': return (s) => s.parties[id]!.trust;
    case 'grievance': return (s) => s.parties[id]!.grievance;
    case 'pressure': return (s) => s.parties[id]!.domesticPressure;
    case 'guaranteed': return (s) => truth(s.parties[id]!.guaranteesInForce > 0);
    case 'open': return (s) => truth(s.crossings[id] === true);
    case 'withdrawn': return (s) => truth(s.zones[id]!.withdrawn);
    case 'happened': return (s) => s.incidents[id] ?? 0;
  }
  throw new Error(`unchecked function ${node.name}`);
}

/** `held(stock[.category])` or `released(…)`: one category's count, or the stock's over all its categories. */
function stockCount(which: 'held' | 'released', id: string, category: string | undefined, scope: ConditionScope): Condition {
  if (category) return (s) => s.stocks[id]![which][category] ?? 0;
  const categories = scope.stockCategories?.get(id);
  if (!categories) return (s) => sumValues(s.stocks[id]![which]);
  const sum = sumOver(categories);
  return (s) => sum(s.stocks[id]![which]);
}

/** `text` must already have passed the load-time checks. */
export function compileCondition(text: string, scope: ConditionScope): Condition {
  return compileNode(parseExpression(text), scope);
}
