// The workspace's monthly total from the last audit. The audit command reports it here; the status bar shows it.
import * as vscode from 'vscode';

export interface WorkspaceTotal {
  monthlyCost: number;
  prompts: number;
  unpricedPrompts?: number;
  files?: number;
}

const changed = new vscode.EventEmitter<WorkspaceTotal>();
let latest: WorkspaceTotal | undefined;

export const onDidChangeWorkspaceTotal = changed.event;

/** Called by the audit command when an audit finishes. */
export function reportWorkspaceTotal(total: WorkspaceTotal): void {
  latest = total;
  changed.fire(total);
}

export function lastWorkspaceTotal(): WorkspaceTotal | undefined {
  return latest;
}
