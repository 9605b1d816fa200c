#!/usr/bin/env node
// Stand-in for the VS Code executable, so that @vscode/test-electron's runTests({ vscodeExecutablePath }) works on a
// machine that cannot download desktop VS Code. It takes the Electron-style command line runTests builds
// (--extensionTestsPath= --extensionDevelopmentPath= --user-data-dir= --extensions-dir= [folder]; other flags are
// ignored), starts code-server 4.100.3 (= VS Code 1.100.3) on a free 127.0.0.1 port with the environment it was given
// (so runTests' extensionTestsEnv reaches the extension host), runs the tests in headless chromium through the
// workbench's test hooks, and exits with their code. It stops code-server's whole process group before exiting.
'use strict';
const fs = require('fs');
const path = require('path');
const { startCodeServer, makeRunDir } = require('../e2e/lib/codeServer');
const { runExtensionTests } = require('../e2e/lib/browser');

const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'folder-uri', 'locale']);

function parseArgs(argv) {
  const opts = { devPaths: [], positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) { opts.positional.push(argv[i]); continue; }
    const [, key, inline] = m;
    const value = inline !== undefined ? inline : VALUE_FLAGS.has(key) ? argv[++i] : true;
    if (key === 'extensionDevelopmentPath') opts.devPaths.push(value);
    else if (key === 'extensionTestsPath') opts.testsPath = value;
    else if (key === 'user-data-dir') opts.userDataDir = value;
    else if (key === 'extensions-dir') opts.extensionsDir = value;
  }
  return opts;
}

(async () => {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.testsPath) {
    console.error('code-shim: only test runs (--extensionTestsPath) are supported');
    process.exit(2);
  }
  // The run folder holds code-server's own state (config, log, XDG dirs); user data and extensions go where runTests asked.
  const runDir = makeRunDir('shim-');
  let server;
  let code = 1;
  const stop = async () => { if (server) await server.stop(); else fs.rmSync(runDir, { recursive: true, force: true }); };
  process.on('SIGINT', () => { stop().then(() => process.exit(130)); });
  process.on('SIGTERM', () => { stop().then(() => process.exit(143)); });
  try {
    server = await startCodeServer({ runDir, userDataDir: opts.userDataDir, extensionsDir: opts.extensionsDir });
    const folder = opts.positional[0] ? path.resolve(opts.positional[0]) : undefined;
    code = await runExtensionTests({ base: server.base, folder, devPaths: opts.devPaths, testsPath: opts.testsPath,
      stateDir: path.join(runDir, 'browser'), timeoutMs: +(process.env.PCL_HOST_TIMEOUT_MS || 300000) });
    if (typeof code !== 'number') {
      console.error(`code-shim: the tests did not finish (${code})`);
      code = 1;
    }
  } catch (e) {
    console.error('code-shim:', e && e.stack ? e.stack : e);
    code = 1;
  } finally {
    await stop();
  }
  process.exit(code);
})();
