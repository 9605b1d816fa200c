// Notebook cells over real LSP (notebookDocument/* synchronisation, as vscode-languageclient 9 sends it): the code
// cells are analysed as one document, so a prompt bound in one cell and sent in a later one gets its hint, hover,
// diagnostics and fixes in the cell where it is written, in that cell's own positions.
import { strict as assert } from 'assert';
import * as path from 'path';
import { hints, LspSession, positionOf, type Range } from './lspHarness';

const CODE = 2;
const MARKUP = 1;

interface CellSpec {
  kind: number;
  language: string;
  text: string;
}

interface OpenNotebook {
  uri: string;
  cells: string[];
  texts: string[];
  versions: number[];
  notebookVersion: number;
}

/** Opens a notebook the way VS Code's client does: the notebook and its cells' text documents in one notification. */
function openNotebook(session: LspSession, name: string, cells: CellSpec[], notebookType = 'jupyter-notebook'): OpenNotebook {
  const file = path.join(session.folder, name);
  const uri = session.uri(name);
  const cellUris = cells.map((_, i) => `vscode-notebook-cell:${file}#cell${i}`);
  void session.connection.sendNotification('notebookDocument/didOpen', {
    notebookDocument: { uri, notebookType, version: 1, cells: cells.map((c, i) => ({ kind: c.kind, document: cellUris[i] })) },
    cellTextDocuments: cells.map((c, i) => ({ uri: cellUris[i], languageId: c.language, version: 1, text: c.text })),
  });
  return { uri, cells: cellUris, texts: cells.map((c) => c.text), versions: cells.map(() => 1), notebookVersion: 1 };
}

/** One edit in one cell; returns the cell's new version. */
function changeCell(session: LspSession, notebook: OpenNotebook, cell: number, range: Range, text: string): number {
  notebook.versions[cell]++;
  notebook.notebookVersion++;
  notebook.texts[cell] = applyEdits(notebook.texts[cell], [{ range, newText: text }]);
  void session.connection.sendNotification('notebookDocument/didChange', {
    notebookDocument: { uri: notebook.uri, version: notebook.notebookVersion },
    change: {
      cells: { textContent: [{ document: { uri: notebook.cells[cell], version: notebook.versions[cell] }, changes: [{ range, text }] }] },
    },
  });
  return notebook.versions[cell];
}

function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

// The prompt's name says nothing: only the call two cells later makes it a prompt.
const RULES_CELL = `reply_rules = (
    "You reply to app-store reviews of the Acme Cloud mobile app on behalf of the product team. "
    "Thank the reviewer and respond to their main point in order to show that we read the review. "
    "Keep the reply under 80 words."
)`;
const SETUP_CELL = `%pip install openai
from openai import OpenAI

client = OpenAI()`;
const CALL_CELL = `review = "The app keeps logging me out every time I switch to another app."

reply = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[
        {"role": "system", "content": reply_rules},
        {"role": "user", "content": review},
    ],
)
print(reply.choices[0].message.content)`;

const PYTHON_NOTEBOOK: CellSpec[] = [
  { kind: MARKUP, language: 'markdown', text: '# Review replies\n\nDrafting replies before the prompt moves into the bot.' },
  { kind: CODE, language: 'python', text: SETUP_CELL },
  { kind: CODE, language: 'python', text: RULES_CELL },
  { kind: CODE, language: 'python', text: CALL_CELL },
];
const SETUP = 1;
const RULES = 2;
const CALL = 3;

