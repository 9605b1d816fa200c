// The server's share of the time to a document's first inline hint (issue 17): from the process start through the
// bundle's compile, `initialize`, the document's didOpen and first analysis to its first answered inlayHint request.
// Marks are wall-clock (shared/startupMarks.ts) and go to the client's output channel only when the client traces
// the server (initialize's `trace` not `off`); before that answer they are kept, after it each is written at once.
// Each document is followed until its first hint answer, at most FOLLOWED_DOCUMENTS of them.
import { BOOTSTRAP_MARKS_KEY, timingLine, type BootstrapMarks } from '../shared/startupMarks';

/** Only the first documents of a session: the cold path is what this answers, not every file opened later. */
const FOLLOWED_DOCUMENTS = 8;

export class StartupTimeline {
  private readonly pending: string[] = [];
  private write: ((line: string) => void) | undefined;
  private enabled = true; // until initialize says otherwise: marks before it are kept
  private readonly followed = new Set<string>();
  private readonly done = new Set<string>();

  constructor() {
    this.markAt(performance.timeOrigin, 'server: process started');
    const boot = (globalThis as Record<string, unknown>)[BOOTSTRAP_MARKS_KEY] as BootstrapMarks | undefined;
    if (boot) {
      this.markAt(boot.startedAt, 'server: bootstrap started (Node ready)');
      this.markAt(boot.compiledAt, `server: bundle compiled (code cache ${boot.codeCache})`);
    }
    this.mark('server: modules loaded');
  }

  /** At `initialize`: `trace` as the client sent it. Marks stop here when it is off. */
  traceRequested(trace: string | undefined): void {
    this.enabled = !!trace && trace !== 'off';
    if (!this.enabled) this.pending.length = 0;
  }

  /** Once the client is initialized: `write` puts a line in its output channel (connection.console.log). */
  startWriting(write: (line: string) => void): void {
    if (!this.enabled) return;
    this.write = write;
    for (const line of this.pending.splice(0)) write(line);
  }

  mark(event: string): void {
    this.markAt(Date.now(), event);
  }

  /** A document event, written only while the document's first hint has not been answered. */
  documentMark(uri: string, event: string): void {
    if (!this.enabled || this.done.has(uri)) return;
    if (!this.followed.has(uri)) {
      if (this.followed.size >= FOLLOWED_DOCUMENTS) return;
      this.followed.add(uri);
    }
    this.mark(`server: ${event} ${uri}`);
  }

  /** An inlayHint answer; the first one with hints is the last mark of the document's timeline. */
  hintAnswered(uri: string, hints: number): void {
    this.documentMark(uri, `inlayHint answered (${hints} hints)`);
    if (hints > 0 && this.followed.has(uri)) this.done.add(uri);
  }

  /** A server-wide event (a hint refresh), written while a followed document still waits for its first hint. */
  markWhileWaiting(event: string): void {
    if (this.followed.size > this.done.size) this.mark(`server: ${event}`);
  }

  private markAt(at: number, event: string): void {
    if (!this.enabled) return;
    const line = timingLine(at, event);
    if (this.write) this.write(line);
    else this.pending.push(line);
  }
}
