// Typed messages between the extension host (sidebarProvider.ts) and the webview (webview/main.ts). Only data crosses
// this boundary; the webview renders every string with textContent.
import type { CacheView } from '../../../server/src/engine/views/cacheView';
import type { FileView, PromptSortKey, SortDirection } from '../../../server/src/engine/views/fileView';
import type { ModelSwitchView } from '../../../server/src/engine/views/modelSwitchView';
import type { WorkspaceView } from '../../../server/src/engine/views/workspaceView';

/** The selected prompt's model switch and cache advice, or why they are unavailable. */
export type PromptDetails =
  | { promptId: string; modelSwitch: ModelSwitchView; cache: CacheView }
  | { promptId: string; error: string };

export type HostMessage =
  /** The active editor's document (null file: nothing to show, with `message` saying why). */
  | { type: 'file'; fileName: string | null; file: FileView | null; message?: string }
  /** The prompt under the cursor or chosen from outside (hover link, command); null clears the selection. */
  | { type: 'select'; promptId: string | null }
  | { type: 'details'; details: PromptDetails }
  | { type: 'workspace'; workspace: WorkspaceView }
  /** A one-line status under the title (e.g. the result of "Use this model"). */
  | { type: 'notice'; text: string; level: 'info' | 'error' };

export type WebviewMessage =
  | { type: 'ready' }
  /** Select a prompt of the file table; `reveal` also scrolls the editor to it (focus stays in the sidebar). */
  | { type: 'selectPrompt'; promptId: string; reveal: boolean }
  | { type: 'useModel'; promptId: string; modelId: string; provider: string }
  | { type: 'openWorkspacePrompt'; file: string; line: number; column: number }
  | { type: 'runAudit' };

/** Everything the webview shows; saved with setState so a hidden-then-shown view comes back as it was. */
export interface SidebarState {
  fileName: string | null;
  file: FileView | null;
  fileMessage?: string;
  selectedId: string | null;
  details: PromptDetails | null;
  workspace: WorkspaceView | null;
  sort: { key: PromptSortKey; direction: SortDirection };
  notice?: { text: string; level: 'info' | 'error' };
}

export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'runAudit':
      return true;
    case 'selectPrompt':
      return typeof m.promptId === 'string' && typeof m.reveal === 'boolean';
    case 'useModel':
      return typeof m.promptId === 'string' && typeof m.modelId === 'string' && typeof m.provider === 'string';
    case 'openWorkspacePrompt':
      return typeof m.file === 'string' && typeof m.line === 'number' && typeof m.column === 'number';
    default:
      return false;
  }
}
