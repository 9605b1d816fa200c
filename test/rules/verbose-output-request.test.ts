import { requestRuleCases } from './helpers/requestRuleTester';

const py = (text: string, after = '    return json.loads(r.choices[0].message.content)\n') =>
  `import json\nfrom openai import OpenAI\nclient = OpenAI()\n\ndef extract(doc):\n    r = client.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": "${text}"}, {"role": "user", "content": doc}])\n${after}`;

requestRuleCases('verbose-output-request', {
  valid: [
    { name: 'the reply is shown, not parsed', file: 'a.py', code: py('Explain in detail why the build failed.', '    return r.choices[0].message.content\n') },
    { name: 'parsed, no verbose request', file: 'a.py', code: py('Extract the total. Return JSON with the key total.') },
  ],
  invalid: [
    {
      name: 'step-by-step reasoning before JSON that json.loads reads',
      file: 'a.py',
      code: py('Extract the total. Show your reasoning, then return JSON with the key total.'),
      errors: ['"Show your reasoning" asks for text that is thrown away when the reply is read as a label or JSON, and is billed as output. Ask for the answer only (−50 output tokens · −$12/mo if the reply is the answer alone).'],
      output: null,
    },
    {
      name: 'a JSON response format, two requests in one prompt',
      file: 'b.py',
      code: `from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o", response_format={"type": "json_object"}, messages=[{"role": "user", "content": "Think step by step and explain in detail, then give the category as JSON."}])\n`,
      errors: [/^"Think step by step"/, /^"explain in detail"/],
      output: null,
    },
    {
      name: 'the prompt itself asks for only a label',
      file: 'c.py',
      code: `from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Think out loud about the ticket, then respond with only the label."}])\n`,
      errors: [/^"Think out loud".*\(−234 output tokens/],
      output: null,
    },
  ],
});
