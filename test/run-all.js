#!/usr/bin/env node
// `npm test`: every suite, in order, with one summary line at the end.
//   build → unit + protocol (mocha, .mocharc.json) → package the .vsix → packaging test →
//   real-workbench set-up (code-server, Debian packages) → e2e in the workbench → in-host suite via runTests()
// Each suite prints its own output; the counts come from mocha's spec summary (or a `PCL-RESULT {json}` line from the
// in-host runner). A step that is not a test suite (build, package, set-up) counts as one failure when it fails, and
// the suites that need it are reported as not run (also one failure each), so a broken build never looks green.
// Ends with `N passed, N failed` and exits 1 on any failure.
// Options: --skip-e2e (no workbench: unit, protocol and packaging only), --only=<suite name>[,<suite name>…],
//          --e2e-files=<name>[,<name>…] (the e2e suite runs only test/e2e/<name>.test.js, e.g. firstHint)
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const MOCHA = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const args = process.argv.slice(2);
const skipE2e = args.includes('--skip-e2e') || process.env.PCL_SKIP_E2E === '1';
const only = (args.find((a) => a.startsWith('--only=')) || '').slice('--only='.length).split(',').filter(Boolean);
const e2eFiles = (args.find((a) => a.startsWith('--e2e-files=')) || '').slice('--e2e-files='.length).split(',').filter(Boolean)
  .map((name) => `test/e2e/${name}.test.js`);

/** Runs a command with inherited stdin, streaming its output while keeping a copy to parse. */
function run(cmd, cmdArgs, { env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('error', (e) => { out += String(e); resolve({ code: 127, out }); });
    child.on('close', (code, signal) => resolve({ code: code === null ? 128 : code, signal, out }));
  });
}

/** Counts from mocha's spec reporter summary ("  12 passing (3s)", "  2 failing", "  1 pending"), or PCL-RESULT. */
function parseCounts(out) {
  const result = /^PCL-RESULT (\{.*\})\s*$/m.exec(out);
  if (result) {
    const r = JSON.parse(result[1]);
    return { passed: r.passed, failed: r.failed, pending: r.pending || 0 };
  }
  const num = (re) => { const all = [...out.matchAll(re)]; return all.length ? Number(all[all.length - 1][1]) : undefined; };
  const passed = num(/^\s*(\d+) passing\b/gm);
  if (passed === undefined) return undefined;
  return { passed, failed: num(/^\s*(\d+) failing\b/gm) || 0, pending: num(/^\s*(\d+) pending\b/gm) || 0 };
}

const mochaE2e = ['--no-config', '--require', 'tsx/cjs', '--reporter', 'spec', '--timeout', '180000', '--slow', '30000'];

/** name, kind ('step' = prerequisite, 'suite' = tests), command, and which earlier step it needs. */
const PLAN = [
  { name: 'build', kind: 'step', cmd: [process.execPath, ['esbuild.js']] },
  { name: 'unit+protocol', kind: 'suite', needs: ['build'], cmd: [process.execPath, [MOCHA, '--reporter', 'spec']] },
  { name: 'package', kind: 'step', needs: ['build'], cmd: ['npm', ['run', '--silent', 'package']] },
  { name: 'packaging', kind: 'suite', needs: ['package'], cmd: [process.execPath, [MOCHA, '--no-config', '--reporter', 'spec', 'test/packaging/*.test.js']] },
  { name: 'workbench-setup', kind: 'step', e2e: true, cmd: ['bash', ['test/e2e/setup-vscode.sh']] },
  { name: 'e2e', kind: 'suite', e2e: true, needs: ['package', 'workbench-setup'], cmd: [process.execPath, [MOCHA, ...mochaE2e, ...(e2eFiles.length ? e2eFiles : ['test/e2e/*.test.js'])]] },
  { name: 'vscode-host', kind: 'suite', e2e: true, needs: ['build', 'workbench-setup'], cmd: [process.execPath, ['test/vscode-host/runTests.js']] },
];

(async () => {
  const t0 = Date.now();
  const results = [];
  const ok = new Map();
  // With --only, run the chosen suites and, transitively, the steps they need.
  const wanted = new Set(only);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of PLAN) for (const n of wanted.has(p.name) ? p.needs || [] : []) if (!wanted.has(n)) { wanted.add(n); grew = true; }
  }
  for (const item of PLAN) {
    if (skipE2e && item.e2e) continue;
    if (only.length && !wanted.has(item.name)) continue;
    const blocked = (item.needs || []).filter((n) => ok.has(n) && !ok.get(n));
    if (blocked.length) {
      console.log(`\n=== ${item.name}: not run (${blocked.join(', ')} failed)`);
      results.push({ name: item.name, passed: 0, failed: 1, pending: 0, note: `not run: ${blocked.join(', ')} failed`, ms: 0 });
      ok.set(item.name, false);
      continue;
    }
    console.log(`\n=== ${item.name}`);
    const s = Date.now();
    const r = await run(item.cmd[0], item.cmd[1]);
    const ms = Date.now() - s;
    if (item.kind === 'step') {
      ok.set(item.name, r.code === 0);
      if (r.code !== 0) results.push({ name: item.name, passed: 0, failed: 1, pending: 0, note: `exit ${r.code}`, ms });
      else results.push({ name: item.name, step: true, ms });
      continue;
    }
    let counts = parseCounts(r.out);
    let note = '';
    if (!counts) { counts = { passed: 0, failed: 1, pending: 0 }; note = `no test summary (exit ${r.code})`; }
    else if (r.code !== 0 && counts.failed === 0) { counts.failed = 1; note = `exit ${r.code} with no failing test`; }
    ok.set(item.name, r.code === 0);
    results.push({ name: item.name, ...counts, note, ms });
  }

  console.log('\n=== summary');
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const secs = `${(r.ms / 1000).toFixed(1)}s`;
    if (r.step) { console.log(`  ${r.name.padEnd(16)} ok  ${secs}`); continue; }
    passed += r.passed;
    failed += r.failed;
    const pend = r.pending ? `, ${r.pending} pending` : '';
    console.log(`  ${r.name.padEnd(16)} ${r.passed} passed, ${r.failed} failed${pend}  ${secs}${r.note ? `  (${r.note})` : ''}`);
  }
  if (skipE2e) console.log('  (end-to-end suites skipped: --skip-e2e)');
  console.log(`  total time ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-output', 'summary.json'), JSON.stringify({ passed, failed, suites: results }, null, 2));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
})();
