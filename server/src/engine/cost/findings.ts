// Findings the numbers produce (rule ids listed in rules/registry.ts REPORTED_ELSEWHERE): a prompt whose model has no
// price (unknown-model, missing-price) and budgets exceeded (budget-exceeded, see budgets.ts). Severities follow
// `.promptcost.json` `rules`, then the `promptCost.severity` setting, then these defaults; 'off' silences a rule.
import type { Settings } from '../config/settings';
import type { WorkspaceConfig } from '../config/workspaceConfig';
import { ruleSeverities } from '../config/ruleSeverities';
import type { CostBreakdown, DetectedPrompt, Finding, Severity } from '../types';

export const NUMBERS_RULE_DEFAULTS: Record<string, Severity> = {
  'unknown-model': 'warning',
  'missing-price': 'information',
  'budget-exceeded': 'warning',
};

export function severityFor(ruleId: string, ctx: { settings: Settings; workspaceConfig?: WorkspaceConfig }): Severity {
  return ruleSeverities(ctx.settings, ctx.workspaceConfig)[ruleId] ?? NUMBERS_RULE_DEFAULTS[ruleId] ?? 'warning';
}

/** "no price for model X — add it under `models` in .promptcost.json", on the model name when it is in this file. */
export function priceFindings(prompt: DetectedPrompt, cost: CostBreakdown, ctx: { settings: Settings; workspaceConfig?: WorkspaceConfig }): Finding[] {
  if (cost.model.price) return [];
  const ruleId = cost.model.known === false ? 'unknown-model' : 'missing-price';
  const severity = severityFor(ruleId, ctx);
  if (severity === 'off') return [];
  const name = cost.model.requested;
  const why = ruleId === 'unknown-model' ? 'it is not in the price catalog' : 'the catalog has no input/output token price for it';
  const message =
    `No price for model ${name} (${why}) — add it under \`models\` in .promptcost.json, ` +
    `e.g. "${name}": { "inputPerMillion": 1, "outputPerMillion": 4 }, or map it to a known model under \`aliases\`. ` +
    `Its cost is left out of the totals, not counted as $0.`;
  const span = prompt.model?.span && prompt.model.source !== 'annotation' ? prompt.model.span : prompt.span;
  return [{ ruleId, severity, message, span, promptId: prompt.id }];
}
