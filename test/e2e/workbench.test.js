// End-to-end in the real VS Code workbench (code-server 4.100.3 = VS Code 1.100.3, driven by Debian chromium):
// the PACKAGED .vsix is installed the way a user installs it, a fresh copy of examples/ is opened, and every check reads
// what a user sees on screen. Expected figures come from the CLI audit of the same folder (one engine behind both).
// Needs `npm run package` and test/e2e/setup-vscode.sh (test/run-all.js runs both). Screenshots: test-output/e2e/.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { startCodeServer, extensionHostLogs } = require('./lib/codeServer');
const { launchBrowser, workbenchUrl } = require('./lib/browser');
const { Workbench, squash } = require('./lib/workbench');
const { ROOT, auditJson, promptAt, lineOf, integerForms } = require('./lib/expected');

const VSIX = path.resolve(process.env.PCL_VSIX || path.join(ROOT, 'prompt-cost-lens.vsix'));
const OUT = path.join(ROOT, 'test-output', 'e2e');
const EXTENSION_ID = 'prompt-cost-lens.prompt-cost-lens';
const BOT = 'python/support_bot.py';

/** A whole number as the hint may print it, not as part of a larger number. */
const numberPattern = (n) => new RegExp(`(^|[^\\d.,])(${integerForms(n).map((f) => f.replace(/,/g, '\\,')).join('|')})(?![\\d,])`);

describe('Prompt Cost Lens in the real VS Code workbench', function () {
  this.timeout(180000);
  let server;
  let browser;
  let wb;
  let report;
  let failures = 0;

  before(async function () {
    this.timeout(240000);
    assert.ok(fs.existsSync(VSIX), `${VSIX} not found: run npm run package first`);
    fs.mkdirSync(OUT, { recursive: true });
    server = await startCodeServer({ workspaceSource: path.join(ROOT, 'examples'), vsix: VSIX });
    report = auditJson(server.workspace);
    browser = await launchBrowser(path.join(server.runDir, 'browser'));
    browser.page.on('pageerror', (e) => { if (process.env.VERBOSE) console.log('  [pageerror]', String(e).slice(0, 200)); });
    wb = new Workbench(browser.page, { screenshotDir: OUT });
    await browser.page.goto(workbenchUrl(server.base, { folder: server.workspace }));
    await wb.waitReady();
  });

  afterEach(async function () {
    if (this.currentTest && this.currentTest.state === 'failed' && wb) {
      failures++;
      const name = `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
      await wb.screenshot(name).catch(() => {});
      await wb.closeWidgets().catch(() => {});
    }
  });

  after(async function () {
    this.timeout(60000);
    if (browser) await browser.close();
    if (server) {
      if (failures) {
        // Keep the logs that explain a failure: code-server's, the extension host's and our language server's output.
        const logs = path.join(OUT, 'logs');
        fs.mkdirSync(logs, { recursive: true });
        for (const f of [server.logFile, ...extensionHostLogs(server.runDir)]) {
          fs.copyFileSync(f, path.join(logs, path.relative(server.runDir, f).replace(/[\\/]/g, '__')));
        }
      }
      await server.stop();
    }
  });

  it('installs the packaged .vsix', () => {
    assert.match(server.installLog, /prompt-cost-lens/i);
    const installed = fs.readdirSync(server.extensionsDir).filter((d) => d.startsWith(`${EXTENSION_ID}-`));
    assert.strictEqual(installed.length, 1, `installed: ${fs.readdirSync(server.extensionsDir).join(', ')}`);
    for (const f of ['package.json', 'dist/extension.js', 'dist/server.js']) {
      assert.ok(fs.existsSync(path.join(server.extensionsDir, installed[0], f)), `${f} missing in the installed extension`);
    }
  });

  it('activates and shows the inline hint for the system prompt with the CLI token count', async () => {
    await wb.openFile(BOT, { expectText: 'SYSTEM_PROMPT' });
    const cli = promptAt(report, BOT, lineOf(server.workspace, BOT, 'SYSTEM_PROMPT = """'));
    const hint = await waitForHint(wb, 'SYSTEM_PROMPT', /tok/);
    assert.match(hint, numberPattern(cli.inputTokens), `hint "${hint}" does not show the CLI's ${cli.inputTokens} tokens`);
    assert.match(hint, /\$\s?[\d.,]+/, `hint "${hint}" shows no cost`);
    await wb.screenshot('inline-hint');
  });
});

/**
 * The rendered text of the active editor's line containing `lineText` once it matches `pattern` after that text: the
 * server's inline hint is an LSP inlay hint at the end of the prompt's first line, which VS Code renders inside the line.
 */
async function waitForHint(wb, lineText, pattern, timeout = 60000) {
  const end = Date.now() + timeout;
  let line = '';
  while (Date.now() < end) {
    line = squash(await wb.line(lineText).innerText().catch(() => ''));
    const at = line.indexOf(lineText);
    if (at >= 0 && pattern.test(line.slice(at + lineText.length))) return line.slice(at);
    await wb.page.waitForTimeout(300);
  }
  throw new Error(`no hint matching ${pattern} on the line with "${lineText}" within ${timeout / 1000}s (line: "${line}")`);
}

module.exports = { waitForHint };
