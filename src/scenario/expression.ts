/**
 * Parley's condition language: small, parsed once at load time, never `eval`ed.
 *
 *   expr    := or
 *   or      := and ("or" and)*
 *   and     := not ("and" not)*
 *   not     := "not" not | compare
 *   compare := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
 *   sum     := product (("+" | "-") product)*
 *   product := atom (("*" | "/") atom)*
 *   atom    := number | "true" | "false" | name | name "(" args ")" | "(" expr ")"
 *
 * Names may contain hyphens (`buffer-width-m`), so subtraction needs spaces around `-`.
 * A name is `day`, `phase-day`, `extended` or a parameter id; calls are listed in FUNCTIONS.
 */
import { BOUNDS } from './bounds.ts';

export type Expr =
  | { type: 'number'; value: number; at: number }
  | { type: 'name'; name: string; at: number }
  | { type: 'call'; name: string; args: { text: string; at: number }[]; at: number }
  | { type: 'not'; operand: Expr; at: number }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr; at: number };

export type BinaryOp = 'or' | 'and' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/';

/** What each argument of a function refers to; checked against the scenario at load time. */
export type ArgumentKind = 'obligation' | 'party' | 'stock' | 'zone' | 'crossing' | 'incident';

export const FUNCTIONS: Record<string, { args: ArgumentKind[]; meaning: string }> = {
  done: { args: ['obligation'], meaning: 'the obligation was carried out, fully or in part (1 or 0)' },
  failed: { args: ['obligation'], meaning: 'the obligation was violated, refused, or ran out of grace (1 or 0)' },
  pending: { args: ['obligation'], meaning: 'the obligation is neither done nor failed yet (1 or 0)' },
  held: { args: ['stock'], meaning: 'how many of a stock (or `stock.category`) are still held' },
  released: { args: ['stock'], meaning: 'how many of a stock (or `stock.category`) have been released' },
  violations: { args: ['party'], meaning: 'violations and refusals by the party so far' },
  trust: { args: ['party'], meaning: "the party's trust, 0..1" },
  grievance: { args: ['party'], meaning: "the party's grievance, 0..1" },
  pressure: { args: ['party'], meaning: "the party's domestic pressure, 0..1" },
  guaranteed: { args: ['party'], meaning: 'a guarantee given to the party is still in force (1 or 0)' },
  open: { args: ['crossing'], meaning: 'the crossing is open (1 or 0)' },
  withdrawn: { args: ['zone'], meaning: 'the zone has been withdrawn from (1 or 0)' },
  happened: { args: ['incident'], meaning: 'how many times the incident has happened' },
};

export const NAMES: Record<string, string> = {
  day: 'the truce day (1 on the first day, counting across phases and extensions)',
  'phase-day': 'the day within the current phase',
  extended: 'extra days granted so far in the current phase',
};

export class ExpressionSyntaxError extends Error {
  constructor(message: string, readonly at: number, readonly hint?: string) {
    super(message);
  }
}

type Token = { kind: 'number' | 'name' | 'op' | '(' | ')' | ',' | 'end'; text: string; at: number };

