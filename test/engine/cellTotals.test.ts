// Per-cell totals of a notebook: one sum for the status bar's notification and the sidebar.
import { strict as assert } from 'assert';
import { cellTotals } from '../../server/src/engine/notebook/cellTotals';
import type { AnalyzedPrompt } from '../../server/src/engine/types';

function prompt(id: string, cellIndex: number | undefined, costPerMonth: number | undefined, fragmentOf?: string): AnalyzedPrompt {
  return { prompt: { id, cellIndex, fragmentOf }, cost: { costPerMonth } } as unknown as AnalyzedPrompt;
}

describe('notebook cell totals', () => {
  it('sums priced prompts per cell in cell order, counts unpriced ones, leaves fragments and non-cell prompts out', () => {
    const totals = cellTotals([
      prompt('a', 3, 10),
      prompt('b', 0, 2.5),
      prompt('c', 3, undefined),
      prompt('d', 3, 4),
      prompt('e', 0, 99, 'b'),
      prompt('f', undefined, 7),
    ]);
    assert.deepEqual(totals, [
      { cellIndex: 0, prompts: 1, monthlyCost: 2.5, unpricedPrompts: 0 },
      { cellIndex: 3, prompts: 3, monthlyCost: 14, unpricedPrompts: 1 },
    ]);
  });

  it('is empty outside notebooks', () => assert.deepEqual(cellTotals([prompt('x', undefined, 1)]), []));
});
