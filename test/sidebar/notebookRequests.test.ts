// The sidebar's data path for a notebook against the real server (dist/server.js over stdio, notebook sync as
// vscode-languageclient sends it): the notebook's fileAnalysis carries its cell placements, the notebook view puts
// each prompt in its cell exactly where the cell's own analysis has it, the alternatives answer for the notebook's
// URI, and "Use this model" edits the model literal in the calling cell.
import { strict as assert } from 'assert';
import * as path from 'path';
import { LspSession } from '../protocol/lspHarness';
import type { AlternativesResult, FileAnalysisResult } from '../../server/src/shared/protocol';
import { modelRewriteEdit } from '../../server/src/engine/views/modelRewrite';
import { buildModelSwitchView } from '../../server/src/engine/views/modelSwitchView';
import { buildNotebookView, modelInCell } from '../../server/src/engine/views/notebookView';
import { applySourceEditsForTest } from './applyEdits';

const CODE = 2;
const MARKUP = 1;
const CELLS = [
  { kind: MARKUP, language: 'markdown', text: '# Changelog summaries' },
  { kind: CODE, language: 'python', text: 'from openai import OpenAI\n\nclient = OpenAI()' },
  {
    kind: CODE,
    language: 'python',
    text: '# House style for the status page.\nchangelog_style = (\n    "You summarise changelogs for the Acme Cloud status page. "\n    "Use plain words and at most three bullet points."\n)',
  },
  {
    kind: CODE,
    language: 'python',
    text: 'entry = "Fixed logout loop on Android."\nsummary = client.chat.completions.create(\n    model="gpt-4o",\n    messages=[\n        {"role": "system", "content": changelog_style},\n        {"role": "user", "content": entry},\n    ],\n)',
  },
];
const STYLE = 2;
const CALL = 3;

describe('sidebar requests for a notebook (real server)', function () {
  this.timeout(60000);
  let session: LspSession;
  let notebookUri: string;
  let cellUris: string[];

  before(async () => {
    session = await LspSession.start({ settings: { defaultCallsPerDay: 1000 } });
    const file = path.join(session.folder, 'changelog.ipynb');
    notebookUri = session.uri('changelog.ipynb');
    cellUris = CELLS.map((_, i) => `vscode-notebook-cell:${file}#cell${i}`);
    void session.connection.sendNotification('notebookDocument/didOpen', {
      notebookDocument: { uri: notebookUri, notebookType: 'jupyter-notebook', version: 1, cells: CELLS.map((c, i) => ({ kind: c.kind, document: cellUris[i] })) },
      cellTextDocuments: CELLS.map((c, i) => ({ uri: cellUris[i], languageId: c.language, version: 1, text: c.text })),
    });
    await session.diagnosticsFor(cellUris[STYLE]);
  });
  after(async () => session?.shutdown());

  it('lists the notebook\'s prompts by cell, at the cell\'s own offsets and lines', async () => {
    const notebook = await session.request<FileAnalysisResult>('promptCost/fileAnalysis', { uri: notebookUri });
    assert.ok(notebook?.notebookCells, 'the notebook analysis says where its cells are');
    assert.deepEqual(notebook.notebookCells.map((c) => c.index), [1, 2, 3], 'code cells only, markdown counted in the index');

    const view = buildNotebookView(notebook, (uri) => CELLS[cellUris.indexOf(uri)]?.text);
    const style = view.rows.find((r) => r.label === 'changelog_style');
    assert.ok(style, JSON.stringify(view.rows.map((r) => r.label)));
    assert.deepEqual(style.cell, { index: STYLE, uri: cellUris[STYLE], label: 'Cell 3' });
    assert.equal(style.line, 2, 'the parenthesised string starts on the second line of its cell');
    assert.equal(style.modelId, 'gpt-4o', 'priced on the model of the call in the next cell');

    // The cell's own analysis (what hover and hints use) has the prompt at the same place.
    const cell = await session.request<FileAnalysisResult>('promptCost/fileAnalysis', { uri: cellUris[STYLE] });
    const projected = cell?.prompts.find((p) => p.prompt.id === style.promptId);
    assert.ok(projected, 'same prompt id in the cell analysis');
    assert.deepEqual([style.start, style.end], [projected.prompt.span.start, projected.prompt.span.end]);

    assert.equal(view.totals.prompts, notebook.totals.prompts);
    assert.deepEqual(view.cells?.map((c) => c.index), [...new Set(view.rows.map((r) => r.cell?.index))].sort());
  });

  it('prices alternatives for the notebook\'s URI and rewrites the model in the calling cell', async () => {
    const notebook = (await session.request<FileAnalysisResult>('promptCost/fileAnalysis', { uri: notebookUri }))!;
    const style = notebook.prompts.find((p) => p.prompt.symbol === 'changelog_style')!;
    const result = await session.request<AlternativesResult>('promptCost/alternatives', { uri: notebookUri, promptId: style.prompt.id, limit: 10 });
    assert.ok(result, 'the notebook URI finds the prompt');
    const view = buildModelSwitchView(style.prompt, result.current, result.alternatives);
    assert.equal(view.rows[0].modelId, 'gpt-4o');
    assert.deepEqual(view.rewrite, { possible: true });

    const located = modelInCell(notebook, style.prompt);
    assert.ok(located);
    assert.equal(located.uri, cellUris[CALL]);
    const callText = CELLS[CALL].text;
    const rewrite = modelRewriteEdit(callText, located.model, { id: 'gpt-4o-mini', provider: 'openai' }, 'openai');
    assert.ok('edit' in rewrite, 'error' in rewrite ? rewrite.error : '');
    assert.equal(applySourceEditsForTest(callText, [rewrite.edit]), callText.replace('model="gpt-4o"', 'model="gpt-4o-mini"'));
  });
});
