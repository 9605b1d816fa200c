// The extension host's share of the time to a document's first inline hint (issue 17): when this bundle started to
// run, when activate() ran, when the server answered `initialize`, and each document's first inlayHint request and
// answer as the client sees them. Wall-clock `[timing]` lines (server/src/shared/startupMarks.ts) in the Prompt Cost
// Lens output channel beside the server's own, only when `promptCost.trace.server` is not `off`.
import type * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { timingLine } from '../../server/src/shared/startupMarks';

/** Evaluated first of the bundle's own modules (extension.ts imports this module first). */
const marks: string[] = [timingLine(Date.now(), 'client: bundle evaluation started')];
let channel: vscode.OutputChannel | undefined;
let enabled = true; // until the setting is read; marks before it are kept
const FOLLOWED_DOCUMENTS = 8;
const followed = new Set<string>();
const done = new Set<string>();

export function markStartup(event: string): void {
  if (!enabled) return;
  const line = timingLine(Date.now(), `client: ${event}`);
  if (channel) channel.appendLine(line);
  else marks.push(line);
}

/** Called once the output channel exists, with the trace setting: writes what was kept, or stops marking. */
export function writeStartupTrace(output: vscode.OutputChannel, trace: string | undefined): void {
  enabled = !!trace && trace !== 'off';
  if (!enabled) {
    marks.length = 0;
    return;
  }
  channel = output;
  for (const line of marks.splice(0)) output.appendLine(line);
}

/** Marks each followed document's inlayHint requests until the first answer with hints. */
export const startupTraceMiddleware: Middleware = {
  async provideInlayHints(document, viewPort, token, next) {
    const uri = document.uri.toString();
    const follow = enabled && !done.has(uri) && (followed.has(uri) || followed.size < FOLLOWED_DOCUMENTS);
    if (!follow) return next(document, viewPort, token);
    followed.add(uri);
    markStartup(`inlayHint sent ${uri}`);
    const hints = await next(document, viewPort, token);
    markStartup(`inlayHint answer received (${hints?.length ?? 0} hints) ${uri}`);
    if (hints?.length) done.add(uri);
    return hints;
  },
};
