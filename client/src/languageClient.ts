// The language client: which documents go to the server and how the server process is started.
// No tokenizer or parser runs in the extension host; all of that is in the server process.
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/serverLaunch';
import { startupTraceMiddleware } from './startupTrace';

export const CLIENT_ID = 'promptCost';
const LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'prompt'];
/**
 * Notebook cells have their own scheme. They reach the server through LSP notebook synchronisation (the server declares
 * `notebookDocumentSync`, so the client sends `notebookDocument/*` and no per-cell didOpen); this selector entry is what
 * makes VS Code ask the server for a cell's hints, hover and code actions. See docs/design/notebooks.md.
 */
const SCHEMES = ['file', 'untitled', 'vscode-notebook-cell'];
/** Markdown counts only where it is a prompt file by convention (prompt folders, `*.prompt.md`). */
const MARKDOWN_PROMPT_PATTERNS = ['**/prompts/**/*.md', '**/*.prompt.md'];

export const DOCUMENT_SELECTOR: DocumentSelector = [
  ...LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language }))),
  ...MARKDOWN_PROMPT_PATTERNS.map((pattern) => ({ scheme: 'file', language: 'markdown', pattern })),
];

export function createLanguageClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    diagnosticCollectionName: 'prompt-cost',
    outputChannelName: 'Prompt Cost Lens',
    // The hover's "Open in the sidebar" link is a command link; only that command may run from hover markdown.
    markdown: { isTrusted: { enabledCommands: ['promptCost.showSidebar'] } },
    middleware: startupTraceMiddleware,
  };
  return new LanguageClient(CLIENT_ID, 'Prompt Cost Lens', serverOptions, clientOptions);
}
