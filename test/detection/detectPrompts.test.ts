import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, text: string): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text })).prompts;
}
const staticText = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `{${x.name}}`)).join('');

describe('detectPrompts: Python sinks and flow', () => {
  const source = [
    'from openai import OpenAI',
    'client = OpenAI()',
    'MODEL = "gpt-4o-mini"',
    'SYSTEM_PROMPT = "You are a support agent. Answer politely."',
    '',
    'def answer(question):',
    '    logger.info("answering %s", question)',
    '    return client.chat.completions.create(',
    '        model=MODEL,',
    '        max_tokens=300,',
    '        messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": f"Question: {question}"}],',
    '    )',
  ].join('\n');

  it('finds the constant through flow and the inline user message, grouped as one request', async () => {
    const prompts = await detect('support.py', source);
    assert.deepStrictEqual(prompts.map((p) => p.id), ['support.py#SYSTEM_PROMPT', 'support.py#answer.openai.chat.completions.messages[1]']);
    const [system, user] = prompts;
    assert.strictEqual(system.role, 'system');
    assert.strictEqual(user.role, 'user');
    assert.ok(system.requestId && system.requestId === user.requestId);
    assert.match(system.signals[0].detail, /SYSTEM_PROMPT is sent as a system message to client\.chat\.completions\.create/);
    assert.strictEqual(system.signals[0].line, 7);
  });

  it('resolves the model constant to its literal span and reads max_tokens', async () => {
    const [system] = await detect('support.py', source);
    assert.strictEqual(system.model?.name, 'gpt-4o-mini');
    assert.strictEqual(system.model?.source, 'constant');
    assert.strictEqual(source.slice(system.model!.span!.start, system.model!.span!.end), 'gpt-4o-mini');
    assert.strictEqual(system.callParams.maxTokens, 300);
  });

  it('maps f-string text back to source offsets and marks the placeholder', async () => {
    const [, user] = await detect('support.py', source);
    assert.strictEqual(staticText(user), 'Question: {question}');
    const text = user.parts[0];
    assert.ok(text.kind === 'text');
    assert.strictEqual(source.slice(text.offsets[0], text.offsets[text.text.length]), 'Question: ');
    assert.strictEqual(text.literal.fString, true);
    const ph = user.parts[1];
    assert.ok(ph.kind === 'placeholder' && ph.syntax === '{x}' && ph.source === '{question}');
  });

  it('ignores log messages', async () => {
    const prompts = await detect('support.py', source);
    assert.ok(!prompts.some((p) => staticText(p).includes('answering')));
  });
});

describe('detectPrompts: TypeScript', () => {
  it('finds Vercel AI SDK system and prompt with the model from openai("…")', async () => {
    const source = [
      'import { generateText } from "ai";',
      'import { openai } from "@ai-sdk/openai";',
      'export async function haiku(topic: string) {',
      '  return generateText({ model: openai("gpt-4o-mini"), system: "Be brief.", prompt: `Write a haiku about ${topic}`, maxTokens: 60 });',
      '}',
    ].join('\n');
    const prompts = await detect('haiku.ts', source);
    assert.deepStrictEqual(prompts.map((p) => [p.role, staticText(p)]), [['system', 'Be brief.'], ['user', 'Write a haiku about {topic}']]);
    assert.strictEqual(prompts[0].model?.name, 'gpt-4o-mini');
    assert.strictEqual(prompts[1].callParams.maxTokens, 60);
    assert.strictEqual(prompts[1].parts[1].kind === 'placeholder' && prompts[1].parts[1].syntax, '${expr}');
  });
});
