// Tells the client a document's totals after each analysis (`promptCost/analysisChanged`): the status bar and the
// sidebar show them without asking for the whole analysis.
import { Notifications, type AnalysisChangedParams, type NotebookCellTotals } from '../shared/protocol';
import { countsInTotals } from '../engine/cost/fragments';
import { cellTotals } from '../engine/notebook/cellTotals';
import { requestShares } from '../engine/cost/requestShares';
import { requestRows } from '../engine/views/requestRows';
import type { DocumentAnalysis } from '../engine/types';
import type { ServerContext } from './context';

export function register(ctx: ServerContext): void {
  ctx.onAnalysis((analysis) => void ctx.connection.sendNotification(Notifications.analysisChanged, analysisSummary(analysis)));
  // A closed document no longer counts towards "this file".
  ctx.documents.onDidClose(({ document }) => {
    const empty: AnalysisChangedParams = { uri: document.uri, prompts: 0, monthlyCost: 0, unpricedPrompts: 0, models: {} };
    void ctx.connection.sendNotification(Notifications.analysisChanged, empty);
  });
}

/** Requests listed in the status bar's tooltip (the most expensive; the count says how many there are). */
const TOOLTIP_REQUESTS = 5;

export function analysisSummary(analysis: DocumentAnalysis): AnalysisChangedParams {
  const models: Record<string, number> = {};
  // Fragments are left out like in the totals: their cost is their larger prompt's.
  // A text several calls send counts under each request's model.
  for (const a of analysis.prompts) if (countsInTotals(a.prompt)) for (const { cost } of requestShares(a)) models[cost.model.id] = (models[cost.model.id] ?? 0) + 1;
  const requests = requestRows(analysis);
  const cells: NotebookCellTotals[] = cellTotals(analysis.prompts).map(({ cellIndex, prompts, monthlyCost }) => ({ cellIndex, prompts, monthlyCost }));
  return {
    uri: analysis.uri,
    prompts: analysis.totals.prompts,
    monthlyCost: analysis.totals.monthlyCost,
    unpricedPrompts: analysis.totals.unpricedPrompts,
    models,
    ...(cells.length ? { cells } : {}),
    ...(requests.length ? { requests: { count: requests.length, top: requests.slice(0, TOOLTIP_REQUESTS).map((r) => ({ line: r.line, model: r.modelId, ...(r.costPerMonth !== undefined ? { monthlyCost: r.costPerMonth } : {}), flags: r.text.flags })) } } : {}),
    ...(analysis.skipped ? { skipped: analysis.skipped.reason } : {}),
    ...(analysis.scope === 'test' ? { scope: 'test' as const } : {}),
  };
}
