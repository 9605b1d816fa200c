// Scopes in the real VS Code workbench (issue 17): a fixture workspace with application code beside pytest and Vitest
// tests, a pytest conftest, a manual __mocks__ module and a sandbox manifest (test/fixtures/scopes, the one the CLI's
// scope tests read) is opened with the packaged .vsix. What a user must see: hints on the application's prompts; none
// on a JavaScript file held in a manifest's `content:` or on a mocked model reply; a test file's own prompts still
// hinted, with its status bar figure marked "test"; and an audit whose total leaves the test prompts out — the same
// total as `prompt-cost audit --format json` (one engine behind both). Screenshots: test-output/e2e/scopes-*.png.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { startCodeServer, saveFailureLogs } = require('./lib/codeServer');
const { launchBrowser, workbenchUrl } = require('./lib/browser');
const { Workbench, squash } = require('./lib/workbench');
const { ROOT, auditJson, promptAt, lineOf, numberPattern } = require('./lib/expected');
// How the editor and the audit report print money (run with --require tsx/cjs, as test/run-all.js does).
const { formatUsd } = require('../../server/src/engine/views/format');
const { usd } = require('../../server/src/engine/report/numbers');

const VSIX = path.resolve(process.env.PCL_VSIX || path.join(ROOT, 'prompt-cost-lens.vsix'));
const OUT = path.join(ROOT, 'test-output', 'e2e');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'scopes');
const APP = 'app/support_agent.py';
const SANDBOX = 'src/sandbox.ts';
const MOCK = '__mocks__/openai.ts';
const SPEC = 'src/__tests__/summarize.spec.ts';
const TEST_FILES = ['src/__tests__/summarize.spec.ts', 'tests/conftest.py', 'tests/test_support_agent.py'];

/**
 * The inline hint's shapes (server/src/lsp/hintLabel.ts): `61 in + ≈250 out · … · $4.77/mo`, `≈113 in · …`
 * (no reply of its own), `38 tok · in SYSTEM` (a fragment), `61 tok` (tokens mode). HINT finds any of them on a line;
 * HINT_TEXT takes a full-mode hint up to its monthly figure.
 */
const HINT = /≈?\d[\d.,]*[kM]? (in|tok)\b/;
const HINT_TEXT = /≈?\d[\d.,]*[kM]? in\b.*?\/mo/;
/** The monthly total of one file's prompts in a CLI report (fragments are counted in their whole prompt). */
const fileTotal = (report, file) => report.prompts.filter((p) => p.file === file && !p.fragmentOf && typeof p.monthlyCost === 'number').reduce((a, p) => a + p.monthlyCost, 0);

