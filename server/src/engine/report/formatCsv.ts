// The CSV report: one row per prompt (RFC 4180 quoting), for spreadsheets. Findings are summarised per row. Text
// cells that a spreadsheet would run as a formula are kept text (csvField).
import type { AuditReport } from '../audit/types';
import { roundUsd } from './auditReport';

const COLUMNS = [
  'file', 'startLine', 'endLine', 'startColumn', 'endColumn', 'cell', 'cellLine', 'id', 'language', 'role', 'model',
  'modelSource', 'inputTokens', 'tokensExact', 'outputTokens', 'costPerCall', 'callsPerDay', 'monthlyCost',
  'findings', 'ruleIds', 'savingsMonthly',
  // Last, so existing column positions stay: set on a text counted inside another prompt (leave its cost out of sums).
  'fragmentOf',
  // What the prompt's share of its request bills beyond its text (tools, reasoning, cache reads, batch), and the request.
  'toolTokens', 'reasoningTokens', 'cachedInputTokens', 'batch', 'request',
  // app or test (a test or fixture file): leave test rows out of sums unless the audit ran with --include-tests.
  'scope',
] as const;

export function formatCsv(report: AuditReport): string {
  const rows: string[] = [COLUMNS.join(',')];
  for (const p of report.prompts) {
    const savings = p.findings.reduce((sum, f) => sum + (f.savingsMonthly ?? 0), 0);
    const values: Record<(typeof COLUMNS)[number], unknown> = {
      ...p,
      cell: p.cell,
      cellLine: p.cellLine,
      fragmentOf: p.fragmentOf,
      scope: p.scope ?? 'app',
      toolTokens: p.toolTokens,
      reasoningTokens: p.reasoningTokens,
      cachedInputTokens: p.cachedInputTokens,
      batch: p.batch,
      request: p.request,
      findings: p.findings.length,
      ruleIds: [...new Set(p.findings.map((f) => f.ruleId))].join(' '),
      savingsMonthly: roundUsd(savings),
    };
    rows.push(COLUMNS.map((c) => csvField(values[c])).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  // A text cell that starts like a formula (=, +, -, @, tab, CR) would be evaluated by Excel, LibreOffice or Sheets:
  // `=HYPERLINK(…)` as a model or file name written in the audited code. A leading apostrophe keeps it text
  // (OWASP "CSV injection"); numbers are never touched, so negative figures stay numbers.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
