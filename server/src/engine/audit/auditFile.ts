// Audits one file: read (or say why not), turn notebooks into one document, analyse with the editor's analysis,
// optionally apply the fixes and write the file back safely, and return the prompt records.
import type { DocumentAnalysis, SourceEdit, SourceInput } from '../types';
import { applyNotebookEdits } from '../notebook/writeNotebook';
import { notebookDocument, NOTEBOOK_LANGUAGE_IDS, type NotebookDocument } from '../notebook/notebookDocument';
import { readNotebook } from '../notebook/readNotebook';
import { applySourceEdits } from '../rules/index';
import { writeFileAtomic } from './atomicWrite';
import { auditPrompts } from './auditPrompts';
import { decodeSource, formatBytes, readFileBytes } from './readSource';
import type { AuditPrompt } from './types';
import type { CrossFileFinding } from '../detection/workspace/crossFileFindings';

/** Analyses one document; in production `analyzeDocument` bound to the audit's context (see engineAnalyzer.ts). */
export type Analyzer = (input: SourceInput, relativePath: string, crossFile?: readonly CrossFileFinding[]) => Promise<DocumentAnalysis>;
/** The edits `--fix` applies to a document: the editor's fix-all for each prompt. */
export type Fixer = (analysis: DocumentAnalysis, text: string) => SourceEdit[];

/** Notebooks carry outputs; the size limit applies to their code, and this caps the file itself. */
export const NOTEBOOK_MAX_FILE_BYTES = 512_000_000;

export interface FileAuditOptions {
  analyze: Analyzer;
  maxFileBytes: number;
  fixer?: Fixer;
  /** The workspace index's findings for this file (cross-file prompts). */
  crossFile?: readonly CrossFileFinding[];
}

export type FileAuditResult =
  | { ok: true; prompts: AuditPrompt[]; fixesApplied: number }
  | { ok: false; reason: string };

export async function auditFile(absPath: string, relPath: string, languageId: string, options: FileAuditOptions): Promise<FileAuditResult> {
  // Notebooks are not decoded as a whole: outputs are skipped unread, and the reader checks cell sources are UTF-8.
  const read = await readFileBytes(absPath, languageId === 'notebook' ? NOTEBOOK_MAX_FILE_BYTES : options.maxFileBytes);
  if (!read.ok) return read;
  return auditContent(read.bytes, absPath, relPath, languageId, options, (bytes) => writeFileAtomic(absPath, bytes));
}

/** Audits file content from anywhere (disk, a git object); `write` stores a fixed version when fixing. */
export async function auditContent(
  bytes: Buffer,
  uri: string,
  relPath: string,
  languageId: string,
  options: FileAuditOptions,
  write?: (bytes: Buffer | string) => Promise<void>,
): Promise<FileAuditResult> {
  if (languageId === 'notebook') return auditNotebook(bytes, uri, relPath, options, write);
  if (bytes.length > options.maxFileBytes) return { ok: false, reason: `over the size limit (${formatBytes(bytes.length)} > ${formatBytes(options.maxFileBytes)})` };
  const read = decodeSource(bytes);
  if (!read.ok) return read;
  const input: SourceInput = { uri, fileName: relPath, languageId, text: read.text };
  let analysis = await analyzeSafely(options.analyze, input, relPath, options.crossFile);
  if (!analysis.ok) return analysis;
  let text = read.text;
  let fixesApplied = 0;
  if (options.fixer && write) {
    const edits = options.fixer(analysis.value, text);
    const fixed = edits.length > 0 ? applySourceEdits(text, edits) : text;
    if (fixed !== text) {
      // Keep a BOM the decoder removed, so the rewrite changes nothing but the prompts.
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
      await write(bom + fixed);
      fixesApplied = edits.length;
      text = fixed;
      analysis = await analyzeSafely(options.analyze, { ...input, text }, relPath, afterFix(options.crossFile));
      if (!analysis.ok) return analysis;
    }
  }
  if (analysis.value.skipped) return { ok: false, reason: analysis.value.skipped.reason };
  return { ok: true, prompts: auditPrompts(analysis.value, text, relPath), fixesApplied };
}

async function auditNotebook(
  bytes: Buffer,
  uri: string,
  relPath: string,
  options: FileAuditOptions,
  write?: (bytes: Buffer | string) => Promise<void>,
): Promise<FileAuditResult> {
  const parsed = readNotebook(bytes);
  if (!parsed.ok) return parsed;
  let doc = notebookDocument(parsed.notebook);
  if (doc.text.length > options.maxFileBytes) {
    return { ok: false, reason: `code cells over the size limit (${formatBytes(doc.text.length)} > ${formatBytes(options.maxFileBytes)})` };
  }
  const input = (d: NotebookDocument): SourceInput => ({ uri, fileName: relPath, languageId: NOTEBOOK_LANGUAGE_IDS[d.language], text: d.text });
  let analysis = await analyzeSafely(options.analyze, input(doc), relPath);
  if (!analysis.ok) return analysis;
  let fixesApplied = 0;
  if (options.fixer && write) {
    const edits = options.fixer(analysis.value, doc.text);
    if (edits.length > 0) {
      const written = applyNotebookEdits(bytes, doc, edits);
      const reread = readNotebook(written.bytes);
      // Never write a notebook that would not read back: the edits are dropped instead.
      if (written.applied > 0 && reread.ok) {
        await write(written.bytes);
        fixesApplied = written.applied;
        doc = notebookDocument(reread.notebook);
        analysis = await analyzeSafely(options.analyze, input(doc), relPath);
        if (!analysis.ok) return analysis;
      }
    }
  }
  if (analysis.value.skipped) return { ok: false, reason: analysis.value.skipped.reason };
  return { ok: true, prompts: auditPrompts(analysis.value, doc.text, relPath, doc), fixesApplied };
}

/** Code findings carry spans of the text before the fix: after it only whole-file findings still apply. */
function afterFix(crossFile: readonly CrossFileFinding[] | undefined): readonly CrossFileFinding[] | undefined {
  return crossFile?.filter((f) => f.kind === 'file');
}

/** A bug in one file's analysis must not end the audit: the file is listed as skipped with the error. */
async function analyzeSafely(analyze: Analyzer, input: SourceInput, relPath: string, crossFile?: readonly CrossFileFinding[]): Promise<{ ok: true; value: DocumentAnalysis } | { ok: false; reason: string }> {
  try {
    return { ok: true, value: await analyze(input, relPath, crossFile) };
  } catch (error) {
    return { ok: false, reason: `analysis failed: ${(error as Error)?.message ?? String(error)}` };
  }
}
