// The server's `promptCost/analysisChanged` notifications (a document's totals after each analysis, including the
// re-analyses after a settings or .promptcost.json change) as one VS Code event. The language client keeps a single
// handler per notification method, and both the status bar and the sidebar follow these.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Notifications, type AnalysisChangedParams } from '../../server/src/shared/protocol';

const changed = new vscode.EventEmitter<AnalysisChangedParams>();

export const onDidChangeAnalysis = changed.event;

/** Registers the one handler; called once at activation, before the features that listen. */
export function listenForAnalysisChanges(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(client.onNotification(Notifications.analysisChanged, (params: AnalysisChangedParams) => changed.fire(params)));
}
