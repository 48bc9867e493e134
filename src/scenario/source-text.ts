import { LineCounter } from 'yaml';
import type { Problem } from './problem.ts';

/** A file's text with yaml's line index, so offsets turn into `line:col` in O(log n). */
export class SourceText {
  private counter: LineCounter | undefined;

  constructor(readonly file: string, readonly text: string) {}

  /** Line starts, indexed once on first use (the parser's own LineCounter sees the same lines). */
  private lines(): LineCounter {
    if (!this.counter) {
      const counter = new LineCounter();
      counter.addNewLine(0);
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
      this.counter = counter;
    }
    return this.counter;
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; col: number } {
    return this.lines().linePos(Math.max(0, offset));
  }

  /** The text of a 1-based line, without its line break. */
  line(line: number): string {
    const starts = this.lines().lineStarts;
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
