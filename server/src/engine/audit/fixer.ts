// `--fix`: the same rewrite the editor's "Compress this prompt" makes, for every prompt of a document, plus the
// output-side fixes of its calls (an output limit, a reasoning effort), combined as the editor's fix-all combines
// fixes (overlaps left out, identical edits made once).
import { RULES, compressPromptFix, fixAllEdits } from '../rules/index';
import type { RuleContext } from '../rules/types';
import { countTokens } from '../tokens/index';
import type { DocumentAnalysis, Fix, Severity, SourceEdit } from '../types';

const OUTPUT_SIDE = new Set(RULES.filter((r) => r.meta.side === 'output').map((r) => r.meta.id));

export function fixEdits(
  analysis: DocumentAnalysis,
  text: string,
  severities?: Record<string, Severity>,
  userPhrases?: RuleContext['userPhrases'],
  sides: { input?: boolean; output?: boolean } = { input: true, output: true },
): SourceEdit[] {
  const fixes: Fix[] = [];
  if (sides.output) {
    for (const analyzed of analysis.prompts) {
      for (const f of analyzed.findings) if (f.fix && OUTPUT_SIDE.has(f.ruleId) && (severities?.[f.ruleId] ?? f.severity) !== 'off') fixes.push(f.fix);
    }
  }
  if (!sides.input) return fixAllEdits(fixes);
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
