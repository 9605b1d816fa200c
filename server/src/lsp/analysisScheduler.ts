// When each open document is analysed: debounced after edits, at once on open and when a feature asks, never twice
// for the same version. One analysis runs at a time in the whole server (they are CPU-bound on one thread anyway):
// the queue puts edited documents and editor requests ahead of background work (documents just opened, settings
// changes), and only the most recently analysed documents keep a parse tree for incremental re-parsing.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../engine/types';
import type { DocumentDetector, TextEdit0 } from '../engine/detection/index';

/** Told when runs start and finish and when the queue empties (the idle collector, see idleCollector.ts). */
export interface RunObserver {
  runStarted(): void;
  runFinished(background: boolean): void;
  drained(): void;
}

/** The text of one version, taken when its run starts. */
export interface DocumentSnapshot {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

export type AnalyzeFn = (
  snapshot: DocumentSnapshot,
  detector: DocumentDetector,
  edits: TextEdit0[] | undefined,
) => Promise<DocumentAnalysis | null>;

/**
 * Parse trees kept for incremental re-parsing: a 5,000-line file's tree costs ~10 MB of WASM memory (which never
 * shrinks) plus ~11 MB of JavaScript heap for the detector's copy of it and its statement facts (measured), so only
 * documents being edited keep one, at most two (the file being typed in and the one beside it). A document only
 * opened gives its tree up as soon as its analysis is done and parses from scratch on its first edit (one full
 * parse, as on open): opening 50 files must not leave 50 — or even 2 — trees behind.
 */
export const KEPT_PARSE_TREES = 2;

/** What a run returns when it was superseded while it ran (see `execute`). */
const SUPERSEDED = Symbol('superseded');

interface Job {
  urgent: boolean;
  /** Runs the analysis; settles when it is done (never rejects). */
  start: () => Promise<void>;
}

interface DocumentState {
  document: TextDocument;
  /** Undefined until the first run and after eviction: the next run creates one and parses from scratch. */
  detector?: DocumentDetector;
  /** Changed since it was opened: its tree is kept before those of documents only looked at. */
  edited?: boolean;
  /** Edits since the detector last saw the text; undefined = re-parse from scratch. */
  pendingEdits: TextEdit0[] | undefined;
  timer?: NodeJS.Timeout;
  /** The analysis of `version`, finished or running. */
  current?: { version: number; result: Promise<DocumentAnalysis | null> };
  /** A run waiting in the queue; it analyses whatever text the document has when it starts. */
  queued?: { job: Job; result: Promise<DocumentAnalysis | null> };
}

export class AnalysisScheduler {
  private readonly states = new Map<string, DocumentState>();
  private readonly queue: Job[] = [];
  private busy = false;
  /** The document being analysed now; its detector must not be freed under it. */
  private running?: DocumentState;
  private readonly afterRun: (() => void)[] = [];
  /** Documents whose detector holds a parse tree, least recently analysed first. */
  private readonly treeOrder: string[] = [];

  constructor(
    private readonly analyze: AnalyzeFn,
    private readonly createDetector: (uri: string) => DocumentDetector,
    private readonly delayMs: () => number,
    private readonly onResult: (document: TextDocument, analysis: DocumentAnalysis | null) => void,
    private readonly keptParseTrees = KEPT_PARSE_TREES,
    private readonly observer?: RunObserver,
  ) {}

  /** Text changed: remember the edits and analyse after the debounce delay (immediately with delay 0). */
  changed(document: TextDocument, edits: TextEdit0[] | undefined): void {
    const state = this.state(document);
    state.edited = true;
    if (edits && state.pendingEdits) state.pendingEdits.push(...edits);
    else state.pendingEdits = undefined;
    const delay = this.delayMs();
    clearTimeout(state.timer);
    state.timer = undefined;
    if (delay <= 0) void this.run(state, true);
    else state.timer = setTimeout(() => void this.run(state, true), delay);
  }

  /** A newly opened document, or every document after a settings change: analyse in the background. */
  analyzeSoon(document: TextDocument): void {
    void this.run(this.state(document), false);
  }

  /** The analysis of the document's current version, ahead of background work. */
  get(document: TextDocument): Promise<DocumentAnalysis | null> {
    return this.run(this.state(document), true);
  }

  /** Something besides the text changed (the workspace index): the next run analyses the same version again. */
  invalidate(uri: string): void {
    const state = this.states.get(uri);
    if (state) state.current = undefined;
  }

  /** Forget every cached result and parse tree (settings or detection options changed). */
  reset(): void {
    for (const [uri, state] of [...this.states]) {
      state.current = undefined;
      this.dropDetector(uri, state);
    }
  }

  close(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    clearTimeout(state.timer);
    this.states.delete(uri);
    if (state.queued) {
      // Settle it (with null: the document is gone) so no request waits for it forever.
      this.queue.splice(this.queue.indexOf(state.queued.job), 1);
      void state.queued.job.start();
    }
    this.dropDetector(uri, state);
  }

