// Rule metadata in one shape; every rule's documentation lives at docs/rules/<id>.md.
import type { Severity } from '../types';
import type { RuleMeta } from './types';

export function ruleMeta(
  id: string,
  description: string,
  defaultSeverity: Severity,
  fixable: boolean,
  reportedBy: RuleMeta['reportedBy'] = 'rules',
  side: RuleMeta['side'] = 'input',
): RuleMeta {
  return { id, description, defaultSeverity, docsUrl: `docs/rules/${id}.md`, fixable, reportedBy, side };
}
