// End-to-end in the real VS Code workbench (code-server 4.100.3 = VS Code 1.100.3, driven by Debian chromium):
// the PACKAGED .vsix is installed the way a user installs it, a fresh copy of examples/ is opened, and every check reads
// what a user sees on screen. Expected figures come from the CLI audit of the same folder (one engine behind both).
// Needs `npm run package` and test/e2e/setup-vscode.sh (test/run-all.js runs both). Screenshots: test-output/e2e/.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { startCodeServer, saveFailureLogs } = require('./lib/codeServer');
const { launchBrowser, workbenchUrl } = require('./lib/browser');
const { Workbench, squash } = require('./lib/workbench');
const { ROOT, auditJson, promptAt, lineOf, numberPattern } = require('./lib/expected');
// How the editor prints numbers (the same module the server and the status bar use; run with --require tsx/cjs).
const { formatTokens, formatUsd } = require('../../server/src/engine/views/format');
const { usd } = require('../../server/src/engine/report/numbers'); // the audit report's format

const VSIX = path.resolve(process.env.PCL_VSIX || path.join(ROOT, 'prompt-cost-lens.vsix'));
const OUT = path.join(ROOT, 'test-output', 'e2e');
const EXTENSION_ID = 'prompt-cost-lens.prompt-cost-lens';
const BOT = 'python/support_bot.py';


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
    // Failure screenshots and logs of earlier runs would mislead; a concurrent run's fresh ones are kept.
    const startedAt = Date.now() - process.uptime() * 1000;
    for (const f of fs.readdirSync(OUT)) {
      const p = path.join(OUT, f);
      if ((f.startsWith('failed-') || f === 'logs') && fs.statSync(p).mtimeMs < startedAt) fs.rmSync(p, { recursive: true, force: true });
    }
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
      if (failures) saveFailureLogs(server, path.join(OUT, 'logs'));
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
    const hint = await waitForHint(wb, 'SYSTEM_PROMPT', / in \+ [^ ]+ out/);
    assert.match(hint, numberPattern(cli.inputTokens), `hint "${hint}" does not show the CLI's ${cli.inputTokens} tokens`);
    assert.match(hint, /\$\s?[\d.,]+/, `hint "${hint}" shows no cost`);
    await wb.screenshot('inline-hint');
  });

  it('shows the hover breakdown for the prompt (Ctrl+K Ctrl+I)', async () => {
    const line = lineOf(server.workspace, BOT, 'SYSTEM_PROMPT = """');
    const cli = promptAt(report, BOT, line);
    await wb.openFile(BOT, { expectText: 'SYSTEM_PROMPT' });
    await wb.goTo(line + 2, 10);
    const { text } = await wb.hoverAtCursor('Prompt cost');
    assert.match(text, /gpt-4o/, 'names the model');
    assert.match(text, /call site/, 'says where the model came from');
    assert.ok(text.includes(formatTokens(cli.inputTokens)), `hover lacks the CLI's ${cli.inputTokens} input tokens: ${text}`);
    assert.ok(text.includes(`${formatUsd(cli.monthlyCost)}/month`), `hover lacks the CLI's ${formatUsd(cli.monthlyCost)}/month: ${text}`);
    assert.match(text, /calls\/day/, 'states the volume');
    await wb.screenshot('hover');
    await wb.closeWidgets();
  });

  it('lists the findings in the Problems panel with source prompt-cost', async () => {
    const cliFindings = report.prompts.filter((p) => p.file === BOT).flatMap((p) => p.findings);
    const verbose = cliFindings.find((f) => f.ruleId === 'verbose-phrase' && /in order to/i.test(f.message));
    assert.ok(verbose, `the CLI reports the "in order to" finding in ${BOT}`);
    await wb.openFile(BOT, { expectText: 'SYSTEM_PROMPT' });
    const row = await wb.problemRow(/in order to/i);
    assert.match(row, /prompt-cost/, `row "${row}" names the source`);
    assert.match(row, /verbose-phrase/, `row "${row}" names the rule`);
    const at = `[Ln ${verbose.startLine}, Col ${verbose.startColumn}]`;
    assert.ok(row.includes(at), `row "${row}" is not at the CLI's ${at}`);
    // Every finding the CLI reports for this file is a row (hints are not listed in the Problems panel).
    const listed = cliFindings.filter((f) => f.severity !== 'hint');
    const rows = (await waitForRows(wb, path.basename(BOT), listed.length)).filter((r) => /prompt-cost/.test(r));
    assert.strictEqual(rows.length, listed.length, `Problems rows:\n${rows.join('\n')}\nCLI findings:\n${listed.map((f) => f.message).join('\n')}`);
    await wb.screenshot('problems');
    await wb.page.keyboard.press('Control+Shift+M'); // close the panel again
  });

  it("shows the file's monthly total in the status bar", async () => {
    const fileTotal = report.prompts.filter((p) => p.file === BOT && typeof p.monthlyCost === 'number').reduce((a, p) => a + p.monthlyCost, 0);
    await wb.openFile(BOT, { expectText: 'SYSTEM_PROMPT' });
    const item = wb.statusItem(`${formatUsd(fileTotal)}/mo`);
    await item.waitFor({ timeout: 30000 });
    assert.strictEqual(squash(await item.innerText()), `${formatUsd(fileTotal)}/mo`);
  });

  it('the sidebar shows the model-switch table and the caching verdict for a selected prompt', async () => {
    const line = lineOf(server.workspace, BOT, 'SYSTEM_PROMPT = """');
    const cli = promptAt(report, BOT, line);
    const filePrompts = report.prompts.filter((p) => p.file === BOT);
    await wb.openFile(BOT, { expectText: 'SYSTEM_PROMPT' });
    await wb.page.locator('.activitybar .action-item a[aria-label^="Prompt Cost"]').first().click();
    const view = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const rows = view.locator('#file-table tbody tr');
    await rows.first().waitFor({ timeout: 30000 });
    await waitForCount(rows, filePrompts.length);
    // Select the system prompt by its line, as a user clicks its row.
    const row = view.locator('#file-table tbody tr', { has: view.locator('td', { hasText: new RegExp(`^${cli.startLine}$`) }) }).first();
    await row.click();
    await view.locator('#switch-prompt', { hasText: `line ${cli.startLine}` }).waitFor({ timeout: 20000 });
    const table = view.locator('#switch-table');
    await table.waitFor({ state: 'visible', timeout: 20000 });
    const current = view.locator('#switch-table tbody tr.current');
    assert.match(squash(await current.locator('.model-name').innerText()), /^gpt-4o$/, 'the current model is marked');
    assert.strictEqual(squash(await current.locator('td').nth(3).innerText()), formatUsd(cli.monthlyCost), 'current model per month = CLI monthly cost');
    const alternatives = view.locator('#switch-table tbody tr[data-current="false"]');
    assert.ok((await alternatives.count()) >= 3, 'at least three alternative models');
    const cheaper = view.locator('#switch-table tbody tr[data-current="false"] td.gain');
    assert.ok((await cheaper.count()) >= 1, 'at least one cheaper model with a monthly saving');
    // Caching: the system prompt is far below OpenAI's 1,024-token minimum for automatic prefix caching.
    assert.ok(cli.inputTokens < 1024, 'precondition: the prompt is shorter than 1,024 tokens');
    const verdict = view.locator('#cache-verdict');
    await verdict.waitFor({ state: 'visible', timeout: 20000 });
    assert.strictEqual(await verdict.getAttribute('data-verdict'), 'too-short');
    const headline = squash(await view.locator('#cache-headline').innerText());
    assert.ok(headline.length > 0, 'the caching verdict has a headline');
    assert.match(squash(await view.locator('#cache-prefix').innerText()), /1,024/, 'names the 1,024-token minimum');
    await wb.screenshot('sidebar');
  });

  it('"Use this model" in the sidebar rewrites the model at the call site at once; the hint and the sidebar follow', async () => {
    const line = lineOf(server.workspace, BOT, 'SYSTEM_PROMPT = """');
    const cli = promptAt(report, BOT, line);
    await wb.openFile(BOT, { expectText: 'SYSTEM_PROMPT' });
    await wb.line('model="gpt-4o"').waitFor({ timeout: 10000 });
    const before = await waitForHint(wb, 'SYSTEM_PROMPT', new RegExp(escapeRe(`${formatUsd(cli.monthlyCost)}/mo`)));
    await wb.runCommand('Prompt Cost: Show Sidebar');
    const view = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const row = view.locator('#file-table tbody tr', { has: view.locator('td', { hasText: new RegExp(`^${cli.startLine}$`) }) }).first();
    await row.waitFor({ timeout: 30000 });
    await row.click();
    await view.locator('#switch-prompt', { hasText: `line ${cli.startLine}` }).waitFor({ timeout: 20000 });
    // The first cheaper model of the same provider: its row's monthly figure is what the hint must show afterwards.
    const target = view.locator('#switch-table tbody tr[data-current="false"][data-group="same-provider"]', { has: view.locator('td.gain') }).first();
    await target.waitFor({ timeout: 20000 });
    const modelId = await target.getAttribute('data-model-id');
    const monthly = squash(await target.locator('td[data-col="costPerMonth"]').innerText());
    await target.locator('button[data-action="use-model"]').click();
    // Applied directly: the source line changes, no Refactor Preview asks first.
    await wb.line(`model="${modelId}"`).waitFor({ timeout: 15000 });
    assert.strictEqual(await wb.page.locator('.refactor-preview-view, [id="workbench.view.bulkEdit"]').count(), 0, 'no Refactor Preview opened');
    await view.locator('#notice', { hasText: `Model set to ${modelId}` }).waitFor({ timeout: 10000 });
    const after = await waitForHint(wb, 'SYSTEM_PROMPT', new RegExp(`${escapeRe(monthly)}/mo`), 30000);
    assert.notStrictEqual(after, before, 'the hint changed');
    await view.locator('#switch-table tbody tr.current', { hasText: modelId }).waitFor({ timeout: 20000 });
    await wb.screenshot('model-switch-applied');
    // Back to the text on disk: undo in the editor.
    await wb.line('model=').click();
    await wb.page.keyboard.press('Control+Z');
    await wb.line('model="gpt-4o"').waitFor({ timeout: 10000 });
    await waitForHint(wb, 'SYSTEM_PROMPT', new RegExp(escapeRe(`${formatUsd(cli.monthlyCost)}/mo`)), 30000);
  });

  it('runs the audit from the command palette: progress, report, same total as the CLI', async () => {
    const total = report.totals.monthlyCost;
    await wb.openFile(BOT, { expectText: 'SYSTEM_PROMPT' });
    // Record every notification that appears, however briefly (a small workspace audits in well under a second).
    await wb.page.evaluate(() => {
      window.__pclToasts = [];
      const seen = window.__pclToasts;
      new MutationObserver(() => {
        for (const n of document.querySelectorAll('.notifications-toasts .notification-list-item')) {
          const t = n.textContent || '';
          if (t && !seen.includes(t)) seen.push(t);
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await wb.runCommand('Prompt Cost: Audit Workspace');
    // The report opens as a Markdown document rendered in a preview (a webview): read it from whichever frame shows it.
    const reportText = await waitForFrameText(wb.page, /Prompt cost audit/, 60000);
    const expectedLine = `${usd(total)} per month for ${report.totals.prompts} prompts`;
    assert.ok(reportText.includes(expectedLine), `the report does not say "${expectedLine}":\n${reportText.slice(0, 400)}`);
    const toasts = await wb.page.evaluate(() => window.__pclToasts);
    assert.ok(toasts.some((t) => /auditing the workspace/i.test(t)), `no progress notification; saw: ${JSON.stringify(toasts)}`);
    await wb.statusItem(`workspace ${formatUsd(total)}/mo`).waitFor({ timeout: 20000 });
    // The report is a read-only document: no "Untitled-N ●" editor left behind to be saved when VS Code closes.
    await wb.page.locator('.tabs-container .tab', { hasText: 'Prompt cost audit' }).first().waitFor({ timeout: 20000 });
    const tabs = await wb.page.locator('.tabs-container .tab').evaluateAll((all) => all.map((t) => `${t.getAttribute('aria-label')}${t.classList.contains('dirty') ? ' (unsaved)' : ''}`));
    assert.ok(!tabs.some((t) => /Untitled|unsaved/.test(t)), `tabs after the audit: ${tabs.join(' | ')}`);
    await wb.screenshot('audit-report');
  });

  it('the CLI run from the parent folder (as `npm run demo` audits examples/) agrees with the editor', () => {
    // The editor opens examples/ as its workspace folder; `prompt-cost audit examples` from the repository root must
    // price the same prompts the same way (same .promptcost.json volumes and sizes), or the demo and the editor disagree.
    const fromParent = auditJson(server.workspace, [], { fromParent: true });
    assert.strictEqual(fromParent.totals.prompts, report.totals.prompts, 'same number of prompts');
    assert.strictEqual(usd(fromParent.totals.monthlyCost), usd(report.totals.monthlyCost),
      `prompt-cost audit ${path.basename(server.workspace)} (run from its parent) totals ${usd(fromParent.totals.monthlyCost)}/month, the editor ${usd(report.totals.monthlyCost)}/month`);
  });

  it('offers the verbose-phrase quick fix with its saving, and applying it updates the hint', async () => {
    const line = lineOf(server.workspace, BOT, 'SYSTEM_PROMPT = """');
    const cli = promptAt(report, BOT, line);
    const finding = cli.findings.find((f) => f.ruleId === 'verbose-phrase' && /in order to/i.test(f.message));
    assert.ok(finding && finding.savingsTokens > 0, 'the CLI reports a saving for "in order to"');
    await wb.openFile(BOT, { expectText: 'SYSTEM_PROMPT' });
    await wb.goTo(line, 1);
    await wb.selectText('in order to');
    const titles = await wb.quickFixTitles(/in order to/);
    const title = titles.find((t) => /in order to/.test(t) && /"to"/.test(t));
    assert.ok(title, `no "in order to" → "to" fix among: ${titles.join(' | ')}`);
    assert.ok(title.includes(`−${finding.savingsTokens} token`), `title "${title}" does not carry the CLI's saving of ${finding.savingsTokens} tokens`);
    assert.match(title, /\$[\d.,]+(k|M)?\/mo/, `title "${title}" has no monthly saving`);
    await wb.screenshot('quick-fix-menu');
    await wb.applyQuickFix(title);
    await wb.line('carefully to understand').waitFor({ timeout: 10000 });
    const after = await waitForHint(wb, 'SYSTEM_PROMPT', numberPattern(cli.inputTokens - finding.savingsTokens), 30000);
    assert.doesNotMatch(after, numberPattern(cli.inputTokens), `hint "${after}" still shows the old count`);
    await wb.screenshot('quick-fix-applied');
    await wb.page.keyboard.press('Control+Z'); // back to the text on disk
    await wb.line('carefully in order to understand').waitFor({ timeout: 10000 });
    await waitForHint(wb, 'SYSTEM_PROMPT', numberPattern(cli.inputTokens), 30000);
  });

  it('shows a hint in a notebook cell and applies a quick fix there', async () => {
    const NB = 'notebooks/review_replies.ipynb';
    const cli = report.prompts.find((p) => p.file === NB);
    assert.ok(cli, `the CLI reports no prompt in ${NB}`);
    const finding = cli.findings.find((f) => f.ruleId === 'verbose-phrase' && /in order to/i.test(f.message));
    assert.ok(finding && finding.savingsTokens > 0, `the CLI reports the "in order to" finding in ${NB}`);
    await wb.openFile(NB);
    const cellLine = (text) => wb.page.locator('.notebook-editor .cell-editor-container .view-line', { hasText: text }).first();
    const first = 'REVIEW_REPLY_PROMPT'; // the prompt starts at the parenthesis on this line: the hint goes at its end
    await cellLine(first).waitFor({ timeout: 30000 });
    const hint = await waitForText(cellLine(first), numberPattern(cli.inputTokens), 60000);
    assert.ok(hint.includes(`${formatUsd(cli.monthlyCost)}/mo`), `cell hint "${hint}" lacks the CLI monthly cost ${formatUsd(cli.monthlyCost)}/mo (model ${cli.model}, ${cli.callsPerDay} calls/day)`);
    await wb.screenshot('notebook-hint');
    // Put the cursor on "in order to" inside the cell: End then Home lands on the first non-blank character.
    const target = cellLine('in order to show');
    const text = squash(await target.innerText());
    await target.click();
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Home');
    const firstNonBlank = text.search(/\S/);
    for (let i = firstNonBlank; i < text.indexOf('in order to'); i++) await wb.page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'in order to'.length; i++) await wb.page.keyboard.press('Shift+ArrowRight');
    const titles = await wb.quickFixTitles(/in order to/);
    const title = titles.find((t) => /in order to/.test(t) && /"to"/.test(t));
    assert.ok(title, `no "in order to" fix in the cell among: ${titles.join(' | ')}`);
    assert.ok(title.includes(`−${finding.savingsTokens} token`), `title "${title}" lacks the CLI's saving`);
    await wb.applyQuickFix(title);
    await cellLine('main point to show').waitFor({ timeout: 10000 });
    await waitForText(cellLine(first), numberPattern(cli.inputTokens - finding.savingsTokens), 30000);
    // The sidebar's row follows the edit too, not only the hint (its screenshot showed the old count).
    await waitForFrameText(wb.page, new RegExp(`REVIEW_REPLY_PROMPT[^$]*${escapeRe(cli.model)}\\s+${cli.inputTokens - finding.savingsTokens}\\s+\\$`), 20000);
    await wb.screenshot('notebook-quick-fix');
    await wb.page.keyboard.press('Control+Z');
    await cellLine('in order to show').waitFor({ timeout: 10000 });
  });

  it('changing promptCost.defaultCallsPerDay changes the monthly figure without a reload', async () => {
    const line = lineOf(server.workspace, BOT, 'SYSTEM_PROMPT = """');
    const cli = promptAt(report, BOT, line);
    assert.strictEqual(cli.callsPerDay, 1000, 'precondition: the prompt uses the default volume of 1000 calls/day');
    await wb.openFile(BOT, { expectText: 'SYSTEM_PROMPT' });
    const before = `${formatUsd(cli.monthlyCost)}/mo`;
    const doubled = `${formatUsd(cli.monthlyCost * 2)}/mo`;
    assert.notStrictEqual(before, doubled);
    await waitForHint(wb, 'SYSTEM_PROMPT', new RegExp(escapeRe(before)));
    const settingsFile = path.join(server.workspace, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'promptCost.defaultCallsPerDay': 2000 }, null, 2));
    try {
      const hint = await waitForHint(wb, 'SYSTEM_PROMPT', new RegExp(escapeRe(doubled)), 30000);
      assert.ok(hint.includes(doubled), hint);
      // The sidebar follows the re-analysis too (no edit happened in the file): the prompt's row, per call then per
      // month, shows the doubled figure.
      await wb.runCommand('Prompt Cost: Show Sidebar');
      await waitForFrameText(wb.page, new RegExp(`SYSTEM_PROMPT[^$]*${escapeRe(formatUsd(cli.costPerCall))}\\s+${escapeRe(formatUsd(cli.monthlyCost * 2))}\\b`));
      await wb.screenshot('settings-changed');
    } finally {
      fs.rmSync(path.join(server.workspace, '.vscode'), { recursive: true, force: true });
    }
    await waitForHint(wb, 'SYSTEM_PROMPT', new RegExp(escapeRe(before)), 30000);
  });
});

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits until the locator's text matches `pattern`; resolves with that text. */
async function waitForText(locator, pattern, timeout = 30000) {
  const end = Date.now() + timeout;
  let text = '';
  while (Date.now() < end) {
    text = squash(await locator.innerText().catch(() => ''));
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`text "${text}" did not match ${pattern} within ${timeout / 1000}s`);
}

