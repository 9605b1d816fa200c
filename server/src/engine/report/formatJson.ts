// The JSON report: the AuditReport object as it is (field names are a contract, see audit/types.ts).
import type { AuditReport } from '../audit/types';

export function formatJson(report: AuditReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
