// Prompt Cost Lens: the VS Code side. Starts the language server and adds VS Code UI; everything is a registration
// so activation stays short (the server starts in the background, not awaited).
// startupTrace first: its module marks when the bundle began to run.
import { markStartup, writeStartupTrace } from './startupTrace';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerCoreCommands } from './commands';
import { listenForAnalysisChanges } from './analysisChanges';
import { registerStatusBar } from './statusBar';
import { registerSidebar } from './sidebar';
import { registerAuditCommands } from './audit/auditCommands';

// Every import above has run: from here to activate() the extension host is busy elsewhere (our context, others).
markStartup('bundle evaluated');

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): { client: LanguageClient } {
  markStartup('activate() entered');
  client = createLanguageClient(context);
  writeStartupTrace(client.outputChannel, vscode.workspace.getConfiguration('promptCost').get<string>('trace.server'));
  registerCoreCommands(context, client);
  listenForAnalysisChanges(context, client);
  registerStatusBar(context);
  registerSidebar(context, client);
  registerAuditCommands(context, client);
  void client.start().then(
    () => markStartup('server ready (initialize answered)'),
    (error: unknown) => console.error('Prompt Cost Lens: the language server did not start', error),
  );
  markStartup('activate() returned');
  return { client };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
