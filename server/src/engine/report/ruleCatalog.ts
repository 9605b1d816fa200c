// The rule registry as the CLI shows it (`prompt-cost rules`) and as SARIF describes it (help text per rule id).
import { allRuleMeta, type RuleMeta } from '../rules/index';
import type { SarifRuleInfo } from './formatSarif';

export const DOCS_BASE_URL = 'https://github.com/prompt-cost-lens/prompt-cost-lens/blob/main/';

export function ruleList(): RuleMeta[] {
  return [...allRuleMeta()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function sarifRules(): SarifRuleInfo[] {
  return ruleList().map((meta) => ({
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    description: meta.description,
    help: `${meta.description}${meta.fixable ? ' `prompt-cost audit --fix` (or the editor quick-fix) applies the fix.' : ''} See ${meta.docsUrl}.`,
    helpUri: DOCS_BASE_URL + meta.docsUrl,
    defaultSeverity: meta.defaultSeverity,
  }));
}
