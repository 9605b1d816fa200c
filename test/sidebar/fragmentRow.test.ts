// A fragment (a text only sent inside a larger prompt) is counted in that prompt: its row in the "This file" table
// says so, as the inline hint does (`in SYSTEM`), instead of showing money of its own, and sorts last by cost.
import { strict as assert } from 'assert';
import { analyzeDocument, type AnalysisContext } from '../../server/src/engine/analyze';
import { readSettings } from '../../server/src/engine/config/settings';
import { buildFileView, sortPromptRows } from '../../server/src/engine/views/fileView';
import { formatUsd } from '../../server/src/engine/views/format';
import { analysis as analysisOf, cost, GPT_4O, model, prompt } from './fixtures';

const BOT = [
  'from openai import OpenAI',
  'client = OpenAI()',
  'RULES = "Answer in English and cite the order number."',
  'SYSTEM = f"You are a support bot for Acme. {RULES}"',
  'def reply(question):',
  '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])',
  '',
].join('\n');

describe('sidebar view model: fragments', () => {
  const ctx: AnalysisContext = { settings: readSettings({}).settings, relativePath: 'app/bot.py' };

  async function view() {
    const analysis = await analyzeDocument({ uri: 'file:///w/app/bot.py', fileName: '/w/app/bot.py', text: BOT }, ctx);
    return { analysis, view: buildFileView(analysis, BOT) };
  }

  it('shows the fragment as part of the larger prompt, with no money of its own', async () => {
    const { analysis, view: file } = await view();
    const rules = file.rows.find((r) => r.label === 'RULES');
    const system = file.rows.find((r) => r.label === 'SYSTEM');
    assert.ok(rules && system, 'fixture: both texts are rows');
    assert.ok(analysis.prompts.find((p) => p.prompt.symbol === 'RULES')!.cost.costPerMonth! > 0, 'fixture: the fragment has a share');
    assert.equal(rules.partOf, 'SYSTEM');
    assert.equal(rules.text.costPerMonth, 'in SYSTEM');
    assert.equal(rules.text.costPerCall, '—');
    assert.equal(rules.costPerMonth, undefined);
    assert.equal(rules.costPerCall, undefined);
    assert.ok(rules.tokens > 0 && rules.text.tokens !== '', 'its own tokens still show');
    assert.equal(system.partOf, undefined);
    assert.equal(system.text.costPerMonth, formatUsd(system.costPerMonth));
    assert.equal(file.totals.prompts, 1, 'the fragment is not counted as a prompt of its own');
    assert.equal(file.totals.monthlyCost, system.costPerMonth, 'the total is the larger prompt alone');
  });

  it('sorts fragments last by cost in both directions', async () => {
    const { rows } = (await view()).view;
    for (const key of ['costPerMonth', 'costPerCall'] as const) {
      assert.deepEqual(sortPromptRows(rows, key, 'desc').map((r) => r.label), ['SYSTEM', 'RULES']);
      assert.deepEqual(sortPromptRows(rows, key, 'asc').map((r) => r.label), ['SYSTEM', 'RULES']);
    }
    assert.deepEqual(sortPromptRows(rows, 'line', 'desc').map((r) => r.label), ['SYSTEM', 'RULES'], 'other keys sort it as usual');
    assert.deepEqual(sortPromptRows(rows, 'line', 'asc').map((r) => r.label), ['RULES', 'SYSTEM']);
  });

  it('sorts a fragment after an unpriced prompt too (its cost is another row\'s, not unknown)', () => {
    const text = 'A = "Alpha."\nB = "Beta."\nC = f"Gamma. {A}"\n';
    const mystery = { ...model('in-house-llm', 'acme', 0, 0), price: undefined };
    const rows = buildFileView(analysisOf('file:///w/x.py', [
      { prompt: prompt('x.py#A', 'Alpha.', text.indexOf('"Alpha'), { symbol: 'A', fragmentOf: 'x.py#C' }), cost: cost(GPT_4O, 900, 0, 1000), findings: [] },
      { prompt: prompt('x.py#B', 'Beta.', text.indexOf('"Beta'), { symbol: 'B' }), cost: cost(mystery, 3, 0, 1000), findings: [] },
      { prompt: prompt('x.py#C', 'Gamma. {A}', text.indexOf('"Gamma'), { symbol: 'C' }), cost: cost(GPT_4O, 905, 0, 1000), findings: [] },
    ]), text).rows;
    assert.deepEqual(sortPromptRows(rows, 'costPerMonth', 'desc').map((r) => r.label), ['C', 'B', 'A']);
    assert.deepEqual(sortPromptRows(rows, 'costPerCall', 'asc').map((r) => r.label), ['C', 'B', 'A']);
    assert.equal(rows[0].text.costPerMonth, 'in C');
  });
});
