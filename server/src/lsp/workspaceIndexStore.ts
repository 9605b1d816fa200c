// The workspace index in the editor (issue 14): built in the background after start-up for each workspace folder
// (the audit's discovery, `.promptcost.json` excludes and size limit), kept current from open documents and
// `workspace/didChangeWatchedFiles`, and re-collected (debounced) after a change; the open documents whose
// cross-file findings changed are re-analysed — a wrapper's model changes → its callers' hints change. Until a
// folder's index is ready its documents are analysed without it: the first hints never wait for the index.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { indexWorkspace } from '../engine/audit/crossFileIndex';
import { collectCrossFile, type CrossFileFinding } from '../engine/detection/workspace/crossFileFindings';
import { factsOf, hasFacts } from '../engine/detection/workspace/factsOf';
import type { WorkspaceIndex } from '../engine/detection/workspace/workspaceIndex';

/** Changes on disk arriving within this many ms are collected once (an open document's typing pause is its own). */
export const RECOLLECT_DELAY_MS = 100;
/** An open document's facts are read this long after its last change. */
export const FACTS_AFTER_TYPING_MS = 200;

interface FolderIndex {
  folder: string;
  index: WorkspaceIndex;
  findings: Map<string, readonly CrossFileFinding[]>;
  /** Hash of each file's findings' JSON at the last collection, to tell which files changed (the JSON itself was
   *  ~120 KB for a file with 50 prompts, kept for every such file). */
  signatures: Map<string, string>;
  /** What the last collection could not follow (missing loaded files, computed imports), for the log. */
  problems?: { file: string; reason: string }[];
}

/** Problems written to the log per build; the rest are counted. */
const LOGGED_PROBLEMS = 20;

export interface IndexStoreHost {
  folders(): string[];
  excludesFor(folder: string): string[] | undefined;
  promptFileGlobsFor(folder: string): string[] | undefined;
  maxFileBytes(): number;
  /** Open documents' text by URI (an open document's text wins over the file on disk). */
  openText(uri: string): string | undefined;
  /** Re-analyse these open documents (their findings changed). */
  reanalyze(uris: string[]): void;
  log(message: string): void;
}

export class WorkspaceIndexStore {
  private readonly folders = new Map<string, FolderIndex>();
  private building: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly dirty = new Set<FolderIndex>();
  private generation = 0;
  /** Per open document: the pending facts read after typing pauses. */
  private readonly typing = new Map<string, NodeJS.Timeout>();

  constructor(private readonly host: IndexStoreHost) {}

