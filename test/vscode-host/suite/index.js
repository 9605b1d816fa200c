// Mocha entry point loaded INSIDE the extension host (the extensionTestsPath contract of @vscode/test-electron).
// Besides the usual pass/fail promise it writes the counts to $PCL_HOST_RESULTS, so the runner can report them.
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const failures = [];
    let runner;
    try {
      runner = mocha.run((failed) => {
        const stats = runner.stats || {};
        const result = { passed: stats.passes || 0, failed: failed, pending: stats.pending || 0, failures };
        if (process.env.PCL_HOST_RESULTS) fs.writeFileSync(process.env.PCL_HOST_RESULTS, JSON.stringify(result, null, 2));
        if (failed > 0) reject(new Error(`${failed} in-host tests failed.`));
        else resolve();
      });
      runner.on('fail', (test, err) => failures.push({ title: test.fullTitle(), message: String(err && err.message) }));
    } catch (err) {
      reject(err);
    }
  });
};
