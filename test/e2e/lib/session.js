// One real workbench per describe block: code-server with the packaged .vsix on a fresh copy of a fixture folder, a
// browser on it, and the CLI audit of that same copy (the expected figures). On a failed test: a screenshot, and the
// server's logs once the block ends. Mocha hooks, so call it inside `describe`.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { startCodeServer, saveFailureLogs } = require('./codeServer');
const { launchBrowser, workbenchUrl } = require('./browser');
const { Workbench } = require('./workbench');
const { ROOT, auditJson } = require('./expected');

const VSIX = path.resolve(process.env.PCL_VSIX || path.join(ROOT, 'prompt-cost-lens.vsix'));
const OUT = path.join(ROOT, 'test-output', 'e2e');

/** Returns an object whose `server`, `browser`, `wb` and `report` are set once the `before` hook has run. */
function useWorkbench({ fixture, logsName }) {
  const session = { out: OUT };
  let failed = false;

  before(async function () {
    this.timeout(240000);
    assert.ok(fs.existsSync(VSIX), `${VSIX} not found: run npm run package first`);
    fs.mkdirSync(OUT, { recursive: true });
    session.server = await startCodeServer({ workspaceSource: fixture, vsix: VSIX });
    session.report = auditJson(session.server.workspace);
    session.browser = await launchBrowser(path.join(session.server.runDir, 'browser'));
    session.wb = new Workbench(session.browser.page, { screenshotDir: OUT });
    await session.browser.page.goto(workbenchUrl(session.server.base, { folder: session.server.workspace }));
    await session.wb.waitReady();
  });

  afterEach(async function () {
    if (this.currentTest && this.currentTest.state === 'failed' && session.wb) {
      failed = true;
      await session.wb.screenshot(`failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => {});
      await session.wb.closeWidgets().catch(() => {});
    }
  });

  after(async function () {
    this.timeout(60000);
    if (session.browser) await session.browser.close();
    if (session.server) {
      if (failed) saveFailureLogs(session.server, path.join(OUT, logsName));
      await session.server.stop();
    }
  });

  return session;
}

module.exports = { useWorkbench, VSIX, OUT };
