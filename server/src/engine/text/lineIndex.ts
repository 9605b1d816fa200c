// Offset ↔ line lookups over a text, by binary search over its line starts. The one implementation for the engine:
// detection, rules, views and reports all number lines from here. Offsets and columns count UTF-16 code units, as
// LSP and SARIF's default do; lines break at `\n` (a `\r\n` line keeps its `\r` at the end).

/** Offset of the first character of each line: `[0, …after every \n]`. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based line holding `offset`, given the text's line starts (offsets before 0 give line 0, past the end the last line). */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface LineIndex {
  /** 0-based line of an offset. */
  lineOf(offset: number): number;
  /** Offset where a 0-based line starts (clamped to the text's lines). */
  lineStart(line: number): number;
  lineCount: number;
}

export function lineIndex(text: string): LineIndex {
  const starts = lineStartsOf(text);
  return {
    lineCount: starts.length,
    lineStart: (line) => starts[Math.max(0, Math.min(line, starts.length - 1))],
    lineOf: (offset) => lineAt(starts, offset),
  };
}
