// The audit's analyser in production: the editor's own `analyzeDocument`, so the CLI and the audit command list
// exactly the prompts, numbers and findings the editor shows for the same settings and config.
import { analyzeDocument, type AnalysisContext } from '../analyze';
import type { DocumentAnalysis, SourceInput } from '../types';
import { detectionLanguage } from '../detection/language';
import { DEFAULT_MAX_FILE_BYTES as DETECTION_MAX_FILE_BYTES, skipReason } from '../detection/inputGuards';
import { codeMayContainPrompt } from '../detection/prefilter';
import type { Analyzer } from './auditFile';

export function engineAnalyzer(ctx: Omit<AnalysisContext, 'relativePath'>): Analyzer {
  const promptFileGlobs = ctx.workspaceConfig?.promptFileGlobs;
  return (input, relativePath, crossFile) =>
    !crossFile?.length && cannotHoldPrompt(input, promptFileGlobs) ? Promise.resolve(emptyAnalysis(input.uri)) : analyzeDocument(input, { ...ctx, relativePath, crossFile });
}

/**
 * True for a code file in which the detector cannot report a prompt: the detector's own language-aware pre-filter
 * (`codeMayContainPrompt`), asked here so the nine files in ten it rejects also skip the rest of `analyzeDocument`
 * (a detector, rule severities). Decided in the order `DocumentDetector.update` decides: a file the detector would
 * skip with a reason (too large, binary) still goes to it, so the reason is reported; prompt files always do.
 */
export function cannotHoldPrompt(input: SourceInput, promptFileGlobs?: string[]): boolean {
  const language = detectionLanguage(input.fileName, input.languageId, promptFileGlobs);
  if (language === undefined || language === 'prompt') return false;
  if (skipReason(input.text, DETECTION_MAX_FILE_BYTES)) return false;
  return !codeMayContainPrompt(language, input.text);
}

/** What `analyzeDocument` returns for a document without prompts. */
function emptyAnalysis(uri: string): DocumentAnalysis {
  return { uri, language: undefined, prompts: [], documentFindings: [], totals: { monthlyCost: 0, unpricedPrompts: 0, prompts: 0 } };
}
