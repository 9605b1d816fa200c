// The server's core: open documents, settings, `.promptcost.json`, and the analysis of each open document
// (debounced, cached per version, incremental). Feature modules get the resulting ServerContext and never see this.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'url';
import { analyzeDocument } from '../engine/analyze';
import { DocumentDetector, detectionLanguage, type TextEdit0 } from '../engine/detection/index';
import { loadGrammar, type GrammarName } from '../engine/detection/parserRuntime';
import { warmUpTokenizer } from '../engine/tokens/index';
import type { DocumentAnalysis } from '../engine/types';
import { AnalysisScheduler, KEPT_PARSE_TREES, type DocumentSnapshot } from './analysisScheduler';
import type { ServerContext } from './context';
import { createDocuments } from './documentStore';
import { AnalysisTimings } from './analysisTiming';
import { IdleCollector } from './idleCollector';
import { NotebookAnalyses, NOTEBOOK_SYNC } from './notebooks';
import { SettingsStore } from './settingsStore';
import { WorkspaceConfigStore } from './workspaceConfigStore';
import { CONFIG_FILE_NAME } from '../engine/config/workspaceConfig';
import { maxFileBytesSetting } from '../engine/detection/inputGuards';
import { WorkspaceIndexStore } from './workspaceIndexStore';
import { StartupTimeline } from './startupTimeline';

/** Files the workspace index follows on disk: code, and what code loads (prompt text, templates, YAML configs). */
/** The index starts this long after start-up, so the first documents' analyses run first. */
const INDEX_START_DELAY_MS = 1000;
const INDEXED_FILES_GLOB = '**/*.{py,pyi,ts,tsx,mts,cts,js,jsx,mjs,cjs,md,txt,prompt,j2,jinja,jinja2,yaml,yml}';

const GRAMMAR_OF: Record<'python' | 'typescript' | 'tsx' | 'javascript' | 'jsx', GrammarName> = {
  python: 'python',
  typescript: 'typescript',
  tsx: 'tsx',
  javascript: 'javascript',
  jsx: 'javascript',
};

/** ServerContext plus what only the wiring needs. */
export interface ServerCore extends ServerContext {
  /** Starts listening on the connection; call after every feature registered. */
  listen(): void;
}

