// Custom LSP messages between the language server and any client (the VS Code extension, the sidebar, other editors).
// Both sides import this module; it holds only names and shapes, no behaviour.
import type { AnalyzedPrompt, DocumentAnalysis } from '../engine/types';

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
  /** Client → server: the user asked to reveal a prompt in the sidebar (from the hover link). */
  revealPrompt: 'promptCost/revealPrompt',
} as const;

export interface FileAnalysisParams {
  uri: string;
}
export type FileAnalysisResult = DocumentAnalysis | null;

export interface AnalysisChangedParams {
  uri: string;
  prompts: number;
  monthlyCost: number;
  unpricedPrompts: number;
  /** Model id → number of prompts priced on it, for the status bar tooltip. */
  models: Record<string, number>;
}

export type { AnalyzedPrompt, DocumentAnalysis };
