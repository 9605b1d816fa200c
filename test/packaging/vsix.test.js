// The packaged .vsix must carry every file the extension needs at run time (a tokenizer or grammar file missing from a
// package makes such tools silently show wrong numbers) and nothing else (no node_modules, tests or sources).
// Needs `npm run package` first (test/run-all.js does it); PCL_VSIX points at another package.
'use strict';
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { zipEntries } = require('./zipEntries');

const ROOT = path.resolve(__dirname, '..', '..');
const VSIX = path.resolve(process.env.PCL_VSIX || path.join(ROOT, 'prompt-cost-lens.vsix'));
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Files under dist/ after the build, relative to the repository root (source maps are not shipped). */
function builtFiles(dir = path.join(ROOT, 'dist')) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...builtFiles(p));
    else if (!e.name.endsWith('.map')) out.push(path.relative(ROOT, p).split(path.sep).join('/'));
  }
  return out;
}

describe('packaged extension (.vsix)', () => {
  let names;
  let inExtension;

  before(() => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} not found: run npm run package first`);
    names = zipEntries(VSIX).map((e) => e.name);
    inExtension = new Set(names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length)));
  });

  it('the zip reader agrees with unzip', function () {
    const r = spawnSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' });
    if (r.error) this.skip(); // unzip not installed: the reader is still checked by every test below
    assert.deepStrictEqual([...names].sort(), r.stdout.split('\n').filter((l) => l && !l.endsWith('/')).sort());
  });

  it('contains the three bundles and the manifest', () => {
    for (const f of ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/cli.js']) {
      assert.ok(inExtension.has(f), `${f} missing from the .vsix`);
    }
    assert.strictEqual(path.posix.normalize(manifest.main), 'dist/extension.js');
  });

  it('contains every RUNTIME_ASSETS file that esbuild.js copies into dist/', () => {
    const { RUNTIME_ASSETS } = require(path.join(ROOT, 'esbuild.js'));
    assert.ok(Array.isArray(RUNTIME_ASSETS) && RUNTIME_ASSETS.length > 0, 'esbuild.js exports RUNTIME_ASSETS');
    const missing = RUNTIME_ASSETS.map(([, to]) => `dist/${to}`).filter((f) => !inExtension.has(f));
    assert.deepStrictEqual(missing, [], `runtime assets missing from the .vsix: ${missing.join(', ')}`);
  });

  it('contains every built file in dist/ (webview media, data files)', () => {
    const missing = builtFiles().filter((f) => !inExtension.has(f));
    assert.deepStrictEqual(missing, [], `built files missing from the .vsix: ${missing.join(', ')}`);
  });

  it('contains the grammar, language configuration and settings schema the manifest points at', () => {
    const c = manifest.contributes || {};
    const referenced = [
      ...(c.grammars || []).map((g) => g.path),
      ...(c.languages || []).map((l) => l.configuration).filter(Boolean),
      ...(c.jsonValidation || []).map((j) => j.url).filter((u) => !/^https?:/.test(u)),
    ].map((p) => path.posix.normalize(p));
    assert.ok(referenced.length >= 2, 'the manifest contributes a grammar and a language configuration');
    if (fs.existsSync(path.join(ROOT, 'schemas', 'promptcost.schema.json'))) referenced.push('schemas/promptcost.schema.json');
    const missing = referenced.filter((f) => !inExtension.has(f));
    assert.deepStrictEqual(missing, [], `files the manifest refers to are missing: ${missing.join(', ')}`);
  });

  it('is lean: no node_modules, tests, sources, examples or build scripts', () => {
    const forbidden = [...inExtension].filter((f) =>
      /^(node_modules|test|client|server|examples|\.ci|\.vscode-test|bench-results|test-output)\//.test(f) ||
      /(^|\/)(tsconfig\.json|esbuild\.js|\.mocharc\.json|package-lock\.json)$/.test(f) ||
      (/\.tsx?$/.test(f) && !f.endsWith('.d.ts')) || f.endsWith('.vsix'));
    assert.deepStrictEqual(forbidden, [], `files that do not belong in the package: ${forbidden.slice(0, 20).join(', ')}`);
  });

  it('stays within the 25 MB budget (the token vocabularies are most of it)', () => {
    const bytes = fs.statSync(VSIX).size;
    assert.ok(bytes <= 25 * 1024 * 1024, `the .vsix is ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  });

  it('carries the Gemma notice beside the Gemma 3 vocabulary, as the Gemma Terms of Use require', () => {
    for (const f of ['dist/tokenizer/gemma3.vocab', 'dist/tokenizer/GEMMA_NOTICE.txt']) assert.ok(inExtension.has(f), `${f} missing`);
    const notice = /Gemma\s+is\s+provided\s+under\s+and\s+subject\s+to\s+the\s+Gemma\s+Terms\s+of\s+Use\s+found\s+at\s+ai\.google\.dev\/gemma\/terms/;
    assert.match(fs.readFileSync(path.join(ROOT, 'server/src/engine/tokens/vocabs/GEMMA_NOTICE.txt'), 'utf8'), notice);
    assert.match(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), notice);
  });

  it('carries the Llama 3 licence and the notice beside the Llama 3 vocabulary, as its licence requires', () => {
    for (const f of ['dist/tokenizer/llama3.ranks', 'dist/tokenizer/LLAMA3_LICENSE.txt', 'dist/tokenizer/NOTICE.txt']) assert.ok(inExtension.has(f), `${f} missing`);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.match(readme, /Built with Meta Llama 3/);
  });
});
