// The audit's first pass (issue 14): facts for every code file the audit will read (same discovery, excludes and
// size limit), joined in the workspace index; the second pass (runAudit) analyses each file with the index's
// findings for it, and also reads the files code loads that discovery does not list (a `.txt` outside a prompts
// folder, crewAI's YAML), so the report lists exactly what the editor shows with the index built.
import * as fs from 'fs';
import * as path from 'path';
import { factsOf, hasFacts } from '../detection/workspace/factsOf';
import { collectCrossFile, type CrossFileFinding, type CrossFileResult } from '../detection/workspace/crossFileFindings';
import { WorkspaceIndex } from '../detection/workspace/workspaceIndex';
import { readSketch, relevantFiles, resolveSketch, type FileSketch } from '../detection/workspace/relevance';
import { detectionLanguage } from '../detection/language';
import { discoverFiles, type DiscoveredEntry } from './discovery';
import { decodeSource, readFileBytes } from './readSource';
import { auditedLanguageId } from './supportedFiles';
import { contentHash, type AuditCache, type CrossFileMemo } from './auditCache';

export interface CrossFileIndexOptions {
  paths: string[];
  baseDir: string;
  excludes?: string[];
  promptFileGlobs?: string[];
  respectGitignore?: boolean;
  maxFileBytes: number;
  signal?: AbortSignal;
  /** `--cache`: sketches and facts of unchanged files are read from it (and new ones stored). */
  cache?: AuditCache;
  /** The audit's walk, done already (runAudit's plan): the tree is walked once. */
  entries?: readonly DiscoveredEntry[];
  /** Relevant files whose facts are read so far, of how many (a progress bar's second phase). */
  onProgress?(done: number, total: number): void;
}

export interface AuditCrossFile {
  findingsFor(relPath: string): readonly CrossFileFinding[] | undefined;
  /** Files only reached through a loader: the audit reads them after the discovered ones. */
  loadedFiles: string[];
  problems: CrossFileResult['problems'];
  /** Code files parsed for facts (the relevant ones), and how long the pass took. */
  files: number;
  ms: number;
}

/** Each file is a few ms of parsing: yielding this often keeps a language server answering during the build. */
const YIELD_EVERY_FILES = 4;

/** What the index looked at besides the code files: `e:1`/`e:0` existence, `t:<hash>` a text it read (`t:-` none). */
type Deps = Map<string, string>;

/** Reads the facts of every discovered code file into a new index (yields to the event loop as it goes). */
export async function indexWorkspace(options: CrossFileIndexOptions): Promise<{ index: WorkspaceIndex; candidates: Set<string>; files: number }> {
  const built = await buildIndex(options);
  if (!('index' in built)) throw new Error('unreachable: no memo was offered');
  return built;
}

/**
 * The index, or — when `reuse` accepts the signature of this tree (every candidate path, every code file's content
 * hash; needs the cache) — the cached solution it returns, without resolving or loading any facts.
 */
