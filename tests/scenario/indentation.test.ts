/**
 * Indentation and tab mistakes in the bundled template: each is one problem at the misplaced
 * line, with a plain hint, and none of the parser's follow-on errors on the valid lines after it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Problem } from '../../src/scenario/index.ts';

const TEMPLATE = readFileSync(new URL('../../scenarios/template.yaml', import.meta.url), 'utf8');
const LINES = TEMPLATE.split('\n');

/** The 1-based number of the template line that is exactly `text`. */
function lineOf(text: string, after = 0): number {
  const index = LINES.findIndex((line, i) => i >= after && line === text);
  if (index < 0) throw new Error(`the template has no line \`${text}\``);
  return index + 1;
}

/** The template with line `line` (1-based) replaced. */
function withLine(line: number, text: string): string {
  return LINES.map((l, i) => (i === line - 1 ? text : l)).join('\n');
}

function problemsOf(text: string): Problem[] {
  const result = loadScenario(text, 'truce.yaml');
  if (result.ok) throw new Error('expected the loader to reject this file');
  return result.problems;
}

const SECOND_RELEASE = lineOf('  - id: second-release');
const KIND = SECOND_RELEASE + 1;
const GRACE = lineOf('    grace: 5 days');
const INDENT_HINT = (n: number) => `YAML reads indentation as structure: indent this line by ${n} spaces, like its neighbours`;

describe('indentation mistakes', () => {
  it('the template itself loads, so every problem below comes from the one changed line', () => {
    expect(loadScenario(TEMPLATE, 'truce.yaml').ok).toBe(true);
    expect(LINES[KIND - 1]).toBe('    kind: release');
  });

  it('an obligation line indented one space too far is one problem on that line, not the line before', () => {
    const problems = problemsOf(withLine(KIND, '     kind: release'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: KIND, col: 6, message: 'this line is indented 5 spaces; the lines around it use 4', hint: INDENT_HINT(4) });
  });

  it('an obligation line indented one space too little is one problem, without errors on the valid lines after it', () => {
    const problems = problemsOf(withLine(KIND, '   kind: release'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: KIND, col: 4, message: 'this line is indented 3 spaces; the lines around it use 4', hint: INDENT_HINT(4) });
  });

  it('a tab used for indentation is one problem at the tab', () => {
    const problems = problemsOf(withLine(KIND, '\tkind: release'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: KIND, col: 1, message: 'a tab is used for indentation', hint: 'YAML does not allow tabs for indentation: use spaces' });
    const mixed = problemsOf(withLine(KIND, '  \t  kind: release'));
    expect(mixed.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([`${KIND}:3 a tab is used for indentation`]);
  });

  it('a key dedented to the obligations list level is one problem on that key', () => {
    const problems = problemsOf(withLine(GRACE, '  grace: 5 days'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: GRACE, col: 3, message: 'this line is indented 2 spaces; the lines around it use 4', hint: INDENT_HINT(4) });
  });

  it('a key dedented to the top level is blamed, not the valid line under it that YAML trips on', () => {
    const problems = problemsOf(withLine(GRACE, 'grace: 5 days'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: GRACE, col: 1, message: 'this line is indented 0 spaces; the lines around it use 4', hint: INDENT_HINT(4) });
  });

  it('mistakes in two sections are two problems, each on its own line', () => {
    const trust = lineOf('    trust: 0.3                      # 0..1, default 0.5');
    const text = withLine(KIND, '\tkind: release').split('\n').map((l, i) => (i === trust - 1 ? '   trust: 0.3' : l)).join('\n');
    expect(problemsOf(text).map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      `${trust}:4 this line is indented 3 spaces; the lines around it use 4`,
      `${KIND}:1 a tab is used for indentation`,
    ]);
  });

  it('two tabs in the same list are two problems, and nothing else', () => {
    const bodies = lineOf('    kind: release', GRACE - 8);
    const text = withLine(KIND, '\tkind: release').split('\n').map((l, i) => (i === bodies - 1 ? '\tkind: release' : l)).join('\n');
    expect(problemsOf(text).map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([`${KIND}:1 a tab is used for indentation`, `${bodies}:1 a tab is used for indentation`]);
  });

  it('text that continues on more indented lines is not an indentation mistake', () => {
    const summary = lineOf('period: Month Year                # when the talks or the truce happened');
    const text = withLine(summary, 'period: Month\n  Year').replace('    text: halt military operations', '    text: "halt military\n      operations"');
    const result = loadScenario(text, 'truce.yaml');
    expect(result.ok ? [] : result.problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([]);
  });
});
