// The workspace audit: walks the paths first (a list of paths, so progress has a fixed total), then audits a few
// files at a time (I/O overlaps analysis), keeping only the small per-prompt records — never file contents — so
// memory stays flat on any tree size. Cancellable; reports progress. The CLI, the language server and the benchmark
// all call this.
import { discoverFiles, type DiscoveredEntry } from './discovery';
import { auditFile, type Analyzer, type FileAuditResult, type Fixer } from './auditFile';
import { DEFAULT_MAX_FILE_BYTES } from './readSource';
import { auditedLanguageId } from './supportedFiles';
import type { AuditPrompt, SkippedFile } from './types';
import type { AuditCrossFile } from './crossFileIndex';
import type { CrossFileFinding } from '../detection/workspace/crossFileFindings';
import * as path from 'path';

const YIELD_EVERY_FILES = 16;

/**
 * Two phases, so a progress bar never shows a total that grows: `discovering` (the walk; `filesFound` grows, no total
 * yet), then `auditing` against a fixed `filesTotal` (every entry the walk produced, files it skipped included), which
 * is what the report counts: files read + files skipped = `filesTotal` = the last `filesDone`.
 */
export interface AuditProgress {
  phase: 'discovering' | 'auditing';
  /** Entries found so far (candidate files and skipped ones); final once `phase` is `auditing`. */
  filesFound: number;
  /** Set in the auditing phase: all entries of this run. */
  filesTotal?: number;
  filesDone: number;
  prompts: number;
  skipped: number;
}

/** What the walk found, in its order: candidate files (with their language) and entries it skipped with a reason. */
export interface AuditPlan {
  entries: DiscoveredEntry[];
  languages: Map<string, string>;
}

export interface AuditOptions {
  /** Files or directories, absolute or relative to `baseDir`. */
  paths: string[];
  /** The audited root: reported paths are relative to it, and config globs are matched against them. */
  baseDir: string;
  analyze: Analyzer;
  fixer?: Fixer;
  excludes?: string[];
  promptFileGlobs?: string[];
  respectGitignore?: boolean;
  maxFileBytes?: number;
  /** Files in flight at once. */
  concurrency?: number;
  /** Audits a file somewhere else (worker threads); `analyze`/`fixer` are then unused. */
  auditor?: (absPath: string, relPath: string, languageId: string, crossFile?: readonly CrossFileFinding[]) => Promise<FileAuditResult>;
  /** The workspace index's findings (first pass, crossFileIndex.ts): applied per file; loaded files are read too. */
  crossFile?: AuditCrossFile;
  signal?: AbortSignal;
  onProgress?(progress: AuditProgress): void;
  /** The walk, done beforehand (discoverAuditFiles): a caller auditing several roots counts them all first. */
  plan?: AuditPlan;
  /** Reports only the files (and skipped entries) it accepts: `--shard k/n` (shard.ts). The index still sees every file. */
  include?: (relPath: string) => boolean;
}

export interface AuditRun {
  prompts: AuditPrompt[];
  skipped: SkippedFile[];
  /** Files read and analysed. */
  files: number;
  fixesApplied: number;
  fixedFiles: string[];
  cancelled: boolean;
}

/** The walk of an audit, all of it: paths only, never file contents, so memory stays small on any tree. */
export async function discoverAuditFiles(
  options: Pick<AuditOptions, 'paths' | 'baseDir' | 'excludes' | 'promptFileGlobs' | 'respectGitignore' | 'signal'>,
  onFound?: (found: number) => void,
): Promise<AuditPlan> {
  const languages = new Map<string, string>();
  const entries: DiscoveredEntry[] = [];
  const walk = discoverFiles(options.paths, {
    baseDir: options.baseDir,
    excludes: options.excludes,
    respectGitignore: options.respectGitignore,
    signal: options.signal,
    isCandidate: (relPath) => {
      const languageId = auditedLanguageId(relPath, options.promptFileGlobs);
      if (languageId) languages.set(relPath, languageId);
      return languageId !== undefined;
    },
  });
  for await (const entry of walk) {
    entries.push(entry);
    onFound?.(entries.length);
  }
  return { entries, languages };
}

export async function runAudit(options: AuditOptions): Promise<AuditRun> {
  const run: AuditRun = { prompts: [], skipped: [], files: 0, fixesApplied: 0, fixedFiles: [], cancelled: false };
  const progress: AuditProgress = { phase: 'discovering', filesFound: 0, filesDone: 0, prompts: 0, skipped: 0 };
  const plan =
    options.plan ??
    (await discoverAuditFiles(options, (found) => {
      progress.filesFound = found;
      options.onProgress?.(progress);
    }));
  const { languages } = plan;
  // After the discovered files, the files only code loads (read as plain text; their prompts come from the index).
  const loaded = (options.crossFile?.loadedFiles ?? []).map((relPath): DiscoveredEntry => ({ kind: 'file', absPath: path.join(options.baseDir, ...relPath.split('/')), relPath }));
  const include = options.include ?? (() => true);
  const entries = (loaded.length ? [...plan.entries, ...loaded] : plan.entries).filter((e) => include(e.relPath));
  for (const problem of options.crossFile?.problems ?? []) if (include(problem.file)) run.skipped.push({ file: problem.file, reason: `cross-file: ${problem.reason}` });
  progress.phase = 'auditing';
  progress.filesFound = progress.filesTotal = entries.length;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // Entries the walk skipped are done already.
  for (const entry of entries) {
    if (entry.kind !== 'skipped') continue;
    run.skipped.push({ file: entry.relPath, reason: entry.reason });
    progress.skipped++;
    progress.filesDone++;
  }
  if (!options.signal?.aborted) options.onProgress?.(progress);
  const files = entries.filter((e): e is Extract<DiscoveredEntry, { kind: 'file' }> => e.kind === 'file');
  let next = 0;

  const lane = async (): Promise<void> => {
    for (;;) {
      if (options.signal?.aborted || next >= files.length) return;
      const entry = files[next++];
      const languageId = languages.get(entry.relPath) ?? auditedLanguageId(entry.relPath, options.promptFileGlobs) ?? 'plaintext';
      const crossFile = options.crossFile?.findingsFor(entry.relPath);
      const result = options.auditor
        ? await options.auditor(entry.absPath, entry.relPath, languageId, crossFile)
        : await auditFile(entry.absPath, entry.relPath, languageId, { analyze: options.analyze, maxFileBytes, fixer: options.fixer, crossFile });
      if (result.ok) {
        run.files++;
        run.prompts.push(...result.prompts);
        progress.prompts += result.prompts.length;
        if (result.fixesApplied > 0) {
          run.fixesApplied += result.fixesApplied;
          run.fixedFiles.push(entry.relPath);
        }
      } else {
        run.skipped.push({ file: entry.relPath, reason: result.reason });
        progress.skipped++;
      }
      progress.filesDone++;
      options.onProgress?.(progress);
      // Reads are synchronous and analyses may resolve at once: yield now and then so a language server stays
      // responsive (hovers, the cancel request) during a long audit.
      if (progress.filesDone % YIELD_EVERY_FILES === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, lane));
  run.cancelled = options.signal?.aborted ?? false;
  return run;
}
