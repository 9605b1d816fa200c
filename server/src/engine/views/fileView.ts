// "This file" table of the sidebar: one row per prompt of a document analysis, sortable, with the figures both as
// numbers (for sorting) and as display text (so the webview only renders).
import type { AnalyzedPrompt, DocumentAnalysis, PromptRole } from '../types';
import { lineIndex as sharedLineIndex } from '../text/lineIndex';
import { promptLocalName } from '../cost/fragments';
import { formatTokens, formatUsd } from './format';
import { monthlyCostOverRequests } from '../cost/requestShares';
import { requestRows, type RequestRow } from './requestRows';

export interface PromptRow {
  promptId: string;
  /** The bound name (`SYSTEM_PROMPT`) or, without one, how the prompt is used (`passed as system= to …`). */
  label: string;
  /** First words of the static text, placeholders as written, whitespace collapsed. Always shown as text. */
  preview: string;
  role: PromptRole;
  /** 1-based line of the prompt's start. */
  line: number;
  /** UTF-16 offsets of the whole prompt expression, for revealing it in the editor. */
  start: number;
  end: number;
  /** Notebooks: the code cell that holds the prompt; `line`, `start` and `end` are then inside that cell. */
  cell?: { index: number; uri: string; label: string };
  modelId: string;
  provider: string;
  tokens: number;
  exact: boolean;
  costPerCall?: number;
  costPerMonth?: number;
  callsPerDay: number;
  findings: number;
  /**
   * A fragment (`fragmentOf`): the local name of the larger prompt it is sent inside (`SYSTEM`). Its cost is counted
   * there, so the row has no money of its own (`costPerCall`/`costPerMonth` unset) and says `in SYSTEM`, as the hint.
   */
  partOf?: string;
  /**
   * Set when several calls send this text: how many requests. `costPerMonth` is then the sum over them (as the inline
   * hint), `costPerCall`, model and tokens those of its first request.
   */
  requests?: number;
  text: { tokens: string; costPerCall: string; costPerMonth: string; callsPerDay: string };
}

export interface FileView {
  uri: string;
  rows: PromptRow[];
  totals: { prompts: number; monthlyCost: number; unpricedPrompts: number; monthlyCostText: string };
  /** The document's requests (call sites), most expensive first: model, tools, output, reasoning, batch/cache flags. */
  requests?: RequestRow[];
  /** Why the document was not analysed, for the user. */
  skipped?: string;
  /** Notebooks (notebookView.ts): the cells that hold prompts, in cell order, each with its share of the total. */
  cells?: CellTotalsView[];
  /** Set for a test or fixture file (config/testScope.ts): its prompts are listed but not in the workspace figures. */
  scopeNote?: string;
}

export const TEST_FILE_NOTE = 'A test or fixture file: its prompts are shown here but not counted in the workspace total or budget (setting promptCost.includeTests counts them).';

/** One notebook cell's prompts and monthly cost (the figures `promptCost/analysisChanged` sends per cell). */
export interface CellTotalsView {
  index: number;
  /** `Cell 3`: 1-based, markdown cells counted, as the status bar's tooltip. */
  label: string;
  prompts: number;
  monthlyCost: number;
  unpricedPrompts: number;
  text: { monthlyCost: string };
}

/** Where a row's prompt sits in the document (or cell) the editor shows. */
export interface RowLocation {
  /** 0-based. */
  line: number;
  start: number;
  end: number;
  cell?: PromptRow['cell'];
}

export type PromptSortKey = 'line' | 'label' | 'model' | 'tokens' | 'costPerCall' | 'costPerMonth';
export type SortDirection = 'asc' | 'desc';

const PREVIEW_CHARS = 80;

/** Builds the rows of one document's analysis. `documentText` gives line numbers; without it lines come from signals. */
export function buildFileView(analysis: DocumentAnalysis, documentText?: string): FileView {
  const lineOf = documentText === undefined ? undefined : lineIndex(documentText);
  const rows = analysis.prompts.map((p) => {
    const line = lineOf ? lineOf(p.prompt.span.start) : (p.prompt.signals.find((s) => s.line !== undefined)?.line ?? 0);
    return promptRow(p, { line, start: p.prompt.span.start, end: p.prompt.span.end });
  });
  return {
    uri: analysis.uri,
    rows,
    totals: {
      prompts: analysis.totals.prompts,
      monthlyCost: analysis.totals.monthlyCost,
      unpricedPrompts: analysis.totals.unpricedPrompts,
      monthlyCostText: formatUsd(analysis.totals.monthlyCost),
    },
    requests: requestRows(analysis),
    ...(analysis.skipped ? { skipped: analysis.skipped.reason } : {}),
    ...(analysis.scope === 'test' ? { scopeNote: TEST_FILE_NOTE } : {}),
  };
}

