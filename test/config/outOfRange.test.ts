// Numbers far beyond any workload (typos such as 1e308) and values of the wrong kind are refused with a message
// naming the field, in .promptcost.json, in the settings and in annotations' call rates: accepted, they multiplied
// into an infinite cost that read "unpriced" or a figure in exponent notation ($7.6e+298/mo).
import { strict as assert } from 'assert';
import { parseCallRate } from '../../server/src/engine/config/callRate';
import { MAX_BUDGET_USD, MAX_CALLS_PER_DAY, MAX_TOKENS } from '../../server/src/engine/config/limits';
import { readSettings, SETTING_SCHEMAS } from '../../server/src/engine/config/settings';
import { parseWorkspaceConfig } from '../../server/src/engine/config/workspaceConfig';
import { allRuleMeta } from '../../server/src/engine/rules/registry';
import { buildOnce, runCli, scratch } from '../cli/cliHarness';

const FILE = '/ws/.promptcost.json';

describe('out-of-range and mistyped configuration values', () => {
  it('.promptcost.json: an absurd price, volume, size or budget is an error naming the field, the rest applies', () => {
    const text = JSON.stringify({
      models: { 'my-model': { inputPerMillion: 1e308, outputPerMillion: 4, contextWindow: 1e300 } },
      volumes: { default: 1e300, prompts: { 'a.py#P': '99999999999999/day', 'b.py#P': 200 } },
      outputTokens: { default: 1e12 },
      placeholders: { document: 1e200 },
      budgets: { monthly: 1e308 },
    });
    const { config, errors } = parseWorkspaceConfig(text, FILE);
    const fields = errors.map((e) => e.field);
    for (const field of ['models.my-model.inputPerMillion', 'models.my-model.contextWindow', 'volumes.default', 'volumes.prompts.a.py#P', 'outputTokens.default', 'placeholders.document', 'budgets.monthly']) {
      assert.ok(fields.includes(field), `no error for ${field}; got ${JSON.stringify(errors.map((e) => e.message))}`);
    }
    assert.match(errors.find((e) => e.field === 'volumes.default')!.message, /at most 10,000,000,000 a day/);
    assert.match(errors.find((e) => e.field === 'models.my-model.inputPerMillion')!.message, /from 0 to 100,000 \(USD per million tokens\)/);
    assert.equal(config?.models['my-model'].outputPerMillion, 4, 'the valid field of the entry is kept');
    assert.equal(config?.volumes.prompts['b.py#P'].callsPerDay, 200, 'valid volumes are kept');
    assert.equal(config?.volumes.default, undefined);
  });

  it('call rates above the limit are not rates (annotations and config share the parser)', () => {
    assert.equal(parseCallRate(MAX_CALLS_PER_DAY)?.callsPerDay, MAX_CALLS_PER_DAY);
    assert.equal(parseCallRate(MAX_CALLS_PER_DAY * 2), undefined);
    assert.equal(parseCallRate('1000000000/s'), undefined);
    assert.equal(parseCallRate('500/hour')?.callsPerDay, 12000);
  });

  it('settings: the same limits (declared in package.json), and a severity that is not one warns', () => {
    assert.equal(SETTING_SCHEMAS.defaultCallsPerDay.maximum, MAX_CALLS_PER_DAY);
    assert.equal(SETTING_SCHEMAS.defaultOutputTokens.maximum, MAX_TOKENS);
    assert.equal(SETTING_SCHEMAS.placeholderTokens.maximum, MAX_TOKENS);
    assert.equal(SETTING_SCHEMAS.monthlyBudget.maximum, MAX_BUDGET_USD);
    const { settings, warnings } = readSettings({
      defaultCallsPerDay: 1e300,
      models: { 'my-model': { inputPerMillion: 1e308, outputPerMillion: 1 } },
      severity: { 'verbose-phrase': 'loud', politeness: 'off' },
    });
    assert.equal(settings.defaultCallsPerDay, 1000, 'default volume');
    assert.equal(settings.models['my-model'].inputPerMillion, undefined, 'the absurd price is dropped');
    assert.deepEqual(settings.severity, { politeness: 'off' }, 'the valid severity stays, the invalid one goes');
    const text = warnings.join('\n');
    assert.match(text, /promptCost\.defaultCallsPerDay: 1e\+300 is above the maximum/);
    assert.match(text, /promptCost\.models\.my-model\.inputPerMillion/);
    assert.match(text, /promptCost\.severity\.verbose-phrase: expected one of "error", "warning", "information", "hint", "off", got the string "loud"; entry ignored\./);
  });
});

describe('rule ids in .promptcost.json', () => {
  it('a misspelt rule id is reported with the nearest known id; known ids and the rest of the file apply', () => {
    const text = '{\n  "rules": { "verbose-phrases": "off", "politeness": "error", "no-such-thing": "hint" }\n}\n';
    const ruleIds = allRuleMeta().map((m) => m.id);
    const { config, errors } = parseWorkspaceConfig(text, FILE, { ruleIds });
    assert.deepEqual(config?.rules, { politeness: 'error' });
    assert.deepEqual(errors.map((e) => [e.line, e.field, e.message]), [
      [2, 'rules.verbose-phrases', 'rules.verbose-phrases: unknown rule id "verbose-phrases" (did you mean "verbose-phrase"?); `prompt-cost rules` lists them'],
      [2, 'rules.no-such-thing', 'rules.no-such-thing: unknown rule id "no-such-thing"; `prompt-cost rules` lists them'],
    ]);
    assert.deepEqual(parseWorkspaceConfig(text, FILE).errors, [], 'without the id list (tests of the parser alone) nothing is checked');
  });
});

describe('prompt-cost audit with an absurd .promptcost.json (built CLI)', function () {
  this.timeout(60000);
  before(buildOnce);

  it('stops with exit 2 naming the file, line and field instead of printing an infinite or exponent cost', () => {
    const bot = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": "You are a helpful assistant."}])\n';
    const root = scratch({ 'app.py': bot, '.promptcost.json': '{\n  "volumes": { "default": 1e300 }\n}\n' });
    const result = runCli(['audit', '.'], root);
    assert.equal(result.status, 2, result.stdout);
    assert.match(result.stderr, /\.promptcost\.json:2:\d+: volumes\.default: /);
    assert.doesNotMatch(result.stdout, /e\+\d/);
  });

  it('a misspelt rule id stops the run with exit 2 naming it', () => {
    const root = scratch({ 'app.py': 'print(1)\n', '.promptcost.json': '{ "rules": { "verbose-phrases": "off" } }' });
    const result = runCli(['audit', '.'], root);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\.promptcost\.json:1:\d+: rules\.verbose-phrases: unknown rule id "verbose-phrases" \(did you mean "verbose-phrase"\?\)/);
  });
});
