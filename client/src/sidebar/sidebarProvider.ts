// The "Prompt Cost" webview view: follows the active editor and cursor, asks the language server for the file's
// prompts and the selected prompt's alternatives (custom requests), turns them into view models and posts them to
// the webview. "Use this model" becomes a WorkspaceEdit that VS Code previews as a diff before applying.
// A Jupyter notebook is one file here: with a cell (or the notebook) active the panel reads the notebook's analysis,
// shows its total and lists its prompts by cell; clicks and the cursor work in the cell editors.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AuditReport } from '../../../server/src/engine/audit/types';
import type { DocumentAnalysis } from '../../../server/src/engine/types';
import { buildCacheView } from '../../../server/src/engine/views/cacheView';
import { buildFileView, promptAtOffset, type FileView, type PromptRow } from '../../../server/src/engine/views/fileView';
import { modelRewriteEdit } from '../../../server/src/engine/views/modelRewrite';
import { buildModelSwitchView } from '../../../server/src/engine/views/modelSwitchView';
import { buildNotebookView, modelInCell, promptAtCellOffset } from '../../../server/src/engine/views/notebookView';
import { onDidChangeAnalysis } from '../analysisChanges';
import { buildWorkspaceView, type WorkspaceView } from '../../../server/src/engine/views/workspaceView';
import { formatUsd } from '../../../server/src/engine/views/format';
import {
  Requests,
  type AlternativesParams,
  type AlternativesResult,
  type FileAnalysisParams,
  type FileAnalysisResult,
} from '../../../server/src/shared/protocol';
import { sidebarHtml } from './html';
import { isWebviewMessage, type HostMessage, type PromptDetails, type WebviewMessage } from './messages';

export const SIDEBAR_VIEW_ID = 'promptCost.sidebar';
/** Re-read the file this long after the last keystroke (the server debounces its own analysis too). */
const EDIT_REFRESH_MS = 500;
const CURSOR_FOLLOW_MS = 150;
/** Alternatives besides the current model: the tiers below it and the cheapest elsewhere fit; the dearest drop off. */
const ALTERNATIVES_SHOWN = 15;
/** VS Code's scheme for notebook cell documents. */
const CELL_SCHEME = 'vscode-notebook-cell';

/** Where the cursor is: the document (a cell, for notebooks) and the offset in it. */
interface Cursor {
  uri: string;
  offset: number;
}

