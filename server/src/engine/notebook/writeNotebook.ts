// Applies source edits (offsets into the notebook document, see notebookDocument.ts) to the notebook file's bytes.
// Only the `source` values of the changed cells are rewritten; every other byte of the file — indent, key order,
// outputs, trailing newline — is kept as it was.
import { applySourceEdits } from '../rules/index';
import type { SourceEdit } from '../types';
import type { NotebookDocument } from './notebookDocument';
import type { NotebookCell } from './readNotebook';

export interface NotebookEditOutcome {
  bytes: Buffer;
  /** Edits applied (edits that cross a cell boundary are dropped: no fix may join two cells). */
  applied: number;
  dropped: number;
}

export function applyNotebookEdits(fileBytes: Buffer, doc: NotebookDocument, edits: SourceEdit[]): NotebookEditOutcome {
  const perCell = new Map<number, { span: NotebookDocument['cells'][number]; edits: SourceEdit[] }>();
  let dropped = 0;
  for (const edit of edits) {
    const span = doc.cells.find((c) => edit.span.start >= c.start && edit.span.end <= c.end);
    if (!span) {
      dropped++;
      continue;
    }
    const entry = perCell.get(span.cell.index) ?? { span, edits: [] };
    entry.edits.push({ span: { start: edit.span.start - span.start, end: edit.span.end - span.start }, newText: edit.newText });
    perCell.set(span.cell.index, entry);
  }
  const changed = [...perCell.values()].sort((a, b) => a.span.cell.sourceStart - b.span.cell.sourceStart);
  const pieces: Buffer[] = [];
  let cursor = 0;
  let applied = 0;
  for (const { span, edits: cellEdits } of changed) {
    const newSource = applySourceEdits(span.cell.source, cellEdits);
    applied += cellEdits.length;
    pieces.push(fileBytes.subarray(cursor, span.cell.sourceStart));
    pieces.push(Buffer.from(serializeSource(newSource, span.cell, fileBytes), 'utf8'));
    cursor = span.cell.sourceEnd;
  }
  pieces.push(fileBytes.subarray(cursor));
  return { bytes: Buffer.concat(pieces), applied, dropped };
}

/**
 * The cell source in the form the file used: a JSON string, or nbformat's list of lines (each keeping its `\n`)
 * laid out with the same element indent and closing indent as the original list.
 */
function serializeSource(source: string, cell: NotebookCell, fileBytes: Buffer): string {
  if (cell.sourceForm === 'string') return JSON.stringify(source);
  const lines = source.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const original = fileBytes.toString('utf8', cell.sourceStart, cell.sourceEnd);
  const elementIndent = /^\[(\s*)/.exec(original)?.[1] ?? '';
  const closingIndent = /(\s*)\]$/.exec(original)?.[1] ?? '';
  if (lines.length === 0) return '[]';
  if (!elementIndent.includes('\n')) return `[${lines.map((l) => JSON.stringify(l)).join(', ')}]`;
  return `[${elementIndent}${lines.map((l) => JSON.stringify(l)).join(`,${elementIndent}`)}${closingIndent}]`;
}
