// Talks real LSP to `node dist/server.js --stdio`, the way an editor that is not VS Code would: JSON-RPC over the
// process's stdin/stdout. Answers the server's requests (workspace/configuration, refreshes, registrations) and keeps
// every notification it sends so tests can wait for them.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/serverLaunch';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface Notification {
  method: string;
  params: any;
}

export interface StartOptions {
  /** The `promptCost` settings section the "editor" answers with; tests may replace it later. */
  settings?: Record<string, unknown>;
  /** Workspace folder; a fresh temporary one by default. */
  folder?: string;
  /** Files written into the folder before start, path → text. */
  files?: Record<string, string>;
  /** Sent as `initializationOptions` (e.g. `{ reportAnalysisTimings: true }`). */
  initializationOptions?: Record<string, unknown>;
  /** initialize's `trace` (VS Code sends its `promptCost.trace.server` setting there). */
  trace?: 'off' | 'messages' | 'verbose';
}

export class LspSession {
  settings: Record<string, unknown>;
  readonly notifications: Notification[] = [];
  readonly serverRequests: string[] = [];
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  exitCode: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    readonly folder: string,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    this.exitCode = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
  }

  static async start(options: StartOptions = {}): Promise<LspSession> {
    ensureBuilt();
    const folder = options.folder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-protocol-'));
    for (const [name, text] of Object.entries(options.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), text);
    }
    // Started as the VS Code client starts it (same Node flags), so benchmarks measure what users run.
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', () => undefined);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection, folder, { analysisDelayMs: 0, ...(options.settings ?? {}) });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'promptCost' ? session.settings : null)),
    );
    connection.onRequest((method: string) => {
      session.serverRequests.push(method);
      session.wake();
      return null;
    });
    connection.onNotification((method: string, params: unknown) => {
      session.notifications.push({ method, params });
      session.wake();
    });
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
      ...(options.trace ? { trace: options.trace } : {}),
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          inlayHint: { refreshSupport: true },
          semanticTokens: { refreshSupport: true },
        },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          inlayHint: {},
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
          semanticTokens: { requests: { full: true }, tokenTypes: ['variable'], tokenModifiers: [], formats: ['relative'] },
        },
      },
    }).then((result) => (session.initializeResult = result as any));
    await connection.sendNotification('initialized', {});
    return session;
  }

  initializeResult: any;

  uri(name: string): string {
    return pathToFileURL(path.join(this.folder, name)).href;
  }

  /** Opens a document (written to disk too, so relative paths and globs work as in an editor). */
  open(name: string, languageId: string, text: string): string {
    const uri = this.uri(name);
    fs.mkdirSync(path.dirname(path.join(this.folder, name)), { recursive: true });
    fs.writeFileSync(path.join(this.folder, name), text);
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** One incremental change; returns the new version. */
  change(uri: string, range: Range, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** Waits for the first notification (received so far or later, after `from`) that passes the test. */
  async waitFor(method: string, test: (params: any) => boolean = () => true, from = 0, timeoutMs = 15000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.notifications.slice(from).find((n) => n.method === method && test(n.params));
      if (found) return found.params;
      if (Date.now() > deadline) throw new Error(`no ${method} within ${timeoutMs} ms; got: ${this.notifications.map((n) => n.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Diagnostics of one document version (the latest publication for it). */
  diagnosticsFor(uri: string, version?: number, from = 0, timeoutMs = 15000): Promise<any> {
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version), from, timeoutMs);
  }

  async waitForServerRequest(method: string, timeoutMs = 10000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.serverRequests.includes(method)) {
      if (Date.now() > deadline) throw new Error(`server never sent ${method}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await Promise.race([this.exitCode, new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
    return code;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

let built = false;
/** Builds dist/ once per test run when the server bundle is missing. */
export function ensureBuilt(): void {
  if (built || fs.existsSync(SERVER)) {
    built = true;
    return;
  }
  const result = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node esbuild.js failed:\n${result.stderr}`);
  built = true;
}

/** Position of the first occurrence of `needle` in `text` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  const before = text.slice(0, index + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 99999, character: 0 } };

/** The inlay hints of a whole document. */
export async function hints(session: LspSession, uri: string): Promise<any[]> {
  return session.request('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE_FILE });
}
