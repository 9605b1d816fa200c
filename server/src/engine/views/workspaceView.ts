// "Workspace" section after an audit: totals, cost by file (with bar widths for the chart) and by model, the ten most
// expensive prompts and the budget status.
import type { AuditPrompt, AuditReport } from '../audit/types';
import { costByFile, countsInMainTotals, type FileCost } from '../report/auditReport';
import { formatPercent, formatTokens, formatUsd } from './format';

export interface FileCostRow {
  file: string;
  prompts: number;
  unpricedPrompts: number;
  monthlyCost: number;
  /** Bar length relative to the most expensive file, 0..100. */
  barPercent: number;
  /** Share of the workspace's monthly cost, 0..100. */
  sharePercent: number;
  text: { monthlyCost: string; share: string };
}

export interface ModelCostRow {
  model: string;
  /** Neither the catalog nor the configuration knows the name. */
  unknown?: boolean;
  prompts: number;
  monthlyCost: number;
  sharePercent: number;
  text: { monthlyCost: string; share: string };
}

export interface TopPromptRow {
  promptId: string;
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  model: string;
  tokens: number;
  monthlyCost: number;
  text: { tokens: string; costPerCall: string; monthlyCost: string };
}

export type BudgetStatus = 'none' | 'within' | 'near' | 'over';

export interface WorkspaceView {
  generatedAt: string;
  priceData: string;
  totals: {
    files: number;
    filesWithPrompts: number;
    prompts: number;
    unpricedPrompts: number;
    monthlyCost: number;
    savingsMonthly: number;
    findings: number;
    text: { monthlyCost: string; savingsMonthly: string };
  };
  byFile: FileCostRow[];
  byModel: ModelCostRow[];
  topPrompts: TopPromptRow[];
  budget: { status: BudgetStatus; limit?: number; usedPercent?: number; text: string };
  skippedFiles: number;
  /** Prompts in test and fixture files, their own section (config/testScope.ts); in the figures above only when `included`. */
  tests: {
    prompts: number;
    filesWithPrompts: number;
    monthlyCost: number;
    included: boolean;
    text: { summary: string };
    byFile: FileCostRow[];
  };
}

export const TOP_PROMPTS = 10;
const UNPRICED_TEXT = { monthlyCost: 'unpriced', share: '—' };
/** At or above this share of the budget the status reads "near". */
export const BUDGET_NEAR_PERCENT = 80;

/**
 * `monthlyBudget` in USD (0 or undefined: no budget) and where it was set (`.promptcost.json budgets.monthly`,
 * `setting promptCost.monthlyBudget`), shown beside the status.
 */
