// "This file" for a Jupyter notebook: the notebook is one file (its total), its prompts are listed by cell. The
// notebook's analysis (`promptCost/fileAnalysis` for the notebook's URI) keeps offsets in the concatenated text of its
// cells; `notebookCells` says where each cell sits in it, so a span can be shown and revealed in its cell.
import type { AnalyzedPrompt, DetectedPrompt, DocumentAnalysis, ModelReference, NotebookCellPlacement, SourceSpan } from '../types';
import { buildFileView, lineIndex, promptAtOffset, promptRow, type CellTotalsView, type FileView, type PromptRow } from './fileView';
import { formatUsd } from './format';
import { cellTotals } from '../notebook/cellTotals';

/** `Cell 3` for index 2: 1-based and markdown cells counted, as the status bar's tooltip counts them. */
export function cellLabel(index: number): string {
  return `Cell ${index + 1}`;
}

/** A notebook-level span placed in its cell: the cell's URI and index, and the span in the cell's own offsets. */
export interface CellSpan {
  uri: string;
  cellIndex: number;
  span: SourceSpan;
}

/**
 * The cell that holds `span`. Offsets only compare within one concatenated document (one per cell language), so the
 * search stays in the group of the prompt's own cell (`homeCellIndex`); a span that straddles cells has no cell.
 */
export function spanInCell(analysis: DocumentAnalysis, homeCellIndex: number | undefined, span: SourceSpan): CellSpan | undefined {
  const cells = analysis.notebookCells ?? [];
  const home = cells.find((c) => c.index === homeCellIndex);
  if (!home) return undefined;
  const cell = cells.find((c) => c.group === home.group && span.start >= c.start && span.end <= c.end);
  return cell ? { uri: cell.uri, cellIndex: cell.index, span: { start: span.start - cell.start, end: span.end - cell.start } } : undefined;
}

/**
 * Where "Use this model" edits for a notebook prompt: the cell that holds the model literal (often the cell of the
 * call, not of the prompt) and the reference with its span in that cell's offsets. Undefined without a located literal.
 */
export function modelInCell(analysis: DocumentAnalysis, prompt: DetectedPrompt): { uri: string; model: ModelReference } | undefined {
  const model = prompt.model;
  if (!model?.literal || !model.span) return undefined;
  const placed = spanInCell(analysis, prompt.cellIndex, model.span);
  return placed ? { uri: placed.uri, model: { ...model, span: placed.span } } : undefined;
}

/**
 * The notebook's rows, each located in its cell (line inside the cell, cell offsets, `Cell N`), and its cells' totals.
 * `cellText` gives a cell's current text by URI, for line numbers. An analysis without cell placements (an older
 * server) is shown like a file.
 */
export function buildNotebookView(analysis: DocumentAnalysis, cellText: (cellUri: string) => string | undefined): FileView {
  const base = buildFileView(analysis);
  if (!analysis.notebookCells) return base;
  const lineFinders = new Map<string, ((offset: number) => number) | undefined>();
  const lineIn = (uri: string, offset: number): number => {
    if (!lineFinders.has(uri)) {
      const text = cellText(uri);
      lineFinders.set(uri, text === undefined ? undefined : lineIndex(text));
    }
    // A cell whose text is gone (closed while the answer travelled) shows at its first line until the next refresh.
    return lineFinders.get(uri)?.(offset) ?? 0;
  };
  const rows = analysis.prompts.map((p, i) => {
    const placed = spanInCell(analysis, p.prompt.cellIndex, p.prompt.span);
    if (!placed) return base.rows[i];
    const cell = { index: placed.cellIndex, uri: placed.uri, label: cellLabel(placed.cellIndex) };
    return promptRow(p, { line: lineIn(placed.uri, placed.span.start), start: placed.span.start, end: placed.span.end, cell });
  });
  return { ...base, rows, cells: cellTotalViews(analysis.prompts) };
}

/** The engine's per-cell sums (notebook/cellTotals.ts, also sent to the status bar) with labels and formatted money. */
function cellTotalViews(prompts: readonly AnalyzedPrompt[]): CellTotalsView[] {
  return cellTotals(prompts).map((t) => ({
    index: t.cellIndex,
    label: cellLabel(t.cellIndex),
    prompts: t.prompts,
    monthlyCost: t.monthlyCost,
    unpricedPrompts: t.unpricedPrompts,
    text: { monthlyCost: t.prompts === t.unpricedPrompts ? formatUsd(undefined) : formatUsd(t.monthlyCost) },
  }));
}

/** The prompt under a cursor in one cell editor: only that cell's rows, in the cell's offsets. */
export function promptAtCellOffset(rows: readonly PromptRow[], cellUri: string, offset: number): PromptRow | undefined {
  return promptAtOffset(rows.filter((r) => r.cell?.uri === cellUri), offset);
}

export type { NotebookCellPlacement };
