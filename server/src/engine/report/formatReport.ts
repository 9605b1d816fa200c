// One entry point for every report format, so the CLI, the language server's export and tests agree.
import type { AuditReport } from '../audit/types';
import { formatCsv } from './formatCsv';
import { formatJson } from './formatJson';
import { formatMarkdown } from './formatMarkdown';
import { formatSarif, type SarifRuleInfo } from './formatSarif';
import { formatTable } from './formatTable';

export type ReportFormat = 'table' | 'json' | 'md' | 'csv' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['table', 'json', 'md', 'csv', 'sarif'];

export interface FormatOptions {
  color?: boolean;
  sarifRules?: SarifRuleInfo[];
  informationUri?: string;
}

export function formatReport(report: AuditReport, format: ReportFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'csv':
      return formatCsv(report);
    case 'md':
      return formatMarkdown(report);
    case 'sarif':
      return formatSarif(report, options.sarifRules ?? [], options.informationUri);
    case 'table':
      return formatTable(report, { color: options.color });
  }
}