describe('protocol: notebook cells', function () {
  this.timeout(20000); // several server runs per test on a shared machine; mocha's own default is 2 s
  let session: LspSession;
  afterEach(async () => session && (await session.shutdown()));

  it('declares notebook document synchronisation for every notebook type', async () => {
    session = await LspSession.start();
    assert.deepEqual(session.initializeResult.capabilities.notebookDocumentSync, { notebookSelector: [{ notebook: '*' }] });
  });

  it('finds a prompt bound in one cell and sent in a later one: diagnostics and hint on the binding cell', async () => {
    session = await LspSession.start();
    const notebook = openNotebook(session, 'review_replies.ipynb', PYTHON_NOTEBOOK);
    const { diagnostics, version } = await session.diagnosticsFor(notebook.cells[RULES]);
    assert.equal(version, 1, 'published for the cell document version');
    const verbose = diagnostics.find((d: any) => d.code === 'verbose-phrase');
    assert.ok(verbose, `no verbose-phrase finding in the rules cell: ${JSON.stringify(diagnostics)}`);
    assert.deepEqual(verbose.range.start, positionOf(RULES_CELL, 'in order to'), 'positions are the cell’s own');

    const cellHints = await hints(session, notebook.cells[RULES]);
    assert.equal(cellHints.length, 1, JSON.stringify(cellHints));
    assert.equal(cellHints[0].position.line, 0, 'after the first line of the multi-line prompt, in the cell');
    assert.match(cellHints[0].label, /\d in\b.* · \$[\d.,]+[kM]?\/(?:call|mo)/);
    assert.equal((await hints(session, notebook.cells[SETUP])).length, 0, 'the setup cell (with a %pip magic) has no prompt');
    assert.equal((await session.diagnosticsFor(notebook.cells[CALL])).version, 1, 'the calling cell is published too');

    // The same cell as a file of its own: without the call there is no prompt — the flow across cells is what finds it.
    const alone = session.open('rules_alone.py', 'python', RULES_CELL);
    assert.deepEqual((await session.diagnosticsFor(alone)).diagnostics, []);
    assert.deepEqual(await hints(session, alone), []);
  });

  it('hovers a cell prompt with the model from the call in another cell; the sidebar request answers per cell and per notebook', async () => {
    session = await LspSession.start();
    const notebook = openNotebook(session, 'review_replies.ipynb', PYTHON_NOTEBOOK);
    const inside = positionOf(RULES_CELL, 'Acme Cloud');
    const hover = await session.request('textDocument/hover', { textDocument: { uri: notebook.cells[RULES] }, position: inside });
    assert.ok(hover, 'a hover on the prompt');
    assert.match(hover.contents.value, /`gpt-4o-mini`/, 'priced on the model named in the calling cell');
    assert.ok(hover.range.start.line <= inside.line && hover.range.end.line >= inside.line, 'range in cell lines');
    assert.ok(hover.contents.value.includes(encodeURIComponent(notebook.cells[RULES])), 'the sidebar link names the cell');

    const cell = await session.request('promptCost/fileAnalysis', { uri: notebook.cells[RULES] });
    assert.equal(cell.uri, notebook.cells[RULES]);
    assert.equal(cell.prompts.length, 1);
    assert.equal(cell.prompts[0].prompt.cellIndex, RULES);
    const { start, end } = cell.prompts[0].prompt.span;
    assert.ok(RULES_CELL.slice(start, end).includes('You reply to app-store reviews'), 'span in the cell text');

    const whole = await session.request('promptCost/fileAnalysis', { uri: notebook.uri });
    assert.equal(whole.uri, notebook.uri);
    assert.ok(whole.prompts.some((p: any) => p.prompt.cellIndex === RULES), 'the notebook lists its prompts by cell');
    assert.equal(whole.totals.prompts, whole.prompts.length);

    const summary = await session.waitFor('promptCost/analysisChanged', (p) => p.uri === notebook.uri && p.prompts > 0);
    assert.equal(summary.prompts, whole.totals.prompts, 'the notebook total, for the status bar');
    assert.ok(summary.cells.some((c: any) => c.cellIndex === RULES && c.prompts === 1));
    assert.ok(Math.abs(summary.monthlyCost - summary.cells.reduce((n: number, c: any) => n + c.monthlyCost, 0)) < 1e-9);
  });

  it('offers quick-fixes and fix-all with edits on the cell only', async () => {
    session = await LspSession.start();
    const notebook = openNotebook(session, 'review_replies.ipynb', PYTHON_NOTEBOOK);
    const { diagnostics } = await session.diagnosticsFor(notebook.cells[RULES]);
    const verbose = diagnostics.find((d: any) => d.code === 'verbose-phrase');
    const actions = await session.request('textDocument/codeAction', {
      textDocument: { uri: notebook.cells[RULES] },
      range: verbose.range,
      context: { diagnostics: [verbose], only: ['quickfix'] },
    });
    const fix = actions.find((a: any) => a.diagnostics?.[0]?.code === 'verbose-phrase' && !/^Disable/.test(a.title));
    assert.ok(fix, `no fix among ${JSON.stringify(actions.map((a: any) => a.title))}`);
    assert.deepEqual(Object.keys(fix.edit.changes), [notebook.cells[RULES]]);
    const fixed = applyEdits(RULES_CELL, fix.edit.changes[notebook.cells[RULES]]);
    assert.ok(!fixed.includes('in order to') && fixed.includes('to show that we read the review'), fixed);

    const disable = actions.find((a: any) => a.title === 'Disable verbose-phrase for this line');
    assert.ok(disable, 'disable comment offered');
    assert.match(applyEdits(RULES_CELL, disable.edit.changes[notebook.cells[RULES]]), /# prompt-cost/);

    const fixAll = await session.request('textDocument/codeAction', {
      textDocument: { uri: notebook.cells[RULES] },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(fixAll.length, 1);
    assert.deepEqual(Object.keys(fixAll[0].edit.changes), [notebook.cells[RULES]]);
    assert.ok(!applyEdits(RULES_CELL, fixAll[0].edit.changes[notebook.cells[RULES]]).includes('in order to'));
  });

  it('re-analyses the notebook when a cell changes: the calling cell moves the prompt to another model', async () => {
    session = await LspSession.start();
    const notebook = openNotebook(session, 'review_replies.ipynb', PYTHON_NOTEBOOK);
    await session.diagnosticsFor(notebook.cells[RULES]);
    const at = positionOf(CALL_CELL, 'gpt-4o-mini');
    const from = session.notifications.length;
    changeCell(session, notebook, CALL, { start: at, end: { line: at.line, character: at.character + 'gpt-4o-mini'.length } }, 'gpt-4.1-nano');
    await session.waitFor('promptCost/analysisChanged', (p) => p.uri === notebook.uri && 'gpt-4.1-nano' in p.models, from);
    const hover = await session.request('textDocument/hover', { textDocument: { uri: notebook.cells[RULES] }, position: positionOf(RULES_CELL, 'Acme') });
    assert.match(hover.contents.value, /`gpt-4.1-nano`/);
    // Cell RULES did not change but its hint did: the editor is asked to fetch hints again.
    await session.waitForServerRequest('workspace/inlayHint/refresh');

    // An edit inside the prompt's own cell: diagnostics for its new version, in its new positions.
    const version = changeCell(session, notebook, RULES, { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, 'Always: ');
    const { diagnostics } = await session.diagnosticsFor(notebook.cells[RULES], version);
    const verbose = diagnostics.find((d: any) => d.code === 'verbose-phrase');
    assert.deepEqual(verbose.range.start, positionOf(notebook.texts[RULES], 'in order to'));

    // Deleting the call: the rules cell no longer holds a prompt.
    const lines = notebook.texts[CALL].split('\n');
    changeCell(session, notebook, CALL, { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } }, 'print("done")');
    const cleared = await session.waitFor('textDocument/publishDiagnostics', (p) => p.uri === notebook.cells[RULES] && p.diagnostics.length === 0);
    assert.equal(cleared.version, version);
    assert.deepEqual(await hints(session, notebook.cells[RULES]), []);
  });

  it('keeps cell indexes right when a cell is inserted, and clears everything on close', async () => {
    session = await LspSession.start();
    const notebook = openNotebook(session, 'review_replies.ipynb', PYTHON_NOTEBOOK);
    await session.waitFor('promptCost/analysisChanged', (p) => p.uri === notebook.uri && p.prompts > 0);
    const beforeInsert = session.notifications.length;
    const inserted = `vscode-notebook-cell:${path.join(session.folder, 'review_replies.ipynb')}#inserted`;
    void session.connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: notebook.uri, version: 2 },
      change: {
        cells: {
          structure: {
            array: { start: 1, deleteCount: 0, cells: [{ kind: MARKUP, document: inserted }] },
            didOpen: [{ uri: inserted, languageId: 'markdown', version: 1, text: 'Setup first.' }],
          },
        },
      },
    });
    const summary = await session.waitFor('promptCost/analysisChanged', (p) => p.uri === notebook.uri && p.cells?.some((c: any) => c.cellIndex === RULES + 1), beforeInsert);
    assert.ok(!summary.cells.some((c: any) => c.cellIndex === RULES), 'indexes follow the inserted cell');
    const cell = await session.request('promptCost/fileAnalysis', { uri: notebook.cells[RULES] });
    assert.equal(cell.prompts[0].prompt.cellIndex, RULES + 1);

    const from = session.notifications.length;
    void session.connection.sendNotification('notebookDocument/didClose', {
      notebookDocument: { uri: notebook.uri },
      cellTextDocuments: [...notebook.cells, inserted].map((uri) => ({ uri })),
    });
    await session.waitFor('textDocument/publishDiagnostics', (p) => p.uri === notebook.cells[RULES] && p.diagnostics.length === 0, from);
    await session.waitFor('promptCost/analysisChanged', (p) => p.uri === notebook.uri && p.prompts === 0, from);
    assert.equal(await session.request('promptCost/fileAnalysis', { uri: notebook.cells[RULES] }), null);
  });

  it('analyses a TypeScript-kernel notebook across cells', async () => {
    session = await LspSession.start();
    const instructions = `const triageInstructions =
  "You triage bug reports for the Acme Cloud dashboard. Please make sure to classify each report " +
  "as crash, data loss, slow page or cosmetic, and answer with the label only.";`;
    const call = `import OpenAI from "openai";
const openai = new OpenAI();
const result = await openai.chat.completions.create({
  model: "gpt-4o",
  messages: [{ role: "system", content: triageInstructions }, { role: "user", content: report }],
});`;
    const notebook = openNotebook(
      session,
      'triage.ipynb',
      [
        { kind: CODE, language: 'typescript', text: instructions },
        { kind: MARKUP, language: 'markdown', text: 'Now the call.' },
        { kind: CODE, language: 'typescript', text: call },
      ],
      'jupyter-notebook',
    );
    const { diagnostics } = await session.diagnosticsFor(notebook.cells[0]);
    assert.ok(diagnostics.length > 0, 'findings on the instructions cell');
    for (const d of diagnostics) assert.ok(d.range.end.line <= 2, 'ranges in the cell');
    const cellHints = await hints(session, notebook.cells[0]);
    assert.equal(cellHints.length, 1, JSON.stringify(cellHints));
    const hover = await session.request('textDocument/hover', { textDocument: { uri: notebook.cells[0] }, position: positionOf(instructions, 'triage bug') });
    assert.match(hover.contents.value, /`gpt-4o`/);
    assert.deepEqual(await hints(session, notebook.cells[1]), [], 'markdown cells have no hints');
  });
});
