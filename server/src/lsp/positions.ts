// Engine spans (UTF-16 offsets) to LSP ranges and back, against the document version the analysis was made from.
import type { Position, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceSpan } from '../engine/types';

export function spanToRange(document: TextDocument, span: SourceSpan): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function rangeToSpan(document: TextDocument, range: Range): SourceSpan {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** True when the two half-open spans share a character, or `b` is empty and sits inside or at the edge of `a`. */
export function spansTouch(a: SourceSpan, b: SourceSpan): boolean {
  if (b.start === b.end) return b.start >= a.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/** End of the line that holds `position` (before the line break). */
export function endOfLine(document: TextDocument, line: number): Position {
  const next = line + 1 < document.lineCount ? document.offsetAt({ line: line + 1, character: 0 }) : document.getText().length;
  const text = document.getText({ start: { line, character: 0 }, end: document.positionAt(next) });
  return { line, character: text.replace(/\r?\n$/, '').length };
}
