// Offset → 0-based line lookups by binary search over line starts.
export interface LineIndex {
  lineOf(offset: number): number;
  lineStart(line: number): number;
  lineCount: number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    lineCount: starts.length,
    lineStart: (line) => starts[Math.max(0, Math.min(line, starts.length - 1))],
    lineOf(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}
