import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES, allRuleMeta } from '../../server/src/engine/rules';
import { VERBOSE_PHRASES } from '../../server/src/engine/rules/data/verbosePhrases';

describe('rule registry', () => {
  it('lists every rule once with a documentation page that exists', () => {
    const ids = allRuleMeta().map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const m of allRuleMeta()) {
      assert.equal(m.docsUrl, `docs/rules/${m.id}.md`);
      assert.ok(fs.existsSync(path.join(__dirname, '..', '..', m.docsUrl)), `${m.docsUrl} missing`);
    }
    for (const id of ['verbose-phrase', 'filler-words', 'politeness', 'weak-directive', 'redundant-instruction', 'indentation-whitespace', 'whitespace-runs', 'pretty-json', 'long-prompt']) {
      assert.ok(RULES.some((r) => r.meta.id === id), id);
    }
    for (const id of ['budget-exceeded', 'unknown-model', 'missing-price']) assert.ok(ids.includes(id), id);
  });

  it('has well over 80 distinct verbose phrases, each shorter than what it replaces', () => {
    const phrases = VERBOSE_PHRASES.map((p) => p.phrase);
    assert.ok(phrases.length >= 80);
    assert.equal(new Set(phrases).size, phrases.length);
    for (const p of VERBOSE_PHRASES) assert.ok(p.replacement.length < p.phrase.length, p.phrase);
  });
});
