// "Open in the sidebar" requests (hover link, status bar click). The sidebar view listens here and asks the server
// for that document's analysis itself.
import * as vscode from 'vscode';

export interface RevealPromptRequest {
  uri: string;
  promptId?: string;
}

const requested = new vscode.EventEmitter<RevealPromptRequest>();
let pending: RevealPromptRequest | undefined;

/** Fires after the sidebar view was asked to show; a view that opens later reads `takePendingReveal()`. */
export const onDidRequestReveal = requested.event;

export function requestReveal(request: RevealPromptRequest): void {
  pending = request;
  requested.fire(request);
}

/** The last request not yet taken, for a sidebar view that was resolved after the request fired. */
export function takePendingReveal(): RevealPromptRequest | undefined {
  const request = pending;
  pending = undefined;
  return request;
}
