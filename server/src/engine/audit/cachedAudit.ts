// The audit pass with `--cache` (auditCache.ts): a file whose content, language and cross-file findings are those of
// its cached result is not read again (the index pass hashed it) nor analysed; any other file is audited as usual and
// its result stored. Results of files that could not be read or analysed (reasons) are never cached.
import type { CrossFileFinding } from '../detection/workspace/crossFileFindings';
import { contentHash, resultKey, type AuditCache } from './auditCache';
import { auditContent, NOTEBOOK_MAX_FILE_BYTES, type FileAuditOptions, type FileAuditResult } from './auditFile';
import { readFileBytes } from './readSource';
import { writeFileAtomic } from './atomicWrite';

export type Auditor = (absPath: string, relPath: string, languageId: string, crossFile?: readonly CrossFileFinding[]) => Promise<FileAuditResult>;

/**
 * `delegate` audits a file elsewhere (worker threads); otherwise the file is audited here with `options`. With a
 * fixer the cache is only written, never read: a fix needs the analysis.
 */
export function cachedAuditor(cache: AuditCache, options: Omit<FileAuditOptions, 'crossFile'>, delegate?: Auditor): Auditor {
  return async (absPath, relPath, languageId, crossFile) => {
    const known = cache.hashes.get(relPath);
    if (known !== undefined && !options.fixer) {
      const hit = cache.result(relPath, known, resultKey(known, languageId, crossFile));
      if (hit) return hit;
    }
    const read = await readFileBytes(absPath, languageId === 'notebook' ? NOTEBOOK_MAX_FILE_BYTES : options.maxFileBytes);
    if (!read.ok) return read;
    // Hashed from the bytes analysed now (the file may have changed since the index pass read it).
    const hash = contentHash(read.bytes);
    const key = resultKey(hash, languageId, crossFile);
    if (known === undefined && !options.fixer) {
      const hit = cache.result(relPath, hash, key);
      if (hit) return hit;
    }
    const result = delegate
      ? await delegate(absPath, relPath, languageId, crossFile)
      : await auditContent(read.bytes, absPath, relPath, languageId, { ...options, crossFile }, (bytes) => writeFileAtomic(absPath, bytes));
    if (result.ok && result.fixesApplied === 0) cache.update(relPath, hash, { result: { key, value: result } });
    return result;
  };
}
