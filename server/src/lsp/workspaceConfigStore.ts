// Each workspace folder's `.promptcost.json`, read from disk at start and whenever the client reports it changed.
// A malformed file gets diagnostics on itself and the last valid version stays in force, so a half-typed edit
// never resets every figure in the editor.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, parseWorkspaceConfig, type ConfigError, type WorkspaceConfig } from '../engine/config/workspaceConfig';
import { allRuleMeta } from '../engine/rules/registry';


export class WorkspaceConfigStore {
  private folders: string[] = [];
  private readonly configs = new Map<string, WorkspaceConfig>();

  constructor(private readonly connection: Connection) {}

  setFolders(folders: string[]): void {
    // Longest first, so a document in a nested folder gets the nearest configuration.
    this.folders = [...new Set(folders.map((f) => path.resolve(f)))].sort((a, b) => b.length - a.length);
    for (const folder of [...this.configs.keys()]) if (!this.folders.includes(folder)) this.configs.delete(folder);
    for (const folder of this.folders) this.load(path.join(folder, CONFIG_FILE_NAME));
  }

  getFolders(): string[] {
    return this.folders;
  }

  /** The file changed, was created or deleted on disk. Returns true when a folder's configuration changed. */
  fileChanged(fileUri: string): boolean {
    const filePath = uriToPath(fileUri);
    if (!filePath || path.basename(filePath) !== CONFIG_FILE_NAME) return false;
    return this.load(filePath);
  }

  configFor(documentUri: string): WorkspaceConfig | undefined {
    const folder = this.folderOf(documentUri);
    return folder ? this.configs.get(folder) : undefined;
  }

  /** Path relative to the document's workspace folder, with `/` separators (what `.promptcost.json` globs match). */
  relativePath(documentUri: string): string | undefined {
    const filePath = uriToPath(documentUri);
    const folder = this.folderOf(documentUri);
    if (!filePath || !folder) return undefined;
    return path.relative(folder, filePath).split(path.sep).join('/');
  }

  private folderOf(documentUri: string): string | undefined {
    const filePath = uriToPath(documentUri);
    if (!filePath) return undefined;
    return this.folders.find((f) => filePath === f || filePath.startsWith(f + path.sep));
  }

  private load(filePath: string): boolean {
    const folder = path.dirname(filePath);
    if (!this.folders.includes(folder)) return false;
    const fileUri = pathToFileURL(filePath).href;
    let text: string;
    try {
      text = fs.readFileSync(filePath, 'utf8');
    } catch {
      // No file (or deleted): no project configuration.
      void this.connection.sendDiagnostics({ uri: fileUri, diagnostics: [] });
      return this.configs.delete(folder);
    }
    const { config, errors } = parseWorkspaceConfig(text, filePath, { ruleIds: allRuleMeta().map((m) => m.id) });
    void this.connection.sendDiagnostics({
      uri: fileUri,
      diagnostics: errors.map((e) => toDiagnostic(e, config ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error)),
    });
    if (!config) {
      this.connection.console.warn(`Prompt Cost Lens: ${filePath} is not valid; keeping the last valid configuration.`);
      return false;
    }
    this.configs.set(folder, config);
    return true;
  }
}

function toDiagnostic(error: ConfigError, severity: DiagnosticSeverity): Diagnostic {
  const line = Math.max(0, error.line - 1);
  const character = Math.max(0, error.column - 1);
  return {
    range: { start: { line, character }, end: { line, character: character + 1 } },
    severity,
    source: 'prompt-cost',
    code: 'config',
    message: error.message,
  };
}

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
