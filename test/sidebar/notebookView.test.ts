// "This file" for a notebook: one file with the notebook's total, rows located and labelled by cell, the cells'
// totals, the cursor in a cell editor, and where "Use this model" edits when the model sits in a later cell.
import { strict as assert } from 'assert';
import { sortPromptRows } from '../../server/src/engine/views/fileView';
import { modelRewriteEdit } from '../../server/src/engine/views/modelRewrite';
import { buildNotebookView, cellLabel, modelInCell, promptAtCellOffset, spanInCell } from '../../server/src/engine/views/notebookView';
import type { DocumentAnalysis, NotebookCellPlacement } from '../../server/src/engine/types';
import { analysis, cost, GPT_4O, model, prompt } from './fixtures';
import { applySourceEditsForTest } from './applyEdits';

// Cells 0 and 2 are markdown (not in the concatenated text); 1, 3 and 4 are Python code, joined with one '\n'.
const CELL_1 = ['PERSONA = (', '    "You are the release-notes writer for Acme Cloud."', ')'].join('\n');
const CELL_3 = ['from openai import OpenAI', 'client = OpenAI()', 'client.chat.completions.create(', '    model="gpt-4o",', '    messages=[{"role": "system", "content": PERSONA}],', ')'].join('\n');
const CELL_4 = ['import anthropic', 'anthropic.Anthropic().messages.create(', '    model="claude-3-5-haiku",', '    system="Reply in one sentence.",', ')'].join('\n');
const TEXT = [CELL_1, CELL_3, CELL_4].join('\n');
const NB = 'file:///w/release.ipynb';
const GROUP = `${NB}#python`;
const cellUri = (i: number) => `vscode-notebook-cell:/w/release.ipynb#cell${i}`;
const CELL_TEXTS: Record<string, string> = { [cellUri(1)]: CELL_1, [cellUri(3)]: CELL_3, [cellUri(4)]: CELL_4 };

function placements(): NotebookCellPlacement[] {
  const start3 = CELL_1.length + 1;
  const start4 = start3 + CELL_3.length + 1;
  return [
    { index: 1, uri: cellUri(1), group: GROUP, start: 0, end: CELL_1.length },
    { index: 3, uri: cellUri(3), group: GROUP, start: start3, end: start3 + CELL_3.length },
    { index: 4, uri: cellUri(4), group: GROUP, start: start4, end: start4 + CELL_4.length },
  ];
}

const HAIKU = model('claude-3-5-haiku', 'anthropic', 0.8, 4);

function notebookAnalysis(): DocumentAnalysis {
  const modelAt = TEXT.indexOf('"gpt-4o"');
  const persona = prompt(`${GROUP}#PERSONA`, 'You are the release-notes writer for Acme Cloud.', TEXT.indexOf('"You are'), {
    symbol: 'PERSONA',
    cellIndex: 1,
    model: { name: 'gpt-4o', source: 'call-site', span: { start: modelAt, end: modelAt + '"gpt-4o"'.length }, literal: true },
  });
  const inline = prompt(`${GROUP}#anthropic.system`, 'Reply in one sentence.', TEXT.indexOf('"Reply'), { cellIndex: 4 });
  const unknown = prompt(`${GROUP}#other`, 'Reply', TEXT.indexOf('Reply in'), { cellIndex: 4 });
  // gpt-4o: 1,200 in × $2.50/M + 250 out × $10/M = $0.0055 per call × 1,000/day × 30 = $165/month.
  // haiku: 40 in × $0.80/M + 250 out × $4/M = $0.001032 per call × 200/day × 30 = $6.192/month.
  const mystery = { ...model('in-house-llm', 'acme', 0, 0), price: undefined };
  return {
    ...analysis(NB, [
      { prompt: persona, cost: cost(GPT_4O, 1200, 250, 1000), findings: [] },
      { prompt: inline, cost: cost(HAIKU, 40, 250, 200), findings: [] },
      { prompt: unknown, cost: cost(mystery, 2, 250, 10), findings: [] },
    ]),
    notebookCells: placements(),
  };
}