async function buildIndex(
  options: CrossFileIndexOptions,
  reuse?: (signature: string) => CrossFileMemo | undefined,
): Promise<{ index: WorkspaceIndex; candidates: Set<string>; files: number; deps: Deps; signature?: string } | { memo: CrossFileMemo; candidates: Set<string> }> {
  const inside = (rel: string): string => path.join(options.baseDir, ...rel.split('/'));
  const deps: Deps = new Map();
  const index = new WorkspaceIndex({
    readText: (rel) => {
      let text: string | undefined;
      try {
        text = fs.readFileSync(inside(rel), 'utf8');
      } catch {
        text = undefined;
      }
      deps.set(rel, `t:${text === undefined ? '-' : contentHash(text)}`);
      return text;
    },
    exists: (rel) => {
      const found = !rel.startsWith('..') && fs.existsSync(inside(rel));
      deps.set(rel, `e:${found ? 1 : 0}`);
      return found;
    },
  });
  const candidates = new Set<string>();
  const code: { relPath: string; absPath: string }[] = [];
  const walk =
    options.entries ??
    discoverFiles(options.paths, {
      baseDir: options.baseDir,
      excludes: options.excludes,
      respectGitignore: options.respectGitignore,
      signal: options.signal,
      isCandidate: (rel) => auditedLanguageId(rel, options.promptFileGlobs) !== undefined,
    });
  for await (const entry of walk) {
    if (entry.kind !== 'file') continue;
    candidates.add(entry.relPath);
    index.addFile(entry.relPath);
    if (hasFacts(entry.relPath)) code.push({ relPath: entry.relPath, absPath: entry.absPath });
  }
  // Sketch every code file (pre-filter + imports by regular expression), parse only the relevant ones (relevance.ts).
  // With a cache every code file is hashed first: an unchanged tree reuses the last solution as a whole.
  const cache = options.cache;
  let signature: string | undefined;
  if (cache) {
    const lines = [...candidates].sort();
    for (const file of code) {
      const source = await readSource(file.absPath, file.relPath, options.maxFileBytes, cache);
      lines.push(`${file.relPath}\0${source?.hash ?? '-'}`);
    }
    signature = contentHash(lines.join('\n'));
    const memo = reuse?.(signature);
    if (memo) return { memo, candidates };
  }
  const sketches: FileSketch[] = [];
  for (const file of code) {
    const language = detectionLanguage(file.relPath);
    if (!language) continue;
    const known = cache?.hashes.get(file.relPath);
    const hit = known !== undefined ? cache?.entry(file.relPath, known)?.sketch : undefined;
    let raw = hit;
    if (!raw) {
      // Read again (an unchanged file's bytes are not kept between the passes: memory stays flat on any tree).
      const source = await readSource(file.absPath, file.relPath, options.maxFileBytes, cache);
      const text = source?.text();
      if (text === undefined) continue;
      raw = readSketch(language, text);
      if (cache && source?.hash !== undefined) cache.update(file.relPath, source.hash, { sketch: raw });
    }
    sketches.push(resolveSketch(file.relPath, raw, index.resolver));
  }
  const relevant = relevantFiles(sketches);
  let files = 0;
  let done = 0;
  for (const file of code) {
    if (options.signal?.aborted) break;
    if (!relevant.has(file.relPath)) continue;
    options.onProgress?.(done++, relevant.size);
    const hash = cache?.hashes.get(file.relPath);
    let outcome = hash !== undefined ? cache?.facts(file.relPath, hash) : undefined;
    if (!outcome) {
      const source = await readSource(file.absPath, file.relPath, options.maxFileBytes, cache);
      const text = source?.text();
      if (text === undefined) continue; // the audit pass reports why
      const computed = await factsOf(file.relPath, text, options.maxFileBytes);
      // A parse that ran out of time is not a fact about the file: never cached.
      if (cache && source?.hash !== undefined && !('skipped' in computed)) cache.setFacts(file.relPath, source.hash, computed);
      if ('skipped' in computed) continue;
      outcome = computed;
    }
    if ('facts' in outcome) {
      index.setFacts(outcome.facts);
      files++;
    }
    if (files % YIELD_EVERY_FILES === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { index, candidates, files, deps, signature };
}

/** True when every file the solution looked at (besides the code files in its signature) is as it was. */
function depsUnchanged(deps: [string, string][], baseDir: string): boolean {
  for (const [rel, was] of deps) {
    const abs = path.join(baseDir, ...rel.split('/'));
    if (was.startsWith('e:')) {
      if (`e:${!rel.startsWith('..') && fs.existsSync(abs) ? 1 : 0}` !== was) return false;
      continue;
    }
    let text: string | undefined;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch {
      text = undefined;
    }
    if (`t:${text === undefined ? '-' : contentHash(text)}` !== was) return false;
  }
  return true;
}

/**
 * A code file's bytes for the index: with a cache, hashed (and the hash kept for the audit pass) and decoded only
 * when asked, so an unchanged file costs a read and a hash.
 */
async function readSource(absPath: string, relPath: string, maxFileBytes: number, cache?: AuditCache): Promise<{ hash?: string; text(): string | undefined } | undefined> {
  const read = await readFileBytes(absPath, maxFileBytes);
  if (!read.ok) return undefined;
  let decoded: ReturnType<typeof decodeSource> | undefined;
  const text = (): string | undefined => {
    decoded ??= decodeSource(read.bytes);
    return decoded.ok ? decoded.text : undefined;
  };
  if (!cache) return { text };
  const hash = contentHash(read.bytes);
  cache.hashes.set(relPath, hash);
  return { hash, text };
}

export async function buildCrossFileIndex(options: CrossFileIndexOptions): Promise<AuditCrossFile> {
  const started = Date.now();
  const cache = options.cache;
  const built = await buildIndex(options, cache && ((signature) => {
    const memo = cache.crossFile(signature);
    return memo && depsUnchanged(memo.deps, options.baseDir) ? memo : undefined;
  }));
  let byFile: Map<string, CrossFileFinding[]>;
  let problems: CrossFileResult['problems'];
  let files: number;
  if ('memo' in built) {
    byFile = new Map(built.memo.byFile);
    problems = built.memo.problems;
    files = built.memo.files;
  } else {
    const result = collectCrossFile(built.index);
    byFile = result.byFile;
    problems = result.problems;
    files = built.files;
    if (cache && built.signature && !options.signal?.aborted) {
      cache.setCrossFile({ signature: built.signature, deps: [...built.deps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), byFile: [...byFile], problems, files });
    }
  }
  return {
    findingsFor: (rel) => byFile.get(rel),
    loadedFiles: [...byFile.keys()].filter((f) => !built.candidates.has(f)).sort(),
    problems,
    files,
    ms: Date.now() - started,
  };
}
