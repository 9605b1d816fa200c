// Applies non-overlapping source edits back to front, to check the text an edit produces.
import type { SourceEdit } from '../../server/src/engine/types';

export function applySourceEditsForTest(text: string, edits: SourceEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}
