// What every LSP feature module receives: the connection, the open documents and the analysis cache.
// Feature modules export `register(ctx: ServerContext)` and server.ts calls each one; they never import each other.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../engine/types';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The current analysis of an open document (debounced, cached per version); null when not analysable. */
  getAnalysis(uri: string): Promise<DocumentAnalysis | null>;
  /** Called after every (re-)analysis of an open document. */
  onAnalysis(listener: (analysis: DocumentAnalysis) => void): void;
  /** Workspace folder paths the client opened (file system paths). */
  workspaceFolders(): string[];
}