export class SidebarProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private documentUri: vscode.Uri | undefined;
  /** Set when `documentUri` is a notebook: its rows are located in its cells. */
  private notebook: vscode.NotebookDocument | undefined;
  private analysis: DocumentAnalysis | null = null;
  private fileView: FileView | null = null;
  /** Why there is no file view (server not running, file not analysed), kept for re-sends. */
  private fileMessage: string | undefined;
  private selectedId: string | null = null;
  private details: PromptDetails | null = null;
  private workspace: WorkspaceView | null = null;
  private workspaceRoot: vscode.Uri | undefined;
  private editTimer: NodeJS.Timeout | undefined;
  private cursorTimer: NodeJS.Timeout | undefined;
  /** Bumped on every file load, so a slow answer for an older document never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly extensionUri: vscode.Uri, private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !this.isFileEditor(editor)) return;
        // Moving between cells of the shown notebook only moves the selection.
        if (this.isShown(editor.document.uri) && !this.isCurrent(editor.document.uri)) return this.followCursor(editor);
        void this.loadDocument(this.fileOf(editor.document.uri), this.cursorIn(editor));
      }),
      vscode.window.onDidChangeActiveNotebookEditor((editor) => {
        if (editor && !this.isCurrent(editor.notebook.uri)) void this.loadDocument(editor.notebook.uri);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor !== vscode.window.activeTextEditor || !this.isShown(e.textEditor.document.uri)) return;
        clearTimeout(this.cursorTimer);
        this.cursorTimer = setTimeout(() => this.followCursor(e.textEditor), CURSOR_FOLLOW_MS);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.isShown(e.document.uri) || e.contentChanges.length === 0) return;
        this.reloadSoon();
      }),
      // Cells added, removed or moved: indexes and the cells' texts change.
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.notebook === this.notebook && e.contentChanges.length > 0) this.reloadSoon();
      }),
      client.onDidChangeState(() => {
        if (client.isRunning()) void this.reload();
      }),
      // Re-analysed without an edit here (a settings or .promptcost.json change): the figures shown are stale.
      onDidChangeAnalysis((params) => {
        if (this.isShown(vscode.Uri.parse(params.uri))) this.reloadSoon();
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'dist', 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    view.webview.html = sidebarHtml({
      cspSource: view.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'sidebar.js')).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'sidebar.css')).toString(),
    });
    this.disposables.push(
      view.webview.onDidReceiveMessage((m: unknown) => {
        if (isWebviewMessage(m)) void this.handle(m);
      }),
      view.onDidChangeVisibility(() => {
        if (view.visible) void this.reload();
      }),
    );
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
    });
  }

  /** Focuses the view and selects one prompt of a document (from the hover link or the showSidebar command). */
  async revealPrompt(uri: string, promptId?: string): Promise<void> {
    await focusSidebar();
    // The hover link of a notebook cell names the cell: the panel shows its notebook (same prompt ids).
    const target = this.fileOf(vscode.Uri.parse(uri));
    if (!this.isCurrent(target) || !this.analysis) await this.loadDocument(target);
    if (promptId) await this.select(promptId);
  }

  /** Shows an audit report in the Workspace section and focuses the view. `root` resolves the report's relative paths. */
  async showWorkspaceAudit(report: AuditReport, root?: vscode.Uri, budget?: { limit: number; source: string }): Promise<void> {
    // The server says which budget applies (a folder's .promptcost.json wins over the setting, as in the CLI).
    this.workspace = buildWorkspaceView(report, budget?.limit, budget?.source);
    this.workspaceRoot = root ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    await focusSidebar();
    this.post({ type: 'workspace', workspace: this.workspace });
  }

  dispose(): void {
    clearTimeout(this.editTimer);
    clearTimeout(this.cursorTimer);
    for (const d of this.disposables) d.dispose();
  }

  // ------------------------------------------------------------ webview messages

  private async handle(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        return this.resendAll();
      case 'selectPrompt':
        await this.select(m.promptId);
        if (m.reveal) await this.revealInEditor(m.promptId);
        return;
      case 'useModel':
        return this.useModel(m.promptId, m.modelId, m.provider);
      case 'openWorkspacePrompt':
        return this.openWorkspacePrompt(m.file, m.line, m.column);
      case 'runAudit':
        await vscode.commands.executeCommand('promptCost.auditWorkspace');
        return;
    }
  }

  /** A (re)loaded webview asks for everything. Data fetched while it was closed, or a failed fetch, is fetched again. */
  private async resendAll(): Promise<void> {
    if (this.workspace) this.post({ type: 'workspace', workspace: this.workspace });
    const editor = vscode.window.activeTextEditor;
    const activeUri = editor && this.isFileEditor(editor) ? this.fileOf(editor.document.uri) : vscode.window.activeNotebookEditor?.notebook.uri;
    if (!this.analysis || (activeUri && !this.isCurrent(activeUri))) {
      const uri = activeUri ?? this.documentUri;
      if (uri) return this.loadDocument(uri, editor && activeUri ? this.cursorIn(editor) : undefined);
    }
    this.postFile();
    if (this.selectedId) this.post({ type: 'select', promptId: this.selectedId });
    if (this.details) this.post({ type: 'details', details: this.details });
  }

  // ------------------------------------------------------------ data

  /** Loads a file or a notebook (never a single cell: `fileOf` first). */
  private async loadDocument(uri: vscode.Uri, cursor?: Cursor): Promise<void> {
    const generation = ++this.generation;
    if (!this.isCurrent(uri)) {
      this.selectedId = null;
      this.details = null;
    }
    this.documentUri = uri;
    this.notebook = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === uri.toString());
    const analysis = await this.request<FileAnalysisParams, FileAnalysisResult>(Requests.fileAnalysis, { uri: uri.toString() });
    if (generation !== this.generation) return;
    this.analysis = analysis.ok ? analysis.value : null;
    this.fileView = this.analysis ? this.buildView(this.analysis, uri) : null;
    this.fileMessage = analysis.ok ? (this.analysis ? undefined : 'This file is not analysed (language not supported or file too large).') : analysis.error;
    this.postFile();
    const underCursor = cursor && this.fileView ? this.rowAt(cursor) : undefined;
    const keep = this.fileView?.rows.find((r) => r.promptId === this.selectedId);
    const next = underCursor ?? keep;
    if (next) await this.select(next.promptId, true);
    else if (this.selectedId) {
      this.selectedId = null;
      this.details = null;
      this.post({ type: 'select', promptId: null });
    }
  }

  private buildView(analysis: DocumentAnalysis, uri: vscode.Uri): FileView {
    const notebook = this.notebook;
    if (notebook) return buildNotebookView(analysis, (cellUri) => this.cellOf(notebook, cellUri)?.document.getText());
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return buildFileView(analysis, document?.getText());
  }

  private rowAt(cursor: Cursor) {
    if (!this.fileView) return undefined;
    return this.notebook ? promptAtCellOffset(this.fileView.rows, cursor.uri, cursor.offset) : promptAtOffset(this.fileView.rows, cursor.offset);
  }

  private reloadSoon(): void {
    clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => void this.reload(), EDIT_REFRESH_MS);
  }

  private async reload(): Promise<void> {
    if (!this.view?.visible) return;
    const editor = vscode.window.activeTextEditor;
    const uri = this.documentUri ?? (editor && this.isFileEditor(editor) ? this.fileOf(editor.document.uri) : undefined);
    if (uri) await this.loadDocument(uri, editor && this.fileOf(editor.document.uri).toString() === uri.toString() ? this.cursorIn(editor) : undefined);
  }

  private followCursor(editor: vscode.TextEditor): void {
    const row = this.rowAt(this.cursorIn(editor));
    if (row && row.promptId !== this.selectedId) void this.select(row.promptId);
  }

  private async select(promptId: string, force = false): Promise<void> {
    if (promptId === this.selectedId && this.details && !force) return;
    this.selectedId = promptId;
    if (this.details?.promptId !== promptId) this.details = null;
    this.post({ type: 'select', promptId });
    const analyzed = this.analysis?.prompts.find((p) => p.prompt.id === promptId);
    if (!this.documentUri || !analyzed) return;
    const result = await this.request<AlternativesParams, AlternativesResult>(Requests.alternatives, { uri: this.documentUri.toString(), promptId, limit: ALTERNATIVES_SHOWN });
    if (this.selectedId !== promptId) return;
    if (!result.ok) this.details = { promptId, error: result.error };
    else if (!result.value) this.details = { promptId, error: 'This prompt is no longer in the analysis; edit or save the file to refresh.' };
    else {
      this.details = {
        promptId,
        modelSwitch: buildModelSwitchView(analyzed.prompt, result.value.current, result.value.alternatives),
        cache: buildCacheView(result.value.cache, result.value.current),
      };
    }
    this.post({ type: 'details', details: this.details });
  }

  private async request<P, R>(method: string, params: P): Promise<{ ok: true; value: R } | { ok: false; error: string }> {
    if (!this.client.isRunning()) return { ok: false, error: 'The Prompt Cost language server is not running yet.' };
    try {
      return { ok: true, value: await this.client.sendRequest<R>(method, params) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  // ------------------------------------------------------------ editor actions

  private async revealInEditor(promptId: string): Promise<void> {
    const row = this.fileView?.rows.find((r) => r.promptId === promptId);
    if (!row || !this.documentUri) return;
    if (this.notebook) return this.revealInCell(this.notebook, row);
    const document = await vscode.workspace.openTextDocument(this.documentUri);
    const range = new vscode.Range(document.positionAt(row.start), document.positionAt(row.end));
    // Focus stays in the sidebar so keyboard users can keep moving through the table.
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: true, preview: false, selection: new vscode.Range(range.start, range.start) });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Shows the notebook with the prompt's cell selected and the prompt's start selected inside that cell. */
  private async revealInCell(notebook: vscode.NotebookDocument, row: PromptRow): Promise<void> {
    const cell = row.cell && this.cellOf(notebook, row.cell.uri);
    if (!cell) return this.notice('That prompt\u2019s cell is no longer in the notebook; edit the notebook to refresh.', 'error');
    const cells = new vscode.NotebookRange(cell.index, cell.index + 1);
    const editor = await vscode.window.showNotebookDocument(notebook, { preserveFocus: true, preview: false, selections: [cells] });
    editor.revealRange(cells, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
    const start = cell.document.positionAt(row.start);
    // A cell document opens in its notebook's cell editor; focus stays in the sidebar for keyboard users.
    const cellEditor = await vscode.window.showTextDocument(cell.document, { preserveFocus: true, preview: false, selection: new vscode.Range(start, start) });
    cellEditor.revealRange(new vscode.Range(start, cell.document.positionAt(row.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async useModel(promptId: string, modelId: string, provider: string): Promise<void> {
    const analyzed = this.analysis?.prompts.find((p) => p.prompt.id === promptId);
    if (!analyzed || !this.documentUri || !this.analysis) return this.notice('That prompt is no longer in the analysis.', 'error');
    // In a notebook the model literal is usually in the calling cell, not the prompt's: edit that cell.
    const inCell = this.notebook ? modelInCell(this.analysis, analyzed.prompt) : undefined;
    const cellDocument = inCell && this.notebook ? this.cellOf(this.notebook, inCell.uri)?.document : undefined;
    if (this.notebook && !cellDocument) {
      return this.notice(analyzed.prompt.model?.literal ? 'The cell that sets the model is no longer in the notebook; edit the notebook to refresh.' : 'The model is not written as a literal at the call site.', 'error');
    }
    const document = cellDocument ?? (await vscode.workspace.openTextDocument(this.documentUri));
    const rewrite = modelRewriteEdit(document.getText(), inCell?.model ?? analyzed.prompt.model, { id: modelId, provider }, analyzed.cost.model.provider);
    if ('error' in rewrite) return this.notice(rewrite.error, 'error');
    const range = new vscode.Range(document.positionAt(rewrite.edit.span.start), document.positionAt(rewrite.edit.span.end));
    const row = this.details && 'modelSwitch' in this.details ? this.details.modelSwitch.rows.find((r) => r.modelId === modelId) : undefined;
    // The user clicked a button naming the model: an edit of the file (or notebook) they are looking at applies at
    // once (undo reverts it). Only an edit of another file asks first, in the Refactor Preview: VS Code shows every
    // `needsConfirmation` entry there UNTICKED, so confirming the shown file made "Apply" change nothing.
    const confirm = !this.isShown(document.uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, rewrite.edit.newText, {
      needsConfirmation: confirm,
      label: `Use ${modelId} for ${analyzed.prompt.symbol ?? 'this prompt'}`,
      description: row?.monthlySaving !== undefined ? `saves ${formatUsd(row.monthlySaving)}/month` : undefined,
    });
    const applied = await vscode.workspace.applyEdit(edit, confirm ? { isRefactoring: true } : undefined);
    if (!applied) return this.notice('Model switch not applied.', 'info');
    const saving = row?.monthlySaving !== undefined && row.monthlySaving > 0 ? ` (saves ${formatUsd(row.monthlySaving)}/month)` : '';
    this.notice(`Model set to ${modelId}${saving}. Undo (Ctrl+Z) in the editor reverts it.`, 'info');
  }

  private async openWorkspacePrompt(file: string, line: number, column: number): Promise<void> {
    if (!this.workspaceRoot) return this.notice('No workspace folder to open that file from.', 'error');
    const uri = vscode.Uri.joinPath(this.workspaceRoot, ...file.split('/'));
    const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
    try {
      await vscode.window.showTextDocument(uri, { preview: false, selection: new vscode.Range(position, position) });
    } catch (e) {
      this.notice(`Could not open ${file}: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  }

  // ------------------------------------------------------------ helpers

  private notice(text: string, level: 'info' | 'error'): void {
    this.post({ type: 'notice', text, level });
  }

  private postFile(): void {
    const uri = this.documentUri;
    const message = this.fileMessage;
    this.post({ type: 'file', fileName: uri ? vscode.workspace.asRelativePath(uri) : null, file: this.fileView, ...(message ? { message } : {}) });
  }

  private post(message: HostMessage): void {
    void this.view?.webview.postMessage(message);
  }

  private isCurrent(uri: vscode.Uri): boolean {
    return this.documentUri?.toString() === uri.toString();
  }

  /** The shown document itself, or a cell of the shown notebook. */
  private isShown(uri: vscode.Uri): boolean {
    return this.isCurrent(uri) || (!!this.notebook && uri.scheme === CELL_SCHEME && !!this.cellOf(this.notebook, uri.toString()));
  }

  /** What the panel shows for a document: a cell's notebook, otherwise the document itself. */
  private fileOf(uri: vscode.Uri): vscode.Uri {
    if (uri.scheme !== CELL_SCHEME) return uri;
    const key = uri.toString();
    return vscode.workspace.notebookDocuments.find((n) => this.cellOf(n, key))?.uri ?? uri;
  }

  private cellOf(notebook: vscode.NotebookDocument, cellUri: string): vscode.NotebookCell | undefined {
    return notebook.getCells().find((c) => c.document.uri.toString() === cellUri);
  }

  private isFileEditor(editor: vscode.TextEditor): boolean {
    return editor.document.uri.scheme !== 'output' && editor.document.uri.scheme !== 'vscode-settings';
  }

  private cursorIn(editor: vscode.TextEditor): Cursor {
    return { uri: editor.document.uri.toString(), offset: editor.document.offsetAt(editor.selection.active) };
  }
}

async function focusSidebar(): Promise<void> {
  // VS Code generates `<viewId>.focus` for every contributed view.
  await vscode.commands.executeCommand(`${SIDEBAR_VIEW_ID}.focus`);
}
