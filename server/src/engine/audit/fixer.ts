// `--fix`: the same rewrite the editor's "Compress this prompt" makes, for every prompt of a document, combined as
// the editor's fix-all combines fixes (overlaps left out, identical edits made once).
import { compressPromptFix, fixAllEdits } from '../rules/index';
import type { RuleContext } from '../rules/types';
import { countTokens } from '../tokens/index';
import type { DocumentAnalysis, Fix, Severity, SourceEdit } from '../types';

export function fixEdits(analysis: DocumentAnalysis, text: string, severities?: Record<string, Severity>, userPhrases?: RuleContext['userPhrases']): SourceEdit[] {
  const fixes: Fix[] = [];
  for (const analyzed of analysis.prompts) {
    const findings = analyzed.findings.filter((f) => f.fix && f.severity !== 'off');
    if (findings.length === 0) continue;
    const modelId = analyzed.cost.model.tokenizerModel ?? analyzed.cost.model.id;
    const ctx: RuleContext = {
      documentText: text,
      countTokens: (t) => countTokens(t, modelId).tokens,
      severities,
      userPhrases,
      language: analysis.language,
      requestSiblings: analysis.prompts
        .filter((p) => p !== analyzed && p.prompt.requestId && p.prompt.requestId === analyzed.prompt.requestId)
        .map((p) => p.prompt),
    };
    const fix = compressPromptFix(analyzed.prompt, findings, ctx);
    if (fix) fixes.push(fix);
  }
  return fixAllEdits(fixes);
}