describe('sidebar view model: notebooks', () => {
  it('shows the notebook as one file and each prompt in its cell, at its line inside the cell', () => {
    const view = buildNotebookView(notebookAnalysis(), (uri) => CELL_TEXTS[uri]);
    assert.equal(view.totals.prompts, 3);
    assert.equal(view.totals.monthlyCostText, '$171', '165 + 6.192, the notebook total');
    assert.deepEqual(view.rows.map((r) => [r.cell?.label, r.line]), [['Cell 2', 2], ['Cell 5', 4], ['Cell 5', 4]]);
    const persona = view.rows[0];
    assert.equal(persona.cell?.uri, cellUri(1));
    assert.equal(CELL_1.slice(persona.start, persona.end), '"You are the release-notes writer for Acme Cloud."', 'offsets inside the cell');
    const inline = view.rows[1];
    assert.equal(CELL_4.slice(inline.start, inline.end), '"Reply in one sentence."');
  });

  it('sums each cell with prompts, in cell order, an unknown price adding nothing', () => {
    const cells = buildNotebookView(notebookAnalysis(), (uri) => CELL_TEXTS[uri]).cells!;
    assert.deepEqual(cells.map((c) => [c.label, c.prompts, c.unpricedPrompts, c.text.monthlyCost]), [
      ['Cell 2', 1, 0, '$165'],
      ['Cell 5', 2, 1, '$6.19'],
    ]);
    assert.ok(Math.abs(cells[1].monthlyCost - 6.192) < 1e-9);
  });

  it('sorts by line as cell first, then line inside the cell', () => {
    const rows = buildNotebookView(notebookAnalysis(), (uri) => CELL_TEXTS[uri]).rows;
    // Cell 5 line 4 would come before cell 2 line 2 if only the line counted.
    assert.deepEqual(sortPromptRows(rows, 'line', 'desc').map((r) => r.cell?.index), [4, 4, 1]);
    assert.deepEqual(sortPromptRows(rows, 'line', 'asc').map((r) => r.cell?.index), [1, 4, 4]);
  });

  it('follows the cursor only among the rows of the cell being edited', () => {
    const rows = buildNotebookView(notebookAnalysis(), (uri) => CELL_TEXTS[uri]).rows;
    const inPersona = CELL_1.indexOf('release-notes');
    assert.equal(promptAtCellOffset(rows, cellUri(1), inPersona)?.promptId, `${GROUP}#PERSONA`);
    assert.equal(promptAtCellOffset(rows, cellUri(3), inPersona), undefined, 'the same offset in another cell is not the prompt');
    assert.equal(promptAtCellOffset(rows, cellUri(4), CELL_4.indexOf('Reply') + 2)?.promptId, `${GROUP}#other`, 'the innermost');
  });

  it('rewrites the model literal in the cell of the call, not of the prompt', () => {
    const nb = notebookAnalysis();
    const located = modelInCell(nb, nb.prompts[0].prompt);
    assert.ok(located);
    assert.equal(located.uri, cellUri(3));
    const rewrite = modelRewriteEdit(CELL_3, located.model, { id: 'gpt-4o-mini', provider: 'openai' }, 'openai');
    assert.ok('edit' in rewrite, 'error' in rewrite ? rewrite.error : '');
    assert.equal(applySourceEditsForTest(CELL_3, [rewrite.edit]), CELL_3.replace('model="gpt-4o"', 'model="gpt-4o-mini"'));
    assert.equal(modelInCell(nb, nb.prompts[1].prompt), undefined, 'no literal located: nothing to rewrite');
  });

  it('keeps offsets of different cell languages apart and refuses spans across cells', () => {
    const nb = notebookAnalysis();
    // A TypeScript cell whose concatenated document also starts at offset 0.
    nb.notebookCells!.push({ index: 6, uri: cellUri(6), group: `${NB}#typescript`, start: 0, end: 40 });
    assert.equal(spanInCell(nb, 1, { start: 2, end: 5 })?.uri, cellUri(1));
    assert.equal(spanInCell(nb, 6, { start: 2, end: 5 })?.uri, cellUri(6));
    assert.equal(spanInCell(nb, 1, { start: CELL_1.length - 2, end: CELL_1.length + 3 }), undefined, 'straddles cells 1 and 3');
    assert.equal(spanInCell(nb, undefined, { start: 2, end: 5 }), undefined);
    assert.equal(cellLabel(0), 'Cell 1');
  });

  it('shows an analysis without cell placements like a file', () => {
    const { notebookCells: _, ...older } = notebookAnalysis();
    const view = buildNotebookView(older, (uri) => CELL_TEXTS[uri]);
    assert.equal(view.cells, undefined);
    assert.ok(view.rows.every((r) => r.cell === undefined));
  });
});
