// Offset → 1-based line and column for reports, over the engine's shared line index (server/src/engine/text/lineIndex.ts).
// Columns count UTF-16 code units, as LSP and SARIF's default do.
import { lineAt, lineStartsOf } from '../text/lineIndex';

export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    this.starts = lineStartsOf(text);
  }

  /** 0-based line of an offset. */
  line(offset: number): number {
    return lineAt(this.starts, offset);
  }

  /** 1-based line and column of a start offset. */
  position(offset: number): { line: number; column: number } {
    const line = this.line(offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }

  /**
   * End of a half-open span [start, end): the line holding its last character (lines are inclusive) and the 1-based
   * column just past that character (exclusive, as ESLint's `endColumn` and SARIF's).
   */
  endPosition(start: number, end: number): { line: number; column: number } {
    const line = this.line(Math.max(start, end - 1));
    return { line: line + 1, column: end - this.starts[line] + 1 };
  }
}
