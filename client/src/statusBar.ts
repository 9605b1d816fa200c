// Status bar item: this file's monthly total (from the server's analysisChanged notifications), the workspace total
// once an audit ran, the model mix in the tooltip; a click opens the sidebar. A notebook counts as one file: with one
// of its cells focused (or the notebook itself), the item shows the notebook's total and its tooltip the split by cell.
import * as vscode from 'vscode';
import type { AnalysisChangedParams } from '../../server/src/shared/protocol';
import { onDidChangeAnalysis } from './analysisChanges';
import { formatUsd } from '../../server/src/engine/views/format';
import { code } from '../../server/src/engine/report/formatMarkdown';
import { visibleText } from '../../server/src/engine/report/visibleText';
import { lastWorkspaceTotal, onDidChangeWorkspaceTotal, type WorkspaceTotal } from './workspaceTotals';

export function registerStatusBar(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('promptCost.total', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Prompt Cost';
  item.command = 'promptCost.showSidebar';
  const byUri = new Map<string, AnalysisChangedParams>();

  const update = () => {
    const uri = activeFileUri();
    const includeTests = vscode.workspace.getConfiguration('promptCost').get<boolean>('includeTests') === true;
    const view = statusBarView(uri ? byUri.get(uri) : undefined, lastWorkspaceTotal(), { includeTests });
    if (!view) {
      item.hide();
      return;
    }
    item.text = view.text;
    item.tooltip = new vscode.MarkdownString(view.tooltip);
    item.show();
  };

  context.subscriptions.push(
    item,
    onDidChangeAnalysis((params) => {
      // The server's "closed" summary arrives after the close: keep nothing for documents no longer open.
      if (isOpen(params.uri)) byUri.set(params.uri, params);
      else byUri.delete(params.uri);
      if (params.uri === activeFileUri()) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeActiveNotebookEditor(update),
    vscode.workspace.onDidCloseTextDocument((document) => byUri.delete(document.uri.toString())),
    vscode.workspace.onDidCloseNotebookDocument((notebook) => byUri.delete(notebook.uri.toString())),
    onDidChangeWorkspaceTotal(update),
  );
  update();
}

/** The focused text file, or the notebook whose cell (or which itself) has focus: the server reports a notebook's total under its URI. */
function activeFileUri(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document && document.uri.scheme !== NOTEBOOK_CELL_SCHEME) return document.uri.toString();
  const notebook = document
    ? vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((cell) => cell.document === document))
    : vscode.window.activeNotebookEditor?.notebook;
  return notebook?.uri.toString();
}

const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';

function isOpen(uri: string): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri) || vscode.workspace.notebookDocuments.some((n) => n.uri.toString() === uri);
}

/**
 * Text and tooltip for the current file and workspace; undefined only when no file the server analysed is active and
 * no audit ran. A file without prompts reads "0 prompts" and a skipped one "not analysed", so a running extension is
 * never silent (silence looked like an extension that is not running). A test file's own figures are shown, marked
 * "test": its hints are on screen, and a status bar that said nothing (or $0) beside them would contradict them; the
 * mark and the tooltip say whether they are in the workspace total and budget.
 */
