// "This file" for a notebook: one file with the notebook's total, rows located and labelled by cell, the cells'
// totals, the cursor in a cell editor, and where "Use this model" edits when the model sits in a later cell.
import { strict as assert } from 'assert';
import { sortPromptRows } from '../../server/src/engine/views/fileView';
import { modelRewriteEdit } from '../../server/src/engine/views/modelRewrite';
import { buildNotebookView, cellLabel, modelInCell, promptAtCellOffset, spanInCell } from '../../server/src/engine/views/notebookView';
import { applySourceEditsForTest } from './applyEdits';
import { CELL_1, CELL_3, CELL_4, CELL_TEXTS, cellUri, GROUP, NB, notebookAnalysis } from './notebookFixtures';

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
