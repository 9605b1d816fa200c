// Drives the code-server workbench with Debian's chromium through playwright-core, and runs mocha suites inside the
// extension host through the workbench's test hooks (the same contract desktop VS Code offers runTests()).
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const { chromium } = require('playwright-core');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Root needs --no-sandbox; /dev/shm is small in containers; no GPU here; no network chatter (offline machine).
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** A headless chromium with a throwaway profile inside `stateDir` (crashpad and caches too, so $HOME stays clean). */
async function launchBrowser(stateDir) {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  fs.mkdirSync(stateDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(stateDir, 'chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1500, height: 950 },
    args: CHROME_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(stateDir, 'chrome-xdg-config'), XDG_CACHE_HOME: path.join(stateDir, 'chrome-xdg-cache') },
  });
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  return { context, page, close };
}

/**
 * The workbench URL for a folder. Extension development/test paths and a file to open go in the `payload` query
 * parameter as vscode-remote URIs (server-side paths), which is how code-server passes them to the workbench.
 */
function workbenchUrl(base, { folder, devPaths = [], testsPath, openFile } = {}) {
  const host = new URL(base).host;
  const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
  const payload = devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  const q = [folder ? `folder=${encodeURIComponent(path.resolve(folder))}` : 'ew=true'];
  if (payload.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${base}/?${q.join('&')}`;
}

// Offline, the workbench logs failed marketplace look-ups and info chatter; they hide the test output.
const NOISE = /open-vsx\.org|ENOTFOUND|marketplace|ERR_NAME_NOT_RESOLVED/;
const INFO_NOISE = /^(Resolv|Creating a socket|Updating additional|ChatSessionStore|\[Service Worker\])/;

/**
 * Loads the mocha `run()` at `testsPath` in the extension host and resolves with the exit code the workbench reports
 * through `codeAutomationExit` (0 = all passed), or 'timeout'.
 */
async function runExtensionTests({ base, folder, devPaths, testsPath, stateDir, timeoutMs = 300000, screenshotOnFail,
  verbose = !!process.env.VERBOSE }) {
  const b = await launchBrowser(stateDir);
  try {
    let done;
    const exited = new Promise((r) => (done = r));
    await b.page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(args || []));
      if (!verbose && (NOISE.test(line) || (type === 'info' && INFO_NOISE.test(line)))) return;
      (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
    });
    await b.page.exposeFunction('codeAutomationExit', (code) => done(code));
    await b.page.goto(workbenchUrl(base, { folder, devPaths, testsPath }));
    let timer;
    const code = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)))]);
    clearTimeout(timer);
    if (code !== 0 && screenshotOnFail) await b.page.screenshot({ path: screenshotOnFail }).catch(() => {});
    return code;
  } finally {
    await b.close();
  }
}

module.exports = { CHROMIUM_PATH, CHROME_ARGS, launchBrowser, workbenchUrl, runExtensionTests };
