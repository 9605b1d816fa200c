import { requestRuleCases } from './helpers/requestRuleTester';

const LABEL = 'Classify the support ticket as one of: billing, bug, other. Respond with only the label.';
const py = (call: string) => `from openai import OpenAI\nclient = OpenAI()\n\ndef classify(ticket):\n    return ${call}\n`;
const chat = (extra: string, model = 'gpt-4o') =>
  py(`client.chat.completions.create(model="${model}", messages=[{"role": "system", "content": "${LABEL}"}, {"role": "user", "content": ticket}]${extra})`);

requestRuleCases('unbounded-output', {
  valid: [
    { name: 'a limit is set', file: 'a.py', code: chat(', max_tokens=50') },
    { name: 'a limit set from a variable', file: 'a.py', code: chat(', max_tokens=LIMIT') },
    { name: 'a limit in a dict spread into the call', file: 'a.py', code: `PARAMS = {"max_tokens": 20}\n` + chat(', **PARAMS') },
    { name: 'an unread spread may hold a limit', file: 'a.py', code: chat(', **options').replace('def classify(ticket)', 'def classify(ticket, **options)') },
    { name: 'no short answer asked', file: 'a.py', code: py('client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Write a friendly reply to this customer."}])') },
    {
      name: 'a long answer is asked too: a bound would cut it off',
      file: 'a.py',
      code: py(`client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Explain your reasoning step by step, then respond with only the label."}])`),
    },
    {
      name: 'Anthropic Messages: max_tokens is required',
      file: 'a.py',
      code: `import anthropic\nclient = anthropic.Anthropic()\nr = client.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=[{"role": "user", "content": "${LABEL}"}])\n`,
    },
    {
      name: 'the configured output estimate is already below the bound',
      file: 'a.py',
      code: chat('').replace('    return', '    # prompt-cost: output=5\n    return'),
    },
  ],
  invalid: [
    {
      name: 'chat completions on a one-line call',
      file: 'a.py',
      code: chat(''),
      errors: ['Asks for a label, but the call sets no output limit: max_tokens=16 bounds the reply (output estimate 250 → 16 tokens at gpt-4o, −234 output tokens · −$70/mo).'],
      output: chat(', max_tokens=16'),
    },
    {
      name: 'a multi-line call with a trailing comma and a comment',
      file: 'a.py',
      code: py(`client.chat.completions.create(\n        model="gpt-4o",\n        messages=[{"role": "user", "content": "${LABEL}"}],\n        temperature=0,  # stable labels\n    )`),
      errors: [/max_tokens=16/],
      output: py(`client.chat.completions.create(\n        model="gpt-4o",\n        messages=[{"role": "user", "content": "${LABEL}"}],\n        temperature=0,  # stable labels\n        max_tokens=16,\n    )`),
    },
    {
      name: 'a reasoning model: max_completion_tokens, with room for its reasoning',
      file: 'a.py',
      code: chat('', 'o3'),
      errors: [/max_completion_tokens=3016 \(16 for the answer \+ 3,000 estimated reasoning\)/],
      output: chat(', max_completion_tokens=3016', 'o3'),
    },
    {
      name: 'Responses API: max_output_tokens',
      file: 'b.py',
      code: py('client.responses.create(model="gpt-4.1", input=f"Is the review positive? Answer yes or no. {ticket}")'),
      errors: [/^Asks for a yes\/no answer.*max_output_tokens=16/],
      output: py('client.responses.create(model="gpt-4.1", input=f"Is the review positive? Answer yes or no. {ticket}", max_output_tokens=16)'),
    },
    {
      name: 'a dict spread into the call that we read, without a limit',
      file: 'a.py',
      code: `PARAMS = {"temperature": 0}\n` + chat(', **PARAMS'),
      errors: [/max_tokens=16/],
      output: `PARAMS = {"temperature": 0}\n` + chat(', **PARAMS, max_tokens=16'),
    },
    {
      name: 'Gemini: inside an existing config',
      file: 'g.py',
      code: `from google import genai\nfrom google.genai import types\nclient = genai.Client()\nr = client.models.generate_content(\n    model="gemini-2.5-pro",\n    contents="Rate the answer from 1 to 5. Return only the number.",\n    config=types.GenerateContentConfig(temperature=0),\n)\n`,
      errors: [/config\.max_output_tokens/],
      output: `from google import genai\nfrom google.genai import types\nclient = genai.Client()\nr = client.models.generate_content(\n    model="gemini-2.5-pro",\n    contents="Rate the answer from 1 to 5. Return only the number.",\n    config=types.GenerateContentConfig(temperature=0, max_output_tokens=3016),\n)\n`,
    },
    {
      name: 'AI SDK: maxOutputTokens in the options object',
      file: 'c.ts',
      code: `import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport const tag = (text: string) =>\n  generateText({\n    model: openai('gpt-4o'),\n    prompt: \`Extract the product name. Return only the name.\\n\\n\${text}\`,\n  });\n`,
      errors: [/^Asks for a label, but the call sets no output limit: maxOutputTokens: 16/],
      output: `import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport const tag = (text: string) =>\n  generateText({\n    model: openai('gpt-4o'),\n    prompt: \`Extract the product name. Return only the name.\\n\\n\${text}\`,\n    maxOutputTokens: 16,\n  });\n`,
    },
    {
      name: 'OpenAI Node SDK, single line',
      file: 'd.ts',
      code: `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport const ok = (q: string) => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Answer yes or no: \${q}\` }] });\n`,
      errors: [/max_tokens: 16/],
      output: `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport const ok = (q: string) => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Answer yes or no: \${q}\` }], max_tokens: 16 });\n`,
    },
  ],
});
