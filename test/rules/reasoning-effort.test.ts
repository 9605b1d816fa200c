import { strict as assert } from 'assert';
import { applySourceEdits, fixAllEdits } from '../../server/src/engine/rules';
import { requestFindings, requestRuleCases } from './helpers/requestRuleTester';

const LABEL = 'Classify the support ticket as one of: billing, bug, other. Respond with only the label.';
const py = (call: string) => `from openai import OpenAI\nclient = OpenAI()\n\ndef classify(ticket):\n    return ${call}\n`;
const chat = (model: string, extra = '', text = LABEL, afterModel = '') =>
  py(`client.chat.completions.create(model="${model}"${afterModel}, messages=[{"role": "system", "content": "${text}"}, {"role": "user", "content": ticket}], max_completion_tokens=4000${extra})`);
const aiSdk = (options: string, afterModel = '') =>
  `import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport const tag = (text: string) =>\n  generateText({\n    model: openai('gpt-5'),${afterModel}\n    prompt: \`Extract the product name. Return only the name.\\n\\n\${text}\`,\n    maxOutputTokens: 3000,${options}\n  });\n`;

describe('reasoning-effort and unbounded-output on one call', () => {
  it('both fixes apply in one fix-all: the effort beside the model, the limit after the last argument', async () => {
    const c = { file: 'a.py', code: py(`client.chat.completions.create(\n        model="o3",\n        messages=[{"role": "user", "content": "${LABEL}"}],\n    )`) };
    const fixes = [...(await requestFindings('reasoning-effort', c)), ...(await requestFindings('unbounded-output', c))].map((f) => f.fix!);
    assert.equal(fixes.length, 2);
    const after = applySourceEdits(c.code, fixAllEdits(fixes));
    assert.equal(after, py(`client.chat.completions.create(\n        model="o3",\n        reasoning_effort="low",\n        messages=[{"role": "user", "content": "${LABEL}"}],\n        max_completion_tokens=3016,\n    )`));
  });
});

requestRuleCases('reasoning-effort', {
  valid: [
    { name: 'already low', file: 'a.py', code: chat('o3', ', reasoning_effort="low"') },
    { name: 'a model that does not reason', file: 'a.py', code: chat('gpt-4o') },
    { name: 'the prompt asks it to reason', file: 'a.py', code: chat('o3', '', `Think carefully about each option, then ${LABEL}`) },
    { name: 'not a label or an extraction', file: 'a.py', code: chat('o3', '', 'Write a thoughtful reply to the customer.') },
    { name: 'an effort spread in from a variable we cannot read', file: 'a.py', code: chat('o3', ', **opts').replace('def classify(ticket)', 'def classify(ticket, **opts)') },
  ],
  invalid: [
    {
      name: 'chat completions at a written high effort',
      file: 'a.py',
      code: chat('o3', ', reasoning_effort="high"'),
      // high → 10,000, capped at what max_completion_tokens=4000 leaves after the 250-token answer.
      errors: ['reasoning_effort="high" on a prompt whose answer is a label: reasoning_effort="low" reasons far less (reasoning estimate 3,750 → 1,000 tokens, −2,750 reasoning tokens · −$660/mo).'],
      output: chat('o3', ', reasoning_effort="low"'),
    },
    {
      name: 'chat completions at the default effort: the parameter is added',
      file: 'a.py',
      code: chat('gpt-5'),
      errors: [/^gpt-5's default effort \(medium\) on a prompt whose answer is a label: reasoning_effort="minimal"/],
      output: chat('gpt-5', '', LABEL, ', reasoning_effort="minimal"'),
    },
    {
      name: 'Responses: inside an existing reasoning dict',
      file: 'b.py',
      code: py('client.responses.create(model="o4-mini", reasoning={"effort": "medium", "summary": "auto"}, input=f"Extract the order number. Return only the number. {ticket}", max_output_tokens=4000)'),
      errors: [/reasoning=\{"effort": "low"\}/],
      output: py('client.responses.create(model="o4-mini", reasoning={"effort": "low", "summary": "auto"}, input=f"Extract the order number. Return only the number. {ticket}", max_output_tokens=4000)'),
    },
    {
      name: 'Responses: reasoning added',
      file: 'b.py',
      code: py('client.responses.create(model="o3", input=f"Extract the order number. Return only the number. {ticket}", max_output_tokens=4000)'),
      errors: [/reasoning=\{"effort": "low"\}/],
      output: py('client.responses.create(model="o3", reasoning={"effort": "low"}, input=f"Extract the order number. Return only the number. {ticket}", max_output_tokens=4000)'),
    },
    {
      name: 'AI SDK: providerOptions added',
      file: 'c.ts',
      code: aiSdk(''),
      errors: [/providerOptions\.openai\.reasoningEffort: 'minimal'/],
      output: aiSdk('', `\n    providerOptions: { openai: { reasoningEffort: 'minimal' } },`),
    },
    {
      name: 'AI SDK: merged into existing providerOptions',
      file: 'c.ts',
      code: aiSdk(`\n    providerOptions: { openai: { store: false } },`),
      errors: [/reasoningEffort/],
      output: aiSdk(`\n    providerOptions: { openai: { store: false, reasoningEffort: 'minimal' } },`),
    },
  ],
});
