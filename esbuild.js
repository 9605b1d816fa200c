// Bundles the extension, the language server and the CLI into dist/, and copies every runtime asset
// (parser runtime + grammars, webview media) beside them so the packaged extension needs nothing else.
// Usage: node esbuild.js [--watch] [--production]
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const Module = require('module');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = __dirname;
const dist = path.join(root, 'dist');
const VOCABS = path.join(root, 'server', 'src', 'engine', 'tokens', 'vocabs');

/** Runtime assets: [source, destination relative to dist/]. The .vsix packaging test checks each one is packaged. */
const RUNTIME_ASSETS = [
  [require.resolve('web-tree-sitter/tree-sitter.wasm'), 'wasm/tree-sitter.wasm'],
  ...['python', 'typescript', 'tsx', 'javascript'].map((g) => [
    path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm', `tree-sitter-${g}.wasm`),
    `wasm/tree-sitter-${g}.wasm`,
  ]),
  // Token rank tables: kept out of the bundle so they are read only when first needed, and packed (see writeAsset and
  // server/src/engine/tokens/packedRankTable.ts) so that reading one is a file read, not a parse.
  ...['o200k_base', 'cl100k_base'].map((e) => [require.resolve(`gpt-tokenizer/cjs/bpeRanks/${e}`), `tokenizer/${e}.ranks`]),
  // The open-weight vocabularies we commit (server/src/engine/tokens/vocabs/README.md), packed the same way, and the
  // licence and notice that Meta's Llama 3 licence asks every copy of its vocabulary to carry.
  ...['llama3', 'qwen2', 'deepseek_v3', 'tekken'].map((e) => [path.join(VOCABS, `${e}.bpe.gz`), `tokenizer/${e}.ranks`]),
  [path.join(VOCABS, 'LLAMA3_LICENSE.txt'), 'tokenizer/LLAMA3_LICENSE.txt'],
  [path.join(VOCABS, 'NOTICE.txt'), 'tokenizer/NOTICE.txt'],
  // Gemma 3 (Gemini): its own packed format (gemmaVocabulary.ts), unzipped, with the notice the Gemma Terms of Use ask for.
  [path.join(VOCABS, 'gemma3.vocab.gz'), 'tokenizer/gemma3.vocab'],
  [path.join(VOCABS, 'GEMMA_NOTICE.txt'), 'tokenizer/GEMMA_NOTICE.txt'],
];

/**
 * Copies an asset; a rank table (gpt-tokenizer's module, or one of our gzipped vocabularies) copied to `.ranks` is
 * written packed (the engine's own packer and reader).
 */
function writeAsset(from, dest) {
  if (from.endsWith('.js') && dest.endsWith('.ranks')) fs.writeFileSync(dest, engineTokenTools().packRankTable(require(from).default));
  else if (from.endsWith('.bpe.gz') && dest.endsWith('.ranks')) {
    const { packRankTable, rankTableFromVocabFile } = engineTokenTools();
    fs.writeFileSync(dest, packRankTable(rankTableFromVocabFile(fs.readFileSync(from), from)));
  } else if (from.endsWith('.vocab.gz') && dest.endsWith('.vocab')) fs.writeFileSync(dest, require('zlib').gunzipSync(fs.readFileSync(from)));
  else fs.copyFileSync(from, dest);
}

let tools;
/** `packRankTable` and `rankTableFromVocabFile` from the engine's TypeScript, compiled here: each format is defined once. */
function engineTokenTools() {
  if (!tools) {
    const dir = path.join(root, 'server', 'src', 'engine', 'tokens');
    const built = esbuild.buildSync({
      stdin: { contents: "export { packRankTable } from './packedRankTable'; export { rankTableFromVocabFile } from './vocabFile';", resolveDir: dir, loader: 'ts' },
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false,
    });
    const source = path.join(dir, 'tokenTools.ts');
    const compiled = new Module(source);
    compiled.filename = source;
    compiled.paths = Module._nodeModulePaths(dir);
    compiled._compile(built.outputFiles[0].text, source);
    tools = compiled.exports;
  }
  return tools;
}
const MEDIA_DIR = path.join(root, 'client', 'media');

function copyAssets() {
  for (const [from, to] of RUNTIME_ASSETS) {
    const dest = path.join(dist, to);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    writeAsset(from, dest);
  }
  if (fs.existsSync(MEDIA_DIR)) fs.cpSync(MEDIA_DIR, path.join(dist, 'media'), { recursive: true });
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // The engine loads its data files at run time from dist/ (see server/src/engine/assets.ts).
  loader: { '.wasm': 'file' },
  // assets.ts resolves node_modules paths only when the engine runs from source (tests); dist/ has the files beside it.
  logOverride: { 'require-resolve-not-external': 'silent' },
  // Module builds that work inside one CommonJS bundle: jsonc-parser's UMD main does `require('./impl/format')` at run
  // time (absent from a bundle), so take its ES module build; web-tree-sitter's ES module build (picked for `import`)
  // needs import.meta.url, which is empty in CommonJS, so take its CommonJS build. Exact package names only.
  plugins: [{
    name: 'bundle-friendly-builds',
    setup(build) {
      const builds = {
        'jsonc-parser': require.resolve('jsonc-parser').replace(/lib[\\/]umd[\\/]main\.js$/, 'lib/esm/main.js'),
        'web-tree-sitter': require.resolve('web-tree-sitter'),
      };
      build.onResolve({ filter: /^(jsonc-parser|web-tree-sitter)$/ }, (args) => ({ path: builds[args.path] }));
    },
  }],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // dist/server.js is a small loader that runs the server bundle through a V8 code cache (server/src/bootstrap.ts).
  // The bundle turns import() into require(): Node 20 rejects import() in a script compiled from cached data.
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server-main.js', supported: { 'dynamic-import': false } },
  { entryPoints: ['server/src/bootstrap.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The sidebar webview's script runs in the browser sandbox of the webview, not in Node.
  { entryPoints: ['client/src/sidebar/webview/main.ts'], outfile: 'dist/media/sidebar.js', platform: 'browser', target: 'es2022', format: 'iife' },
].filter((e) => fs.existsSync(path.join(root, e.entryPoints[0])));

async function main() {
  fs.mkdirSync(dist, { recursive: true });
  copyAssets();
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching');
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  for (const f of ['dist/server.js', 'dist/cli.js']) if (fs.existsSync(f)) fs.chmodSync(f, 0o755);
  // A production build ships no source maps: maps an earlier development build left in dist/ would otherwise end up
  // in the .vsix and the npm tarball (both take dist/ as it is, package.json `files`).
  if (production) removeSourceMaps(dist);
}

function removeSourceMaps(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) removeSourceMaps(p);
    else if (e.name.endsWith('.map')) fs.rmSync(p);
  }
}

module.exports = { RUNTIME_ASSETS, writeAsset };
if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