describe('scopes in the real VS Code workbench: tests, mocks and a sandbox manifest beside the app code', function () {
  this.timeout(180000);
  let server;
  let browser;
  let wb;
  let report;
  let withTests;
  let failures = 0;

  before(async function () {
    this.timeout(240000);
    assert.ok(fs.existsSync(VSIX), `${VSIX} not found: run npm run package first`);
    fs.mkdirSync(OUT, { recursive: true });
    // No sticky scroll: its header would cover the lines of the faked reply the test reads.
    server = await startCodeServer({ workspaceSource: FIXTURE, vsix: VSIX, userSettings: { 'editor.stickyScroll.enabled': false } });
    report = auditJson(server.workspace);
    withTests = auditJson(server.workspace, ['--include-tests']);
    // Preconditions the checks below rely on: the fixture has test prompts, and they change the total.
    assert.ok(report.totals.tests.prompts > 0, 'the fixture has prompts in test files');
    assert.notStrictEqual(usd(report.totals.monthlyCost), usd(withTests.totals.monthlyCost), 'the test prompts change the total');
    browser = await launchBrowser(path.join(server.runDir, 'browser'));
    browser.page.on('pageerror', (e) => { if (process.env.VERBOSE) console.log('  [pageerror]', String(e).slice(0, 200)); });
    wb = new Workbench(browser.page, { screenshotDir: OUT });
    await browser.page.goto(workbenchUrl(server.base, { folder: server.workspace }));
    await wb.waitReady();
  });

  afterEach(async function () {
    if (this.currentTest && this.currentTest.state === 'failed' && wb) {
      failures++;
      await wb.screenshot(`failed-scopes-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`).catch(() => {});
      await wb.closeWidgets().catch(() => {});
    }
  });

  after(async function () {
    this.timeout(60000);
    if (browser) await browser.close();
    if (server) {
      if (failures) saveFailureLogs(server, path.join(OUT, 'logs-scopes'));
      await server.stop();
    }
  });

  it('shows the inline hint of the application prompt with the CLI token count; the file is not marked test', async () => {
    const cli = promptAt(report, APP, lineOf(server.workspace, APP, 'SYSTEM_PROMPT = """'));
    assert.strictEqual(cli.scope, 'app');
    await wb.openFile(APP, { expectText: 'SYSTEM_PROMPT' });
    const hint = await waitForHint(wb, 'SYSTEM_PROMPT');
    assert.match(hint, numberPattern(cli.inputTokens), `hint "${hint}" does not show the CLI's ${cli.inputTokens} tokens`);
    assert.ok(hint.includes(`${formatUsd(cli.monthlyCost)}/mo`), `hint "${hint}" lacks the CLI's ${formatUsd(cli.monthlyCost)}/mo`);
    const item = wb.statusItem(`${formatUsd(fileTotal(report, APP))}/mo`);
    await item.waitFor({ timeout: 30000 });
    assert.doesNotMatch(squash(await item.innerText()), /\btest\b/, 'an application file is not marked test');
    await wb.screenshot('scopes-app-hint');
  });

  it('a JavaScript file in a sandbox manifest\'s content: gets no hint; the agent instructions beside it do', async () => {
    const instructionsLine = lineOf(server.workspace, SANDBOX, "instructions: 'You finish the order status API");
    const cli = promptAt(report, SANDBOX, instructionsLine);
    await wb.openFile(SANDBOX, { expectText: 'import' });
    // Line 51 centred: the end of the manifest's server.mjs (its `return json(…, 501, …)` lines) is on screen with it.
    await wb.goTo(instructionsLine, 1);
    const hint = await waitForHint(wb, 'instructions:');
    assert.match(hint, numberPattern(cli.inputTokens), `hint "${hint}" does not show the CLI's ${cli.inputTokens} tokens`);
    await wb.page.waitForTimeout(1000); // the hints of the whole range came in one response; give the render a moment
    const manifestLines = ["return json(response, 501, { error: 'not implemented', orderId });", "return json(response, 404, { error: 'not_found'"];
    await assertNoHints(wb, manifestLines, ['instructions:']);
    await wb.screenshot('scopes-sandbox-instructions');
    // The top of the manifest: AGENTS.md and the start of server.mjs as `content:` strings.
    await wb.goTo(18, 1);
    await wb.line("`import http from 'node:http';").waitFor({ timeout: 10000 });
    await wb.page.waitForTimeout(1500);
    await assertNoHints(wb, ['content: AGENTS_MD', "`import http from 'node:http';", "response.writeHead(statusCode, { 'content-type': 'application/json' });"], []);
    await wb.screenshot('scopes-sandbox-manifest');
  });

  it('a mocked model reply gets no hint: the __mocks__ module shows none and "0 prompts"', async () => {
    assert.ok(!report.prompts.some((p) => p.file === MOCK), 'the CLI reports no prompt in the mock');
    await wb.openFile(MOCK, { expectText: 'Manual mock' });
    // "0 prompts" is the server's analysis of this file arriving: no hint can come after it.
    await wb.statusItem('0 prompts').waitFor({ timeout: 30000 });
    await wb.page.waitForTimeout(1000);
    await assertNoHints(wb, ["'You are all set. Summarize the customer problem", "'You are a helpful assistant. Summarize the following text"], []);
    await wb.screenshot('scopes-mock-no-hint');
  });

  it('a test file still shows its own hints, not on the mocked reply or assertion arguments, and its status bar figure is marked test', async () => {
    const prompts = report.prompts.filter((p) => p.file === SPEC);
    assert.ok(prompts.length > 0 && prompts.every((p) => p.scope === 'test'), `the CLI reports test-scope prompts in ${SPEC}`);
    const helloLine = lineOf(server.workspace, SPEC, "summarizeConversation('Customer: hello')");
    const cli = promptAt(report, SPEC, helloLine);
    await wb.openFile(SPEC, { expectText: 'vitest' });
    // Centred between the faked reply (line 20) and the second test's call (line 40): both on screen.
    await wb.goTo(helloLine - 10, 1);
    const hint = await waitForHint(wb, "'Customer: hello'");
    assert.match(hint, numberPattern(cli.inputTokens), `hint "${hint}" does not show the CLI's ${cli.inputTokens} tokens`);
    await waitForHint(wb, "'Customer: I cannot export my invoices.');");
    await wb.page.waitForTimeout(1000);
    // The faked reply of mockResolvedValue, the expected value of toEqual and an object compared with itself.
    await assertNoHints(wb, ["'- Problem: the customer cannot export invoices.", 'expect(summary).toEqual(', "'You are a helpful assistant. Summarize the following conversation"],
      ["'Customer: hello'", "'Customer: I cannot export my invoices.');", "'You are judging summaries."]);
    // statusBar.ts: "test $X/mo" for a test file, its tooltip says it is not in the workspace total.
    const expected = `test ${formatUsd(fileTotal(report, SPEC))}/mo`;
    const item = wb.statusItem(expected);
    await item.waitFor({ timeout: 30000 });
    assert.strictEqual(squash(await item.innerText()), expected);
    await wb.screenshot('scopes-test-file');
  });

  it('the audit from the command palette totals the application prompts only, as the CLI does, and lists the tests apart', async () => {
    const total = report.totals.monthlyCost;
    await wb.openFile(APP, { expectText: 'SYSTEM_PROMPT' });
    await wb.runCommand('Prompt Cost: Audit Workspace');
    const reportText = await waitForFrameText(wb.page, /Prompt cost audit/, 60000);
    const expectedLine = `${usd(total)} per month for ${report.totals.prompts} prompts`;
    assert.ok(reportText.includes(expectedLine), `the report does not say "${expectedLine}":\n${reportText.slice(0, 500)}`);
    const withTestsLine = `${usd(withTests.totals.monthlyCost)} per month for ${withTests.totals.prompts} prompts`;
    assert.ok(!reportText.includes(withTestsLine), `the report counts the tests: "${withTestsLine}"`);
    const tests = report.totals.tests;
    assert.ok(reportText.includes(`Tests and fixtures hold ${tests.prompts} more prompts (${usd(tests.monthlyCost)} per month)`),
      `the report does not set the ${tests.prompts} test prompts apart:\n${reportText.slice(0, 500)}`);
    // The by-file table names application files only; the test files are in their own section.
    const byFile = reportText.slice(reportText.indexOf('By file'), reportText.indexOf('Most expensive prompts'));
    assert.ok(byFile.includes('app/support_agent.py'), `by-file section: ${byFile}`);
    for (const f of TEST_FILES) assert.ok(!byFile.includes(f), `${f} is in the by-file table: ${byFile}`);
    const testsSection = reportText.slice(reportText.lastIndexOf('Tests and fixtures'));
    for (const f of TEST_FILES) assert.ok(testsSection.includes(f), `${f} is not in the tests section: ${testsSection.slice(0, 400)}`);
    await wb.statusItem(`workspace ${formatUsd(total)}/mo`).waitFor({ timeout: 20000 });
    await wb.screenshot('scopes-audit-report');
    // The report's own section for the tests, scrolled into view for the second screenshot.
    for (const frame of wb.page.frames()) {
      await frame.evaluate(() => [...document.querySelectorAll('h2')].find((h) => /Tests and fixtures/.test(h.textContent || ''))?.scrollIntoView()).catch(() => {});
    }
    await wb.page.waitForTimeout(500);
    await wb.screenshot('scopes-audit-tests-section');
  });
});

