// The audit's analyser in production: the editor's own `analyzeDocument`, so the CLI and the audit command list
// exactly the prompts, numbers and findings the editor shows for the same settings and config.
import { analyzeDocument, type AnalysisContext } from '../analyze';
import type { Analyzer } from './auditFile';

export function engineAnalyzer(ctx: Omit<AnalysisContext, 'relativePath'>): Analyzer {
  return (input, relativePath) => analyzeDocument(input, { ...ctx, relativePath });
}
