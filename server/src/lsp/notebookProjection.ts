// A notebook is analysed as one document (its code cells of one language, concatenated: engine/notebook's layout);
// the editor asks per cell. This turns the notebook's analysis into one cell's analysis in that cell's own offsets:
// its prompts, its findings (wherever their prompt is), fix edits that stay inside the cell. Nothing straddles cells.
import type { AnalyzedPrompt, DetectedPrompt, DocumentAnalysis, Finding, Fix, PromptPart, SourceSpan } from '../engine/types';

/** Where one cell's text sits in the concatenated text. */
export interface CellPlacement {
  /** The cell document's URI (`vscode-notebook-cell:…`). */
  uri: string;
  /** 0-based index among all the notebook's cells (markdown counted), as in the .ipynb file and the audit. */
  index: number;
  /** Offset of the cell's first character; `end` is just past its last (the joining `\n` belongs to no cell). */
  start: number;
  end: number;
  /** 0-based line of the cell's first line in the concatenated text, and how many lines the cell has. */
  firstLine: number;
  lineCount: number;
}

/** The cell that holds the whole span, if one does. */
export function cellOfSpan(cells: CellPlacement[], span: SourceSpan): CellPlacement | undefined {
  return cells.find((c) => span.start >= c.start && span.end <= c.end);
}

/** The notebook's analysis with each prompt's `cellIndex` set (prompts keep their offsets in the concatenated text). */
export function withCellIndexes(analysis: DocumentAnalysis, cells: CellPlacement[]): DocumentAnalysis {
  return {
    ...analysis,
    prompts: analysis.prompts.map((p) => {
      const cell = cellOfSpan(cells, p.prompt.span);
      return cell ? { ...p, prompt: { ...p.prompt, cellIndex: cell.index } } : p;
    }),
    // The layout these offsets belong to, for clients that map a span to its cell (the sidebar).
    notebookCells: cells.map((c) => ({ index: c.index, uri: c.uri, group: analysis.uri, start: c.start, end: c.end })),
  };
}

/** One cell's view of the notebook's analysis, in the cell's offsets and lines. */
export function projectToCell(analysis: DocumentAnalysis, cells: CellPlacement[], cell: CellPlacement): DocumentAnalysis {
  const inCell = (span: SourceSpan) => span.start >= cell.start && span.end <= cell.end;
  const prompts: AnalyzedPrompt[] = [];
  const documentFindings: Finding[] = [];
  for (const analyzed of analysis.prompts) {
    if (inCell(analyzed.prompt.span)) {
      prompts.push({
        prompt: shiftPrompt(analyzed.prompt, cell),
        cost: analyzed.cost,
        findings: analyzed.findings.filter((f) => inCell(f.span)).map((f) => shiftFinding(f, cell)),
      });
    } else {
      // A prompt of another cell can have a finding here (its call site): it shows on this cell.
      documentFindings.push(...analyzed.findings.filter((f) => inCell(f.span)).map((f) => shiftFinding(f, cell)));
    }
  }
  documentFindings.push(...analysis.documentFindings.filter((f) => inCell(f.span)).map((f) => shiftFinding(f, cell)));
  const priced = prompts.filter((p) => p.cost.costPerMonth !== undefined);
  return {
    uri: cell.uri,
    language: analysis.language,
    prompts,
    documentFindings,
    ...(analysis.skipped ? { skipped: analysis.skipped } : {}),
    totals: {
      monthlyCost: priced.reduce((sum, p) => sum + (p.cost.costPerMonth ?? 0), 0),
      unpricedPrompts: prompts.length - priced.length,
      prompts: prompts.length,
    },
  };
}

function shiftSpan(span: SourceSpan, cell: CellPlacement): SourceSpan {
  return { start: span.start - cell.start, end: span.end - cell.start };
}

/** A line of the concatenated text as a line of this cell; undefined when it is in another cell. */
function cellLine(line: number | undefined, cell: CellPlacement): number | undefined {
  if (line === undefined) return undefined;
  const local = line - cell.firstLine;
  return local >= 0 && local < cell.lineCount ? local : undefined;
}

function shiftPrompt(prompt: DetectedPrompt, cell: CellPlacement): DetectedPrompt {
  const model = prompt.model
    ? (() => {
        const { span, literal, line, ...rest } = prompt.model;
        const here = span && span.start >= cell.start && span.end <= cell.end;
        const localLine = cellLine(line, cell);
        return {
          ...rest,
          ...(here ? { span: shiftSpan(span, cell), ...(literal !== undefined ? { literal } : {}) } : {}),
          ...(localLine !== undefined ? { line: localLine } : {}),
        };
      })()
    : undefined;
  return {
    ...prompt,
    span: shiftSpan(prompt.span, cell),
    parts: prompt.parts.map((part) => shiftPart(part, cell)),
    signals: prompt.signals.map(({ line, ...signal }) => {
      const localLine = cellLine(line, cell);
      return localLine !== undefined ? { ...signal, line: localLine } : signal;
    }),
    ...(model ? { model } : {}),
    cellIndex: cell.index,
  };
}

function shiftPart(part: PromptPart, cell: CellPlacement): PromptPart {
  if (part.kind === 'placeholder') return { ...part, span: shiftSpan(part.span, cell) };
  return { ...part, span: shiftSpan(part.span, cell), offsets: part.offsets.map((o) => o - cell.start) };
}

function shiftFinding(finding: Finding, cell: CellPlacement): Finding {
  const { fix, ...rest } = finding;
  const shiftedFix = fix ? shiftFix(fix, cell) : undefined;
  return { ...rest, span: shiftSpan(finding.span, cell), ...(shiftedFix ? { fix: shiftedFix } : {}) };
}

/** A fix whose edits all stay in the cell; one edit elsewhere drops the fix (half a fix would be wrong). */
function shiftFix(fix: Fix, cell: CellPlacement): Fix | undefined {
  if (!fix.edits.every((e) => e.span.start >= cell.start && e.span.end <= cell.end)) return undefined;
  return { ...fix, edits: fix.edits.map((e) => ({ span: shiftSpan(e.span, cell), newText: e.newText })) };
}