  /** Starts (or restarts, after folders or config changed) the background build. */
  start(): Promise<void> {
    const generation = ++this.generation;
    this.building = (async () => {
      for (const folder of this.host.folders()) {
        const started = Date.now();
        try {
          const { index, files } = await indexWorkspace({ paths: [folder], baseDir: folder, excludes: this.host.excludesFor(folder), promptFileGlobs: this.host.promptFileGlobsFor(folder), maxFileBytes: this.host.maxFileBytes() });
          if (generation !== this.generation) return;
          const entry: FolderIndex = { folder, index, findings: new Map(), signatures: new Map() };
          // Open documents may differ from the disk.
          for (const [rel] of index.facts) {
            const text = this.host.openText(pathToFileURL(path.join(folder, rel)).href);
            if (text !== undefined) await this.setText(entry, rel, text);
          }
          this.folders.set(folder, entry);
          const changed = this.collect(entry);
          this.host.log(`Prompt Cost Lens: workspace index of ${folder}: ${files} code files in ${Date.now() - started} ms; ${changed.length} files with prompts across files.`);
          const problems = entry.problems ?? [];
          for (const p of problems.slice(0, LOGGED_PROBLEMS)) this.host.log(`Prompt Cost Lens: not followed across files: ${p.file}: ${p.reason}`);
          if (problems.length > LOGGED_PROBLEMS) this.host.log(`Prompt Cost Lens: … and ${problems.length - LOGGED_PROBLEMS} more not followed across files (prompt-cost audit lists them all).`);
          this.host.reanalyze(changed.map((rel) => pathToFileURL(path.join(folder, rel)).href));
        } catch (error) {
          this.host.log(`Prompt Cost Lens: workspace index of ${folder} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.building;
  }

  /** Resolves when the current background build is done (tests, benchmarks). */
  whenBuilt(): Promise<void> {
    return this.building ?? Promise.resolve();
  }

  findingsFor(filePath: string): readonly CrossFileFinding[] | undefined {
    const hit = this.folderOf(filePath);
    return hit?.entry.findings.get(hit.rel);
  }

  /**
   * An open document's text changed (or it was opened). Its facts are read once typing pauses (a full parse of the
   * file: never on the keystroke's path), with the text it has then.
   */
  documentChanged(filePath: string, text: () => string | undefined): void {
    const hit = this.folderOf(filePath);
    if (!hit || !hasFacts(hit.rel)) return;
    clearTimeout(this.typing.get(filePath));
    this.typing.set(filePath, setTimeout(() => {
      this.typing.delete(filePath);
      const current = text();
      if (current === undefined) return;
      // The typing pause already gathered the edits: collected at once, not after another RECOLLECT_DELAY_MS.
      void this.setText(hit.entry, hit.rel, current).then((changed) => changed && this.schedule(hit.entry, 0));
    }, FACTS_AFTER_TYPING_MS));
  }

  /** A file changed on disk (created, changed or deleted); open documents are followed through documentChanged. */
  async fileChanged(filePath: string, deleted: boolean): Promise<void> {
    const hit = this.folderOf(filePath);
    if (!hit) return;
    if (deleted) {
      hit.entry.index.removeFile(hit.rel);
      this.schedule(hit.entry);
      return;
    }
    hit.entry.index.addFile(hit.rel);
    if (this.host.openText(pathToFileURL(filePath).href) !== undefined) return;
    let text: string | undefined;
    try {
      const stat = fs.statSync(filePath);
      if (stat.size <= this.host.maxFileBytes()) text = fs.readFileSync(filePath, 'utf8');
    } catch {
      text = undefined;
    }
    if (text === undefined || !hasFacts(hit.rel)) {
      this.schedule(hit.entry); // a loaded file appeared or changed: findings may now resolve
      return;
    }
    if (await this.setText(hit.entry, hit.rel, text)) this.schedule(hit.entry);
  }

  private async setText(entry: FolderIndex, rel: string, text: string): Promise<boolean> {
    const outcome = await factsOf(rel, text, this.host.maxFileBytes());
    if (!('facts' in outcome)) return false;
    if (entry.index.facts.get(rel) === outcome.facts) return false; // same content (facts cached by hash)
    entry.index.setFacts(outcome.facts);
    return true;
  }

  private schedule(entry: FolderIndex, delayMs = RECOLLECT_DELAY_MS): void {
    this.dirty.add(entry);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const e of this.dirty) {
        const changed = this.collect(e);
        this.host.reanalyze(changed.map((rel) => pathToFileURL(path.join(e.folder, rel)).href));
      }
      this.dirty.clear();
    }, delayMs);
  }

  /** Collects the folder's findings; returns the files whose findings changed. */
  private collect(entry: FolderIndex): string[] {
    const result = collectCrossFile(entry.index);
    const changed: string[] = [];
    const files = new Set([...result.byFile.keys(), ...entry.signatures.keys()]);
    const signatures = new Map<string, string>();
    for (const file of files) {
      const findings = result.byFile.get(file);
      const signature = findings ? createHash('sha1').update(JSON.stringify(findings)).digest('base64') : '';
      if (signature) signatures.set(file, signature);
      if ((entry.signatures.get(file) ?? '') !== signature) changed.push(file);
    }
    entry.signatures = signatures;
    entry.findings = result.byFile;
    entry.problems = result.problems;
    return changed;
  }

  private folderOf(filePath: string): { entry: FolderIndex; rel: string } | undefined {
    for (const entry of this.folders.values()) {
      const rel = path.relative(entry.folder, filePath);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { entry, rel: rel.split(path.sep).join('/') };
    }
    return undefined;
  }

  dispose(): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    for (const t of this.typing.values()) clearTimeout(t);
  }
}
