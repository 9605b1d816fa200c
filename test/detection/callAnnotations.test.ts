// Annotations on one-line calls (issue 14 point 6): `prompt-cost: calls=… output=…` above a call applies to that
// call's request; the model name, role words and keys of the call are never prompts.
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, lines: string[]): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text: lines.join('\n') })).prompts;
}
const textOf = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `{${x.name}}`)).join('');

describe('annotations above a one-line call', () => {
  it('applies calls= and output= to the prompts of the call and makes no other literal a prompt (Python)', async () => {
    const prompts = await detect('tags.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def tag(text):',
      '    # prompt-cost: calls=20000/day output=300',
      '    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": "Reply with three tags."}, {"role": "user", "content": text}])',
    ]);
    assert.deepStrictEqual(prompts.map(textOf), ['Reply with three tags.']);
    assert.strictEqual(prompts[0].annotation?.callsPerDay, 20000);
    assert.strictEqual(prompts[0].annotation?.outputTokens, 300);
    assert.strictEqual(prompts[0].model?.name, 'gpt-4o-mini');
  });

  it('does the same for a JavaScript call and a call bound to a name', async () => {
    const prompts = await detect('title.ts', [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      'export async function title(text: string) {',
      '  // prompt-cost: calls=500/day',
      "  const reply = await client.responses.create({ model: 'gpt-4.1-nano', instructions: 'Write a five-word title.', input: text });",
      '  return reply.output_text;',
      '}',
    ]);
    assert.deepStrictEqual(prompts.map(textOf), ['Write a five-word title.']);
    assert.strictEqual(prompts[0].annotation?.callsPerDay, 500);
  });

  it('still forces a string the annotation stands right above (prompt-cost: prompt)', async () => {
    const prompts = await detect('notes.py', ['# prompt-cost: prompt', 'GREETING = "Hello there, how can I help with your order today?"']);
    assert.deepStrictEqual(prompts.map(textOf), ['Hello there, how can I help with your order today?']);
  });

  it('applies a call annotation to the prompts reaching the call from elsewhere in the file', async () => {
    const prompts = await detect('flow.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'SYSTEM = "You summarise support tickets in one sentence."',
      'def summary(ticket):',
      '    # prompt-cost: calls=3000/day',
      '    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": ticket}])',
    ]);
    assert.deepStrictEqual(prompts.map(textOf), ['You summarise support tickets in one sentence.']);
    assert.strictEqual(prompts[0].annotation?.callsPerDay, 3000);
  });
});
