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
    for (const id of ['verbose-phrase', 'filler-words', 'politeness', 'weak-directive', 'redundant-instruction', 'indentation-whitespace', 'whitespace-runs', 'pretty-json', 'long-prompt', 'unbounded-output', 'reasoning-effort', 'verbose-output-request', 'model-tier']) {
      assert.ok(RULES.some((r) => r.meta.id === id), id);
    }
    for (const id of ['budget-exceeded', 'unknown-model', 'missing-price']) assert.ok(ids.includes(id), id);
  });

  it('the settings schema (package.json promptCost.severity) lists exactly the registry\'s rule ids', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const listed = Object.keys(manifest.contributes.configuration.properties['promptCost.severity'].properties);
    assert.deepEqual(listed.sort(), allRuleMeta().map((m) => m.id).sort());
  });

  it('marks the request rules as output-side and every text rule as input-side', () => {
    const output = RULES.filter((r) => r.meta.side === 'output').map((r) => r.meta.id);
    assert.deepEqual(output.sort(), ['model-tier', 'reasoning-effort', 'unbounded-output', 'verbose-output-request']);
  });

  it('has well over 80 distinct verbose phrases, each shorter than what it replaces', () => {
    const phrases = VERBOSE_PHRASES.map((p) => p.phrase);
    assert.ok(phrases.length >= 80);
    assert.equal(new Set(phrases).size, phrases.length);
    for (const p of VERBOSE_PHRASES) assert.ok(p.replacement.length < p.phrase.length, p.phrase);
  });
});