const NAME_RE = /[a-z_][a-z0-9_]*(?:-[a-z0-9_]+)*(?:\.[a-z0-9_]+(?:-[a-z0-9_]+)*)?/y;
const NUMBER_RE = /\d+(?:\.\d+)?/y;
const OPS = ['==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n') { i++; continue; }
    if (c === '(' || c === ')' || c === ',') { tokens.push({ kind: c, text: c, at: i }); i++; continue; }
    NUMBER_RE.lastIndex = i;
    const num = NUMBER_RE.exec(source);
    if (num) { tokens.push({ kind: 'number', text: num[0], at: i }); i += num[0].length; continue; }
    NAME_RE.lastIndex = i;
    const name = NAME_RE.exec(source);
    if (name) { tokens.push({ kind: 'name', text: name[0], at: i }); i += name[0].length; continue; }
    const op = OPS.find((o) => source.startsWith(o, i));
    if (op) { tokens.push({ kind: 'op', text: op, at: i }); i += op.length; continue; }
    if (c === '=') {
      const meant = source[i + 1] === '>' ? '>=' : source[i + 1] === '<' ? '<=' : '==';
      throw new ExpressionSyntaxError('a single `=` is not a comparison', i, `write \`${meant}\` to compare`);
    }
    throw new ExpressionSyntaxError(`unexpected character \`${c}\``, i, 'conditions use names, numbers, ( ), and, or, not, == != < <= > >=, + - * /');
  }
  tokens.push({ kind: 'end', text: '', at: source.length });
  return tokens;
}

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Parses a condition; throws ExpressionSyntaxError with the offset of the problem. */
export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos]!;
  const next = () => tokens[pos++]!;
  const isWord = (word: string) => peek().kind === 'name' && peek().text === word;
  // Brackets and `not`s nest the recursion below; a bound keeps a hostile condition off the stack limit.
  let depth = 0;
  const deeper = (at: number) => {
    if (++depth > BOUNDS.conditionNesting) throw new ExpressionSyntaxError(`brackets and \`not\` are nested more than ${BOUNDS.conditionNesting} deep`, at, 'split the condition into simpler parts');
  };

  function parseOr(): Expr {
    let left = parseAnd();
    while (isWord('or')) {
      const at = next().at;
      left = { type: 'binary', op: 'or', left, right: parseAnd(), at };
    }
    return left;
  }
  function parseAnd(): Expr {
    let left = parseNot();
    while (isWord('and')) {
      const at = next().at;
      left = { type: 'binary', op: 'and', left, right: parseNot(), at };
    }
    return left;
  }
  function parseNot(): Expr {
    if (isWord('not')) {
      const at = next().at;
      deeper(at);
      const operand = parseNot();
      depth--;
      return { type: 'not', operand, at };
    }
    return parseCompare();
  }
  function parseCompare(): Expr {
    const left = parseSum();
    const t = peek();
    if (t.kind === 'op' && COMPARISONS.has(t.text)) {
      next();
      const right = parseSum();
      const after = peek();
      if (after.kind === 'op' && COMPARISONS.has(after.text)) {
        throw new ExpressionSyntaxError('comparisons cannot be chained', after.at, 'join two comparisons with `and`');
      }
      return { type: 'binary', op: t.text as BinaryOp, left, right, at: t.at };
    }
    return left;
  }
  function parseSum(): Expr {
    let left = parseProduct();
    while (peek().kind === 'op' && (peek().text === '+' || peek().text === '-')) {
      const t = next();
      left = { type: 'binary', op: t.text as BinaryOp, left, right: parseProduct(), at: t.at };
    }
    return left;
  }
  function parseProduct(): Expr {
    let left = parseAtom();
    while (peek().kind === 'op' && (peek().text === '*' || peek().text === '/')) {
      const t = next();
      left = { type: 'binary', op: t.text as BinaryOp, left, right: parseAtom(), at: t.at };
    }
    return left;
  }
  function parseAtom(): Expr {
    const t = next();
    if (t.kind === 'number') return { type: 'number', value: Number(t.text), at: t.at };
    if (t.kind === '(') {
      deeper(t.at);
      const inner = parseOr();
      const close = next();
      if (close.kind !== ')') throw new ExpressionSyntaxError('missing `)`', close.at, 'close every `(` you open');
      depth--;
      return inner;
    }
    if (t.kind === 'name') {
      if (t.text === 'true') return { type: 'number', value: 1, at: t.at };
      if (t.text === 'false') return { type: 'number', value: 0, at: t.at };
      if (['and', 'or', 'not'].includes(t.text)) {
        throw new ExpressionSyntaxError(`\`${t.text}\` needs something before it`, t.at);
      }
      if (peek().kind !== '(') return { type: 'name', name: t.text, at: t.at };
      next();
      const args: { text: string; at: number }[] = [];
      if (peek().kind !== ')') {
        for (;;) {
          const arg = next();
          if (arg.kind !== 'name') throw new ExpressionSyntaxError(`expected an id inside \`${t.text}(...)\``, arg.at);
          args.push({ text: arg.text, at: arg.at });
          if (peek().kind === ',') { next(); continue; }
          break;
        }
      }
      const close = next();
      if (close.kind !== ')') throw new ExpressionSyntaxError(`missing \`)\` after \`${t.text}(\``, close.at);
      return { type: 'call', name: t.text, args, at: t.at };
    }
    if (t.kind === 'end') throw new ExpressionSyntaxError('the condition ends too early', t.at, 'finish it, e.g. `held(captives) == 0`');
    if (t.kind === 'op' && t.text === '-' ) {
      throw new ExpressionSyntaxError('unexpected `-`', t.at, 'hyphenated names must not have spaces: `buffer-width-m`; to subtract, put spaces around `-`');
    }
    throw new ExpressionSyntaxError(`unexpected \`${t.text}\``, t.at);
  }

  const expr = parseOr();
  const rest = peek();
  if (rest.kind !== 'end') {
    throw new ExpressionSyntaxError(`unexpected \`${rest.text}\``, rest.at, 'join conditions with `and` / `or`');
  }
  return expr;
}

/** Every call and name in an expression, for reference checks. */
export function* walkExpression(expr: Expr): Generator<Expr> {
  yield expr;
  if (expr.type === 'not') yield* walkExpression(expr.operand);
  if (expr.type === 'binary') {
    yield* walkExpression(expr.left);
    yield* walkExpression(expr.right);
  }
}
