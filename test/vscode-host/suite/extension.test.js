// Runs inside the extension host (code-server's node extension host = VS Code 1.100.3) with the real `vscode` API:
// the extension activates, its language server answers, and what the providers return matches the CLI audit of the
// same workspace (one engine behind both).
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const ROOT = process.env.PCL_REPO_ROOT || path.resolve(__dirname, '..', '..', '..');
const { auditJsonAsync, promptAt, lineOf, integerForms } = require(path.join(ROOT, 'test', 'e2e', 'lib', 'expected.js'));

const EXTENSION_ID = 'prompt-cost-lens.prompt-cost-lens';
const FILE = 'python/support_bot.py';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value; the language server answers asynchronously after activation. */
async function waitFor(what, fn, ms = 30000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await sleep(250);
  }
}

const labelText = (hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join(''));
const hoverText = (hovers) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code));

suite('Prompt Cost Lens in the extension host', () => {
  let folder;
  let doc;
  let expected;
  let promptLine; // 0-based line of SYSTEM_PROMPT

  suiteSetup(async () => {
    folder = vscode.workspace.workspaceFolders[0].uri;
    expected = await auditJsonAsync(folder.fsPath);
    promptLine = lineOf(folder.fsPath, FILE, 'SYSTEM_PROMPT = """') - 1;
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, FILE));
    await vscode.window.showTextDocument(doc);
  });

  test('the extension is present and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} not found among ${vscode.extensions.all.length} extensions`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(ext.packageJSON.contributes.configuration.properties['promptCost.defaultCallsPerDay'].type, 'number');
  });

  test('its commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['promptCost.auditWorkspace', 'promptCost.showSidebar', 'promptCost.restartServer']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });

  test('the language server publishes diagnostics with source prompt-cost and a rule code', async () => {
    const diags = await waitFor('prompt-cost diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'prompt-cost');
      return d.length ? d : undefined;
    });
    const verbose = diags.find((d) => doc.getText(d.range).toLowerCase() === 'in order to');
    assert.ok(verbose, `no diagnostic on "in order to"; got: ${diags.map((d) => `${codeOf(d)} ${doc.getText(d.range)}`).join(' | ')}`);
    assert.strictEqual(codeOf(verbose), 'verbose-phrase');
    assert.ok(verbose.code.target, 'diagnostic code has a documentation link (codeDescription)');
    assert.match(verbose.code.target.toString(), /verbose-phrase/);
  });

  test('the inline hint at the system prompt shows the CLI token count', async () => {
    const cli = promptAt(expected, FILE, promptLine + 1);
    const wanted = integerForms(cli.inputTokens);
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const texts = await waitFor('an inlay hint on the SYSTEM_PROMPT line', async () => {
      const hints = (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, range)) || [];
      const found = hints.filter((h) => h.position.line === promptLine).map(labelText).filter((t) => /\d in\b/.test(t));
      return found.length ? found : undefined;
    });
    assert.ok(texts.some((t) => wanted.some((w) => new RegExp(`(^|[^\\d,])${w}(?![\\d,])`).test(t))),
      `hint ${JSON.stringify(texts)} does not show the CLI's ${cli.inputTokens} tokens`);
    assert.match(texts.join(' '), /\$[\d.,]+/, 'the hint shows a cost');
  });

  test('the hover on the prompt shows the model, the token count and the monthly cost', async () => {
    const cli = promptAt(expected, FILE, promptLine + 1);
    const text = await waitFor('a hover from the language server', async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(promptLine + 1, 10));
      const t = hoverText(hovers || []);
      return /tok/i.test(t) ? t : undefined;
    });
    assert.match(text, /gpt-4o/, 'hover names the model');
    assert.ok(integerForms(cli.inputTokens).some((w) => text.includes(w)), `hover lacks the CLI's ${cli.inputTokens} tokens:\n${text}`);
    assert.match(text, /\/\s?mo|month/i, 'hover shows a monthly figure');
  });

  test('a quick fix is offered on the verbose phrase', async () => {
    const diag = vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'prompt-cost' && doc.getText(d.range).toLowerCase() === 'in order to');
    assert.ok(diag, 'verbose-phrase diagnostic present');
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range)) || [];
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => /in order to/i.test(a.title) && a.edit);
    assert.ok(fix, `no quick fix for "in order to" among ${JSON.stringify(titles)}`);
    assert.match(fix.title, /token/, 'the fix title carries its saving');
  });
});
