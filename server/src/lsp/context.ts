// What every LSP feature module receives: the connection, the open documents and the analysis cache.
// Feature modules export `register(ctx: ServerContext)` and server.ts calls each one; they never import each other.
import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../engine/types';
import type { Settings } from '../engine/config/settings';
import type { WorkspaceConfig } from '../engine/config/workspaceConfig';
import type { AnalysisContext } from '../engine/analyze';
import type { AnalysisTimings } from './analysisTiming';
import type { StartupTimeline } from './startupTimeline';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The current analysis of an open document (debounced, cached per version); null when not analysable. */
  getAnalysis(uri: string): Promise<DocumentAnalysis | null>;
  /** Called after every (re-)analysis of an open document. */
  onAnalysis(listener: (analysis: DocumentAnalysis) => void): void;
  /** Workspace folder paths the client opened (file system paths). */
  workspaceFolders(): string[];
  /** The user's settings as last read through `workspace/configuration` (defaults until then). */
  settings(): Settings;
  /** What the engine needs to price a document's prompts: settings, its folder's `.promptcost.json`, its relative path. */
  analysisContext(uri: string): AnalysisContext;
  /** The `.promptcost.json` that applies to a document (its workspace folder's last valid one). */
  workspaceConfigFor(uri: string): WorkspaceConfig | undefined;
  /** Feature modules declare what they provide here while registering; sent as the initialize result. */
  capabilities: ServerCapabilities;
  /** What the client said it supports (empty before initialize). */
  clientCapabilities(): ClientCapabilities;
  /** Keystroke → diagnostics times, for clients that asked for them (analysisTiming.ts). */
  analysisTimings: AnalysisTimings;
  /** Wall-clock marks up to each document's first hint, written when the client traces the server. */
  startupTimeline: StartupTimeline;
  /** Called after settings or a `.promptcost.json` changed and open documents were queued for re-analysis. */
  onConfigurationChanged(listener: () => void): void;
}
