// Code actions: each finding's fix (quickfix), "Disable <rule> for this line", "Compress this prompt"
// (all fixes of one prompt as one rewrite), and `source.fixAll.promptCost` (every compatible fix in the file).
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { SHOW_SIDEBAR_COMMAND } from './hover';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { compressPromptFix, disableRuleEdit, fixAllEdits } from '../engine/rules/index';
import type { RuleContext } from '../engine/rules/types';
import { countTokens } from '../engine/tokens/index';
import type { AnalyzedPrompt, DocumentAnalysis, Finding, Fix, Severity, SourceEdit } from '../engine/types';
import type { ServerContext } from './context';
import { allFindings, DIAGNOSTIC_SOURCE, severityOverrides } from './diagnostics';
import { rangeToSpan, spansTouch, spanToRange } from './positions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.promptCost`;
const COMPRESS_KIND = `${CodeActionKind.RefactorRewrite}.promptCost`;

export function register(ctx: ServerContext): void {
  ctx.capabilities.codeActionProvider = {
    codeActionKinds: [CodeActionKind.QuickFix, COMPRESS_KIND, FIX_ALL_KIND],
  };
  ctx.connection.onCodeAction(async (params) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = await ctx.getAnalysis(document.uri);
    if (!analysis || ctx.documents.get(document.uri)?.version !== document.version) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const overrides = severityOverrides(ctx, document.uri);
    const active = isActive(overrides);
    const range = rangeToSpan(document, params.range);
    const actions: CodeAction[] = [];

    const here = allFindings(analysis).filter((f) => active(f) && spansTouch(f.span, range));
    if (wants(CodeActionKind.QuickFix)) {
      for (const finding of here) {
        const diagnostic = matchingDiagnostic(params.context.diagnostics, finding, document);
        if (finding.fix) actions.push(fixAction(finding.fix, document, CodeActionKind.QuickFix, diagnostic));
        if (finding.openSidebar) {
          // model-tier: the sidebar's model switch re-prices the prompt on every tier before anything changes.
          const command = { title: finding.openSidebar, command: SHOW_SIDEBAR_COMMAND, arguments: [{ uri: document.uri, promptId: finding.promptId }] };
          actions.push({ title: finding.openSidebar, kind: CodeActionKind.QuickFix, diagnostics: diagnosticList(diagnostic), command });
        }
      }
      const disabled = new Set<string>();
      for (const finding of here) {
        const line = document.positionAt(finding.span.start).line;
        const key = `${finding.ruleId}:${line}`;
        if (disabled.has(key) || !analysis.language) continue;
        disabled.add(key);
        const edit = disableRuleEdit(document.getText(), line, finding.ruleId, analysis.language);
        actions.push({
          title: `Disable ${finding.ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: diagnosticList(matchingDiagnostic(params.context.diagnostics, finding, document)),
          edit: { changes: { [document.uri]: [toTextEdit(edit, document)] } },
        });
      }
    }
    if (wants(COMPRESS_KIND)) {
      for (const analyzed of analysis.prompts.filter((p) => spansTouch(p.prompt.span, range))) {
        const fix = compressFix(analyzed, analysis, document, ctx, overrides);
        if (fix) actions.push(fixAction({ ...fix, title: 'Compress this prompt' + savingNote(fix) }, document, COMPRESS_KIND));
      }
    }
    if (wants(FIX_ALL_KIND) && only?.length) {
      const fixAll = fixAllFindings(allFindings(analysis).filter(active));
      if (fixAll.length) {
        actions.push({
          title: 'Fix all prompt-cost findings',
          kind: FIX_ALL_KIND,
          edit: { changes: { [document.uri]: fixAll.map((e) => toTextEdit(e, document)) } },
        });
      }
    }
    return actions;
  });
}

function compressFix(
  analyzed: AnalyzedPrompt,
  analysis: DocumentAnalysis,
  document: TextDocument,
  ctx: ServerContext,
  overrides: Record<string, Severity>,
): Fix | undefined {
  const findings = analyzed.findings.filter((f) => isActive(overrides)(f) && f.fix);
  if (!findings.length) return undefined;
  const tokenizerModel = analyzed.cost.model.tokenizerModel ?? analyzed.cost.model.id;
  const ruleContext: RuleContext = {
    documentText: document.getText(),
    countTokens: (text) => countTokens(text, tokenizerModel).tokens,
    severities: overrides,
    userPhrases: ctx.workspaceConfigFor(document.uri)?.phrases,
    language: analysis.language,
    requestSiblings: analysis.prompts
      .filter((p) => p !== analyzed && p.prompt.requestId && p.prompt.requestId === analyzed.prompt.requestId)
      .map((p) => p.prompt),
  };
  try {
    return compressPromptFix(analyzed.prompt, findings, ruleContext);
  } catch (error) {
    ctx.connection.console.warn(`Prompt Cost Lens: compressing ${analyzed.prompt.id} failed: ${String(error)}`);
    return undefined;
  }
}

/** A finding not turned off by the per-rule severities. */
function isActive(overrides: Record<string, Severity>): (f: Finding) => boolean {
  return (f) => (overrides[f.ruleId] ?? f.severity) !== 'off';
}

function savingNote(fix: Fix): string {
  return fix.savingsTokens ? ` (−${fix.savingsTokens} tokens)` : '';
}

/** Every finding's fix that does not clash with one already taken, in document order (first come, first kept). */
function fixAllFindings(findings: Finding[]): SourceEdit[] {
  const fixes = findings.filter((f) => f.fix).sort((a, b) => a.span.start - b.span.start);
  return fixAllEdits(fixes.map((f) => f.fix!)).sort((a, b) => a.span.start - b.span.start);
}

function fixAction(fix: Fix, document: TextDocument, kind: string, diagnostic?: Diagnostic): CodeAction {
  return {
    title: fix.title,
    kind,
    isPreferred: fix.isPreferred,
    diagnostics: diagnosticList(diagnostic),
    edit: { changes: { [document.uri]: fix.edits.map((e) => toTextEdit(e, document)) } },
  };
}

function diagnosticList(diagnostic: Diagnostic | undefined): Diagnostic[] | undefined {
  return diagnostic ? [diagnostic] : undefined;
}

function matchingDiagnostic(diagnostics: Diagnostic[], finding: Finding, document: TextDocument): Diagnostic | undefined {
  const range = spanToRange(document, finding.span);
  return diagnostics.find(
    (d) =>
      d.source === DIAGNOSTIC_SOURCE &&
      d.code === finding.ruleId &&
      d.range.start.line === range.start.line &&
      d.range.start.character === range.start.character &&
      d.range.end.line === range.end.line &&
      d.range.end.character === range.end.character,
  );
}

function toTextEdit(edit: SourceEdit, document: TextDocument): TextEdit {
  return { range: spanToRange(document, edit.span), newText: edit.newText };
}
