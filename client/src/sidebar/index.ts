// Entry point of the sidebar for the rest of the client: register it once (it reveals prompts on request), show an audit.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AuditReport } from '../../../server/src/engine/audit/types';
import { onDidRequestReveal, takePendingReveal } from '../revealPrompt';
import { SIDEBAR_VIEW_ID, SidebarProvider } from './sidebarProvider';

export { SIDEBAR_VIEW_ID };

let provider: SidebarProvider | undefined;

export function registerSidebar(context: vscode.ExtensionContext, client: LanguageClient): void {
  const sidebar = new SidebarProvider(context.extensionUri, client);
  provider = sidebar;
  context.subscriptions.push(
    sidebar,
    vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, sidebar),
    // promptCost.showSidebar (hover link, status bar) focuses the view and announces which prompt to show.
    onDidRequestReveal(() => {
      const request = takePendingReveal();
      if (request) void sidebar.revealPrompt(request.uri, request.promptId);
    }),
  );
}

/** Shows an audit's totals, cost by file and model, top prompts, budget and chart in the Workspace section. */
export async function showWorkspaceAudit(report: AuditReport, root?: vscode.Uri, budget?: { limit: number; source: string }): Promise<void> {
  if (!provider) throw new Error('The Prompt Cost sidebar is not registered.');
  await provider.showWorkspaceAudit(report, root, budget);
}
