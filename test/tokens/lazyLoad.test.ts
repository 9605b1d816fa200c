// Importing the tokens module loads no encoding: the rank tables load on the first count that needs them.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';

describe('lazy loading of encodings', () => {
  it('loads nothing on import and only the encoding a count needs', () => {
    const root = path.resolve(__dirname, '../..');
    const script = `
      const tokens = require('./server/src/engine/tokens');
      const loaded = () => Object.keys(require.cache).filter((f) => /bpeRanks/.test(f)).map((f) => require('path').basename(f));
      const afterImport = loaded();
      tokens.tokenizerFor('gpt-4o'); tokens.messageFramingTokens(2, 'gpt-4o');
      const afterLookup = loaded();
      tokens.countTokens('hello', 'gpt-4o');
      console.log(JSON.stringify({ afterImport, afterLookup, afterCount: loaded() }));`;
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' });
    assert.deepStrictEqual(JSON.parse(out.trim().split('\n').pop()!), { afterImport: [], afterLookup: [], afterCount: ['o200k_base.js'] });
  });

  it('loads an open-weight vocabulary only for a model of its family, and only that one', () => {
    const root = path.resolve(__dirname, '../..');
    const script = `
      const tokens = require('./server/src/engine/tokens');
      const names = ['o200k_base', 'cl100k_base', 'llama3', 'qwen2', 'deepseek_v3', 'tekken'];
      const loaded = () => names.filter((n) => tokens.isTokenizerLoaded(n));
      tokens.countTokens('hello', 'gpt-4o'); tokens.tokenizerFor('qwen3-32b'); tokens.messageFramingTokens(2, 'llama-3.3-70b');
      const openAiOnly = loaded();
      tokens.countTokens('hello', 'qwen3-32b');
      console.log(JSON.stringify({ openAiOnly, afterQwen: loaded() }));`;
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' });
    assert.deepStrictEqual(JSON.parse(out.trim().split('\n').pop()!), { openAiOnly: ['o200k_base'], afterQwen: ['o200k_base', 'qwen2'] });
  });
});
