import { strict as assert } from 'assert';
import { locateInNotebook, maskIPythonSyntax, notebookDocument } from '../../server/src/engine/notebook/notebookDocument';
import { readNotebook } from '../../server/src/engine/notebook/readNotebook';
import { applyNotebookEdits } from '../../server/src/engine/notebook/writeNotebook';
import { notebookJson, REVIEW_NOTEBOOK_CELLS } from '../cli/fixtures';

function read(text: string) {
  const result = readNotebook(Buffer.from(text, 'utf8'));
  if (!result.ok) throw new Error(result.reason);
  return result.notebook;
}

describe('notebook reading and writing', () => {
  it('keeps code cells in order with their index in the cells array, and ignores markdown and outputs', () => {
    const nb = read(notebookJson(REVIEW_NOTEBOOK_CELLS));
    assert.equal(nb.language, 'python');
    assert.deepEqual(nb.codeCells.map((c) => c.index), [1, 2, 3]);
    assert.equal(nb.codeCells[0].source, 'from openai import OpenAI\n\nclient = OpenAI()');
    const doc = notebookDocument(nb);
    assert.ok(!doc.text.includes('not a prompt in an output'));
    assert.ok(!doc.text.includes('Review replies'));
  });

  it('concatenates cells with one newline and maps document lines back to cell and line', () => {
    const doc = notebookDocument(read(notebookJson(REVIEW_NOTEBOOK_CELLS)));
    assert.deepEqual(doc.cells.map((c) => c.firstLine), [0, 3, 7]);
    assert.equal(doc.text.split('\n')[3], 'REVIEW_PROMPT = (');
    const where = locateInNotebook(doc, 5);
    assert.equal(where?.cell.cell.index, 2);
    assert.equal(where?.line, 2);
    for (const span of doc.cells) assert.equal(doc.text.slice(span.start, span.end), span.cell.source);
  });

  it('reads string-form sources and kernels named by language_info only', () => {
    const text = JSON.stringify({ cells: [{ cell_type: 'code', source: 'const PROMPT = "Hi";', outputs: [], metadata: {} }], metadata: { language_info: { name: 'javascript' } }, nbformat: 4, nbformat_minor: 2 });
    const nb = read(text);
    assert.equal(nb.language, 'javascript');
    assert.equal(nb.codeCells[0].sourceForm, 'string');
  });

  it('explains why a notebook cannot be read', () => {
    const reason = (text: string) => {
      const r = readNotebook(Buffer.from(text));
      return r.ok ? 'ok' : r.reason;
    };
    assert.match(reason(notebookJson(REVIEW_NOTEBOOK_CELLS).slice(0, 200)), /truncated/);
    assert.match(reason('{"cells": [1, 2], "nbformat": 4}'), /expected '\{'/);
    assert.match(reason('[]'), /expected '\{'/);
    assert.match(reason('{"metadata": {}, "nbformat": 4}'), /no "cells" array/);
    assert.match(reason('{"cells": [], "nbformat": 4, "metadata": {"kernelspec": {"language": "R"}}}'), /kernel language "r"/);
    assert.match(reason('{"cells": []} trailing'), /after the notebook object/);
  });

  it('masks IPython magics and shell lines without moving any offset', () => {
    const cell = '%pip install openai\n!ls -la\nx = 1 % 2\n  %time run()';
    const masked = maskIPythonSyntax(cell);
    assert.equal(masked.length, cell.length);
    assert.equal(masked, '#pip install openai\n#ls -la\nx = 1 % 2\n  #time run()');
    assert.equal(maskIPythonSyntax('%%bash\necho hi\n\n'), '#%bash\n#cho hi\n\n');
  });

  it('rewrites only the edited cell source and keeps the rest of the file byte for byte', () => {
    const original = notebookJson(REVIEW_NOTEBOOK_CELLS);
    const bytes = Buffer.from(original, 'utf8');
    const doc = notebookDocument(read(original));
    const start = doc.text.indexOf('in order to');
    const { bytes: out, applied } = applyNotebookEdits(bytes, doc, [{ span: { start, end: start + 'in order to'.length }, newText: 'to' }]);
    assert.equal(applied, 1);
    const text = out.toString('utf8');
    assert.equal(text, original.replace('main point in order to show', 'main point to show'));
    assert.equal(read(text).codeCells[1].source.includes('main point to show'), true);
  });

  it('keeps a string-form source a string, and refuses edits that would join two cells', () => {
    const original = JSON.stringify({ cells: [{ cell_type: 'code', source: 'A = "in order to"', metadata: {}, outputs: [] }, { cell_type: 'code', source: 'B = 1', metadata: {}, outputs: [] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 2);
    const doc = notebookDocument(read(original));
    const start = doc.text.indexOf('in order to');
    const joined = applyNotebookEdits(Buffer.from(original), doc, [{ span: { start: doc.cells[0].end - 1, end: doc.cells[1].start + 1 }, newText: '' }]);
    assert.equal(joined.applied, 0);
    assert.equal(joined.dropped, 1);
    const fixed = applyNotebookEdits(Buffer.from(original), doc, [{ span: { start, end: start + 11 }, newText: 'to' }]).bytes.toString();
    assert.equal(fixed, original.replace('"A = \\"in order to\\""', '"A = \\"to\\""'));
  });
});