/** Waits until the locator matches exactly `n` elements. */
async function waitForCount(locator, n, timeout = 30000) {
  const end = Date.now() + timeout;
  let count = 0;
  while (Date.now() < end) {
    count = await locator.count();
    if (count === n) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`expected ${n} elements, found ${count}`);
}

/** The text of the first frame (the workbench or any webview inside it) whose body matches `pattern`. */
async function waitForFrameText(page, pattern, timeout = 30000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
      if (pattern.test(text) && frame !== page.mainFrame()) return squash(text);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const seen = [];
  for (const frame of page.frames()) seen.push(squash(await frame.evaluate(() => (document.body ? document.body.innerText : '')).catch((e) => `(${e.message})`)).slice(0, 300));
  throw new Error(`no frame showed ${pattern} within ${timeout / 1000}s; frames: ${JSON.stringify(seen)}`);
}

/**
 * The Problems rows listed under the file `fileName` once at least `n` are shown (the panel fills as diagnostics
 * arrive). Rows come in DOM order: a file header, then its markers (`… [Ln 10, Col 46]`).
 */
async function waitForRows(wb, fileName, n, timeout = 30000) {
  const end = Date.now() + timeout;
  let rows = [];
  while (Date.now() < end) {
    rows = [];
    let inFile = false;
    for (const r of await wb.problemRows()) {
      if (/\[Ln \d+, Col \d+\]/.test(r)) { if (inFile) rows.push(r); } else inFile = r.startsWith(fileName);
    }
    if (rows.length >= n) return rows;
    await wb.page.waitForTimeout(300);
  }
  return rows;
}

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
