// When each open document is analysed: debounced after edits, at once on open and when a feature asks, never twice
// for the same version, one run at a time per document (its detector keeps the previous parse tree between runs).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../engine/types';
import type { DocumentDetector, TextEdit0 } from '../engine/detection/index';

/** The text of one version, taken when its run is queued: the live document keeps changing under a queued run. */
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

interface DocumentState {
  detector: DocumentDetector;
  /** Edits since the detector last saw the text; undefined = re-parse from scratch. */
  pendingEdits: TextEdit0[] | undefined;
  timer?: NodeJS.Timeout;
  /** The analysis of `version`, finished or running. */
  current?: { version: number; result: Promise<DocumentAnalysis | null> };
  /** The last run, so the next one starts after it (runs of one document never overlap). */
  tail: Promise<unknown>;
}

export class AnalysisScheduler {
  private readonly states = new Map<string, DocumentState>();

  constructor(
    private readonly analyze: AnalyzeFn,
    private readonly createDetector: (uri: string) => DocumentDetector,
    private readonly delayMs: () => number,
    private readonly onResult: (document: TextDocument, analysis: DocumentAnalysis | null) => void,
  ) {}

  /** Text changed: remember the edits and analyse after the debounce delay (immediately with delay 0). */
  changed(document: TextDocument, edits: TextEdit0[] | undefined): void {
    const state = this.state(document.uri);
    if (edits && state.pendingEdits) state.pendingEdits.push(...edits);
    else state.pendingEdits = undefined;
    this.schedule(document, this.delayMs());
  }

  /** A newly opened document, or one whose settings changed: analyse now. */
  analyzeSoon(document: TextDocument): void {
    this.schedule(document, 0);
  }

  /** The analysis of the document's current version, starting it now if it is only scheduled. */
  get(document: TextDocument): Promise<DocumentAnalysis | null> {
    const state = this.state(document.uri);
    if (state.current?.version === document.version) return state.current.result;
    return this.run(document);
  }

  /** Cached analysis (any version) without starting work; for listings that may be slightly stale. */
  peek(uri: string): Promise<DocumentAnalysis | null> | undefined {
    return this.states.get(uri)?.current?.result;
  }

  /** Forget every cached result and parse tree (settings or detection options changed). */
  reset(): void {
    for (const uri of [...this.states.keys()]) this.close(uri);
  }

  close(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    clearTimeout(state.timer);
    this.states.delete(uri);
    // A run may still be using the detector: free it once that run has settled.
    void state.tail.then(() => state.detector.dispose());
  }

  private schedule(document: TextDocument, delay: number): void {
    const state = this.state(document.uri);
    clearTimeout(state.timer);
    state.timer = undefined;
    if (delay <= 0) {
      void this.run(document);
      return;
    }
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.run(document);
    }, delay);
  }

  private run(document: TextDocument): Promise<DocumentAnalysis | null> {
    const state = this.state(document.uri);
    clearTimeout(state.timer);
    state.timer = undefined;
    if (state.current?.version === document.version) return state.current.result;
    const version = document.version;
    const snapshot: DocumentSnapshot = { uri: document.uri, languageId: document.languageId, version, text: document.getText() };
    const edits = state.pendingEdits;
    state.pendingEdits = [];
    const result = state.tail
      .then(() => this.analyze(snapshot, state.detector, edits))
      .then(
        (analysis) => {
          // The document may have changed while this ran: only the latest version is reported.
          if (this.states.get(document.uri) === state && document.version === version) this.onResult(document, analysis);
          return analysis;
        },
        (error: unknown) => {
          // The detector's tree may no longer match the text: the next run parses from scratch.
          state.pendingEdits = undefined;
          throw error;
        },
      );
    state.tail = result.catch(() => undefined);
    state.current = { version, result };
    return result;
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { detector: this.createDetector(uri), pendingEdits: undefined, tail: Promise.resolve() };
      this.states.set(uri, state);
    }
    return state;
  }
}
