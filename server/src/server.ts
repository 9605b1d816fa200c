// The Prompt Cost language server: `node dist/server.js --stdio` (or --node-ipc from VS Code).
// Wiring only: the core (documents, settings, analyses) and one line per feature module.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServerContext } from './lsp/serverContext';
import * as diagnostics from './lsp/diagnostics';
import * as inlayHints from './lsp/inlayHints';
import * as hover from './lsp/hover';
import * as codeActions from './lsp/codeActions';
import * as semanticTokens from './lsp/semanticTokens';
import * as analysisNotifications from './lsp/analysisNotifications';
import * as sidebarRequests from './lsp/sidebarRequests';
import * as auditRequests from './lsp/auditRequests';

const connection = createConnection(ProposedFeatures.all);
const ctx = createServerContext(connection);

diagnostics.register(ctx);
inlayHints.register(ctx);
hover.register(ctx);
codeActions.register(ctx);
semanticTokens.register(ctx);
analysisNotifications.register(ctx);
sidebarRequests.register(ctx);
auditRequests.register(ctx);

ctx.listen();