  private run(state: DocumentState, urgent: boolean): Promise<DocumentAnalysis | null> {
    clearTimeout(state.timer);
    state.timer = undefined;
    if (state.current?.version === state.document.version) return state.current.result;
    if (state.queued) {
      if (urgent && !state.queued.job.urgent) {
        this.queue.splice(this.queue.indexOf(state.queued.job), 1);
        state.queued.job.urgent = true;
        this.enqueue(state.queued.job);
      }
      return state.queued.result;
    }
    let settle!: { resolve: (a: DocumentAnalysis | null | PromiseLike<DocumentAnalysis | null>) => void; reject: (e: unknown) => void };
    const result = new Promise<DocumentAnalysis | null>((resolve, reject) => (settle = { resolve, reject }));
    const job: Job = {
      urgent,
      // A run superseded while it ran (reset/invalidate: settings or the workspace index changed) answers with the
      // run that replaces it; resolving with that promise does not hold up the queue.
      start: () => this.execute(state, result).then((analysis) => settle.resolve(analysis === SUPERSEDED ? this.run(state, true) : analysis), settle.reject),
    };
    state.queued = { job, result };
    result.catch(() => undefined); // callers that only schedule do not await; the error is logged by `analyze`
    this.enqueue(job);
    return result;
  }

  private async execute(state: DocumentState, result: Promise<DocumentAnalysis | null>): Promise<DocumentAnalysis | null | typeof SUPERSEDED> {
    state.queued = undefined;
    const { document } = state;
    if (this.states.get(document.uri) !== state) return null; // closed while queued
    const snapshot: DocumentSnapshot = { uri: document.uri, languageId: document.languageId, version: document.version, text: document.getText() };
    const edits = state.pendingEdits;
    state.pendingEdits = [];
    state.current = { version: snapshot.version, result };
    state.detector ??= this.createDetector(document.uri);
    this.running = state;
    this.touchTree(document.uri);
    try {
      const analysis = await this.analyze(snapshot, state.detector, edits);
      // Not edited (also not while this ran): nobody is typing here, so its tree is not worth its memory.
      if (!state.edited) this.dropDetector(document.uri, state);
      // Reset or invalidated while this ran (settings changed, the workspace index refined it): computed from what
      // no longer holds, so never published; the run that replaces it is.
      if (state.current?.result !== result && this.states.get(document.uri) === state) return SUPERSEDED;
      // The document may have changed while this ran: only the latest version is reported.
      if (this.states.get(document.uri) === state && document.version === snapshot.version) this.onResult(document, analysis);
      return analysis;
    } catch (error) {
      // The detector's tree may no longer match the text: the next run parses from scratch.
      state.pendingEdits = undefined;
      throw error;
    }
  }

  private enqueue(job: Job): void {
    if (job.urgent) {
      const firstBackground = this.queue.findIndex((j) => !j.urgent);
      this.queue.splice(firstBackground < 0 ? this.queue.length : firstBackground, 0, job);
    } else {
      this.queue.push(job);
    }
    this.pump();
  }

  private pump(): void {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) {
      this.observer?.drained();
      return;
    }
    this.busy = true;
    this.observer?.runStarted();
    void job.start().then(() => {
      this.busy = false;
      this.observer?.runFinished(!job.urgent);
      this.running = undefined;
      for (const task of this.afterRun.splice(0)) task();
      this.pump();
    });
  }

  /**
   * Marks the document's tree as most recently used and evicts the least recently used edited documents' trees
   * beyond the limit (a document never edited drops its own tree after its run, see `execute`).
   */
  private touchTree(uri: string): void {
    const at = this.treeOrder.indexOf(uri);
    if (at >= 0) this.treeOrder.splice(at, 1);
    this.treeOrder.push(uri);
    const kept = this.treeOrder.filter((u) => u !== uri && this.states.get(u)?.edited);
    const limit = this.states.get(uri)?.edited ? this.keptParseTrees - 1 : this.keptParseTrees;
    for (let i = 0; i < kept.length - Math.max(0, limit); i++) {
      const state = this.states.get(kept[i]);
      if (state) this.dropDetector(kept[i], state);
    }
  }

  private dropDetector(uri: string, state: DocumentState): void {
    const detector = state.detector;
    state.detector = undefined;
    state.pendingEdits = undefined; // the next run parses from scratch
    const at = this.treeOrder.indexOf(uri);
    if (at >= 0) this.treeOrder.splice(at, 1);
    if (!detector) return;
    // Runs are serialised: only the running document's detector can be in use.
    if (state === this.running) this.afterRun.push(() => detector.dispose());
    else detector.dispose();
  }

  private state(document: TextDocument): DocumentState {
    let state = this.states.get(document.uri);
    if (!state) {
      state = { document, pendingEdits: undefined };
      this.states.set(document.uri, state);
    }
    return state;
  }
}
