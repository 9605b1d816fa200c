import { strict as assert } from 'assert';
import packageJson from '../../package.json';
import { defaultSettings, readSettings } from '../../server/src/engine/config/settings';

const props = (packageJson as any).contributes.configuration.properties as Record<string, any>;

describe('settings', () => {
  it('defaults come from package.json contributes.configuration', () => {
    const s = defaultSettings();
    assert.equal(s.defaultModel, props['promptCost.defaultModel'].default);
    assert.equal(s.defaultCallsPerDay, props['promptCost.defaultCallsPerDay'].default);
    assert.equal(s.cacheHitRate, props['promptCost.cacheHitRate'].default);
    assert.equal(s.priceMaxAgeDays, 120);
    assert.equal(s.batchMultiplier, 1);
    assert.deepEqual(s.models, {});
  });

  it('reads valid values with or without the promptCost. prefix', () => {
    const { settings, warnings } = readSettings({ defaultModel: 'claude-sonnet-4-5', 'promptCost.defaultCallsPerDay': 20000, inlineHints: 'cost' });
    assert.deepEqual(warnings, []);
    assert.equal(settings.defaultModel, 'claude-sonnet-4-5');
    assert.equal(settings.defaultCallsPerDay, 20000);
    assert.equal(settings.inlineHints, 'cost');
  });

  it('invalid values warn and fall back to the default, never throw', () => {
    const { settings, warnings } = readSettings({ inlineHints: 'loud', cacheHitRate: 1.5, defaultCallsPerDay: -3, analysisDelayMs: 'fast', defaultModel: '  ' });
    assert.equal(settings.inlineHints, 'full');
    assert.equal(settings.cacheHitRate, 0.5);
    assert.equal(settings.defaultCallsPerDay, 1000);
    assert.equal(settings.analysisDelayMs, 200);
    assert.equal(settings.defaultModel, 'gpt-4o');
    assert.equal(warnings.length, 5);
    assert.match(warnings.join('\n'), /promptCost\.inlineHints: the string "loud" is not one of "off", "tokens", "cost", "full"/);
    assert.match(warnings.join('\n'), /promptCost\.cacheHitRate: 1\.5 is above the maximum 1; using the default 0\.5/);
    assert.match(warnings.join('\n'), /promptCost\.defaultCallsPerDay: -3 is below the minimum 0/);
  });

  it('a non-object section gives the defaults with one warning', () => {
    for (const raw of ['x', 42, [1]]) {
      const { settings, warnings } = readSettings(raw);
      assert.equal(settings.defaultModel, 'gpt-4o');
      assert.equal(warnings.length, 1);
    }
    assert.deepEqual(readSettings(null).warnings, []);
  });

  it('model overrides: bad entries are dropped with a warning, good ones kept', () => {
    const { settings, warnings } = readSettings({
      models: { 'my-llm': { inputPerMillion: 1, outputPerMillion: 4 }, broken: { inputPerMillion: 'cheap' }, notObject: 5 },
      modelAliases: { 'prod-4o': 'gpt-4o', bad: 3 },
    });
    assert.deepEqual(settings.models['my-llm'], { inputPerMillion: 1, outputPerMillion: 4 });
    assert.deepEqual(settings.models.broken, {});
    assert.equal(settings.models.notObject, undefined);
    assert.deepEqual(settings.modelAliases, { 'prod-4o': 'gpt-4o' });
    assert.equal(warnings.length, 3);
    assert.match(warnings.join('\n'), /promptCost\.models\.broken\.inputPerMillion: expected a number/);
  });
});
