// Notebooks in the editor (LSP notebook document synchronisation): a notebook's code cells of one language are analysed
// as ONE document, in cell order (engine/notebook's layout, the audit's too), so a prompt bound in one cell and sent in
// a later one is found. Every per-document feature then asks for a cell's URI and gets that cell's projection
// (notebookProjection.ts); the notebook's own URI gets the whole notebook, each prompt with its `cellIndex`.
import {
  NotebookCellKind,
  NotebookDocuments,
  type ClientCapabilities,
  type Connection,
  type NotebookDocument,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit0 } from '../engine/detection/index';
import { notebookDocument } from '../engine/notebook/notebookDocument';
import type { NotebookLanguage } from '../engine/notebook/readNotebook';
import type { DocumentAnalysis } from '../engine/types';
import { projectToCell, withCellIndexes, type CellPlacement } from './notebookProjection';

/** Cell language ids analysed, and the notebook language (engine/notebook) their concatenation is read as. */
const CELL_LANGUAGES: Record<string, NotebookLanguage> = { python: 'python', typescript: 'typescript', javascript: 'javascript' };

/**
 * Every notebook type, every cell: markdown cells are synced too (cheap) so a cell's index is its index in the
 * .ipynb file, as the audit reports it; cells of other languages are ignored here, not by the client.
 */
export const NOTEBOOK_SYNC: ServerCapabilities['notebookDocumentSync'] = { notebookSelector: [{ notebook: '*' }] };

/** What the notebook layer needs from the analysis scheduler (lsp/analysisScheduler.ts). */
export interface NotebookScheduler {
  changed(document: TextDocument, edits: TextEdit0[] | undefined): void;
  analyzeSoon(document: TextDocument): void;
  get(document: TextDocument): Promise<DocumentAnalysis | null>;
  close(uri: string): void;
}

/** One notebook's code cells of one language as one analysed document. */
interface CellGroup {
  notebookUri: string;
  /** Virtual document `<notebook uri>#<language>`, updated in place (the scheduler keeps the object). */
  document: TextDocument;
  cells: CellPlacement[];
  /** The last published analysis, with cell indexes (the notebook's totals combine its groups' last results). */
  last?: DocumentAnalysis;
  /** Cell projections of one analysis, built once per analysis object. */
  projections: WeakMap<DocumentAnalysis, Map<string, DocumentAnalysis>>;
  /** Per cell: its document version and what the editor was last shown, to spot cells changed by another cell's edit. */
  shown: Map<string, { version: number; signature: string }>;
}

