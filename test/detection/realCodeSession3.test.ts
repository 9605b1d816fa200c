// Cases from the third review on real public code (docs/design/detection.md, "Real-code review, session 3"),
// rewritten in our own words: each test pins down one pattern found there.
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, text: string): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text })).prompts;
}
const textOf = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `{${x.name}}`)).join('');
const texts = (prompts: DetectedPrompt[]) => prompts.map(textOf);

describe('real code, session 3: values only inserted into a prompt', () => {
  it('does not report a one-word value placed inside a larger prompt', async () => {
    const prompts = await detect('chess.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def move_prompt(board, white):',
      '    side = "white" if white else "black"',
      '    prompt = f"You play {side}. Board: {board}. Reply with one move in UCI notation."',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])',
    ].join('\n'));
    assert.deepStrictEqual(texts(prompts), ['You play {side}. Board: {board}. Reply with one move in UCI notation.']);
  });

  it('still reports a one-word prompt passed whole', async () => {
    const prompts = await detect('loop.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'nudge = "Continue"',
      'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": nudge}])',
    ].join('\n'));
    assert.deepStrictEqual(texts(prompts), ['Continue']);
  });
});

describe('real code, session 3: message content parts', () => {
  it('reports the text block of a message but not the fields of its file part', async () => {
    const prompts = await detect('vision.ts', [
      'import { generateText } from "ai";',
      'await generateText({ model, messages: [{ role: "user", content: [',
      '  { type: "text", text: "What is in this picture?" },',
      '  { type: "file", mediaType: "image/png", data: "https://example.com/cat.png", providerOptions: { openai: { imageDetail: "low" } } },',
      '] }] });',
    ].join('\n'));
    assert.deepStrictEqual(texts(prompts), ['What is in this picture?']);
  });

  it('does not follow a message list into an image part\'s url', async () => {
    const prompts = await detect('vision.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'msgs = [{"role": "user", "content": [{"type": "text", "text": "Describe the chart."}, {"type": "image_url", "image_url": {"url": "https://example.com/chart.png", "detail": "high"}}]}]',
      'client.chat.completions.create(model="gpt-4o", messages=msgs)',
    ].join('\n'));
    assert.deepStrictEqual(texts(prompts), ['Describe the chart.']);
  });
});
