// The npm package as users install it: `npm pack` (package.json `files`, `prepack` builds the production bundles)
// gives a tarball with no runtime dependencies — the CLI, the language server and their runtime assets are bundled —
// that installs into an empty folder with the network off and an EMPTY npm cache, and whose `npx prompt-cost`
// audits examples/. Prints the tarball's size. Needs npm (it ships with Node).
'use strict';
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

function run(cmd, args, cwd, env = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout || '', stderr: (r.stderr || '') + (r.error ? String(r.error) : '') };
}

describe('npm package (npm pack, offline install, npx prompt-cost)', function () {
  this.timeout(300000);
  let tarball;
  let work;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-npm-'));
    const packed = run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
    assert.strictEqual(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
    tarball = path.join(work, info.filename);
    console.log(`      npm tarball: ${info.filename}, ${(info.size / 1e6).toFixed(2)} MB packed, ${(info.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${info.entryCount} files`);
  });

  it('carries the bundles and their assets, no sources, tests, maps or dependencies', () => {
    const listed = run('tar', ['-tzf', tarball], work).stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    for (const f of ['dist/cli.js', 'dist/server.js', 'dist/server-main.js', 'dist/wasm/tree-sitter-python.wasm', 'dist/tokenizer/o200k_base.ranks', 'package.json', 'README.md']) {
      assert.ok(listed.includes(f), `${f} missing from the tarball`);
    }
    const forbidden = listed.filter((f) => /\.map$|^(server|client|test|examples|node_modules)\/|\.ts$/.test(f));
    assert.deepStrictEqual(forbidden, []);
    const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], work).stdout);
    assert.deepStrictEqual(manifest.dependencies, undefined, 'runtime dependencies are bundled');
    assert.strictEqual(manifest.bin['prompt-cost'], 'dist/cli.js');
  });

  it('installs offline into an empty folder (empty npm cache) and npx prompt-cost audits examples/', () => {
    const app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', version: '1.0.0', private: true }));
    const emptyCache = path.join(work, 'npm-cache');
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', emptyCache, tarball], app);
    assert.strictEqual(install.status, 0, install.stderr);
    fs.cpSync(path.join(ROOT, 'examples'), path.join(app, 'examples'), { recursive: true });
    const audit = run('npx', ['--offline', '--cache', emptyCache, 'prompt-cost', 'audit', 'examples', '--format', 'json'], app);
    assert.ok(audit.status === 0 || audit.status === 1, audit.stderr);
    const report = JSON.parse(audit.stdout);
    // The same report the repository's own build gives.
    const own = run(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'audit', 'examples', '--format', 'json'], app);
    const undated = (r) => ({ ...r, generatedAt: undefined });
    assert.deepStrictEqual(undated(report), undated(JSON.parse(own.stdout)));
    assert.ok(report.totals.prompts > 0);
    const version = run('npx', ['--offline', '--cache', emptyCache, 'prompt-cost', '--version'], app);
    assert.strictEqual(version.stdout.trim(), require(path.join(ROOT, 'package.json')).version);
  });
});