export class NotebookAnalyses {
  private readonly notebooks: NotebookDocuments<TextDocument>;
  /** Notebook URI → its groups by language. */
  private readonly groups = new Map<string, Map<NotebookLanguage, CellGroup>>();
  private readonly byVirtualUri = new Map<string, CellGroup>();
  /** Every synced cell (any kind) → its notebook's URI. */
  private readonly cellNotebook = new Map<string, string>();
  /** Cells whose text documents are being opened right now, before NotebookDocuments maps them to their notebook. */
  private readonly openingCells = new Set<string>();
  private connection?: Connection;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly scheduler: NotebookScheduler,
    /** Sends an analysis to the feature modules (diagnostics, notifications), as for any document. */
    private readonly publish: (analysis: DocumentAnalysis) => void,
    private readonly clientCapabilities: () => ClientCapabilities,
  ) {
    // Cell text documents live in the same store as other documents: every feature finds a cell by its URI.
    this.notebooks = new NotebookDocuments(documents);
    this.notebooks.onDidOpen((notebook) => this.update(notebook, true));
    this.notebooks.onDidChange(({ notebookDocument: notebook }) => this.update(notebook, false));
    this.notebooks.onDidClose((notebook) => this.closed(notebook));
  }

  /** A cell of an open notebook: analysed with its notebook, never alone. */
  isCell(uri: string): boolean {
    return this.openingCells.has(uri) || this.cellNotebook.has(uri);
  }

  /** The analysis of a cell (its projection) or of a notebook (all its groups); undefined for other URIs. */
  analysisFor(uri: string): Promise<DocumentAnalysis | null> | undefined {
    const notebookUri = this.cellNotebook.get(uri);
    if (notebookUri !== undefined) return this.cellAnalysis(notebookUri, uri);
    if (this.groups.has(uri)) return this.notebookAnalysis(uri);
    return undefined;
  }

  /** What to publish for a finished analysis: itself, or for a notebook group each cell's projection and the notebook's totals. */
  published(uri: string, analysis: DocumentAnalysis | null): DocumentAnalysis[] {
    if (!analysis) return [];
    const group = this.byVirtualUri.get(uri);
    if (!group) return [analysis];
    group.last = withCellIndexes(analysis, group.cells);
    const cells = group.cells.map((cell) => this.projection(group, analysis, cell));
    this.refreshIfOthersChanged(group, cells);
    return [...cells, this.combined(group.notebookUri, [...this.groupsOf(group.notebookUri)].map((g) => g.last))];
  }

  /** Settings or config changed: every notebook again. */
  reanalyzeAll(): void {
    for (const group of this.byVirtualUri.values()) this.scheduler.analyzeSoon(group.document);
  }

  /** Takes the notebook notifications; the cells' text documents go into the shared document store. */
  listen(connection: Connection): void {
    this.connection = connection;
    const sync = connection.notebooks.synchronization;
    const opening = <P>(cellUris: (params: P) => string[], handler: (params: P) => void) => (params: P) => {
      const uris = cellUris(params);
      for (const uri of uris) this.openingCells.add(uri);
      try {
        handler(params);
      } finally {
        for (const uri of uris) this.openingCells.delete(uri);
      }
    };
    // NotebookDocuments opens the cells' text documents before it maps them to their notebook: mark them first,
    // so the document store's open event does not analyse a cell on its own.
    const relay = {
      notebooks: {
        synchronization: {
          onDidOpenNotebookDocument: (handler: Parameters<typeof sync.onDidOpenNotebookDocument>[0]) =>
            sync.onDidOpenNotebookDocument(opening((p) => p.cellTextDocuments.map((c) => c.uri), handler)),
          onDidChangeNotebookDocument: (handler: Parameters<typeof sync.onDidChangeNotebookDocument>[0]) =>
            sync.onDidChangeNotebookDocument(opening((p) => p.change.cells?.structure?.didOpen?.map((c) => c.uri) ?? [], handler)),
          onDidSaveNotebookDocument: (handler: Parameters<typeof sync.onDidSaveNotebookDocument>[0]) => sync.onDidSaveNotebookDocument(handler),
          onDidCloseNotebookDocument: (handler: Parameters<typeof sync.onDidCloseNotebookDocument>[0]) => sync.onDidCloseNotebookDocument(handler),
        },
      },
    };
    this.notebooks.listen(relay as unknown as Connection);
  }

  private *groupsOf(notebookUri: string): Iterable<CellGroup> {
    yield* this.groups.get(notebookUri)?.values() ?? [];
  }

  private async cellAnalysis(notebookUri: string, cellUri: string): Promise<DocumentAnalysis | null> {
    for (const group of this.groupsOf(notebookUri)) {
      if (!group.cells.some((c) => c.uri === cellUri)) continue;
      const analysis = await this.currentAnalysis(group);
      const cell = group.cells.find((c) => c.uri === cellUri);
      return analysis && cell ? this.projection(group, analysis, cell) : null;
    }
    return null; // a markdown cell, or a language not analysed
  }

  private async notebookAnalysis(notebookUri: string): Promise<DocumentAnalysis | null> {
    const parts: (DocumentAnalysis | undefined)[] = [];
    for (const group of [...this.groupsOf(notebookUri)]) {
      const analysis = await this.currentAnalysis(group);
      parts.push(analysis ? withCellIndexes(analysis, group.cells) : undefined);
    }
    return this.combined(notebookUri, parts);
  }

  /**
   * The analysis of the group's current text. The cell layout changes with every edit: a result is only used when
   * no edit came in while waiting for it, so the layout it is projected with is the one it was made from.
   */
  private async currentAnalysis(group: CellGroup): Promise<DocumentAnalysis | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = group.document.version;
      const analysis = await this.scheduler.get(group.document);
      if (this.byVirtualUri.get(group.document.uri) !== group) return null; // closed meanwhile
      if (group.document.version === version) return analysis;
    }
    return null;
  }

  private projection(group: CellGroup, analysis: DocumentAnalysis, cell: CellPlacement): DocumentAnalysis {
    let byCell = group.projections.get(analysis);
    if (!byCell) group.projections.set(analysis, (byCell = new Map()));
    let projected = byCell.get(cell.uri);
    if (!projected) byCell.set(cell.uri, (projected = projectToCell(analysis, group.cells, cell)));
    return projected;
  }

  /** The notebook as one file: all its groups' prompts (offsets are per group: use `cellIndex`), summed totals. */
  private combined(notebookUri: string, parts: (DocumentAnalysis | undefined)[]): DocumentAnalysis {
    const present = parts.filter((p): p is DocumentAnalysis => !!p);
    return {
      uri: notebookUri,
      language: present[0]?.language,
      prompts: present.flatMap((p) => p.prompts),
      documentFindings: present.flatMap((p) => p.documentFindings),
      totals: {
        monthlyCost: present.reduce((sum, p) => sum + p.totals.monthlyCost, 0),
        unpricedPrompts: present.reduce((sum, p) => sum + p.totals.unpricedPrompts, 0),
        prompts: present.reduce((sum, p) => sum + p.totals.prompts, 0),
      },
      notebookCells: present.flatMap((p) => p.notebookCells ?? []),
    };
  }

  /** Open or changed notebook: lay out each language's cells again and tell the scheduler what changed. */
  private update(notebook: NotebookDocument, opened: boolean): void {
    for (const cell of notebook.cells) this.cellNotebook.set(cell.document, notebook.uri);
    const byLanguage = new Map<NotebookLanguage, { uri: string; index: number; text: string }[]>();
    notebook.cells.forEach((cell, index) => {
      if (cell.kind !== NotebookCellKind.Code) return;
      const document = this.documents.get(cell.document);
      const language = document && CELL_LANGUAGES[document.languageId];
      if (!document || !language) return;
      const list = byLanguage.get(language) ?? [];
      list.push({ uri: cell.document, index, text: document.getText() });
      byLanguage.set(language, list);
    });

    let groups = this.groups.get(notebook.uri);
    if (!groups) this.groups.set(notebook.uri, (groups = new Map()));
    for (const [language, group] of [...groups]) {
      if (byLanguage.has(language)) continue;
      groups.delete(language);
      this.byVirtualUri.delete(group.document.uri);
      this.scheduler.close(group.document.uri);
    }
    for (const [language, cells] of byLanguage) {
      const layout = layOut(language, cells);
      const group = groups.get(language);
      if (!group) {
        const document = TextDocument.create(`${notebook.uri}#${language}`, language, 1, layout.text);
        const created: CellGroup = { notebookUri: notebook.uri, document, cells: layout.cells, projections: new WeakMap(), shown: new Map() };
        groups.set(language, created);
        this.byVirtualUri.set(document.uri, created);
        this.scheduler.analyzeSoon(document);
        continue;
      }
      const before = group.document.getText();
      const sameCells = JSON.stringify(group.cells) === JSON.stringify(layout.cells);
      if (before === layout.text && sameCells) continue;
      const edit = textEdit(before, layout.text);
      TextDocument.update(group.document, [{ text: layout.text }], group.document.version + 1);
      group.cells = layout.cells;
      if (opened) this.scheduler.analyzeSoon(group.document);
      else this.scheduler.changed(group.document, edit ? [edit] : []);
    }
    // Cells removed from the notebook: their text documents are closed by now.
    const live = new Set(notebook.cells.map((c) => c.document));
    for (const [cell, owner] of [...this.cellNotebook]) if (owner === notebook.uri && !live.has(cell)) this.cellNotebook.delete(cell);
  }

  private closed(notebook: NotebookDocument): void {
    for (const group of this.groupsOf(notebook.uri)) {
      this.byVirtualUri.delete(group.document.uri);
      this.scheduler.close(group.document.uri);
    }
    this.groups.delete(notebook.uri);
    for (const [cell, owner] of [...this.cellNotebook]) if (owner === notebook.uri) this.cellNotebook.delete(cell);
    // The notebook no longer counts (status bar): an empty analysis, as for a closed file.
    this.publish(this.combined(notebook.uri, []));
  }

  /**
   * Editing one cell can make a prompt in another (unchanged) cell appear or change: the editor re-asks for inlay
   * hints and semantic tokens only when told to (diagnostics are pushed anyway).
   */
  private refreshIfOthersChanged(group: CellGroup, cells: DocumentAnalysis[]): void {
    let stale = false;
    for (const cell of cells) {
      const version = this.documents.get(cell.uri)?.version ?? -1;
      const signature = JSON.stringify(cell.prompts.map((p) => [p.prompt.span.start, p.prompt.span.end, p.cost.tokens.input, p.cost.costPerCall]));
      const before = group.shown.get(cell.uri);
      if (before && before.version === version && before.signature !== signature) stale = true;
      group.shown.set(cell.uri, { version, signature });
    }
    if (!stale || !this.connection) return;
    const workspace = this.clientCapabilities().workspace;
    if (workspace?.inlayHint?.refreshSupport) void this.connection.languages.inlayHint.refresh().catch(() => undefined);
    if (workspace?.semanticTokens?.refreshSupport) this.connection.languages.semanticTokens.refresh();
  }
}

/**
 * The audit's concatenation (engine/notebook/notebookDocument.ts: one `\n` between cells, IPython magics masked) of
 * the editor's cells. The cells live in memory, not in a file: their byte spans are unused (only the audit's
 * `--fix` writes a file, from bytes it read itself).
 */
function layOut(language: NotebookLanguage, cells: { uri: string; index: number; text: string }[]): { text: string; cells: CellPlacement[] } {
  const doc = notebookDocument({
    language,
    nbformat: 4,
    codeCells: cells.map((c) => ({ index: c.index, source: c.text, sourceStart: -1, sourceEnd: -1, sourceForm: 'string' as const })),
  });
  const totalLines = doc.text.split('\n').length;
  const placements = doc.cells.map((span, i) => ({
    uri: cells[i].uri,
    index: span.cell.index,
    start: span.start,
    end: span.end,
    firstLine: span.firstLine,
    lineCount: (doc.cells[i + 1]?.firstLine ?? totalLines) - span.firstLine,
  }));
  return { text: doc.text, cells: placements };
}

/** The one edit that turns `before` into `after` (common prefix and suffix kept), so the parser re-parses incrementally. */
function textEdit(before: string, after: string): TextEdit0 | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newText: after.slice(start, after.length - tail) };
}