/**
 * Asserts that each line holding one of `bare` is on screen and carries no hint, and that each of `hinted` carries
 * one (the control: the server's hints for this range have arrived). Rendered lines only: scroll first.
 */
async function assertNoHints(wb, bare, hinted) {
  const lines = (await wb.page.locator('.editor-group-container.active .editor-instance .view-line').allInnerTexts()).map(squash);
  for (const text of bare) {
    const holding = lines.filter((l) => l.includes(squash(text)));
    assert.ok(holding.length > 0, `"${text}" is not on screen; lines: ${lines.join('\n')}`);
    for (const line of holding) assert.doesNotMatch(line, HINT, `a hint on code that is no prompt: "${line}"`);
  }
  for (const text of hinted) {
    const line = lines.find((l) => l.includes(squash(text)));
    assert.ok(line !== undefined && HINT.test(line), `no hint on "${text}": "${line}"`);
  }
  const unexpected = lines.filter((l) => HINT.test(l) && !hinted.some((t) => l.includes(squash(t))));
  assert.deepStrictEqual(unexpected, [], 'hints on lines that hold no expected prompt');
}

/**
 * The hint on the rendered line holding `lineText` once one shows (`61 in + ≈250 out … $4.77/mo`): the server places it
 * at the line's end or, when that is out of sight, before the literal, so it is looked for anywhere on the line.
 */
async function waitForHint(wb, lineText, timeout = 60000) {
  const end = Date.now() + timeout;
  let line = '';
  while (Date.now() < end) {
    line = squash(await wb.line(lineText).innerText().catch(() => ''));
    const hint = HINT_TEXT.exec(line);
    if (hint) return hint[0];
    await wb.page.waitForTimeout(300);
  }
  throw new Error(`no hint on the line with "${lineText}" within ${timeout / 1000}s (line: "${line}")`);
}

/** The text of the first webview frame whose body matches `pattern` (the audit report renders in a Markdown preview). */
async function waitForFrameText(page, pattern, timeout = 30000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const text = await frame.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
      if (pattern.test(text)) return squash(text);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no frame showed ${pattern} within ${timeout / 1000}s`);
}
