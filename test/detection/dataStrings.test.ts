// Mocked model replies, assertion arguments and file contents written by code are data, not prompts, in every scope
// (server/src/engine/detection/dataStrings.ts). Each case failed before: the string was priced as a prompt.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { detectPrompts } from '../../server/src/engine/detection';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'scopes');

async function detected(fileName: string, text: string): Promise<string[]> {
  const result = await detectPrompts({ uri: fileName, fileName, text });
  return result.prompts.map((p) => p.parts.map((part) => (part.kind === 'text' ? part.text : `{${part.name}}`)).join(''));
}

const fixture = (rel: string) => fs.readFileSync(path.join(FIXTURE, rel), 'utf8');

describe('data strings are not prompts', () => {
  it('a sandbox manifest entry and files written with writeFileSync / Path.write_text: only the agent instructions remain', async () => {
    const ts = await detected('src/sandbox.ts', fixture('src/sandbox.ts'));
    assert.deepEqual(ts, ['You finish the order status API in the sandbox. Implement the TODOs, run the tests, then summarize the files you changed.']);
    assert.deepEqual(await detected('app/export_notes.py', fixture('app/export_notes.py')), []);
  });

  it('a manual mock module and faked completions (choices / output_text / return_value) are no prompts', async () => {
    assert.deepEqual(await detected('__mocks__/openai.ts', fixture('__mocks__/openai.ts')), []);
    const py = await detected('tests/test_support_agent.py', fixture('tests/test_support_agent.py'));
    assert.ok(!py.some((t) => t.startsWith('You can reset your password') || t.startsWith('I could not find this')), py.join('\n'));
    assert.ok(py.some((t) => t.startsWith('You are grading support answers')), 'the grader prompt the test sends stays');
  });

  it('a Vitest file: mockResolvedValue replies and expect(...) arguments go, the judge request stays', async () => {
    const found = await detected('src/__tests__/summarize.spec.ts', fixture('src/__tests__/summarize.spec.ts'));
    assert.deepEqual(found, ['You are judging summaries. Answer with JSON {"pass": true|false} and nothing else.']);
  });

  const cases: { name: string; file: string; text: string }[] = [
    {
      name: 'unittest assertEqual / assertIn arguments',
      file: 'check.py',
      text: 'import unittest\n\nclass T(unittest.TestCase):\n    def test_it(self):\n        self.assertEqual(build(), {"role": "system", "content": "You are a helpful assistant. Summarize the following text in two sentences."})\n',
    },
    {
      name: 'mock.assert_called_once_with arguments',
      file: 'check.py',
      text: 'def test_sent(create):\n    create.assert_called_once_with(model="gpt-4o", messages=[{"role": "user", "content": "Summarize the following document for the support team in three bullet points."}])\n',
    },
    {
      name: 'MagicMock(return_value=…) and m.return_value = …',
      file: 'check.py',
      text: 'from unittest.mock import MagicMock\n\nclient = MagicMock(return_value={"role": "assistant", "content": "You are all set. Summarize the steps and respond in JSON."})\nclient.chat.return_value = {"content": "You are a helpful assistant. Summarize the following text in one sentence."}\n',
    },
    {
      name: 'a pytest fixture returning an assistant message',
      file: 'helpers.py',
      text: 'import pytest\n\n@pytest.fixture\ndef reply():\n    return {"role": "assistant", "content": "Thanks! You are all set: summarize the steps above and respond in the customer\'s language."}\n',
    },
    {
      name: 'responses.add(json=…) with a faked chat completion',
      file: 'check.py',
      text: 'import responses\n\nresponses.add(responses.POST, "https://api.openai.com/v1/chat/completions", json={"choices": [{"message": {"role": "assistant", "content": "You are right. Summarize the refund policy for the customer in two sentences."}}]})\n',
    },
    {
      name: 'jest mockReturnValueOnce and toHaveBeenCalledWith',
      file: 'check.ts',
      text: "create.mockReturnValueOnce({ output_text: 'You are a helpful assistant. Summarize the following text in one sentence.' });\nexpect(create).toHaveBeenCalledWith({ messages: [{ role: 'system', content: 'You are a support assistant. Answer the customer question briefly and politely.' }] });\n",
    },
    {
      name: 'fs.writeFile / appendFileSync bodies and a { path, content } entry',
      file: 'write.ts',
      text: [
        "import * as fs from 'node:fs';",
        'export function writeTask(dir: string, task: string, files: string[]) {',
        "  fs.appendFileSync(`${dir}/TASK.md`, `# Task\\n\\nYou are asked to ${task}. Summarize the result in RESULT.md and respond with the list of files you changed.\\n`);",
        "  const entries = [{ path: 'AGENTS.md', content: `You are an expert Node.js developer working in ${dir}.\\nSummarize the following files before you change them: ${files.join(', ')}.\\nRespond with JSON.` }];",
        '  return entries;',
        '}',
        '',
      ].join('\n'),
    },
  ];
  for (const c of cases) {
    it(`${c.name}: nothing detected`, async () => {
      assert.deepEqual(await detected(c.file, c.text), []);
    });
  }

  it('the same strings in a real request are still prompts (no over-reach)', async () => {
    const text = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'reply = client.chat.completions.create(model="gpt-4o", messages=[',
      '    {"role": "system", "content": "You are a support assistant. Summarize the following text in two sentences."},',
      '    {"role": "assistant", "content": "You are all set. Summarize the steps and respond in JSON."},',
      '])',
      'notes = {"path": "AGENTS.md", "prompt": "You are a helpful assistant. Summarize the following text in one sentence."}',
      'client.responses.create(model="gpt-4o", instructions="You are a helpful assistant. Summarize the following text in one sentence.", input=notes["path"])',
    ].join('\n');
    const found = await detected('app.py', text);
    assert.ok(found.includes('You are a support assistant. Summarize the following text in two sentences.'), found.join('\n'));
    assert.ok(found.includes('You are all set. Summarize the steps and respond in JSON.'), 'a few-shot assistant turn sent in a request stays');
    assert.ok(found.includes('You are a helpful assistant. Summarize the following text in one sentence.'));
  });

  it('a constant defined above and handed only to a mock or an assertion is data too (Python and TypeScript)', async () => {
    const py = [
      'from unittest.mock import MagicMock',
      '',
      'JUDGE_EXPECTED = "You are judging summaries. Answer with JSON and nothing else."',
      '',
      '',
      'def test_judge_is_called():',
      '    client = MagicMock()',
      '    client.chat.completions.create.assert_called_once_with(messages=[{"role": "system", "content": JUDGE_EXPECTED}])',
    ].join('\n');
    assert.deepEqual(await detected('tests/test_judge.py', py), []);
    const ts = [
      "import { expect, it, vi } from 'vitest';",
      '',
      'const create = vi.fn();',
      "const FAKE_ANSWER = 'You are a helpful assistant. Summarize the following text in one sentence.';",
      "const SUPPORT_PROMPT = 'You are a support assistant. Answer the customer question briefly and politely.';",
      '',
      "it('answers', async () => {",
      "  create.mockResolvedValue({ choices: [{ message: { role: 'assistant', content: FAKE_ANSWER } }] });",
      "  expect(create).toHaveBeenCalledWith({ messages: [{ role: 'system', content: SUPPORT_PROMPT }] });",
      '});',
    ].join('\n');
    assert.deepEqual(await detected('src/reply.spec.ts', ts), []);
  });

  it('a constant used as data and also sent in a real request stays a prompt; an exported one is left alone', async () => {
    const both = [
      'from unittest.mock import MagicMock',
      'from openai import OpenAI',
      '',
      'SYSTEM = "You are a support assistant. Answer the customer question briefly and politely."',
      '',
      '',
      'def ask(question):',
      '    return OpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}])',
      '',
      '',
      'def test_ask():',
      '    client = MagicMock()',
      '    client.create.assert_called_once_with(messages=[{"role": "system", "content": SYSTEM}])',
    ].join('\n');
    assert.deepEqual(await detected('app/ask.py', both), ['You are a support assistant. Answer the customer question briefly and politely.']);
    const exported = [
      "export const SUPPORT_PROMPT = 'You are a support assistant. Answer the customer question briefly and politely.';",
      "expect(create).toHaveBeenCalledWith({ messages: [{ role: 'system', content: SUPPORT_PROMPT }] });",
    ].join('\n');
    assert.deepEqual(await detected('src/prompts.ts', exported), ['You are a support assistant. Answer the customer question briefly and politely.']);
  });
});
