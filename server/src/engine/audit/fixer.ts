// `--fix`: the same rewrite the editor's "Compress this prompt" makes, for every prompt of a document, combined as
// the editor's fix-all combines fixes (overlaps left out, identical edits made once).
import { compressPromptFix, fixAllEdits } from '../rules/index';
import type { RuleContext } from '../rules/types';
import { countTokens } from '../tokens/index';
import type { Settings } from '../config/settings';
import type { WorkspaceConfig } from '../config/workspaceConfig';
import type { DocumentAnalysis, Fix, Severity, SourceEdit } from '../types';

/** Per-rule severities as analyze.ts merges them: the config file's `rules` win over the `severity` setting. */
export function ruleSeverities(settings: Settings, config?: WorkspaceConfig): Record<string, Severity> {
  const fromSettings = settings.severity && typeof settings.severity === 'object' ? (settings.severity as Record<string, Severity>) : {};
  return { ...fromSettings, ...(config?.rules ?? {}) };
}

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