export function buildWorkspaceView(report: AuditReport, monthlyBudget?: number, budgetSource?: string): WorkspaceView {
  const total = report.totals.monthlyCost;
  const share = (cost: number) => (total > 0 ? (cost / total) * 100 : 0);
  // Tables, chart and budget show what the totals count; test-scope prompts get their own rows below.
  const counted = report.prompts.filter((p) => countsInMainTotals(p, report.totals.includesTests));

  const byFile = fileRows(costByFile(counted), share);
  const tests = report.totals.tests;
  const testShare = (cost: number) => (tests.monthlyCost > 0 ? (cost / tests.monthlyCost) * 100 : 0);
  const testsView: WorkspaceView['tests'] = {
    prompts: tests.prompts,
    filesWithPrompts: tests.filesWithPrompts,
    monthlyCost: tests.monthlyCost,
    included: report.totals.includesTests,
    text: {
      summary: tests.prompts === 0
        ? 'No prompts in test or fixture files.'
        : `${tests.prompts} prompt${tests.prompts === 1 ? '' : 's'} in ${tests.filesWithPrompts} test or fixture file${tests.filesWithPrompts === 1 ? '' : 's'}, ${formatUsd(tests.monthlyCost)}/month at the same volumes: ` +
          (report.totals.includesTests ? 'counted in the totals above (setting promptCost.includeTests).' : 'not counted in the totals or the budget (setting promptCost.includeTests counts them).'),
    },
    byFile: fileRows(costByFile(report.prompts.filter((p) => p.scope === 'test')), testShare),
  };

  // A model without a price is not free: its row reads "unpriced", never $0 (the totals leave its prompts out).
  const unpricedByModel = new Map<string, number>();
  for (const p of counted) if (!p.fragmentOf && p.monthlyCost === null) unpricedByModel.set(p.model, (unpricedByModel.get(p.model) ?? 0) + 1);

  const byModel = [...report.totals.byModel]
    .sort((a, b) => b.monthlyCost - a.monthlyCost || a.model.localeCompare(b.model))
    .map((m): ModelCostRow => ({
      model: m.model,
      ...(m.unknown ? { unknown: true } : {}),
      prompts: m.prompts,
      monthlyCost: m.monthlyCost,
      sharePercent: share(m.monthlyCost),
      text: unpricedByModel.get(m.model) === m.prompts ? UNPRICED_TEXT : { monthlyCost: formatUsd(m.monthlyCost), share: formatPercent(share(m.monthlyCost)) },
    }));

  const topPrompts = counted
    .filter((p): p is AuditPrompt & { monthlyCost: number } => p.monthlyCost !== null && !p.fragmentOf)
    .sort((a, b) => b.monthlyCost - a.monthlyCost || a.file.localeCompare(b.file) || a.startLine - b.startLine)
    .slice(0, TOP_PROMPTS)
    .map((p): TopPromptRow => ({
      promptId: p.id,
      file: p.file,
      line: p.startLine,
      column: p.startColumn,
      model: p.model,
      tokens: p.inputTokens,
      monthlyCost: p.monthlyCost,
      text: {
        tokens: formatTokens(p.inputTokens, p.tokensExact),
        costPerCall: formatUsd(p.costPerCall ?? undefined),
        monthlyCost: formatUsd(p.monthlyCost),
      },
    }));

  const f = report.totals.findings;
  return {
    generatedAt: report.generatedAt,
    priceData: `${report.priceData.source}, ${report.priceData.date}`,
    totals: {
      files: report.totals.files,
      filesWithPrompts: report.totals.filesWithPrompts,
      prompts: report.totals.prompts,
      unpricedPrompts: report.totals.unpricedPrompts,
      monthlyCost: total,
      savingsMonthly: report.totals.savingsMonthly,
      findings: f.error + f.warning + f.information + f.hint,
      text: { monthlyCost: formatUsd(total), savingsMonthly: formatUsd(report.totals.savingsMonthly) },
    },
    byFile,
    byModel,
    topPrompts,
    budget: budgetStatus(total, monthlyBudget, budgetSource),
    skippedFiles: report.skipped.length,
    tests: testsView,
  };
}

/** Rows by file, most expensive first, with bar lengths relative to the dearest and shares of `share`'s total. */
function fileRows(files: FileCost[], share: (cost: number) => number): FileCostRow[] {
  const maxFileCost = Math.max(0, ...files.map((f) => f.monthlyCost));
  return files
    .map((f): FileCostRow => ({
      file: f.file,
      prompts: f.prompts,
      unpricedPrompts: f.unpriced,
      monthlyCost: f.monthlyCost,
      barPercent: maxFileCost > 0 ? (f.monthlyCost / maxFileCost) * 100 : 0,
      sharePercent: share(f.monthlyCost),
      text: f.unpriced === f.prompts ? UNPRICED_TEXT : { monthlyCost: formatUsd(f.monthlyCost), share: formatPercent(share(f.monthlyCost)) },
    }))
    .sort((a, b) => b.monthlyCost - a.monthlyCost || a.file.localeCompare(b.file));
}

function budgetStatus(monthlyCost: number, limit: number | undefined, source: string | undefined): WorkspaceView['budget'] {
  if (!limit || limit <= 0) return { status: 'none', text: 'No monthly budget set (setting promptCost.monthlyBudget or .promptcost.json budgets.monthly).' };
  const usedPercent = (monthlyCost / limit) * 100;
  const status: BudgetStatus = usedPercent > 100 ? 'over' : usedPercent >= BUDGET_NEAR_PERCENT ? 'near' : 'within';
  const used = `${formatUsd(monthlyCost)} of ${formatUsd(limit)} per month (${formatPercent(usedPercent)})`;
  const from = source ? ` Budget from ${source}.` : '';
  const text = (status === 'over' ? `Over budget: ${used}.` : status === 'near' ? `Near budget: ${used}.` : `Within budget: ${used}.`) + from;
  return { status, limit, usedPercent, text };
}
