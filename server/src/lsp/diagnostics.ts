// Findings → diagnostics: source `prompt-cost`, the rule id as code with a link to its page, severity from the
// finding after the per-rule overrides (`promptCost.severity`, `.promptcost.json` `rules`; "off" hides the rule).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, Finding, Severity } from '../engine/types';
import type { ServerContext } from './context';
import { spanToRange } from './positions';
import { ruleDocsUrl } from './ruleLinks';
import { ruleSeverities } from '../engine/config/ruleSeverities';
import { Notifications } from '../shared/protocol';

export const DIAGNOSTIC_SOURCE = 'prompt-cost';

/** What a diagnostic carries back to the server in code-action requests. */
export interface DiagnosticData {
  ruleId: string;
  promptId?: string;
}

const LSP_SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function register(ctx: ServerContext): void {
  ctx.onAnalysis((analysis) => {
    const document = ctx.documents.get(analysis.uri);
    if (!document) return;
    const overrides = severityOverrides(ctx, analysis.uri);
    void ctx.connection.sendDiagnostics({
      uri: analysis.uri,
      version: document.version,
      diagnostics: toDiagnostics(analysis, document, overrides),
    });
    const timing = ctx.analysisTimings.published(analysis.uri, document.version);
    if (timing) void ctx.connection.sendNotification(Notifications.analysisTiming, timing);
  });
  ctx.documents.onDidClose(({ document }) => void ctx.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
}

export function allFindings(analysis: DocumentAnalysis): Finding[] {
  return [...analysis.prompts.flatMap((p) => p.findings), ...analysis.documentFindings];
}

export function toDiagnostics(analysis: DocumentAnalysis, document: TextDocument, overrides: Record<string, Severity> = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of allFindings(analysis)) {
    const severity = overrides[finding.ruleId] ?? finding.severity;
    if (severity === 'off') continue;
    const href = ruleDocsUrl(finding.ruleId);
    const data: DiagnosticData = { ruleId: finding.ruleId, promptId: finding.promptId };
    diagnostics.push({
      range: spanToRange(document, finding.span),
      severity: LSP_SEVERITY[severity],
      source: DIAGNOSTIC_SOURCE,
      code: finding.ruleId,
      ...(href ? { codeDescription: { href } } : {}),
      message: finding.message,
      data,
    });
  }
  return diagnostics;
}


/**
 * Per-rule severities for a document: `promptCost.severity`, then the config file's `rules` (which win), the same
 * order analyzeDocument uses; applied here too so price and budget findings follow them as well.
 */
export function severityOverrides(ctx: ServerContext, uri: string): Record<string, Severity> {
  return ruleSeverities(ctx.settings(), ctx.workspaceConfigFor(uri));
}
