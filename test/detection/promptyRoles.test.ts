// A `.prompty` body is the messages of one request: `system:` / `user:` / `assistant:` lines start each message.
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, text: string): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text })).prompts;
}
const sourceOf = (text: string, p: DetectedPrompt) => text.slice(p.span.start, p.span.end);

const PROMPTY = [
  '---',
  'name: Trip helper',
  'model:',
  '  api: chat',
  '  configuration:',
  '    azure_deployment: gpt-4o-mini',
  '  parameters:',
  '    max_tokens: 400',
  '---',
  'system:',
  'You plan budget trips. Answer in a short list.',
  '',
  'user:',
  'I want to visit {{city}}.',
  '',
  'assistant:',
  'Which month?',
  '',
  'user:',
  '{{month}}',
  '',
].join('\n');

describe('prompty role lines: one prompt per message', () => {
  it('makes text before the first role line a system message, as Prompty does (review case)', async () => {
    const text = ['---', 'name: Grader', 'model:', '  configuration:', '    name: gpt-4o', '---', 'You grade essays strictly and briefly.', '', 'user:', 'Grade this: {{essay}}', ''].join('\n');
    const prompts = await detect('prompts/grade.prompty', text);
    assert.deepStrictEqual(prompts.map((p) => [p.role, sourceOf(text, p)]), [['system', 'You grade essays strictly and briefly.'], ['user', 'Grade this: {{essay}}']]);
    assert.strictEqual(new Set(prompts.map((p) => p.requestId)).size, 1);
  });

  it('splits the body by role line, with the role, one request and the front-matter model for each', async () => {
    const prompts = await detect('prompts/trip.prompty', PROMPTY);
    assert.deepStrictEqual(prompts.map((p) => sourceOf(PROMPTY, p)), ['You plan budget trips. Answer in a short list.', 'I want to visit {{city}}.', 'Which month?', '{{month}}']);
    assert.deepStrictEqual(prompts.map((p) => p.role), ['system', 'user', 'assistant', 'user']);
    assert.deepStrictEqual(prompts.map((p) => p.id), ['prompts/trip.prompty#system', 'prompts/trip.prompty#user', 'prompts/trip.prompty#assistant', 'prompts/trip.prompty#user~2']);
    assert.ok(prompts.every((p) => p.requestId === 'prompts/trip.prompty#prompty'));
    assert.ok(prompts.every((p) => p.model?.name === 'gpt-4o-mini' && p.callParams.maxTokens === 400));
    assert.ok(prompts.every((p) => p.parts.every((part) => part.kind !== 'text' || !/^(system|user|assistant):/m.test(part.text))), 'role lines are not text');
    const city = prompts[1].parts.find((p) => p.kind === 'placeholder');
    assert.ok(city && city.name === 'city');
  });

  it('keeps a .prompty body without role lines as one prompt', async () => {
    const text = '---\nmodel: gpt-4o\n---\nSummarize the ticket below in two sentences.\n{{ticket}}\n';
    const prompts = await detect('summary.prompty', text);
    assert.strictEqual(prompts.length, 1);
    assert.strictEqual(prompts[0].id, 'summary.prompty#prompt');
    assert.strictEqual(prompts[0].model?.name, 'gpt-4o');
  });
});