export function statusBarView(
  file: AnalysisChangedParams | undefined,
  workspace: WorkspaceTotal | undefined,
  options: { includeTests?: boolean } = {},
): { text: string; tooltip: string } | undefined {
  const hasFile = !!file && file.prompts > 0;
  if (!file && !workspace) return undefined;
  const parts: string[] = [];
  const tooltip: string[] = ['**Prompt Cost**', ''];
  const what = file?.cells ? 'This notebook' : 'This file';
  if (file?.skipped !== undefined) {
    parts.push('not analysed');
    // The reason may quote a file name: shown as text, not Markdown.
    tooltip.push(`${what} was not analysed: ${escapeMarkdown(visibleText(file.skipped))}`);
  } else if (file && !hasFile) {
    parts.push('0 prompts');
    tooltip.push(`${what}: no prompts found (no LLM call, prompt variable or prompt file here).`);
  }
  if (file && hasFile) {
    const unpriced = file.unpricedPrompts > 0 ? ` +${file.unpricedPrompts} unpriced` : '';
    // A file whose every prompt lacks a price is not free: "2 unpriced", never "$0/mo".
    const testMark = file.scope === 'test' ? 'test ' : '';
    parts.push(testMark + (file.unpricedPrompts >= file.prompts ? `${file.unpricedPrompts} unpriced` : `${formatUsd(file.monthlyCost)}/mo${unpriced}`));
    const whatHere = `${what}${file.scope === 'test' ? ' (a test or fixture file)' : ''}`;
    const fileCost = file.unpricedPrompts >= file.prompts ? 'no known price' : `${formatUsd(file.monthlyCost)}/month`;
    tooltip.push(`${whatHere}: ${file.prompts} prompt${file.prompts === 1 ? '' : 's'}, ${fileCost}`);
    // Cell numbers as Jupyter counts them for people: 1-based, markdown cells included.
    const cells = (file.cells ?? []).map((c) => `cell ${c.cellIndex + 1}: ${c.prompts} prompt${c.prompts === 1 ? '' : 's'}, ${formatUsd(c.monthlyCost)}/mo`);
    if (cells.length) tooltip.push(`By cell: ${cells.join(' · ')}`);
    if (file.unpricedPrompts > 0) tooltip.push(`(${file.unpricedPrompts} without a known price, not counted)`);
    if (file.scope === 'test') {
      tooltip.push(options.includeTests
        ? 'Counted in the workspace total and budget (setting promptCost.includeTests).'
        : 'Not counted in the workspace total or budget; the setting promptCost.includeTests counts test files.');
    }
    // Model names come from code: a code span fenced past any backtick in them (formatMarkdown's code()).
    const mix = Object.entries(file.models).sort((a, b) => b[1] - a[1]).map(([model, n]) => `${code(model)} ×${n}`);
    if (mix.length) tooltip.push('', `Models: ${mix.join(', ')}`);
    // The unit a provider bills: each call site with its model and month (batch and cache_control marked).
    if (file.requests?.count) {
      const top = file.requests.top.map((r) => `line ${r.line} ${code(r.model)} ${r.monthlyCost !== undefined ? `${formatUsd(r.monthlyCost)}/mo` : 'no price'}${r.flags ? ` (${r.flags})` : ''}`);
      const more = file.requests.count > top.length ? ` · … ${file.requests.count - top.length} more` : '';
      tooltip.push('', `Requests: ${file.requests.count} — ${top.join(' · ')}${more}`);
    }
  }
  if (workspace) {
    // As for a file: an audit whose every prompt lacks a price reads "3 unpriced", not "$0/mo".
    const allUnpriced = workspace.prompts > 0 && (workspace.unpricedPrompts ?? 0) >= workspace.prompts;
    parts.push(allUnpriced ? `workspace ${workspace.unpricedPrompts} unpriced` : `workspace ${formatUsd(workspace.monthlyCost)}/mo`);
    const unpricedInWorkspace = workspace.unpricedPrompts ? ` (${workspace.unpricedPrompts} without a known price, not counted)` : '';
    const workspaceCost = allUnpriced ? 'no known price' : `${formatUsd(workspace.monthlyCost)}/month${unpricedInWorkspace}`;
    tooltip.push('', `Workspace (last audit): ${workspace.prompts} prompt${workspace.prompts === 1 ? '' : 's'}, ${workspaceCost}`);
    if (workspace.tests && workspace.tests.prompts > 0) {
      const testPrompts = `${workspace.tests.prompts} prompt${workspace.tests.prompts === 1 ? '' : 's'} in test files (${formatUsd(workspace.tests.monthlyCost)}/month)`;
      tooltip.push(workspace.includesTests ? `Includes ${testPrompts}.` : `Leaves out ${testPrompts}.`);
    }
  }
  tooltip.push('', 'Click to open the Prompt Cost sidebar.');
  return { text: `$(credit-card) ${parts.join(' · ')}`, tooltip: tooltip.join('\n\n').replace(/\n\n\n\n/g, '\n\n') };
}

/** Text from a message shown literally in a Markdown tooltip. */
function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`);
}
