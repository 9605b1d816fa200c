// Turns one document's analysis (the same object the editor shows) into the audit's flat prompt records:
// 1-based positions, relative path, the numbers the reports print. Notebook prompts also get their cell and cell line.
import type { CostBreakdown, DocumentAnalysis, Finding, RequestUse, SourceSpan } from '../types';
import { LineIndex } from './lineIndex';
import type { AuditFinding, AuditPrompt, AuditRequestShare } from './types';
import { locateInNotebook, type NotebookDocument } from '../notebook/notebookDocument';

export function auditPrompts(analysis: DocumentAnalysis, text: string, file: string, notebook?: NotebookDocument): AuditPrompt[] {
  // Most files of a tree hold no prompt: no line index for them (it scans the whole text).
  if (analysis.prompts.length === 0) return [];
  const lines = new LineIndex(text);
  const records: AuditPrompt[] = analysis.prompts.map(({ prompt, cost, findings, moreRequests: more }) => {
    const start = lines.position(prompt.span.start);
    const end = lines.endPosition(prompt.span.start, prompt.span.end);
    const record: AuditPrompt = {
      id: prompt.id,
      file,
      startLine: start.line,
      endLine: end.line,
      startColumn: start.column,
      endColumn: end.column,
      language: prompt.language,
      role: prompt.role,
      model: cost.model.id,
      modelSource: cost.model.source,
      inputTokens: cost.tokens.input,
      tokensExact: cost.tokens.exact,
      outputTokens: cost.tokens.output,
      toolTokens: cost.tokens.tools ?? 0,
      reasoningTokens: cost.tokens.reasoning ?? 0,
      cachedInputTokens: cost.caching.cachedTokens * cost.caching.hitRate,
      batch: cost.batch !== undefined,
      costPerCall: cost.costPerCall ?? null,
      callsPerDay: cost.volume.callsPerDay,
      monthlyCost: cost.costPerMonth ?? null,
      findings: findings.filter((f) => f.severity !== 'off').map((f) => auditFinding(f, lines)),
      scope: analysis.scope ?? 'app',
    };
    if (cost.model.known === false) record.modelUnknown = true;
    if (prompt.fragmentOf) record.fragmentOf = prompt.fragmentOf;
    else if (prompt.requestId) record.request = requestIdIn(prompt.requestId, prompt.id, file);
    if (!prompt.fragmentOf && more?.length) {
      record.otherRequests = more.map(({ use, cost: share }) => requestShare(use, share, prompt.id, file));
      const all = [record.monthlyCost, ...record.otherRequests.map((r) => r.monthlyCost)];
      record.monthlyCostAllRequests = all.some((m) => m === null) ? null : all.reduce<number>((sum, m) => sum + (m ?? 0), 0);
    }
    if (notebook) {
      const where = locateInNotebook(notebook, start.line - 1);
      if (where) {
        record.cell = where.cell.cell.index;
        record.cellLine = where.line + 1;
      }
    }
    return record;
  });
  // Findings not tied to one prompt (a file budget) go with the prompt they point at, else the file's first prompt.
  for (const finding of analysis.documentFindings) {
    if (finding.severity === 'off' || records.length === 0) continue;
    const owner = analysis.prompts.findIndex(({ prompt }) => contains(prompt.span, finding.span));
    records[owner >= 0 ? owner : 0].findings.push(auditFinding(finding, lines));
  }
  for (const record of records) record.findings.sort(compareFindings);
  return records;
}

/** A prompt's share of one more request that sends it, with the record's field names. */
function requestShare(use: RequestUse, cost: CostBreakdown, promptId: string, file: string): AuditRequestShare {
  return {
    ...(use.requestId ? { request: requestIdIn(use.requestId, promptId, file) } : {}),
    site: use.site,
    model: cost.model.id,
    modelSource: cost.model.source,
    ...(cost.model.known === false ? { modelUnknown: true as const } : {}),
    inputTokens: cost.tokens.input,
    toolTokens: cost.tokens.tools ?? 0,
    outputTokens: cost.tokens.output,
    reasoningTokens: cost.tokens.reasoning ?? 0,
    cachedInputTokens: cost.caching.cachedTokens * cost.caching.hitRate,
    batch: cost.batch !== undefined,
    tokensExact: cost.tokens.exact,
    costPerCall: cost.costPerCall ?? null,
    callsPerDay: cost.volume.callsPerDay,
    monthlyCost: cost.costPerMonth ?? null,
  };
}

function auditFinding(finding: Finding, lines: LineIndex): AuditFinding {
  const start = lines.position(finding.span.start);
  const end = lines.endPosition(finding.span.start, finding.span.end);
  const out: AuditFinding = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
  if (finding.savingsTokens !== undefined) out.savingsTokens = finding.savingsTokens;
  if (finding.savingsMonthly !== undefined) out.savingsMonthly = finding.savingsMonthly;
  return out;
}

function contains(outer: SourceSpan, inner: SourceSpan): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function compareFindings(a: AuditFinding, b: AuditFinding): number {
  return a.startLine - b.startLine || a.startColumn - b.startColumn || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * A request id with the file part the prompt ids use (`app/chat.py#openai.chat.completions@12`): detection builds both
 * from the same file name, so only a mismatch (none known) would keep the id as detection wrote it.
 */
function requestIdIn(requestId: string, promptId: string, file: string): string {
  const promptFile = promptId.slice(0, promptId.lastIndexOf('#'));
  const requestFile = requestId.slice(0, requestId.lastIndexOf('#'));
  return requestFile === promptFile && promptFile !== file ? `${file}${requestId.slice(requestFile.length)}` : requestId;
}
