// Keystroke → diagnostics, measured inside the server: from the arrival of a didChange notification to the
// publishDiagnostics of that document version (or a later one covering it), without the client's share (pipe, JSON,
// its own scheduling); and for the first diagnostics the server publishes, the time since `initialize` arrived and
// since the process started (cold start). Reported only to a client that asks in its initializationOptions
// (`{ "reportAnalysisTimings": true }`, as the benchmark does), as `promptCost/analysisTiming` notifications.
import type { AnalysisTimingParams } from '../shared/protocol';

export class AnalysisTimings {
  private enabled = false;
  /** Per document: the first change not yet covered by published diagnostics. */
  private pending = new Map<string, number>();
  /** When `initialize` arrived, until the first publication has been reported. */
  private initializedAt: number | undefined;

  /** Called when `initialize` arrives, with its initializationOptions. */
  enable(initializationOptions: unknown): void {
    this.enabled = !!initializationOptions && (initializationOptions as { reportAnalysisTimings?: unknown }).reportAnalysisTimings === true;
    this.initializedAt = this.enabled ? performance.now() : undefined;
  }

  /** A didChange arrived (called before the change is applied). Later changes before a publication keep the first time. */
  changeReceived(uri: string): void {
    if (this.enabled && !this.pending.has(uri)) this.pending.set(uri, performance.now());
  }

  /** Diagnostics of `uri` were handed to the connection: the params of the timing notification to send, if any. */
  published(uri: string, version: number | undefined): AnalysisTimingParams | undefined {
    const now = performance.now();
    if (this.initializedAt !== undefined) {
      const coldStart = { initializeToDiagnosticsMs: now - this.initializedAt, processStartToDiagnosticsMs: process.uptime() * 1000 };
      this.initializedAt = undefined;
      this.pending.delete(uri);
      return { uri, version, ...coldStart };
    }
    const since = this.pending.get(uri);
    if (since === undefined) return undefined;
    this.pending.delete(uri);
    return { uri, version, changeToDiagnosticsMs: now - since };
  }

  forget(uri: string): void {
    this.pending.delete(uri);
  }
}
