#!/usr/bin/env node
// Runs the in-host mocha suite (suite/*.test.js) with the standard @vscode/test-electron runTests() call. Only
// vscodeExecutablePath differs from a desktop set-up: it points at code-shim.js, which runs code-server (VS Code
// 1.100.3) because desktop VS Code cannot be downloaded here. Where it can, drop vscodeExecutablePath and the same
// call downloads and runs desktop VS Code. The workspace is a fresh copy of examples/; all state is thrown away.
// Prints `PCL-RESULT {"passed":N,"failed":N,...}` for test/run-all.js.
'use strict';
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { makeRunDir } = require('../e2e/lib/codeServer');

const ROOT = path.resolve(__dirname, '..', '..');

(async () => {
  const runDir = makeRunDir('rt-');
  const workspace = path.join(runDir, 'examples');
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  const resultsFile = path.join(runDir, 'results.json');
  let exitCode = 0;
  try {
    await runTests({
      vscodeExecutablePath: path.join(__dirname, 'code-shim.js'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${path.join(runDir, 'udd')}`, `--extensions-dir=${path.join(runDir, 'ext')}`],
      extensionTestsEnv: { PCL_HOST_RESULTS: resultsFile, PCL_REPO_ROOT: ROOT },
    });
  } catch (err) {
    console.error(`runTests: ${err && err.message}`);
    exitCode = 1;
  }
  let result = { passed: 0, failed: 1, pending: 0, failures: [{ title: 'in-host suite', message: 'no results (the suite did not run to the end)' }] };
  if (fs.existsSync(resultsFile)) result = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  if (result.failed > 0) exitCode = 1;
  console.log(`PCL-RESULT ${JSON.stringify({ passed: result.passed, failed: result.failed, pending: result.pending })}`);
  if (!process.env.PCL_KEEP_RUN) fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  process.exit(exitCode);
})();
