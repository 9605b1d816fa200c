// Options objects spread into an LLM call (`generateText({ ...OPTS, prompt })`, `create(**params)`): their keys
// count as the call's own keywords, for the prompt texts and for the model and max tokens.
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, text: string): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text })).prompts;
}
const textOf = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `{${x.name}}`)).join('');

describe('spread options: keywords from an in-file dict', () => {
  it('takes the dict a name holds at the call, not a later re-binding (review case)', async () => {
    const source = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def run(q):',
      '    params = {"model": "gpt-4o-mini", "max_tokens": 100, "messages": [{"role": "system", "content": "You are a terse grader. Reply PASS or FAIL."}]}',
      '    a = client.chat.completions.create(**params)',
      '    params = {"model": "o3", "max_tokens": 9000, "messages": [{"role": "system", "content": "You are a patient tutor. Explain each step."}]}',
      '    b = client.chat.completions.create(**params)',
      '    return a, b',
    ].join('\n');
    const prompts = await detect('regrade.py', source);
    const grader = prompts.find((p) => textOf(p).startsWith('You are a terse grader'))!;
    const tutor = prompts.find((p) => textOf(p).startsWith('You are a patient tutor'))!;
    assert.strictEqual(grader.model?.name, 'gpt-4o-mini');
    assert.strictEqual(grader.callParams.maxTokens, 100);
    assert.strictEqual(tutor.model?.name, 'o3');
    assert.strictEqual(tutor.callParams.maxTokens, 9000);
  });

  it('reads system, model and max tokens from a spread object (AI SDK, OpenAI Responses)', async () => {
    const source = [
      'import { generateText } from "ai";',
      'import { openai } from "@ai-sdk/openai";',
      'const SYSTEM = "You are a travel agent. Answer in two sentences.";',
      'const OPTS = { model: openai("gpt-4o"), system: SYSTEM, maxTokens: 300 };',
      'const MORE = { model: "o4-mini", instructions: "Keep it short and friendly.", max_output_tokens: 800 };',
      'export async function plan(prompt: string) {',
      '  return generateText({ ...OPTS, prompt });',
      '}',
      'export async function other(input: string) {',
      '  return client.responses.create({ ...MORE, input });',
      '}',
    ].join('\n');
    const prompts = await detect('opts.ts', source);
    assert.deepStrictEqual(prompts.map(textOf), ['You are a travel agent. Answer in two sentences.', 'Keep it short and friendly.']);
    const [system, instructions] = prompts;
    assert.strictEqual(system.role, 'system');
    assert.strictEqual(system.model?.name, 'gpt-4o');
    assert.strictEqual(system.callParams.maxTokens, 300);
    assert.match(system.requestId ?? '', /#ai-sdk@7$/);
    assert.strictEqual(instructions.id, 'opts.ts#MORE.instructions');
    assert.strictEqual(instructions.model?.name, 'o4-mini');
    assert.strictEqual(source.slice(instructions.model!.span!.start, instructions.model!.span!.end), 'o4-mini');
    assert.strictEqual(instructions.callParams.maxTokens, 800);
    assert.match(instructions.requestId ?? '', /#openai\.responses@10$/);
  });

  it('reads system and messages from **params and an inline **{…} (Python)', async () => {
    const prompts = await detect('lib.py', [
      'import anthropic',
      'claude = anthropic.Anthropic()',
      'def ask(q):',
      '    params = {"model": "claude-haiku-4-5", "max_tokens": 200, "system": "You are a librarian. Recommend one book.",',
      '              "messages": [{"role": "user", "content": f"Question: {q}"}], "metadata": {"user_id": "the reader asking about books today"}}',
      '    return claude.messages.create(**params)',
      'def verse():',
      '    return claude.messages.create(**{"model": "claude-sonnet-4-5", "max_tokens": 100, "system": "You are a poet. Reply in verse."}, messages=[])',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map(textOf), ['You are a librarian. Recommend one book.', 'Question: {q}', 'You are a poet. Reply in verse.']);
    assert.deepStrictEqual(prompts.map((p) => p.id.split('#')[1]), ['ask.params.system', 'ask.params.messages[0]', 'verse.anthropic.messages.system']);
    assert.deepStrictEqual(prompts.map((p) => p.role), ['system', 'user', 'system']);
    assert.deepStrictEqual(prompts.map((p) => p.model?.name), ['claude-haiku-4-5', 'claude-haiku-4-5', 'claude-sonnet-4-5']);
    assert.deepStrictEqual(prompts.map((p) => p.callParams.maxTokens), [200, 200, 100]);
    assert.strictEqual(prompts[0].requestId, prompts[1].requestId);
  });

  it('lets a keyword written at the call win over the spread one', async () => {
    const [p] = await detect('win.ts', [
      'const BASE = { model: "gpt-4o-mini", system: "You are a helpful assistant for the docs site." };',
      'export const go = (q: string) => generateText({ ...BASE, model: "gpt-4.1", prompt: q });',
    ].join('\n'));
    assert.strictEqual(p.model?.name, 'gpt-4.1');
    assert.strictEqual(p.model?.source, 'call-site');
  });
});
