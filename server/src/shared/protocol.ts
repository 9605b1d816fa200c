// Custom LSP messages between the language server and any client (the VS Code extension, the sidebar, other editors).
// Both sides import this module; it holds only names and shapes, no behaviour.
import type { Alternative, AnalyzedPrompt, CacheAdvice, CostBreakdown, DocumentAnalysis } from '../engine/types';
import type { AuditReport } from '../engine/audit/types';

export const Requests = {
  /** The analysis of one open document: its prompts with costs and findings. */
  fileAnalysis: 'promptCost/fileAnalysis',
  /** Alternative models for one prompt, cheapest first, with savings. */
  alternatives: 'promptCost/alternatives',
  /** Runs a workspace audit in the server; progress through the work-done token. */
  audit: 'promptCost/audit',
  /** Writes the last audit in a format (json, csv, md, sarif). */
  exportAudit: 'promptCost/exportAudit',
} as const;

export const Notifications = {
  /** Server → client: a document's totals changed (status bar, sidebar). */
  analysisChanged: 'promptCost/analysisChanged',
  /** Server → client, only when asked for (initializationOptions `reportAnalysisTimings: true`): keystroke → diagnostics. */
  analysisTiming: 'promptCost/analysisTiming',
} as const;

/**
 * `promptCost/analysisTiming`: after a change, from the didChange's arrival to the publication of diagnostics covering
 * it; for the server's first publication, from `initialize`'s arrival and from the process start instead.
 */
export interface AnalysisTimingParams {
  uri: string;
  version: number | undefined;
  changeToDiagnosticsMs?: number;
  initializeToDiagnosticsMs?: number;
  processStartToDiagnosticsMs?: number;
}

export interface FileAnalysisParams {
  uri: string;
}
export type FileAnalysisResult = DocumentAnalysis | null;

/** promptCost/alternatives (added by the sidebar): one prompt of an open document, by its id. */
export interface AlternativesParams {
  uri: string;
  promptId: string;
  /** Most rows to return besides the current model; the server's default when absent. */
  limit?: number;
}
/** Null when the document or the prompt is not (or no longer) analysed. */
export type AlternativesResult = {
  promptId: string;
  current: CostBreakdown;
  /** Same provider's smaller tiers first, then other providers; the current model is included and marked. */
  alternatives: Alternative[];
  cache: CacheAdvice;
} | null;

export interface AnalysisChangedParams {
  uri: string;
  prompts: number;
  monthlyCost: number;
  unpricedPrompts: number;
  /** Model id → number of prompts priced on it, for the status bar tooltip. */
  models: Record<string, number>;
  /** Notebooks (sent for the notebook's URI, its total): prompts and monthly cost per code cell that has prompts. */
  cells?: NotebookCellTotals[];
  /** Set when the document was not analysed (too large, parse time limit…): why, in the user's words. */
  skipped?: string;
  /** 'test' for a test or fixture file: its figures are its own, left out of workspace totals unless promptCost.includeTests. */
  scope?: 'test';
  /** How many requests (call sites) the file's prompts are sent by, and the most expensive few, for the tooltip. */
  requests?: { count: number; top: RequestSummary[] };
}

/** One request of a file in the status bar's tooltip. */
export interface RequestSummary {
  /** 1-based line of the call. */
  line: number;
  model: string;
  /** Undefined when a message of it has no price. */
  monthlyCost?: number;
  /** `batch 50%`, `cache_control`, or empty. */
  flags: string;
}

/** One notebook cell's share of the notebook's total; `cellIndex` is 0-based among all cells (markdown counted). */
export interface NotebookCellTotals {
  cellIndex: number;
  prompts: number;
  monthlyCost: number;
}

/** `promptCost/audit` (client → server). Send a `workDoneToken` to receive progress; cancellable. */
export interface AuditParams {
  /** File system paths of the folders to audit; default: every workspace folder. */
  folders?: string[];
  /** Extra exclude globs (the client's `files.exclude` and `search.exclude`), matched like the config's `exclude`. */
  excludes?: string[];
  workDoneToken?: string | number;
}
export interface AuditResult {
  report: AuditReport;
  cancelled: boolean;
  /**
   * The workspace's monthly budget and where it comes from (one folder: its `.promptcost.json` `budgets.monthly`, else
   * the setting; several folders: the setting), as the CLI's budget gate reads it. Absent when none is set.
   */
  budget?: { limit: number; source: string };
}
/** `promptCost/exportAudit`: the last audit in a format; null when no audit ran yet. */
export interface ExportAuditParams {
  format: 'json' | 'csv' | 'md' | 'sarif';
}
export type ExportAuditResult = { content: string } | null;

export type { AnalyzedPrompt, DocumentAnalysis };
