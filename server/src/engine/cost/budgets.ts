// Budgets: per-prompt (`budgets.prompts` in .promptcost.json) and workspace monthly (`budgets.monthly`, else the
// setting promptCost.monthlyBudget; 0 = none). Exceeding one is a `budget-exceeded` finding. workspaceBudgetLimit is
// where the workspace limit comes from, for the CLI's budget gate (cli/commands/audit.ts) and the sidebar's audit view
// (lsp/auditRequests.ts).
import type { Settings } from '../config/settings';
import type { WorkspaceConfig } from '../config/workspaceConfig';
import type { CostBreakdown, DetectedPrompt, Finding } from '../types';
import { promptEntry } from './assumptions';
import { severityFor } from './findings';
import { groupThousands } from '../views/format';

export interface BudgetContext {
  settings: Settings;
  workspaceConfig?: WorkspaceConfig;
}

export interface BudgetItem {
  prompt: DetectedPrompt;
  cost: CostBreakdown;
  /** Workspace-relative path of the prompt's file (per-prompt budget keys). */
  relativePath?: string;
}

export interface WorkspaceBudgetStatus {
  /** USD per month; undefined when no budget is set. */
  limit?: number;
  source?: string;
  monthlyCost: number;
  exceeded: boolean;
  /** Prompts without a price are not in monthlyCost: the status says how many. */
  unpricedPrompts: number;
}

const usd = (n: number) => `$${groupThousands(n, 2)}`;

export function workspaceBudgetLimit(ctx: BudgetContext): { limit?: number; source?: string } {
  const fromConfig = ctx.workspaceConfig?.budgets.monthly;
  if (fromConfig !== undefined && fromConfig > 0) return { limit: fromConfig, source: '.promptcost.json budgets.monthly' };
  if (ctx.settings.monthlyBudget > 0) return { limit: ctx.settings.monthlyBudget, source: 'setting promptCost.monthlyBudget' };
  return {};
}

/** The workspace's monthly total against its budget (the CLI gate fails when `exceeded`). */
export function workspaceBudgetStatus(costs: readonly CostBreakdown[], ctx: BudgetContext): WorkspaceBudgetStatus {
  const monthlyCost = costs.reduce((sum, c) => sum + (c.costPerMonth ?? 0), 0);
  const unpricedPrompts = costs.filter((c) => c.costPerMonth === undefined).length;
  const { limit, source } = workspaceBudgetLimit(ctx);
  return { ...(limit !== undefined ? { limit, source } : {}), monthlyCost, exceeded: limit !== undefined && monthlyCost > limit, unpricedPrompts };
}

export function promptBudgetFindings(item: BudgetItem, ctx: BudgetContext): Finding[] {
  const entry = promptEntry(ctx.workspaceConfig?.budgets.prompts, item.prompt, item.relativePath);
  const monthly = item.cost.costPerMonth;
  if (!entry || monthly === undefined || monthly <= entry.value) return [];
  const severity = severityFor('budget-exceeded', ctx);
  if (severity === 'off') return [];
  return [{
    ruleId: 'budget-exceeded',
    severity,
    message: `This prompt costs ${usd(monthly)}/month, over its budget of ${usd(entry.value)} (.promptcost.json budgets.prompts["${entry.key}"]) by ${usd(monthly - entry.value)}.`,
    span: item.prompt.span,
    promptId: item.prompt.id,
  }];
}

/**
 * Per-prompt budget findings for every item; with `workspace: true` also one finding when the items' monthly total
 * exceeds the workspace budget, placed on the most expensive prompt.
 */
export function checkBudgets(items: readonly BudgetItem[], ctx: BudgetContext, options: { workspace?: boolean } = {}): Finding[] {
  const findings = items.flatMap((item) => promptBudgetFindings(item, ctx));
  if (options.workspace && items.length) {
    const status = workspaceBudgetStatus(items.map((i) => i.cost), ctx);
    const severity = severityFor('budget-exceeded', ctx);
    if (status.exceeded && severity !== 'off') {
      const top = [...items].sort((a, b) => (b.cost.costPerMonth ?? 0) - (a.cost.costPerMonth ?? 0))[0];
      const unpriced = status.unpricedPrompts ? ` (${status.unpricedPrompts} unpriced prompt${status.unpricedPrompts === 1 ? '' : 's'} not included)` : '';
      findings.push({
        ruleId: 'budget-exceeded',
        severity,
        message: `Monthly cost ${usd(status.monthlyCost)}${unpriced} exceeds the workspace budget of ${usd(status.limit!)} (${status.source}). The most expensive prompt is this one at ${usd(top.cost.costPerMonth ?? 0)}/month.`,
        span: top.prompt.span,
        promptId: top.prompt.id,
      });
    }
  }
  return findings;
}
