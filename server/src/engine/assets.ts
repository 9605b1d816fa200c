// Finds runtime data files (parser runtime and grammars). In the bundle they sit in dist/ beside the code;
// when the engine runs from source (tests, tsx) they are taken from node_modules.
import * as fs from 'fs';
import * as path from 'path';

const NODE_MODULE_SOURCES: Record<string, () => string> = {
  'wasm/tree-sitter.wasm': () => require.resolve('web-tree-sitter/tree-sitter.wasm'),
  'tokenizer/o200k_base.js': () => require.resolve('gpt-tokenizer/cjs/bpeRanks/o200k_base'),
  'tokenizer/cl100k_base.js': () => require.resolve('gpt-tokenizer/cjs/bpeRanks/cl100k_base'),
};

export function resolveAsset(relative: string): string {
  const candidates = [path.join(__dirname, relative), path.join(__dirname, '..', relative)];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  const fromModule = NODE_MODULE_SOURCES[relative];
  if (fromModule) return fromModule();
  const grammar = /^wasm\/(tree-sitter-[a-z]+\.wasm)$/.exec(relative);
  if (grammar) {
    const dir = path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json'));
    return path.join(dir, 'wasm', grammar[1]);
  }
  throw new Error(`Prompt Cost Lens: runtime asset ${relative} is missing (looked in ${candidates.join(', ')})`);
}
