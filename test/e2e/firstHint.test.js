// Time to the first inline hint in the real workbench (issue 17): from the editor showing a 5,000-line Python file (50
// prompts, the server bench's file) to its first inlay hint on screen — once with the extension not yet active (the
// first Python file opened activates it: activation, client and server start, first analysis) and once with it
// already active (a second such file). Bars (judged by npm run bench): ≤ 2 s and ≤ 1 s. Both moments are taken inside the page by a
// MutationObserver (performance.now()), so the test's own polling adds nothing. The figures, and the language client's
// trace of the requests in between (where the time goes), are written to test-output/e2e/first-hint.json, which
// `npm run bench` reports (test/bench/workbench.bench.ts).
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer, extensionHostLogs } = require('./lib/codeServer');
const { launchBrowser, workbenchUrl } = require('./lib/browser');
const { Workbench } = require('./lib/workbench');
const { ROOT } = require('./lib/expected');
const { bigPythonFile } = require('../bench/server.bench');

const VSIX = path.resolve(process.env.PCL_VSIX || path.join(ROOT, 'prompt-cost-lens.vsix'));
const OUT = path.join(ROOT, 'test-output', 'e2e');
const RESULT_FILE = path.join(OUT, 'first-hint.json');
const FILES = [
  { name: 'routing_a.py', seed: 1000 },
  { name: 'routing_b.py', seed: 2000 },
];

describe('time to the first inline hint in the real workbench (5,000-line file)', function () {
  this.timeout(240000);
  let server;
  let browser;
  let wb;
  let source;

  before(async function () {
    assert.ok(fs.existsSync(VSIX), `${VSIX} not found: run npm run package first`);
    fs.mkdirSync(OUT, { recursive: true });
    source = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-first-hint-'));
    const folder = path.join(source, 'routing');
    fs.mkdirSync(folder);
    for (const f of FILES) fs.writeFileSync(path.join(folder, f.name), bigPythonFile(f.seed).text);
    // The client's trace ("Received response 'textDocument/inlayHint …' in N ms") says where the time goes.
    server = await startCodeServer({ workspaceSource: folder, vsix: VSIX, userSettings: { 'promptCost.trace.server': 'messages' } });
    browser = await launchBrowser(path.join(server.runDir, 'browser'));
    wb = new Workbench(browser.page, { screenshotDir: OUT });
    await browser.page.goto(workbenchUrl(server.base, { folder: server.workspace }));
    await wb.waitReady();
    // Record, for each file, when its first prompt line is on screen and when a hint shows on it.
    await browser.page.evaluate((files) => {
      const seen = (window.__pclFirstHint = {});
      const check = () => {
        const now = performance.now();
        for (const f of files) {
          const marker = `assistant number ${f.seed} for`;
          // Monaco renders spaces as no-break spaces: compare with whitespace squashed.
          const texts = [...document.querySelectorAll('.editor-group-container.active .editor-instance .view-line')].map((l) => (l.textContent || '').replace(/\s+/g, ' '));
          const line = texts.find((t) => t.includes(marker));
          if (line === undefined) continue;
          const entry = (seen[f.name] ??= { shownAt: now, shownWall: Date.now() });
          if (entry.hintAt === undefined && /\d in \+ /.test(line)) Object.assign(entry, { hintAt: now, hintWall: Date.now() });
        }
      };
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, FILES);
  });

  after(async function () {
    this.timeout(60000);
    if (browser) await browser.close();
    if (server) await server.stop();
    if (source) fs.rmSync(source, { recursive: true, force: true });
  });

  it('shows the first hint of a 5,000-line file, cold and warm, and writes the timings for npm run bench', async () => {
    const measured = {};
    const walls = {};
    for (const f of FILES) {
      await wb.openFile(f.name, { expectText: `assistant number ${f.seed} for` });
      const end = Date.now() + 60000;
      let entry;
      while (Date.now() < end) {
        entry = await wb.page.evaluate((name) => window.__pclFirstHint[name], f.name);
        if (entry && entry.hintAt !== undefined) break;
        await wb.page.waitForTimeout(100);
      }
      assert.ok(entry && entry.hintAt !== undefined, `no hint in ${f.name} within 60 s`);
      measured[f.name] = Math.round(entry.hintAt - entry.shownAt);
      walls[f.name] = entry;
      await wb.screenshot(`first-hint-${path.basename(f.name, '.py')}`);
    }
    const [cold, warm] = FILES.map((f) => measured[f.name]);
    const trace = traceSummary(server.runDir);
    // Where the cold time goes: the extension host logs when it activates the extension (ms timestamps).
    const activatedAt = activationTime(server.runDir);
    const first = walls[FILES[0].name];
    const activationMs = activatedAt !== undefined ? activatedAt - first.shownWall : undefined;
    const result = { date: new Date().toISOString(), lines: 5000, prompts: 50, coldMs: cold, warmMs: warm, load: os.loadavg()[0], shownToActivationMs: activationMs, trace };
    fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`      first hint: ${cold} ms including activation, ${warm} ms with the extension active (load ${os.loadavg()[0].toFixed(1)})`);
    // The bars are judged by `npm run bench` (workbench.bench.ts, pass/fail per row): on a shared, loaded machine a
    // timing assertion here would fail the suite for the machine's sake. This test fails when no hint shows at all.
  });
});

/** The language client's trace lines with a duration (responses), from the extension host's output logs. */
function traceSummary(runDir) {
  const lines = [];
  for (const file of extensionHostLogs(runDir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/Received response '([^']+)' in (\d+)ms/g)) lines.push({ request: m[1], ms: Number(m[2]) });
  }
  return lines.filter((l) => /inlayHint|initialize|semanticTokens/.test(l.request)).slice(0, 20);
}

/** When the extension host started activating this extension (epoch ms), from its log's local-time timestamps. */
function activationTime(runDir) {
  for (const file of extensionHostLogs(runDir)) {
    const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) .*_doActivateExtension prompt-cost-lens/m.exec(fs.readFileSync(file, 'utf8'));
    if (m) return new Date(`${m[1]}T${m[2]}`).getTime();
  }
  return undefined;
}
