// The audit report the command opens: a read-only virtual Markdown document shown as a rendered preview. It was an
// untitled editor before: every audit left one more "Untitled-N ●" tab behind, and closing VS Code asked whether to
// save each of them. One document, replaced by each new audit; nothing to save.
import * as vscode from 'vscode';

const SCHEME = 'prompt-cost-report';
/** The path names the preview's tab: "Preview Prompt cost audit.md". */
export const REPORT_URI = vscode.Uri.from({ scheme: SCHEME, path: '/Prompt cost audit.md' });

class ReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private content = '';

  provideTextDocumentContent(): string {
    return this.content;
  }

  set(content: string): void {
    this.content = content;
    this.changed.fire(REPORT_URI);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const documents = new ReportDocuments();

export function registerReportDocument(context: vscode.ExtensionContext): void {
  context.subscriptions.push(documents, vscode.workspace.registerTextDocumentContentProvider(SCHEME, documents));
}

/** Shows `markdown` rendered (the preview follows the document when a later audit replaces it). */
export async function showReport(markdown: string): Promise<void> {
  documents.set(markdown);
  const shown = await vscode.commands.executeCommand('markdown.showPreview', REPORT_URI).then(() => true, () => false);
  // Without the Markdown extension (disabled by the user), the text itself is still worth reading.
  if (!shown) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(REPORT_URI), { preview: true });
}
