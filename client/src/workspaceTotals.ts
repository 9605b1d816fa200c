// The workspace's monthly total from the last audit. The audit command reports it here; the status bar shows it.
import * as vscode from 'vscode';

export interface WorkspaceTotal {
  monthlyCost: number;
  prompts: number;
  unpricedPrompts?: number;
  files?: number;
  /** Prompts in test and fixture files and their monthly cost; in the figures above only when `includesTests`. */
  tests?: { prompts: number; monthlyCost: number };
  includesTests?: boolean;
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
