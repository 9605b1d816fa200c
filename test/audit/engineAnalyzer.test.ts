// The audit's analyser skips Python files the language-aware pre-filter rejects; it must give exactly what the
// editor's analyzeDocument gives, for files it skips and files it analyses.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { cannotHoldPrompt, engineAnalyzer } from '../../server/src/engine/audit/engineAnalyzer';
import { defaultSettings } from '../../server/src/engine/config/settings';
import type { SourceInput } from '../../server/src/engine/types';

const root = path.resolve(__dirname, '..', '..');

function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...codeFiles(full));
    else if (/\.(?:py|ts|js)$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

const UTILITY_PY = ['import json', '', 'def load(path):', '    """Read the settings."""', '    with open(path) as fh:', '        return json.load(fh)', ''].join('\n');

describe('audit engine analyser', function () {
  this.timeout(60_000);
  const settings = defaultSettings();
  const analyze = engineAnalyzer({ settings });

  it('skips a Python module whose only content cues are code, with the analysis analyzeDocument gives it', async () => {
    const input: SourceInput = { uri: 'file:///w/util.py', fileName: 'util.py', languageId: 'python', text: UTILITY_PY };
    assert.equal(cannotHoldPrompt(input), true);
    assert.deepEqual(await analyze(input, 'util.py'), await analyzeDocument(input, { settings, relativePath: 'util.py' }));
  });

  it('never skips what the detector reports with a reason, nor prompt files, nor other files', () => {
    const big: SourceInput = { uri: 'file:///w/big.py', fileName: 'big.py', languageId: 'python', text: UTILITY_PY + '#'.repeat(3 * 1024 * 1024) };
    assert.equal(cannotHoldPrompt(big), false, 'over the detection size limit: the detector gives the reason');
    assert.equal(cannotHoldPrompt({ uri: 'file:///w/b.py', fileName: 'b.py', languageId: 'python', text: UTILITY_PY + '\0' }), false, 'binary');
    assert.equal(cannotHoldPrompt({ uri: 'file:///w/p/u.prompt', fileName: 'p/u.prompt', text: UTILITY_PY }), false);
    assert.equal(cannotHoldPrompt({ uri: 'file:///w/notes.txt', fileName: 'notes.txt', text: UTILITY_PY }), false, 'not a detected language');
  });

  it('JavaScript and TypeScript get the detector\'s own pre-filter (text only)', () => {
    const js = (text: string): SourceInput => ({ uri: 'file:///w/u.js', fileName: 'u.js', languageId: 'javascript', text });
    assert.equal(cannotHoldPrompt(js('export const add = (a, b) => a + b;\n')), true);
    assert.equal(cannotHoldPrompt(js('function load(f) { return json.parse(f); }\n')), false, 'code cues still count outside Python');
    assert.equal(cannotHoldPrompt({ uri: 'file:///w/p.ts', fileName: 'p.ts', text: 'const SYSTEM_PROMPT = "Be brief.";\n' }), false);
  });

  it('gives analyzeDocument\'s result for every fixture and example file', async () => {
    const files = [...codeFiles(path.join(root, 'test', 'fixtures', 'detection')), ...codeFiles(path.join(root, 'examples'))];
    assert.ok(files.length >= 15);
    for (const file of files) {
      const relativePath = path.relative(root, file).split(path.sep).join('/');
      const input: SourceInput = { uri: file, fileName: relativePath, text: fs.readFileSync(file, 'utf8') };
      assert.deepEqual(await analyze(input, relativePath), await analyzeDocument(input, { settings, relativePath }), relativePath);
    }
  });
});
