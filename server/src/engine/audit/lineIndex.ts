// Offset → 1-based line and column for reports. Columns count UTF-16 code units, as LSP and SARIF's default do.
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 0-based line of an offset. */
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
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
