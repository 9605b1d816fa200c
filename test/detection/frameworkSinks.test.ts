// Calls the sink table lacked (issue 14 point 5), one test per row added to sinks.ts: each text is found with its
// role, and the look-alike calls next to it are not.
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, lines: string[]): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text: lines.join('\n') })).prompts;
}
const textOf = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `{${x.name}}`)).join('');
const roles = (prompts: DetectedPrompt[]) => Object.fromEntries(prompts.map((p) => [textOf(p), p.role]));

describe('framework sinks', () => {
  it('reads run(agent, input) from @openai/agents as the user turn, but not queue.run(text)', async () => {
    const prompts = await detect('desk.ts', [
      "import { Agent, run } from '@openai/agents';",
      "const poet = new Agent({ name: 'Poet', instructions: 'Write one haiku.' });",
      "await run(poet, 'Write about autumn rain.');",
      "await queue.run(digestJob, 'Send the weekly digest to every subscriber on the list.');",
    ]);
    assert.deepStrictEqual(roles(prompts), { 'Write one haiku.': 'system', 'Write about autumn rain.': 'user' });
  });

  it('does not follow an image or file reference of a content part into a prompt', async () => {
    const prompts = await detect('look.ts', [
      "import { Agent, run } from '@openai/agents';",
      "const photo = 'https://example.com/photos/harbour-at-dusk.jpg';",
      "const guide = new Agent({ name: 'Guide', instructions: 'Describe pictures for blind readers.' });",
      "await run(guide, [{ role: 'user', content: [{ type: 'input_image', image: photo }] }, { role: 'user', content: 'What is in this picture?' }]);",
    ]);
    assert.deepStrictEqual(roles(prompts), { 'Describe pictures for blind readers.': 'system', 'What is in this picture?': 'user' });
  });

  it("does not take a terminal helper's question for the input its answer becomes", async () => {
    const prompts = await detect('cli.ts', [
      "import { Agent, run } from '@openai/agents';",
      "import { createInterface } from 'node:readline/promises';",
      'const rl = createInterface({ input: process.stdin, output: process.stdout });',
      'const ask = async (question: string) => (await rl.question(question)).trim();',
      "const helper = new Agent({ name: 'Helper', instructions: 'Answer in one sentence.' });",
      'export async function main() {',
      "  const request = await ask('Type your question and press Enter: ');",
      '  return run(helper, request);',
      '}',
    ]);
    assert.deepStrictEqual(roles(prompts), { 'Answer in one sentence.': 'system' });
  });

  it('reads a browser-use task and its system message extension', async () => {
    const prompts = await detect('scout.py', [
      'from browser_use import Agent, ChatOpenAI',
      'agent = Agent(task="Find the cheapest flight from Oslo to Rome.", extend_system_message="Never pay.", llm=ChatOpenAI(model="gpt-4.1-mini"))',
    ]);
    assert.deepStrictEqual(roles(prompts), { 'Find the cheapest flight from Oslo to Rome.': 'user', 'Never pay.': 'system' });
    assert.strictEqual(prompts[0].model?.name, 'gpt-4.1-mini');
  });

  it("reads role, goal and background of a JavaScript agent framework's Agent", async () => {
    const prompts = await detect('team.js', [
      "import { Agent, Task } from 'kaibanjs';",
      "const keeper = new Agent({ name: 'Peter', role: 'Store keeper', goal: 'Keep the shelves stocked.', background: 'Ran a shop.' });",
      "const count = new Task({ description: 'Count the items on {shelf}.', expectedOutput: 'A list.', agent: keeper });",
    ]);
    assert.deepStrictEqual(roles(prompts), {
      'Store keeper': 'system', 'Keep the shelves stocked.': 'system', 'Ran a shop.': 'system',
      'Count the items on {shelf}.': 'user', 'A list.': 'user',
    });
  });

  it('reads Mastra agent instructions', async () => {
    const prompts = await detect('agent.ts', [
      "import { Agent } from '@mastra/core/agent';",
      "import { openai } from '@ai-sdk/openai';",
      "export const weather = new Agent({ name: 'Weather', instructions: 'Give the forecast in one line.', model: openai('gpt-4o-mini') });",
    ]);
    assert.deepStrictEqual(roles(prompts), { 'Give the forecast in one line.': 'system' });
    assert.strictEqual(prompts[0].model?.name, 'gpt-4o-mini');
  });

  it('reads AI SDK UI sendMessage({ text }) and append({ role, content }), not list growth or other handlers', async () => {
    const prompts = await detect('Chips.tsx', [
      "import { useChat } from '@ai-sdk/react';",
      'export function Chips({ onPick }) {',
      '  const { sendMessage, append } = useChat();',
      '  const log = [];',
      "  log.append({ content: 'clicked the Lisbon chip' });",
      "  return <><button onClick={() => sendMessage({ text: 'Plan a weekend in Lisbon.' })} /><button onClick={() => append({ role: 'user', content: 'What should I pack?' })} /><button onClick={() => onPick({ text: 'Lisbon' })} /></>;",
      '}',
    ]);
    assert.deepStrictEqual(roles(prompts), { 'Plan a weekend in Lisbon.': 'user', 'What should I pack?': 'user' });
  });

  it('reads the legacy MistralClient.chat with ChatMessage(role=…, content=…)', async () => {
    const prompts = await detect('sommelier.py', [
      'from mistralai.client import MistralClient',
      'from mistralai.models.chat_completion import ChatMessage',
      'client = MistralClient(api_key=key)',
      'client.chat(model="mistral-large-latest", messages=[ChatMessage(role="system", content="You pair cheese with wine."), ChatMessage(role="user", content="Which cheese for a Rioja?")])',
    ]);
    assert.deepStrictEqual(roles(prompts), { 'You pair cheese with wine.': 'system', 'Which cheese for a Rioja?': 'user' });
    assert.ok(prompts.every((p) => p.model?.name === 'mistral-large-latest'));
  });

  it("reads the newer Mistral client's inline UserMessage(content=f\"…\")", async () => {
    const prompts = await detect('menu.py', [
      'from mistralai import Mistral, UserMessage',
      'client = Mistral(api_key=key)',
      'def card(cheese):',
      '    return client.chat.complete(model="mistral-small-latest", messages=[UserMessage(content=f"Describe {cheese} in twenty words.")])',
    ]);
    assert.deepStrictEqual(roles(prompts), { 'Describe {cheese} in twenty words.': 'user' });
  });

  it('still reads a text part { type: "text", text } of a multimodal message (already handled; pinned here), not the image part', async () => {
    const prompts = await detect('receipt.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def total(url):',
      '    parts = [{"type": "text", "text": "What is the total on this receipt?"}, {"type": "image_url", "image_url": {"url": url}}]',
      '    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": parts}])',
    ]);
    assert.deepStrictEqual(roles(prompts), { 'What is the total on this receipt?': 'user' });
  });

  it('reads responses.create({ prompt: "…" }) as the user turn, not a stored prompt id', async () => {
    const prompts = await detect('stored.ts', [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      "await client.responses.create({ model: 'gpt-4.1', prompt: 'Write a haiku about receipts.' });",
      "await client.responses.create({ model: 'gpt-4.1', prompt: { id: 'pmpt_abc123', version: '2' } });",
    ]);
    assert.deepStrictEqual(roles(prompts), { 'Write a haiku about receipts.': 'user' });
  });
});
