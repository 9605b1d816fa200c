// Time to the first inline hint in the real workbench (issue 17): from the editor showing a 5,000-line Python file (50
// prompts, the server bench's file) to its first inlay hint on screen — once with the extension not yet active (the
// first Python file opened activates it: activation, client and server start, first analysis) and once with it
// already active (a second such file). Bars (judged by npm run bench): ≤ 2 s and ≤ 1 s. Both moments are taken inside
// the page by a MutationObserver (performance.now()), so the test's own polling adds nothing.
// Where the time goes: the extension host's log (activation) and the `[timing]` lines the client and the server write
// to the output channel with `promptCost.trace.server` on (client/src/startupTrace.ts, server/src/lsp/
// startupTimeline.ts) give each step's wall-clock time; every step is reported as ms after the file was shown.
// PCL_FIRST_HINT_ROUNDS=N measures N fresh workbenches (default 1) and reports medians; PCL_FIRST_HINT_COMPARE=<vsix>
// alternates rounds between the packaged .vsix and that one (A/B under the same load; "before" figures).
// Written to test-output/e2e/first-hint.json, which `npm run bench` reports (test/bench/workbench.bench.ts).
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer, extensionHostLogs, saveFailureLogs } = require('./lib/codeServer');
const { launchBrowser, workbenchUrl } = require('./lib/browser');
const { Workbench } = require('./lib/workbench');
const { ROOT } = require('./lib/expected');
const { bigPythonFile } = require('../bench/server.bench');
const { coldSteps, warmSteps, median, stepMedians, timingMarks } = require('./lib/startupSteps');

const VSIX = path.resolve(process.env.PCL_VSIX || path.join(ROOT, 'prompt-cost-lens.vsix'));
const COMPARE_VSIX = process.env.PCL_FIRST_HINT_COMPARE ? path.resolve(process.env.PCL_FIRST_HINT_COMPARE) : undefined;
const ROUNDS = Math.max(1, Number(process.env.PCL_FIRST_HINT_ROUNDS) || 1);
const OUT = path.join(ROOT, 'test-output', 'e2e');
const RESULT_FILE = path.join(OUT, 'first-hint.json');
const FILES = [
  { name: 'routing_a.py', seed: 1000 },
  { name: 'routing_b.py', seed: 2000 },
];

describe('time to the first inline hint in the real workbench (5,000-line file)', function () {
  this.timeout(240000 * ROUNDS * (COMPARE_VSIX ? 2 : 1));
  let source;

  before(function () {
    assert.ok(fs.existsSync(VSIX), `${VSIX} not found: run npm run package first`);
    if (COMPARE_VSIX) assert.ok(fs.existsSync(COMPARE_VSIX), `${COMPARE_VSIX} (PCL_FIRST_HINT_COMPARE) not found`);
    fs.mkdirSync(OUT, { recursive: true });
    source = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-first-hint-'));
    const folder = path.join(source, 'routing');
    fs.mkdirSync(folder);
    for (const f of FILES) fs.writeFileSync(path.join(folder, f.name), bigPythonFile(f.seed).text);
  });

  after(function () {
    if (source) fs.rmSync(source, { recursive: true, force: true });
  });

  it('shows the first hint of a 5,000-line file, cold and warm, and writes the timings for npm run bench', async () => {
    const variants = COMPARE_VSIX ? [{ label: 'this build', vsix: VSIX }, { label: 'compared', vsix: COMPARE_VSIX }] : [{ label: 'this build', vsix: VSIX }];
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternating which variant goes first spreads a load trend over both.
      const order = i % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) {
        const r = await measureRound(path.join(source, 'routing'), v.vsix, i === 0 && v === variants[0]);
        rounds.push({ variant: v.label, ...r });
        console.log(`      round ${i + 1} (${v.label}): cold ${r.coldMs} ms, warm ${r.warmMs} ms (load ${r.load.toFixed(1)})`);
        // Kept as they come: a later round that fails (a page that does not load on a loaded machine) loses nothing.
        fs.writeFileSync(`${RESULT_FILE}.rounds`, `${JSON.stringify(rounds, null, 2)}\n`);
      }
    }
    const summary = (label) => {
      const mine = rounds.filter((r) => r.variant === label);
      return {
        runs: mine.length,
        coldMs: median(mine.map((r) => r.coldMs)),
        warmMs: median(mine.map((r) => r.warmMs)),
        coldSteps: stepMedians(mine.map((r) => r.coldSteps)),
        warmSteps: stepMedians(mine.map((r) => r.warmSteps)),
      };
    };
    const mine = summary('this build');
    const result = {
      date: new Date().toISOString(), lines: 5000, prompts: 50, ...mine,
      load: median(rounds.map((r) => r.load)),
      ...(COMPARE_VSIX ? { compared: { vsix: path.basename(COMPARE_VSIX), ...summary('compared') } } : {}),
      rounds,
    };
    fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`      first hint, median of ${mine.runs}: ${mine.coldMs} ms including activation, ${mine.warmMs} ms with the extension active (load ${result.load.toFixed(1)})`);
    if (result.compared) console.log(`      compared (${result.compared.vsix}), median of ${result.compared.runs}: ${result.compared.coldMs} ms / ${result.compared.warmMs} ms`);
    // The bars are judged by `npm run bench` (workbench.bench.ts, pass/fail per row): on a shared, loaded machine a
    // timing assertion here would fail the suite for the machine's sake. This test fails when no hint shows at all.
  });
});

