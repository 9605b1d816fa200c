// The figures the editor must show, taken from the command-line audit of the same folder (`prompt-cost audit
// --format json`): the server and the CLI share one engine, so the editor and the CLI must agree to the token.
'use strict';
const { execFile, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/**
 * Runs the CLI audit on `folder` and returns the parsed JSON report. Exit 1 (findings) is a normal outcome.
 * By default from inside the folder (`prompt-cost audit .`: paths relative to it, like the editor's workspace folder);
 * `fromParent` runs `prompt-cost audit <name>` from its parent instead, as `npm run demo` audits examples/.
 */
function auditJson(folder, extraArgs = [], { fromParent = false } = {}) {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build first (node esbuild.js)`);
  const cwd = fromParent ? path.dirname(folder) : folder;
  const target = fromParent ? path.basename(folder) : '.';
  // Inside a desktop extension host process.execPath is Electron: ELECTRON_RUN_AS_NODE makes it plain Node.
  const r = spawnSync(process.execPath, [CLI, 'audit', target, '--format', 'json', ...extraArgs],
    { cwd, encoding: 'utf8', timeout: 120000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`prompt-cost audit exited ${r.status}: ${r.stderr}`);
  try {
    return JSON.parse(r.stdout);
  } catch (e) {
    throw new Error(`prompt-cost audit did not print JSON: ${String(r.stdout).slice(0, 300)} ${r.stderr}`);
  }
}

/** Same as auditJson without blocking the caller (the extension host must stay responsive). */
function auditJsonAsync(folder, extraArgs = []) {
  if (!fs.existsSync(CLI)) return Promise.reject(new Error(`${CLI} is missing: build first (node esbuild.js)`));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, 'audit', '.', '--format', 'json', ...extraArgs],
      { cwd: folder, encoding: 'utf8', timeout: 120000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
      (error, stdout, stderr) => {
        if (error && error.code !== 1) return reject(new Error(`prompt-cost audit failed (${error.code}): ${stderr}`));
        try {
          resolve(JSON.parse(stdout));
        } catch {
          reject(new Error(`prompt-cost audit did not print JSON: ${String(stdout).slice(0, 300)} ${stderr}`));
        }
      });
  });
}

/** The report's prompt in `file` (relative, `/` separators) whose lines include `line` (1-based). */
function promptAt(report, file, line) {
  const p = (report.prompts || []).find((x) => x.file === file && x.startLine <= line && line <= x.endLine);
  if (!p) {
    const inFile = (report.prompts || []).filter((x) => x.file === file).map((x) => `${x.startLine}-${x.endLine}`);
    throw new Error(`the CLI reports no prompt in ${file} at line ${line} (prompts there: ${inFile.join(', ') || 'none'})`);
  }
  return p;
}

/** 1-based number of the first line of `file` containing `needle`. */
function lineOf(folder, file, needle) {
  const lines = fs.readFileSync(path.join(folder, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not found in ${file}`);
  return i + 1;
}

/** Formats an integer the way a hint may print it: 1234 → ["1234", "1,234"]. */
function integerForms(n) {
  return [String(n), Number(n).toLocaleString('en-US')];
}

/** A whole number as the hint may print it, not as part of a larger number. */
function numberPattern(n) {
  return new RegExp(`(^|[^\\d.,])(${integerForms(n).map((f) => f.replace(/,/g, '\\,')).join('|')})(?![\\d,])`);
}

module.exports = { ROOT, CLI, auditJson, auditJsonAsync, promptAt, lineOf, integerForms, numberPattern };