export function createServerContext(connection: Connection): ServerCore {
  const timeline = new StartupTimeline();
  let client: ClientCapabilities = {};
  let markReady: () => void = () => undefined;
  // Analyses wait for the first settings read, so the first figures already use the user's model and volume.
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const analysisListeners: ((analysis: DocumentAnalysis) => void)[] = [];
  const configurationListeners: (() => void)[] = [];
  const pendingEdits = new Map<string, TextEdit0[] | undefined>();
  /** A didChangeConfiguration's settings read under way (analyses finishing meanwhile wait for it). */
  let settingsRead: Promise<void> | undefined;

  const settings = new SettingsStore(connection, () => client.workspace?.configuration === true);
  const configs = new WorkspaceConfigStore(connection);
  const analysisTimings = new AnalysisTimings();
  const documents = createDocuments((uri, edits) => pendingEdits.set(uri, edits), (uri) => analysisTimings.changeReceived(uri));

  const analysisContext = (uri: string) => ({
    settings: settings.get(),
    workspaceConfig: configs.configFor(uri),
    relativePath: configs.relativePath(uri),
    crossFile: indexStore.findingsFor(documentPath(uri)),
  });

  const analyze = async (snapshot: DocumentSnapshot, detector: DocumentDetector, edits: TextEdit0[] | undefined) => {
    const fileName = documentPath(snapshot.uri);
    const language = detectionLanguage(fileName, snapshot.languageId, configs.configFor(snapshot.uri)?.promptFileGlobs);
    // The grammar's WebAssembly compiles off the main thread while the first settings read is under way.
    if (language && language !== 'prompt') void loadGrammar(GRAMMAR_OF[language]).catch(() => undefined);
    await ready;
    // A file the detector does not read (YAML, text outside a prompts folder) has hints when code loads it.
    if (!language && !indexStore.findingsFor(fileName)?.length) return null;
    const input = { uri: snapshot.uri, fileName, languageId: snapshot.languageId, text: snapshot.text };
    try {
      timeline.documentMark(snapshot.uri, 'analysis started');
      const analysis = await analyzeDocument(input, analysisContext(snapshot.uri), detector, edits);
      timeline.documentMark(snapshot.uri, `analysis finished (${analysis.prompts.length} prompts)`);
      // Settings being re-read now may change this result: it is handed over once they are in force, and the
      // scheduler drops it if they changed (reanalyzeAll reset it) — a result under old settings is never published.
      while (settingsRead) await settingsRead;
      return analysis;
    } catch (error) {
      connection.console.error(`Prompt Cost Lens: analysing ${snapshot.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      throw error;
    }
  };

  const scheduler = new AnalysisScheduler(
    analyze,
    (uri) =>
      new DocumentDetector({
        promptFileGlobs: configs.configFor(uri)?.promptFileGlobs,
        // Read on every analysis, so a changed setting applies without reopening the file.
        get maxFileBytes() {
          return maxFileBytesSetting(settings.get());
        },
      }),
    () => settings.get().analysisDelayMs,
    (document, analysis) => {
      // Nothing is published for a document that cannot be analysed: its keystroke timing has nothing to end at.
      if (!analysis) analysisTimings.forget(document.uri);
      // A notebook's analysis reaches the features as one analysis per cell (and the notebook's totals).
      for (const published of notebooks.published(document.uri, analysis)) for (const listener of analysisListeners) listener(published);
    },
    KEPT_PARSE_TREES,
    new IdleCollector(),
  );
  const indexStore = new WorkspaceIndexStore({
    folders: () => configs.getFolders(),
    excludesFor: (folder) => configs.configFor(pathToFileURL(folder).href)?.exclude,
    promptFileGlobsFor: (folder) => configs.configFor(pathToFileURL(folder).href)?.promptFileGlobs,
    maxFileBytes: () => maxFileBytesSetting(settings.get()),
    openText: (uri) => documents.get(uri)?.getText(),
    reanalyze: (uris) => {
      for (const uri of uris) {
        const document = documents.get(uri);
        if (!document || notebooks.isCell(uri)) continue;
        scheduler.invalidate(uri);
        scheduler.analyzeSoon(document);
      }
      // Inlay hints and semantic tokens are pulled by the editor, which asks again only after an edit or a refresh:
      // without this, a caller opened before the index was ready kept its first (index-less) hints.
      if (uris.length) for (const listener of configurationListeners) listener();
    },
    log: (message) => connection.console.log(message),
  });
  const startIndex = () => {
    timeline.markWhileWaiting('workspace index build started');
    void indexStore.start().then(() => timeline.markWhileWaiting('workspace index built'));
  };
  const notebooks = new NotebookAnalyses(documents, scheduler, (analysis) => analysisListeners.forEach((l) => l(analysis)), () => client);

  const reanalyzeAll = () => {
    scheduler.reset();
    for (const document of documents.all()) if (!notebooks.isCell(document.uri)) scheduler.analyzeSoon(document);
    notebooks.reanalyzeAll();
    for (const listener of configurationListeners) listener();
  };

  const core: ServerCore = {
    connection,
    documents,
    capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental }, notebookDocumentSync: NOTEBOOK_SYNC },
    clientCapabilities: () => client,
    async getAnalysis(uri) {
      // Asked after a settings change whose read is under way: answered under the new settings.
      while (settingsRead) await settingsRead;
      const notebookAnalysis = notebooks.analysisFor(uri);
      if (notebookAnalysis) return notebookAnalysis;
      const document = documents.get(uri);
      return document ? scheduler.get(document) : Promise.resolve(null);
    },
    onAnalysis: (listener) => void analysisListeners.push(listener),
    analysisTimings,
    startupTimeline: timeline,
    workspaceFolders: () => configs.getFolders(),
    settings: () => settings.get(),
    analysisContext,
    workspaceConfigFor: (uri) => configs.configFor(uri),
    onConfigurationChanged: (listener) => void configurationListeners.push(listener),
    listen() {
      documents.listen(connection);
      notebooks.listen(connection);
      connection.listen();
    },
  };

  connection.onInitialize((params: InitializeParams) => {
    timeline.mark('server: initialize received');
    timeline.traceRequested(params.trace);
    client = params.capabilities;
    analysisTimings.enable(params.initializationOptions);
    configs.setFolders(initialFolders(params));
    // Rank tables take ~100 ms to load: load them while the client is still setting up, not on the first analysis.
    setImmediate(() => {
      try {
        warmUpTokenizer(settings.get().defaultModel);
      } catch {
        // The first count loads it again and reports the problem where it matters.
      }
    });
    return { capabilities: core.capabilities, serverInfo: { name: 'prompt-cost-lens' } };
  });

  connection.onInitialized(async () => {
    timeline.startWriting((line) => connection.console.log(line));
    timeline.mark('server: initialized received');
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'promptCost' });
    }
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: INDEXED_FILES_GLOB }],
      });
    }
    if (client.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => documentPath(f.uri)));
        configs.setFolders([...configs.getFolders().filter((f) => !removed.has(f)), ...event.added.map((f) => documentPath(f.uri))]);
        reanalyzeAll();
        void indexStore.start();
      });
    }
    await settings.refresh();
    timeline.mark('server: settings read');
    markReady();
    // In the background, after the first analyses were released: they never wait for the index.
    setTimeout(() => startIndex(), INDEX_START_DELAY_MS);
  });

  connection.onDidChangeConfiguration(async (change) => {
    const limit = maxFileBytesSetting(settings.get());
    const read = (async () => {
      const changed = await settings.refresh(change.settings);
      markReady();
      if (!changed) return;
      reanalyzeAll();
      // The index read files under the old size limit: rebuilt (a build under way is dropped by its generation).
      if (maxFileBytesSetting(settings.get()) !== limit) void indexStore.start();
    })();
    settingsRead = read;
    try {
      await read;
    } finally {
      if (settingsRead === read) settingsRead = undefined;
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    let changed = false;
    for (const event of params.changes) changed = configs.fileChanged(event.uri) || changed;
    for (const event of params.changes) {
      if (!event.uri.endsWith(CONFIG_FILE_NAME)) void indexStore.fileChanged(documentPath(event.uri), event.type === FileChangeType.Deleted);
    }
    if (changed) {
      reanalyzeAll();
      void indexStore.start(); // excludes may have changed
    }
  });

  documents.onDidChangeContent(({ document }) => {
    if (notebooks.isCell(document.uri)) {
      pendingEdits.delete(document.uri); // its notebook is re-analysed (notebooks.ts)
      return;
    }
    indexStore.documentChanged(documentPath(document.uri), () => documents.get(document.uri)?.getText());
    if (pendingEdits.has(document.uri)) {
      const edits = pendingEdits.get(document.uri);
      pendingEdits.delete(document.uri);
      scheduler.changed(document, edits);
    } else {
      scheduler.analyzeSoon(document); // just opened
    }
  });
  documents.onDidOpen(({ document }) => timeline.documentMark(document.uri, 'didOpen received'));
  documents.onDidClose(({ document }) => {
    pendingEdits.delete(document.uri);
    analysisTimings.forget(document.uri);
    scheduler.close(document.uri);
  });

  return core;
}

function initialFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => documentPath(f.uri));
  if (params.rootUri) return [documentPath(params.rootUri)];
  return params.rootPath ? [params.rootPath] : [];
}

/** File-system path of a document (notebook cells: the notebook's path); the URI's path for other schemes. */
export function documentPath(uri: string): string {
  try {
    const url = new URL(uri);
    if (url.protocol === 'file:') return fileURLToPath(url);
    return decodeURIComponent(url.pathname);
  } catch {
    return uri;
  }
}

export type { TextDocument };
