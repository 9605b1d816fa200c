import { strict as assert } from 'assert';
import { requestFindings, requestRuleCases } from './helpers/requestRuleTester';

const py = (model: string, text: string) =>
  `from openai import OpenAI\nclient = OpenAI()\n\ndef classify(ticket):\n    return client.chat.completions.create(model="${model}", messages=[{"role": "system", "content": "${text}"}, {"role": "user", "content": ticket}], max_tokens=16)\n`;
const LABEL = 'Classify the support ticket as one of: billing, bug, other. Respond with only the label.';

requestRuleCases('model-tier', {
  valid: [
    { name: 'already a small tier', file: 'a.py', code: py('gpt-4o-mini', LABEL) },
    { name: 'reasoning instructions', file: 'a.py', code: py('gpt-4o', `Think step by step about the customer's history, then ${LABEL}`) },
    { name: 'not small-tier work', file: 'a.py', code: py('gpt-4o', 'Write a detailed, friendly reply to the customer.') },
    { name: 'an unknown model has no price to compare', file: 'a.py', code: py('acme-frontier-9', LABEL) },
  ],
  invalid: [
    {
      name: 'gpt-4o on a label',
      file: 'a.py',
      code: py('gpt-4o', LABEL),
      errors: [/^gpt-4o on a prompt whose answer is a label: gpt-4\.1-mini, the same provider's smaller tier, usually handles this \(−\$[\d.,]+\/mo at this volume\)\. Compare the models in the sidebar before switching\.$/],
      output: null,
    },
    {
      name: 'Claude Sonnet on an extraction read as JSON',
      file: 'b.py',
      code: `import json\nimport anthropic\nclient = anthropic.Anthropic()\ndef pull(doc):\n    r = client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[{"role": "user", "content": f"Extract the invoice number and the total from this invoice. {doc}"}])\n    return json.loads(r.content[0].text)\n`,
      errors: [/^claude-sonnet-4-5 on an extraction read as JSON: claude-haiku-4-5/],
      output: null,
    },
  ],
});

describe('model-tier: the sidebar link and the saving', () => {
  it('offers the sidebar as the action and prices the request on the smaller tier', async () => {
    const [finding] = await requestFindings('model-tier', { file: 'a.py', code: py('gpt-4o', LABEL) });
    assert.equal(finding.openSidebar, 'Compare gpt-4o with gpt-4.1-mini in the sidebar');
    assert.equal(finding.fix, undefined);
    assert.ok(finding.savingsMonthly! > 0 && Number.isFinite(finding.savingsMonthly));
  });
});
