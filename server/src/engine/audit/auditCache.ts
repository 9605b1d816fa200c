// The audit's cache (`--cache`, ESLint's convention): per file, keyed by its path and content hash, the facts the
// workspace index reads (the relevance sketch and the file's facts) and the audit's result for it (the prompt
// records). The whole file is valid for one tool build and one configuration (`CacheIdentity`); a result is reused
// only when the file's content AND the cross-file findings it was analysed with are the same, so a changed file
// re-analyses itself and every file whose cross-file inputs it changed, and nothing else.
//
// On disk: one line of JSON header (format, schema, identity, body checksum), then the body as JSON. Written to a
// temporary file and renamed over the old one, so two runs at once each leave a whole file (the last one wins) and a
// killed run leaves the previous one. A file that is not ours is never overwritten; one that is ours but damaged
// (checksum, JSON) is ignored with one warning and rewritten. Deleting it is always safe.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { FactsOutcome } from '../detection/workspace/factsOf';
import type { RawSketch } from '../detection/workspace/relevance';
import { writeFileAtomic } from './atomicWrite';
import type { FileAuditResult } from './auditFile';

export const CACHE_FILE_NAME = '.promptcost-cache';
const FORMAT = 'prompt-cost-cache';
/** Bumped when the body's shape or the meaning of an entry changes. */
const SCHEMA = 1;

/** What every entry depends on besides the file: the tool build and the configuration (settings, config file, day). */
export interface CacheIdentity {
  tool: string;
  config: string;
}

interface CacheHeader extends CacheIdentity {
  format: typeof FORMAT;
  schema: number;
  checksum: string;
}

export interface CacheEntry {
  /** Content hash of the bytes the entry was computed from. */
  hash: string;
  sketch?: RawSketch;
  facts?: Exclude<FactsOutcome, { skipped: string }>;
  /** The audit's result and the key it was computed under (content, language, cross-file findings). */
  result?: { key: string; value: Extract<FileAuditResult, { ok: true }> };
}

export function contentHash(bytes: Buffer | string): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** The key of a file's audit result: its content, its language and the cross-file findings it is analysed with. */
export function resultKey(hash: string, languageId: string, crossFile: unknown): string {
  return contentHash(`${hash}\0${languageId}\0${crossFile === undefined ? '' : JSON.stringify(crossFile)}`);
}

/** `--cache-location`: a file, or a directory (existing, or written with a trailing slash) that gets the default name. */
export function cacheFilePath(root: string, location: string | undefined): string {
  if (location === undefined) return path.join(root, CACHE_FILE_NAME);
  const resolved = path.resolve(location);
  if (/[\\/]$/.test(location)) return path.join(resolved, CACHE_FILE_NAME);
  try {
    if (fs.statSync(resolved).isDirectory()) return path.join(resolved, CACHE_FILE_NAME);
  } catch {
    // Not there yet: a file name.
  }
  return resolved;
}

export class AuditCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly visited = new Set<string>();
  private dirty = false;
  /** False when the file at the location is not a cache of ours: it is read as empty and never overwritten. */
  private writable = true;
  /** Content hashes read this run (the index pass hashes code files; the audit pass reuses them). */
  readonly hashes = new Map<string, string>();
  hits = 0;
  misses = 0;

  private constructor(readonly file: string, readonly identity: CacheIdentity, readonly warning?: string) {}

  /** Reads the cache at `file`; anything wrong with it gives an empty cache (and, when damaged or foreign, a warning). */
  static load(file: string, identity: CacheIdentity): AuditCache {
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' ? new AuditCache(file, identity) : new AuditCache(file, identity, `cannot read the cache ${file} (${code ?? error}); running without it`);
    }
    if (data.length === 0) return new AuditCache(file, identity);
    const newline = data.indexOf(0x0a);
    let header: Partial<CacheHeader> | undefined;
    try {
      header = JSON.parse(data.subarray(0, newline < 0 ? data.length : newline).toString('utf8'));
    } catch {
      header = undefined;
    }
    if (!header || typeof header !== 'object' || header.format !== FORMAT) {
      const cache = new AuditCache(file, identity, `${file} is not a prompt-cost cache; it is left alone and the audit runs without a cache (choose another --cache-location)`);
      cache.writable = false;
      return cache;
    }
    // Another build or configuration: not an error, just nothing to reuse (rewritten at the end).
    if (header.schema !== SCHEMA || header.tool !== identity.tool || header.config !== identity.config) return new AuditCache(file, identity);
    const body = newline < 0 ? Buffer.alloc(0) : data.subarray(newline + 1);
    const damaged = (why: string): AuditCache => new AuditCache(file, identity, `the cache ${file} is damaged (${why}); it is ignored and rewritten`);
    if (contentHash(body) !== header.checksum) return damaged('checksum mismatch');
    let files: Record<string, CacheEntry>;
    try {
      files = JSON.parse(body.toString('utf8')).files;
    } catch (error) {
      return damaged((error as Error).message);
    }
    if (!files || typeof files !== 'object') return damaged('no file entries');
    const cache = new AuditCache(file, identity);
    for (const [rel, entry] of Object.entries(files)) if (entry && typeof entry.hash === 'string') cache.entries.set(rel, entry);
    return cache;
  }

  /** The entry of `relPath` when it was computed from content with this hash. */
  entry(relPath: string, hash: string): CacheEntry | undefined {
    this.visited.add(relPath);
    const entry = this.entries.get(relPath);
    return entry?.hash === hash ? entry : undefined;
  }

  /** Adds to (or starts anew) the entry of `relPath` for content `hash`. */
  update(relPath: string, hash: string, change: Omit<Partial<CacheEntry>, 'hash'>): void {
    this.visited.add(relPath);
    const old = this.entries.get(relPath);
    this.entries.set(relPath, { ...(old?.hash === hash ? old : {}), ...change, hash });
    this.dirty = true;
  }

  /** The cached result of a file, when its key matches. */
  result(relPath: string, hash: string, key: string): Extract<FileAuditResult, { ok: true }> | undefined {
    const found = this.entry(relPath, hash)?.result;
    if (found?.key === key) {
      this.hits++;
      return found.value;
    }
    this.misses++;
    return undefined;
  }

  /**
   * Writes the cache when something changed. Entries of files this run did not look at are kept while the file
   * exists (a run over a few paths keeps the rest of the tree's entries); `root` resolves their paths.
   */
  async save(root: string): Promise<void> {
    if (!this.writable) return;
    const files: Record<string, CacheEntry> = {};
    for (const [rel, entry] of this.entries) {
      if (!this.visited.has(rel)) {
        if (!fs.existsSync(path.join(root, ...rel.split('/')))) {
          this.dirty = true;
          continue;
        }
      }
      files[rel] = entry;
    }
    if (!this.dirty) return;
    const body = Buffer.from(JSON.stringify({ files }), 'utf8');
    const header: CacheHeader = { format: FORMAT, schema: SCHEMA, ...this.identity, checksum: contentHash(body) };
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'utf8'), body]));
    this.dirty = false;
  }
}
