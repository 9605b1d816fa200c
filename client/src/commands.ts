// Commands the client owns: open the sidebar (from the hover link and the status bar) and restart the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requestReveal, type RevealPromptRequest } from './revealPrompt';
import { SIDEBAR_VIEW_ID } from './sidebar';

export function registerCoreCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('promptCost.showSidebar', async (arg?: unknown) => {
      await vscode.commands.executeCommand(`${SIDEBAR_VIEW_ID}.focus`);
      const request = revealArgument(arg) ?? activeDocumentReveal();
      if (!request) return;
      requestReveal(request);
    }),
    vscode.commands.registerCommand('promptCost.restartServer', async () => {
      await client.restart();
    }),
  );
}

/** Hover links pass `{ uri, promptId }` (JSON in the command URI); anything else is ignored. */
function revealArgument(arg: unknown): RevealPromptRequest | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const { uri, promptId } = arg as Record<string, unknown>;
  if (typeof uri !== 'string') return undefined;
  return { uri, promptId: typeof promptId === 'string' ? promptId : undefined };
}

function activeDocumentReveal(): RevealPromptRequest | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri.toString() } : undefined;
}
