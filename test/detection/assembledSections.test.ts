// Prompts found by their name or wording (no call in the file) are assembled from sections that helper functions
// return, names and choices inserted into them, and per-item lines: each is a piece of that prompt (a fragment when
// the prompt inserts it under a name), found on its own line, counted once. Also the framework rows added with them.
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, text: string): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text })).prompts;
}
const local = (p: DetectedPrompt) => p.id.split('#')[1];
const textOf = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `{${x.name}}`)).join('');
const lineOf = (text: string, p: DetectedPrompt) => text.slice(0, p.span.start).split('\n').length;

describe('assembled sections of a prompt found by its name', () => {
  const TS = [
    'export function buildTutorPrompt(level: string, topics: string[]): string {',
    '  let prompt = `You are a patient maths tutor. Explain each step before giving the answer.`;',
    '  prompt = withTopics(prompt, topics);',
    '  prompt += "\\n\\n" + renderLevel(level);',
    '  return prompt;',
    '}',
    'function withTopics(prompt: string, topics: string[]): string {',
    '  const section = `## Topics\\n\\nStay within these topics and say so when a question is outside them: ${topics.join(", ")}`;',
    '  return prompt + "\\n\\n" + section;',
    '}',
    'function renderLevel(level: string): string {',
    '  return `## Level\\n\\nThe student is at ${level} level: ${level === "beginner" ? "avoid any notation beyond arithmetic." : "use standard notation."}`;',
    '}',
    'function swapStyle(prompt: string): string {',
    '  const formal = "Explain each step before giving the answer.";',
    '  return prompt.replace(formal, "Give the answer, then one line of explanation.");',
    '}',
  ].join('\n');

  it('finds the section a helper returns, the section a wrapper appends, and the choices inside a section', async () => {
    const prompts = await detect('tutor.ts', TS);
    const lines = prompts.map((p) => lineOf(TS, p));
    assert.ok(lines.includes(2), 'the prompt itself');
    assert.ok(lines.includes(8), 'the section withTopics appends');
    assert.ok(lines.includes(12), 'the section renderLevel returns');
    const choices = prompts.filter((p) => textOf(p) === 'avoid any notation beyond arithmetic.' || textOf(p) === 'use standard notation.');
    assert.strictEqual(choices.length, 2, 'both branches of the choice are pieces');
    for (const c of choices) assert.strictEqual(c.fragmentOf, prompts.find((p) => local(p) === 'renderLevel')!.id, 'a choice belongs to the text it is inserted into');
  });

  it('does not take the text a .replace searches for as a piece', async () => {
    const prompts = await detect('tutor.ts', TS);
    assert.ok(!prompts.some((p) => local(p) === 'swapStyle.formal'), prompts.map(local).join(', '));
  });

  it('keeps one-word choices and letterless item formats out (they are values, not sentences)', async () => {
    const text = [
      'export function buildGreeterPrompt(user: { name?: string; tier?: string }, tags: string[]): string {',
      '  const listed = tags.map((t, i) => `${i + 1}. ${t}`).join("\\n");',
      '  return `You are the greeter of a members club. Greet ${user.name || "guest"} warmly and mention their ${user.tier ?? "basic"} perks.\\n${listed}`;',
      '}',
    ].join('\n');
    const prompts = await detect('greeter.ts', text);
    assert.deepStrictEqual(prompts.map(local), ['buildGreeterPrompt']);
  });

  it('follows the pieces of a Python prompt built by name in a function that returns it', async () => {
    const text = [
      'def render_rules(rules):',
      '    return "## Rules\\nFollow every rule below, in order:\\n" + "\\n".join(f"- Always {r}" for r in rules)',
      '',
      'def build_support_prompt(rules, vip):',
      '    prompt = "You are a support assistant for a bike shop. Answer in two sentences."',
      '    prompt += "\\n\\n" + render_rules(rules)',
      '    prompt += "\\n\\n" + ("The customer is a VIP: offer free delivery." if vip else "")',
      '    return prompt',
    ].join('\n');
    const prompts = await detect('support.py', text);
    const lines = prompts.map((p) => lineOf(text, p));
    assert.ok(lines.includes(2), `the returned section (lines ${lines.join(',')})`);
    assert.ok(prompts.some((p) => textOf(p) === 'The customer is a VIP: offer free delivery.'), 'the conditional sentence');
    const main = prompts.find((p) => local(p) === 'build_support_prompt.prompt')!;
    assert.ok(main && !main.fragmentOf, 'the prompt itself is counted');
    const ids = prompts.map((p) => p.id);
    assert.strictEqual(new Set(ids).size, ids.length, 'each piece once');
  });
});

describe('framework rows added in session 5', () => {
  it('MetaGPT Role fields and aask system messages', async () => {
    const text = [
      'from metagpt.roles import Role',
      'class Planner(Role):',
      '    name: str = "Pat"',
      '    profile: str = "Trip planner"',
      '    goal: str = "Plan trips that fit the budget"',
      '    async def think(self, q):',
      '        return await self.llm.aask(q, ["You are a careful trip planner."])',
    ].join('\n');
    const prompts = await detect('planner.py', text);
    assert.deepStrictEqual(prompts.map((p) => [textOf(p), p.role]).sort(), [['Plan trips that fit the budget', 'system'], ['Trip planner', 'system'], ['You are a careful trip planner.', 'system']]);
  });

  it('Semantic Kernel history turns keep their roles; without the module they are not sinks', async () => {
    const body = ['h = ChatHistory()', 'h.add_user_message("Where is my parcel?")', 'h.add_assistant_message("It left the depot this morning.")'];
    const sk = await detect('chat.py', ['from semantic_kernel.contents import ChatHistory', ...body].join('\n'));
    assert.deepStrictEqual(sk.map((p) => p.role), ['user', 'assistant']);
    const other = await detect('chat.py', ['from mylib import ChatHistory', ...body].join('\n'));
    assert.deepStrictEqual(other.map((p) => p.role), []);
  });
});

describe('few-shot examples held as objects in a list named for them', () => {
  it('takes their sentences for prompt text and leaves one-word values and other lists alone', async () => {
    const text = [
      'const fewShotExamples = [',
      '  { question: "Which plan includes phone support?", answer: "Only the Business plan includes phone support." },',
      '  { question: "refund", answer: "no" },',
      '];',
      'const menuEntries = [{ label: "Open the billing settings page" }];',
      'export const examplesBlock = fewShotExamples.map((e) => JSON.stringify(e)).join("\\n");',
    ].join('\n');
    const prompts = await detect('shots.ts', text);
    assert.deepStrictEqual(prompts.map(textOf), ['Which plan includes phone support?', 'Only the Business plan includes phone support.']);
  });
});

describe('per-item Markdown bullets', () => {
  it('are lines of the prompt even without a word of their own', async () => {
    const text = [
      'export function buildStackPrompt(deps: Record<string, string>): string {',
      '  const stack = Object.entries(deps).map(([name, version]) => `- ${name}@${version}`).join("\\n");',
      '  return `You are a frontend engineer. Use only these packages, at these versions:\\n${stack}`;',
      '}',
    ].join('\n');
    const prompts = await detect('stack.ts', text);
    assert.deepStrictEqual(prompts.map((p) => lineOf(text, p)).sort(), [2, 3]);
  });
});
