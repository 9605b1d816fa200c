// The audit's cache (`--cache`, ESLint's convention): per file, keyed by its path and content hash, the facts the
// workspace index reads (the relevance sketch and the file's facts) and the audit's result for it (the prompt
// records). The whole file is valid for one tool build and one configuration (`CacheIdentity`); a result is reused
// only when the file's content AND the cross-file findings it was analysed with are the same, so a changed file
// re-analyses itself and every file whose cross-file inputs it changed, and nothing else.
//
// On disk: one line of JSON header (format, schema, identity, each section's length and checksum), then two JSON
// sections: `main` (per file: content hash, relevance sketch, result; and the last cross-file solution with what it
// read) and `facts` (per file: the index's facts, deflated), which is inflated and parsed only when the cross-file solution must be
// recomputed — an unchanged tree never needs it. Written to a temporary file and renamed over the old one, so two runs at once each leave a whole file (the last one wins) and a
// killed run leaves the previous one. A file that is not ours is never overwritten; one that is ours but damaged
// (checksum, JSON) is ignored with one warning and rewritten. Deleting it is always safe.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { FactsOutcome } from '../detection/workspace/factsOf';
import type { CrossFileFinding, CrossFileResult } from '../detection/workspace/crossFileFindings';
import type { RawSketch } from '../detection/workspace/relevance';
import { writeFileAtomic } from './atomicWrite';
import type { FileAuditResult } from './auditFile';

export const CACHE_FILE_NAME = '.promptcost-cache';
const FORMAT = 'prompt-cost-cache';
/** Bumped when the sections' shape or the meaning of an entry changes. */
const SCHEMA = 2;

/** What every entry depends on besides the file: the tool build and the configuration (settings, config file, day). */
export interface CacheIdentity {
  tool: string;
  config: string;
}

interface Section {
  length: number;
  checksum: string;
}

interface CacheHeader extends CacheIdentity {
  format: typeof FORMAT;
  schema: number;
  main: Section;
  facts: Section;
}

export interface CacheEntry {
  /** Content hash of the bytes the entry was computed from. */
  hash: string;
  sketch?: RawSketch;
  /** The audit's result and the key it was computed under (content, language, cross-file findings). */
  result?: { key: string; value: Extract<FileAuditResult, { ok: true }> };
}

type CachedFacts = Exclude<FactsOutcome, { skipped: string }>;

/**
 * The workspace index's last solution: valid while `signature` (every code file's path and content hash, and every
 * candidate path) is the same and every file the index looked at besides them (`deps`: existence, or content hash
 * of a loaded file) still is as recorded.
 */
export interface CrossFileMemo {
  signature: string;
  deps: [string, string][];
  byFile: [string, CrossFileFinding[]][];
  problems: CrossFileResult['problems'];
  files: number;
}

interface MainSection {
  files: Record<string, CacheEntry>;
  crossFile?: CrossFileMemo;
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

/**
 * Text parts carry one source offset per character (`PromptPart.offsets`); nearly always a run (start, start+1, …),
 * stored as `{ run: [start, length] }` — it was 90 % of the facts' size.
 */
function packOffsets(key: string, value: unknown): unknown {
  if (key !== 'offsets' || !Array.isArray(value) || value.length === 0) return value;
  for (let i = 1; i < value.length; i++) if (value[i] !== value[0] + i) return value;
  return { run: [value[0], value.length] };
}

function unpackOffsets(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) unpackOffsets(item);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key] as { run?: [number, number] } | undefined;
    if (key === 'offsets' && v && !Array.isArray(v) && Array.isArray(v.run)) record[key] = Array.from({ length: v.run[1] }, (_, i) => v.run![0] + i);
    else unpackOffsets(v);
  }
}

