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
  const parser = new Parser(tokenize(source));
  const expr = parser.parseOr();
  const rest = parser.peek();
  if (rest.kind !== 'end') {
    throw new ExpressionSyntaxError(`unexpected \`${rest.text}\``, rest.at, 'join conditions with `and` / `or`');
  }
  return expr;
}

/** Recursive descent over the tokens, one method per rule of the grammar above. */
class Parser {
  private pos = 0;
  // Brackets and `not`s nest the recursion below; a bound keeps a hostile condition off the stack limit.
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isWord(word: string): boolean {
    return this.peek().kind === 'name' && this.peek().text === word;
  }
  private deeper(at: number): void {
    if (++this.depth > BOUNDS.conditionNesting) throw new ExpressionSyntaxError(`brackets and \`not\` are nested more than ${BOUNDS.conditionNesting} deep`, at, 'split the condition into simpler parts');
  }

  parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      const at = this.next().at;
      left = { type: 'binary', op: 'or', left, right: this.parseAnd(), at };
    }
    return left;
  }
  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isWord('and')) {
      const at = this.next().at;
      left = { type: 'binary', op: 'and', left, right: this.parseNot(), at };
    }
    return left;
  }
  private parseNot(): Expr {
    if (this.isWord('not')) {
      const at = this.next().at;
      this.deeper(at);
      const operand = this.parseNot();
      this.depth--;
      return { type: 'not', operand, at };
    }
    return this.parseCompare();
  }
  private parseCompare(): Expr {
    const left = this.parseSum();
    const t = this.peek();
    if (t.kind === 'op' && COMPARISONS.has(t.text)) {
      this.next();
      const right = this.parseSum();
      const after = this.peek();
      if (after.kind === 'op' && COMPARISONS.has(after.text)) {
        throw new ExpressionSyntaxError('comparisons cannot be chained', after.at, 'join two comparisons with `and`');
      }
      return { type: 'binary', op: t.text as BinaryOp, left, right, at: t.at };
    }
    return left;
  }
  private parseSum(): Expr {
    let left = this.parseProduct();
    while (this.peek().kind === 'op' && (this.peek().text === '+' || this.peek().text === '-')) {
      const t = this.next();
      left = { type: 'binary', op: t.text as BinaryOp, left, right: this.parseProduct(), at: t.at };
    }
    return left;
  }
  private parseProduct(): Expr {
    let left = this.parseAtom();
    while (this.peek().kind === 'op' && (this.peek().text === '*' || this.peek().text === '/')) {
      const t = this.next();
      left = { type: 'binary', op: t.text as BinaryOp, left, right: this.parseAtom(), at: t.at };
    }
    return left;
  }
  private parseAtom(): Expr {
    const t = this.next();
    if (t.kind === 'number') return { type: 'number', value: Number(t.text), at: t.at };
    if (t.kind === '(') return this.parseBracketed(t);
    if (t.kind === 'name') return this.parseNameOrCall(t);
    if (t.kind === 'end') throw new ExpressionSyntaxError('the condition ends too early', t.at, 'finish it, e.g. `held(captives) == 0`');
    if (t.kind === 'op' && t.text === '-' ) {
      throw new ExpressionSyntaxError('unexpected `-`', t.at, 'hyphenated names must not have spaces: `buffer-width-m`; to subtract, put spaces around `-`');
    }
    throw new ExpressionSyntaxError(`unexpected \`${t.text}\``, t.at);
  }
  /** `( expr )`, after its `(`. */
  private parseBracketed(open: Token): Expr {
    this.deeper(open.at);
    const inner = this.parseOr();
    const close = this.next();
    if (close.kind !== ')') throw new ExpressionSyntaxError('missing `)`', close.at, 'close every `(` you open');
    this.depth--;
    return inner;
  }
  /** `true`, `false`, a name, or a call `name(id, ...)`, after the name. */
  private parseNameOrCall(t: Token): Expr {
    if (t.text === 'true') return { type: 'number', value: 1, at: t.at };
    if (t.text === 'false') return { type: 'number', value: 0, at: t.at };
    if (['and', 'or', 'not'].includes(t.text)) {
      throw new ExpressionSyntaxError(`\`${t.text}\` needs something before it`, t.at);
    }
    if (this.peek().kind !== '(') return { type: 'name', name: t.text, at: t.at };
    this.next();
    const args: { text: string; at: number }[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        const arg = this.next();
        if (arg.kind !== 'name') throw new ExpressionSyntaxError(`expected an id inside \`${t.text}(...)\``, arg.at);
        args.push({ text: arg.text, at: arg.at });
        if (this.peek().kind === ',') { this.next(); continue; }
        break;
      }
    }
    const close = this.next();
    if (close.kind !== ')') throw new ExpressionSyntaxError(`missing \`)\` after \`${t.text}(\``, close.at);
    return { type: 'call', name: t.text, args, at: t.at };
  }
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
