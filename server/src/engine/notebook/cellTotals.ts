// A notebook's totals split by cell (prompts carry the `cellIndex` of the cell they sit in), for the status bar's
// notification and the sidebar: one sum, so both show the same figures.
import { countsInTotals } from '../cost/fragments';
import type { AnalyzedPrompt } from '../types';

export interface CellTotals {
  cellIndex: number;
  /** Prompts counted in totals (a fragment's cost is its larger prompt's). */
  prompts: number;
  /** Sum of the priced prompts' monthly cost; an unknown price adds nothing. */
  monthlyCost: number;
  unpricedPrompts: number;
}

/** Per cell with prompts, in cell order; empty outside notebooks. */
export function cellTotals(prompts: readonly AnalyzedPrompt[]): CellTotals[] {
  const byCell = new Map<number, CellTotals>();
  for (const { prompt, cost } of prompts) {
    if (prompt.cellIndex === undefined || !countsInTotals(prompt)) continue;
    let totals = byCell.get(prompt.cellIndex);
    if (!totals) byCell.set(prompt.cellIndex, (totals = { cellIndex: prompt.cellIndex, prompts: 0, monthlyCost: 0, unpricedPrompts: 0 }));
    totals.prompts++;
    if (cost.costPerMonth === undefined) totals.unpricedPrompts++;
    else totals.monthlyCost += cost.costPerMonth;
  }
  return [...byCell.values()].sort((a, b) => a.cellIndex - b.cellIndex);
}
