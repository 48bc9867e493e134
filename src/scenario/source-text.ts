import type { Problem } from './problem.ts';

/** A file's text with a line index, so offsets turn into `line:col` in O(log n). */
export class SourceText {
  private lineStarts: number[] | undefined;

  constructor(readonly file: string, readonly text: string) {}

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; col: number } {
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  line(line: number): string {
    const starts = this.starts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }

  problemAt(offset: number, message: string, hint?: string): Problem {
    const { line, col } = this.position(offset);
    return this.problemAtPosition(line, col, message, hint);
  }

  problemAtPosition(line: number, col: number, message: string, hint?: string): Problem {
    return { file: this.file, line, col, message, hint, sourceLine: this.line(line) };
  }
}
