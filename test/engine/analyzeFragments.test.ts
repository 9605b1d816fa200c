// analyzeDocument with fragments: the larger prompt's placeholder is sized by the fragment's text, and the
// fragment keeps its entry (rules run on it) but is left out of the document's totals and of its request's messages.
import { strict as assert } from 'assert';
import { analyzeDocument, type AnalysisContext } from '../../server/src/engine/analyze';
import { readSettings } from '../../server/src/engine/config/settings';
import { countTokens, messageFramingTokens } from '../../server/src/engine/tokens';

export const FRAGMENT_FILE = [
  'from openai import OpenAI',
  'client = OpenAI()',
  'RULES = "Please note that you should answer in English and in order to help, cite the order number."',
  'SYSTEM = f"You are a support bot for Acme. {RULES}"',
  'def reply(question):',
  '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])',
  '',
].join('\n');

describe('analyzeDocument: fragments', () => {
  const ctx: AnalysisContext = { settings: readSettings({}).settings, relativePath: 'app/bot.py' };

  it('sizes the placeholder by the fragment and counts the money once', async () => {
    const analysis = await analyzeDocument({ uri: 'file:///w/app/bot.py', fileName: '/w/app/bot.py', text: FRAGMENT_FILE }, ctx);
    const rules = analysis.prompts.find((p) => p.prompt.symbol === 'RULES')!;
    const system = analysis.prompts.find((p) => p.prompt.symbol === 'SYSTEM')!;
    assert.ok(rules && system, 'fixture: both texts are detected');
    assert.equal(rules.prompt.fragmentOf, system.prompt.id);
    const rulesText = 'Please note that you should answer in English and in order to help, cite the order number.';
    assert.equal(system.cost.tokens.placeholders, countTokens(rulesText, 'gpt-4o').tokens);
    assert.equal(system.cost.tokens.framing, messageFramingTokens(1, 'gpt-4o'), 'the fragment is not a second message');
    assert.ok(rules.findings.some((f) => f.ruleId === 'verbose-phrase'), 'rules still run on the fragment');
    assert.deepEqual(analysis.totals, { monthlyCost: system.cost.costPerMonth, unpricedPrompts: 0, prompts: 1, requests: 1 });
    assert.ok(rules.cost.costPerMonth! > 0, 'the fragment keeps its own share for the hover');
  });
});
