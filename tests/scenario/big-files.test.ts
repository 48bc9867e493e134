/**
 * Files up to the 1 MB limit of every shape that makes YAML big get the right answer: accepted, or
 * the token bound's message at the token that crosses it (docs/scenario-format.md, "Bounds").
 * The time they take is measured by `npm run bench` (validate) and `npm run fuzz`, not here.
 */
import fc from 'fast-check';
import { Lexer } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';
import { countText, MAX_TOKENS } from '../../src/scenario/screen.ts';
import { bundledBases } from '../fuzz/bases.ts';
import { BIG_SHAPES, largestUnderTokenBound } from '../fuzz/big-shapes.ts';
import { generateCase } from '../fuzz/mutate.ts';

/** The offset of each token yaml's lexer makes of the text (control markers left out), up to `limit` of them. */
function lexedTokens(text: string, limit = Infinity): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 0 || (token.length === 1 && token < ' ' && token !== '\n' && token !== '\t')) continue;
    if (starts.length === limit) break;
    starts.push(offset);
    offset += token.length;
  }
  return starts;
}

function position(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** Shapes with few tokens per byte are accepted even at 1 MB. */
const FEW_TOKENS = new Set(['long plain line', 'long quoted line', 'long block scalar', 'many comments']);

/** Under the token bound, what the rest of the loader says of each shape. */
const UNDER_THE_BOUND: Record<string, RegExp | 'accepted'> = {
  'empty items': /`obligations\.0`: expected object, found nothing/,
  commas: /unexpected , in flow sequence/,
  'piled anchors and tags': /at most one (tag|anchor)/,
};

describe('files up to 1 MB, shape by shape', () => {
  for (const [name, make] of Object.entries(BIG_SHAPES)) {
    it(`${name}, 1 MB: ${FEW_TOKENS.has(name) ? 'accepted' : 'the token bound, at the token that crosses it'}`, () => {
      const text = make(1_000_000);
      expect(text.length).toBeGreaterThan(990_000);
      const result = loadScenario(text, 'big.yaml');
      if (FEW_TOKENS.has(name)) {
        if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
        return;
      }
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const starts = lexedTokens(text, MAX_TOKENS + 1);
      expect(starts).toHaveLength(MAX_TOKENS + 1);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ file: 'big.yaml', ...position(text, starts[MAX_TOKENS]!), message: 'the file has more than 50,000 YAML tokens (keys, values, punctuation, comments, line breaks)' });
      expect(result.problems[0]!.hint).toMatch(/split the scenario/);
    });

    it(`${name}, just under the token bound: ${String(UNDER_THE_BOUND[name] ?? 'accepted')}`, () => {
      const text = largestUnderTokenBound(make);
      const result = loadScenario(text, 'big.yaml');
      const expected = UNDER_THE_BOUND[name] ?? 'accepted';
      if (expected === 'accepted') {
        if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
        return;
      }
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]!.message).toMatch(expected);
    });
  }
});

describe('the token estimate of the pre-screen', () => {
  // Only a file whose estimate crosses the bound is lexed: an estimate below the true count would let a file past the bound.
  const atLeastLexed = (text: string) => {
    const counts = countText(text);
    if (counts.tooDeep === undefined) expect(counts.tokenEstimate).toBeGreaterThanOrEqual(lexedTokens(text).length);
  };

  it('is at least the lexer\'s count on the bundled scenarios, fuzzed ones and every shape', () => {
    const bases = bundledBases();
    for (const { text } of bases) atLeastLexed(text);
    for (let i = 0; i < 200; i++) atLeastLexed(generateCase('estimate', i, bases).text);
    for (const make of Object.values(BIG_SHAPES)) atLeastLexed(make(20_000));
  });

  it('is at least the lexer\'s count on any text of YAML punctuation, blanks and words', () => {
    const pieces = ['a', 'b1', ' ', '\t', '\n', '\r', '\r\n', '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '.', '...', '---', '\\', 'é', '<', '!<', '\uFEFF', '~', '/'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => atLeastLexed(parts.join(''))), { numRuns: 10_000, seed: 7 });
  });
});
