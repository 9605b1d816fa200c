// "Prompt Cost: Audit Workspace" and "Prompt Cost: Export Audit". The audit runs in the language server; this side
// shows its progress (cancellable), opens the Markdown report, and hands the result to the sidebar and status bar.
import * as vscode from 'vscode';
import { randomUUID } from 'crypto';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { Requests, type AuditParams, type AuditResult, type ExportAuditParams, type ExportAuditResult } from '../../../server/src/shared/protocol';
import { showWorkspaceAudit } from '../sidebar';
import { reportWorkspaceTotal } from '../workspaceTotals';
import { registerReportDocument, showReport } from './reportDocument';

const EXPORT_FORMATS: { label: string; format: ExportAuditParams['format']; extension: string; filter: string }[] = [
  { label: 'JSON', format: 'json', extension: 'json', filter: 'JSON' },
  { label: 'CSV', format: 'csv', extension: 'csv', filter: 'CSV' },
  { label: 'Markdown', format: 'md', extension: 'md', filter: 'Markdown' },
  { label: 'SARIF (GitHub code scanning)', format: 'sarif', extension: 'sarif', filter: 'SARIF' },
];

export function registerAuditCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  let hasAudit = false;
  registerReportDocument(context);

  const audit = async (openReport: boolean): Promise<AuditResult | undefined> => {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('Prompt Cost: open a folder to audit its prompts.');
      return undefined;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Prompt Cost: auditing the workspace', cancellable: true },
      async (progress, token) => {
        const workDoneToken = randomUUID();
        let reported = 0;
        const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind !== 'report') return;
          const report = value as WorkDoneProgressReport;
          const increment = report.percentage !== undefined ? Math.max(0, report.percentage - reported) : undefined;
          if (report.percentage !== undefined) reported = Math.max(reported, report.percentage);
          progress.report({ message: report.message, increment });
        });
        try {
          const params: AuditParams = { folders: folders.map((f) => f.uri.fsPath), excludes: editorExcludes(folders), workDoneToken };
          return await client.sendRequest<AuditResult>(Requests.audit, params, token);
        } catch (error) {
          if (token.isCancellationRequested) return undefined;
          throw error;
        } finally {
          listener.dispose();
        }
      },
    );
    if (!result || result.cancelled) {
      void vscode.window.showInformationMessage('Prompt Cost: audit cancelled.');
      return undefined;
    }
    hasAudit = true;
    const { totals } = result.report;
    reportWorkspaceTotal({
      monthlyCost: totals.monthlyCost, prompts: totals.prompts, unpricedPrompts: totals.unpricedPrompts, files: totals.files,
      tests: { prompts: totals.tests.prompts, monthlyCost: totals.tests.monthlyCost }, includesTests: totals.includesTests,
    });
    await showWorkspaceAudit(result.report, folders.length === 1 ? folders[0].uri : undefined, result.budget).catch((error: unknown) =>
      console.warn('Prompt Cost Lens: the sidebar could not show the audit', error),
    );
    if (openReport) await openMarkdownReport(client);
    return result;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('promptCost.auditWorkspace', async () => {
      try {
        return await audit(true);
      } catch (error) {
        void vscode.window.showErrorMessage(`Prompt Cost: the audit failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('promptCost.exportAudit', async (formatArg?: string, target?: vscode.Uri) => {
      try {
        if (!hasAudit && !(await audit(false))) return undefined;
        const choice = EXPORT_FORMATS.find((f) => f.format === formatArg) ?? (await vscode.window.showQuickPick(EXPORT_FORMATS, { title: 'Export the audit as' }));
        if (!choice) return undefined;
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const uri =
          target ??
          (await vscode.window.showSaveDialog({
            defaultUri: folder ? vscode.Uri.joinPath(folder, `prompt-cost-audit.${choice.extension}`) : undefined,
            filters: { [choice.filter]: [choice.extension] },
            title: 'Export Prompt Cost audit',
          }));
        if (!uri) return undefined;
        const exported = await client.sendRequest<ExportAuditResult>(Requests.exportAudit, { format: choice.format } satisfies ExportAuditParams);
        if (!exported) return undefined;
        await vscode.workspace.fs.writeFile(uri, Buffer.from(exported.content, 'utf8'));
        void vscode.window.showInformationMessage(`Prompt Cost: audit exported to ${vscode.workspace.asRelativePath(uri)}.`);
        return uri;
      } catch (error) {
        void vscode.window.showErrorMessage(`Prompt Cost: export failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
  );
}

/** The report as Markdown, shown rendered in a read-only document (reportDocument.ts). */
async function openMarkdownReport(client: LanguageClient): Promise<void> {
  const exported = await client.sendRequest<ExportAuditResult>(Requests.exportAudit, { format: 'md' } satisfies ExportAuditParams);
  if (!exported) return;
  await showReport(exported.content);
}

/** `files.exclude` and `search.exclude` patterns switched on (`true`) for the audited folders. */
function editorExcludes(folders: readonly vscode.WorkspaceFolder[]): string[] {
  const globs = new Set<string>();
  for (const folder of folders) {
    for (const section of ['files.exclude', 'search.exclude']) {
      const patterns = vscode.workspace.getConfiguration(undefined, folder.uri).get<Record<string, unknown>>(section) ?? {};
      for (const [glob, enabled] of Object.entries(patterns)) if (enabled === true) globs.add(glob);
    }
  }
  return [...globs].sort();
}
