// The workspace audit: walks the paths, audits a few files at a time (I/O overlaps analysis), and keeps only the
// small per-prompt records — never file contents — so memory stays flat on any tree size. Cancellable; reports
// progress. The CLI, the language server and the benchmark all call this.
import { discoverFiles } from './discovery';
import { auditFile, type Analyzer, type FileAuditResult, type Fixer } from './auditFile';
import { DEFAULT_MAX_FILE_BYTES } from './readSource';
import { auditedLanguageId } from './supportedFiles';
import type { AuditPrompt, SkippedFile } from './types';

const YIELD_EVERY_FILES = 16;

export interface AuditProgress {
  /** Candidate files found so far (the walk runs ahead of the analysis). */
  filesFound: number;
  filesDone: number;
  prompts: number;
  skipped: number;
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
  auditor?: (absPath: string, relPath: string, languageId: string) => Promise<FileAuditResult>;
  signal?: AbortSignal;
  onProgress?(progress: AuditProgress): void;
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

export async function runAudit(options: AuditOptions): Promise<AuditRun> {
  const run: AuditRun = { prompts: [], skipped: [], files: 0, fixesApplied: 0, fixedFiles: [], cancelled: false };
  const progress: AuditProgress = { filesFound: 0, filesDone: 0, prompts: 0, skipped: 0 };
  const languages = new Map<string, string>();
  const entries = discoverFiles(options.paths, {
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
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;

  const lane = async (): Promise<void> => {
    for (;;) {
      if (options.signal?.aborted) return;
      const next = await entries.next();
      if (next.done) return;
      const entry = next.value;
      if (entry.kind === 'skipped') {
        run.skipped.push({ file: entry.relPath, reason: entry.reason });
        progress.skipped++;
        options.onProgress?.(progress);
        continue;
      }
      progress.filesFound++;
      const languageId = languages.get(entry.relPath) ?? auditedLanguageId(entry.relPath, options.promptFileGlobs) ?? 'plaintext';
      languages.delete(entry.relPath);
      const result = options.auditor
        ? await options.auditor(entry.absPath, entry.relPath, languageId)
        : await auditFile(entry.absPath, entry.relPath, languageId, { analyze: options.analyze, maxFileBytes, fixer: options.fixer });
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