export class AuditCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly visited = new Set<string>();
  private factsRaw: { bytes: Buffer; checksum: string } | undefined;
  private factsMap: Map<string, { hash: string; facts: CachedFacts }> | undefined;
  private memo: CrossFileMemo | undefined;
  private dirty = false;
  /** False when the file at the location is not a cache of ours: it is read as empty and never overwritten. */
  private writable = true;
  /** Content hashes read this run (the index pass hashes code files; the audit pass reuses them). */
  readonly hashes = new Map<string, string>();
  readonly warnings: string[] = [];
  hits = 0;
  misses = 0;

  private constructor(readonly file: string, readonly identity: CacheIdentity) {}

  /** Reads the cache at `file`; anything wrong with it gives an empty cache (and, when damaged or foreign, a warning). */
  static load(file: string, identity: CacheIdentity): AuditCache {
    const cache = new AuditCache(file, identity);
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') cache.warnings.push(`cannot read the cache ${file} (${code ?? error}); running without it`);
      return cache;
    }
    if (data.length === 0) return cache;
    const newline = data.indexOf(0x0a);
    let header: Partial<CacheHeader> | undefined;
    try {
      header = JSON.parse(data.subarray(0, newline < 0 ? data.length : newline).toString('utf8'));
    } catch {
      header = undefined;
    }
    if (!header || typeof header !== 'object' || header.format !== FORMAT) {
      cache.warnings.push(`${file} is not a prompt-cost cache; it is left alone and the audit runs without a cache (choose another --cache-location)`);
      cache.writable = false;
      return cache;
    }
    // Another build or configuration: not an error, just nothing to reuse (rewritten at the end).
    if (header.schema !== SCHEMA || header.tool !== identity.tool || header.config !== identity.config) return cache;
    const damaged = (why: string): AuditCache => {
      cache.warnings.push(`the cache ${file} is damaged (${why}); it is ignored and rewritten`);
      cache.dirty = true;
      return cache;
    };
    const mainStart = newline + 1;
    const main = header.main;
    const facts = header.facts;
    if (newline < 0 || !main || !facts || data.length !== mainStart + main.length + facts.length) return damaged('wrong length');
    const mainBytes = data.subarray(mainStart, mainStart + main.length);
    if (contentHash(mainBytes) !== main.checksum) return damaged('checksum mismatch');
    let parsed: MainSection;
    try {
      parsed = JSON.parse(mainBytes.toString('utf8'));
    } catch (error) {
      return damaged((error as Error).message);
    }
    if (!parsed?.files || typeof parsed.files !== 'object') return damaged('no file entries');
    for (const [rel, entry] of Object.entries(parsed.files)) if (entry && typeof entry.hash === 'string') cache.entries.set(rel, entry);
    cache.memo = parsed.crossFile;
    cache.factsRaw = { bytes: data.subarray(mainStart + main.length), checksum: facts.checksum };
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

  /** The index's facts of a file, parsed from the facts section on first use. */
  facts(relPath: string, hash: string): CachedFacts | undefined {
    const found = this.factsSection().get(relPath);
    return found?.hash === hash ? found.facts : undefined;
  }

  setFacts(relPath: string, hash: string, facts: CachedFacts): void {
    this.factsSection().set(relPath, { hash, facts });
    this.dirty = true;
  }

  private factsSection(): Map<string, { hash: string; facts: CachedFacts }> {
    if (this.factsMap) return this.factsMap;
    this.factsMap = new Map();
    const raw = this.factsRaw;
    this.factsRaw = undefined;
    if (!raw || raw.bytes.length === 0) return this.factsMap;
    try {
      if (contentHash(raw.bytes) !== raw.checksum) throw new Error('checksum mismatch');
      const parsed = JSON.parse(zlib.inflateRawSync(raw.bytes).toString('utf8')) as Record<string, { hash: string; facts: CachedFacts }>;
      unpackOffsets(parsed);
      for (const [rel, entry] of Object.entries(parsed)) if (entry && typeof entry.hash === 'string' && entry.facts) this.factsMap.set(rel, entry);
    } catch (error) {
      this.warnings.push(`the cache ${this.file} is damaged (facts: ${(error as Error).message}); they are read again`);
      this.factsMap.clear();
    }
    return this.factsMap;
  }

  /** The last cross-file solution, when its signature matches (the caller checks `deps`). */
  crossFile(signature: string): CrossFileMemo | undefined {
    if (this.memo?.signature !== signature) return undefined;
    unpackOffsets(this.memo.byFile);
    return this.memo;
  }

  setCrossFile(memo: CrossFileMemo): void {
    this.memo = memo;
    this.dirty = true;
  }

  /**
   * Writes the cache when something changed. Entries of files this run did not look at are kept while the file
   * exists (a run over a few paths keeps the rest of the tree's entries); `root` resolves their paths.
   */
  async save(root: string): Promise<void> {
    if (!this.writable) return;
    const exists = (rel: string): boolean => this.visited.has(rel) || fs.existsSync(path.join(root, ...rel.split('/')));
    const files: Record<string, CacheEntry> = {};
    for (const [rel, entry] of this.entries) {
      if (exists(rel)) files[rel] = entry;
      else this.dirty = true;
    }
    if (!this.dirty) return;
    const mainBytes = Buffer.from(JSON.stringify({ files, crossFile: this.memo } satisfies MainSection, packOffsets), 'utf8');
    const factsBytes = this.factsMap ? await this.deflatedFacts(exists) : this.factsRaw?.bytes ?? zlib.deflateRawSync(Buffer.from('{}', 'utf8'));
    const header: CacheHeader = {
      format: FORMAT,
      schema: SCHEMA,
      ...this.identity,
      main: { length: mainBytes.length, checksum: contentHash(mainBytes) },
      facts: { length: factsBytes.length, checksum: this.factsMap ? contentHash(factsBytes) : this.factsRawChecksum(factsBytes) },
    };
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'utf8'), mainBytes, factsBytes]));
    this.dirty = false;
  }

  /**
   * The facts section, deflated as it is written entry by entry: one JSON string of every file's facts would be
   * several times the facts' own memory (≈ 60 MB of JSON for 2,700 files).
   */
  private async deflatedFacts(keep: (rel: string) => boolean): Promise<Buffer> {
    // Compressed: facts repeat the same keys and literal descriptions (≈ 5–10× smaller; a CI cache is uploaded).
    const deflate = zlib.createDeflateRaw({ level: 1 });
    const chunks: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    const write = async (text: string): Promise<void> => {
      if (!deflate.write(text)) await new Promise<void>((resolve) => deflate.once('drain', resolve));
    };
    let first = true;
    await write('{');
    for (const [rel, entry] of this.factsMap ?? []) {
      if (!keep(rel)) continue;
      await write(`${first ? '' : ','}${JSON.stringify(rel)}:${JSON.stringify(entry, packOffsets)}`);
      first = false;
    }
    deflate.end('}');
    await ended;
    return Buffer.concat(chunks);
  }

  private factsRawChecksum(bytes: Buffer): string {
    return this.factsRaw && this.factsRaw.bytes === bytes ? this.factsRaw.checksum : contentHash(bytes);
  }
}
