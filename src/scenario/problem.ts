/** Past this many, a file is reported with its first problems and a note that more follow. */
export const MAX_PROBLEMS = 50;

/** One thing wrong with a scenario file, located so a writer can jump to it. */
export interface Problem {
  file: string;
  /** 1-based line and column. */
  line: number;
  col: number;
  message: string;
  /** What would fix it, e.g. "there is a party named `hamas`". */
  hint?: string;
  /** The text of the offending line (without its newline). */
  sourceLine: string;
}

/** `file:line:col: error: message`, the line with a caret under the column, and the hint. */
export function formatProblem(problem: Problem): string {
  const lines = [`${problem.file}:${problem.line}:${problem.col}: error: ${problem.message}`];
  if (problem.sourceLine.length > 0) {
    // Long lines are shown as a window around the column so the caret stays on screen.
    const start = problem.col > 100 ? problem.col - 60 : 0;
    const text = problem.sourceLine.replace(/[\u0000-\u001F\u007F]/g, ' ');
    const window = text.slice(start, start + 160);
    const shown = `${start > 0 ? '…' : ''}${window}${start + 160 < text.length ? '…' : ''}`;
    lines.push(`  ${shown}`);
    lines.push(`  ${' '.repeat(problem.col - 1 - start + (start > 0 ? 1 : 0))}^`);
  }
  if (problem.hint) lines.push(`  hint: ${problem.hint}`);
  return lines.join('\n');
}

/** With more than `problems` were found (`total`), a closing note says the list stops here. */
export function withOverflowNote(problems: Problem[], total: number): Problem[] {
  if (total <= problems.length || problems.length === 0) return problems;
  const last = problems[problems.length - 1]!;
  return [...problems, { ...last, message: `… and more problems after these ${problems.length}; fix these first`, hint: undefined }];
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n\n');
}

/** Thrown by loaders when a file is rejected; carries every problem found. */
export class ScenarioRejected extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ScenarioRejected';
  }
}