/** One fresh workbench: opens the two files in turn, returns both times and the steps between. */
async function measureRound(folder, vsix, screenshots) {
  const server = await startCodeServer({ workspaceSource: folder, vsix, userSettings: { 'promptCost.trace.server': 'messages' } });
  let browser;
  try {
    browser = await launchBrowser(path.join(server.runDir, 'browser'));
    const wb = new Workbench(browser.page, { screenshotDir: OUT });
    // The workbench's first load can take more than playwright's default 30 s on a loaded machine.
    await browser.page.goto(workbenchUrl(server.base, { folder: server.workspace }), { timeout: 120000 });
    await wb.waitReady();
    await watchFirstHints(browser.page);
    const entries = {};
    for (const f of FILES) {
      await wb.openFile(f.name, { expectText: `assistant number ${f.seed} for` });
      const end = Date.now() + 60000;
      let entry;
      while (Date.now() < end) {
        entry = await wb.page.evaluate((name) => window.__pclFirstHint[name], f.name);
        if (entry && entry.hintAt !== undefined) break;
        await wb.page.waitForTimeout(100);
      }
      if (!entry || entry.hintAt === undefined) saveFailureLogs(server, path.join(OUT, 'first-hint-failure-logs'));
      assert.ok(entry && entry.hintAt !== undefined, `no hint in ${f.name} within 60 s`);
      entries[f.name] = entry;
      if (screenshots) await wb.screenshot(`first-hint-${path.basename(f.name, '.py')}`);
    }
    // The output channel's log file is written a moment after the lines are appended.
    await browser.page.waitForTimeout(1500);
    const logs = extensionHostLogs(server.runDir).map((file) => fs.readFileSync(file, 'utf8'));
    const [cold, warm] = FILES.map((f) => entries[f.name]);
    const uriOf = (name) => new URL(`file://${path.join(server.workspace, name)}`).href;
    return {
      // Every mark as ms after the cold file was shown, for a look at what one round did (refreshes, empty answers).
      marks: timingMarks(logs).map((m) => `${m.at - cold.shownWall} ${m.event}${m.uri ? ` ${path.basename(m.uri)}` : ''}`),
      coldMs: Math.round(cold.hintAt - cold.shownAt),
      warmMs: Math.round(warm.hintAt - warm.shownAt),
      load: os.loadavg()[0],
      coldSteps: coldSteps(logs, cold, uriOf(FILES[0].name)),
      warmSteps: warmSteps(logs, warm, uriOf(FILES[1].name)),
    };
  } finally {
    if (browser) await browser.close();
    await server.stop();
  }
}

/** Records, for each file, when its first prompt line is on screen and when a hint shows on it (page clock + wall). */
function watchFirstHints(page) {
  return page.evaluate((files) => {
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
}
