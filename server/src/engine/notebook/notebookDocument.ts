// A notebook's code cells as ONE document, so a prompt bound in one cell and sent in a later one is found (detection
// follows names across the whole text), with a map from document offsets back to cell and line.
// Layout (documented in docs/design/audit.md): code cells in notebook order with exactly one `\n` inserted between
// consecutive cells, so a cell's first document line is the sum of the line counts of the cells before it.
import type { Notebook, NotebookCell, NotebookLanguage } from './readNotebook';

export interface CellSpan {
  cell: NotebookCell;
  /** Offset of the cell's first character in the document text. */
  start: number;
  /** Offset just past its last character (the separator `\n` is not part of the cell). */
  end: number;
  /** 0-based document line of the cell's first line. */
  firstLine: number;
}

export interface NotebookDocument {
  text: string;
  language: NotebookLanguage;
  cells: CellSpan[];
}

/** VS Code / LSP language id for the notebook's kernel language. */
export const NOTEBOOK_LANGUAGE_IDS: Record<NotebookLanguage, string> = {
  python: 'python',
  typescript: 'typescript',
  javascript: 'javascript',
};

export function notebookDocument(notebook: Notebook): NotebookDocument {
  const pieces: string[] = [];
  const cells: CellSpan[] = [];
  let offset = 0;
  let line = 0;
  for (const cell of notebook.codeCells) {
    const text = notebook.language === 'python' ? maskIPythonSyntax(cell.source) : cell.source;
    cells.push({ cell, start: offset, end: offset + text.length, firstLine: line });
    pieces.push(text);
    offset += text.length + 1;
    line += countLines(text);
  }
  return { text: pieces.join('\n'), language: notebook.language, cells };
}

/** The cell holding a document offset, and the 0-based line inside it. */
export function locateInNotebook(doc: NotebookDocument, documentLine: number): { cell: CellSpan; line: number } | undefined {
  let lo = 0;
  let hi = doc.cells.length - 1;
  let found: CellSpan | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.cells[mid].firstLine <= documentLine) {
      found = doc.cells[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ? { cell: found, line: documentLine - found.firstLine } : undefined;
}

/** Number of lines a text occupies (a text with no `\n` is one line). */
function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * IPython's `%magic`, `!shell` and `%%cell magic` lines are not Python; left in, they derail the parser for the lines
 * after them. They become comments of the same length, so every offset still maps to the same cell character.
 */
export function maskIPythonSyntax(source: string): string {
  const firstCode = source.trimStart();
  if (firstCode.startsWith('%%')) return source.replace(/^([ \t]*)\S/gm, '$1#'); // the whole cell is another language
  return source.replace(/^([ \t]*)[%!](?=\S)/gm, '$1#');
}