/** One prompt's row, placed where the editor shows it (a file's offsets, or a notebook cell's). */
export function promptRow(analyzed: AnalyzedPrompt, at: RowLocation): PromptRow {
  const { prompt, cost, findings } = analyzed;
  // A fragment's own share would be paid twice if shown beside its larger prompt's cost (the totals leave it out too).
  const partOf = prompt.fragmentOf ? promptLocalName(prompt.fragmentOf) : undefined;
  const costPerCall = partOf ? undefined : cost.costPerCall;
  const requests = partOf || !analyzed.moreRequests?.length ? undefined : analyzed.moreRequests.length + 1;
  const costPerMonth = partOf ? undefined : monthlyCostOverRequests(analyzed);
  return {
    promptId: prompt.id,
    label: prompt.symbol ?? prompt.signals[0]?.detail ?? `${prompt.role} prompt`,
    preview: promptPreview(prompt.parts),
    role: prompt.role,
    line: at.line + 1,
    start: at.start,
    end: at.end,
    ...(at.cell ? { cell: at.cell } : {}),
    modelId: cost.model.id,
    provider: cost.model.provider,
    tokens: cost.tokens.input,
    exact: cost.tokens.exact,
    costPerCall,
    costPerMonth,
    callsPerDay: cost.volume.callsPerDay,
    findings: findings.length,
    ...(partOf ? { partOf } : {}),
    ...(requests ? { requests } : {}),
    text: {
      // Estimated as the inline hint says: by the tokenizer, or by placeholders sized by a guess (`≈108 tok +2 vars`).
      tokens: formatTokens(cost.tokens.input, cost.tokens.exact && (cost.tokens.estimatedPlaceholders ?? cost.tokens.placeholderCount) === 0),
      costPerCall: formatUsd(costPerCall),
      costPerMonth: partOf ? `in ${partOf}` : formatUsd(costPerMonth),
      callsPerDay: formatTokens(cost.volume.callsPerDay),
    },
  };
}

export function promptPreview(parts: AnalyzedPrompt['prompt']['parts']): string {
  const joined = parts.map((p) => (p.kind === 'text' ? p.text : p.source)).join('');
  const collapsed = joined.replace(/\s+/g, ' ').trim();
  return collapsed.length > PREVIEW_CHARS ? `${collapsed.slice(0, PREVIEW_CHARS - 1)}…` : collapsed;
}

/**
 * Sorted copy. Rows without a price always go last (an unknown cost is not a small cost), and by cost fragments after
 * them (their cost is another row's); ties keep source order.
 */
export function sortPromptRows(rows: readonly PromptRow[], key: PromptSortKey, direction: SortDirection): PromptRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const value = (r: PromptRow): number | string | undefined => {
    switch (key) {
      case 'line': return position(r);
      case 'label': return r.label.toLowerCase();
      case 'model': return r.modelId.toLowerCase();
      case 'tokens': return r.tokens;
      case 'costPerCall': return r.costPerCall;
      case 'costPerMonth': return r.costPerMonth;
    }
  };
  const byCost = key === 'costPerCall' || key === 'costPerMonth';
  return [...rows].sort((a, b) => {
    if (byCost && !a.partOf !== !b.partOf) return a.partOf ? 1 : -1;
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) {
      if (va !== vb) return va === undefined ? 1 : -1;
      return position(a) - position(b);
    }
    const order = va < vb ? -1 : va > vb ? 1 : 0;
    return order !== 0 ? order * sign : position(a) - position(b);
  });
}

/** Source order: a notebook's cells first, then the line inside the cell (no cell holds a million lines). */
function position(r: PromptRow): number {
  return (r.cell?.index ?? 0) * 1_000_000 + r.line;
}

/** The innermost prompt whose expression contains the offset (a cursor just after the closing quote still counts). */
export function promptAtOffset(rows: readonly PromptRow[], offset: number): PromptRow | undefined {
  let best: PromptRow | undefined;
  for (const r of rows) {
    if (offset < r.start || offset > r.end) continue;
    if (!best || r.end - r.start < best.end - best.start) best = r;
  }
  return best;
}

/** offset → 0-based line (the engine's shared line index; the notebook view finds lines in cells with it too). */
export function lineIndex(text: string): (offset: number) => number {
  return sharedLineIndex(text).lineOf;
}
