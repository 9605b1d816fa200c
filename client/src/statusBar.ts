// Status bar item: this file's monthly total (from the server's analysisChanged notifications), the workspace total
// once an audit ran, the model mix in the tooltip; a click opens the sidebar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Notifications, type AnalysisChangedParams } from '../../server/src/shared/protocol';
import { formatUsd } from '../../server/src/lsp/format';
import { lastWorkspaceTotal, onDidChangeWorkspaceTotal, type WorkspaceTotal } from './workspaceTotals';

export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('promptCost.total', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Prompt Cost';
  item.command = 'promptCost.showSidebar';
  const byUri = new Map<string, AnalysisChangedParams>();

  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const view = statusBarView(uri ? byUri.get(uri) : undefined, lastWorkspaceTotal());
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
    client.onNotification(Notifications.analysisChanged, (params: AnalysisChangedParams) => {
      byUri.set(params.uri, params);
      if (params.uri === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidCloseTextDocument((document) => byUri.delete(document.uri.toString())),
    onDidChangeWorkspaceTotal(update),
  );
  update();
}

/** Text and tooltip for the current file and workspace; undefined when there is nothing to show. */
export function statusBarView(file: AnalysisChangedParams | undefined, workspace: WorkspaceTotal | undefined): { text: string; tooltip: string } | undefined {
  const hasFile = !!file && file.prompts > 0;
  if (!hasFile && !workspace) return undefined;
  const parts: string[] = [];
  const tooltip: string[] = ['**Prompt Cost**', ''];
  if (hasFile) {
    const unpriced = file.unpricedPrompts > 0 ? ` +${file.unpricedPrompts} unpriced` : '';
    parts.push(`${formatUsd(file.monthlyCost)}/mo${unpriced}`);
    tooltip.push(`This file: ${file.prompts} prompt${file.prompts === 1 ? '' : 's'}, ${formatUsd(file.monthlyCost)}/month`);
    if (file.unpricedPrompts > 0) tooltip.push(`(${file.unpricedPrompts} without a known price, not counted)`);
    const mix = Object.entries(file.models).sort((a, b) => b[1] - a[1]).map(([model, n]) => `\`${model}\` ×${n}`);
    if (mix.length) tooltip.push('', `Models: ${mix.join(', ')}`);
  }
  if (workspace) {
    parts.push(`workspace ${formatUsd(workspace.monthlyCost)}/mo`);
    tooltip.push('', `Workspace (last audit): ${workspace.prompts} prompts, ${formatUsd(workspace.monthlyCost)}/month`);
  }
  tooltip.push('', 'Click to open the Prompt Cost sidebar.');
  return { text: `$(credit-card) ${parts.join(' · ')}`, tooltip: tooltip.join('\n\n').replace(/\n\n\n\n/g, '\n\n') };
}
