// Prompts assembled from pieces (issue 14 point 2): `p = p + "…"`, lists grown by extend / `+= [...]` / spread and
// then joined, texts filled into a template (`.format(k=V)`, `.replace("{{k}}", V)`), and the per-item text of a
// comprehension or `.map` callback. The assembled text is one prompt (or a prompt and the fragments that fill its
// placeholders), and no piece is counted twice.
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { readSettings } from '../../server/src/engine/config/settings';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, text: string): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text })).prompts;
}
const textOf = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `{${x.name}}`)).join('');
const local = (p: DetectedPrompt) => p.id.split('#')[1];

describe('prompt pieces: p = p + "…"', () => {
  const PYTHON = [
    'from openai import OpenAI',
    'client = OpenAI()',
    'def ask(ctx, history):',
    '    prompt = "You are a careful assistant for the billing team."',
    '    prompt = prompt + f"\\nContext: {ctx}"',
    '    prompt = prompt + history',
    '    prompt = prompt + "\\nAnswer in two sentences."',
    '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])',
  ].join('\n');

  it('is one prompt whose parts are the pieces, each in its own literal (Python)', async () => {
    const prompts = await detect('bill.py', PYTHON);
    assert.deepStrictEqual(prompts.map(textOf), ['You are a careful assistant for the billing team.\nContext: {ctx}{history}\nAnswer in two sentences.']);
    const [p] = prompts;
    assert.strictEqual(local(p), 'ask.prompt');
    assert.strictEqual(p.model?.name, 'gpt-4o');
    for (const part of p.parts.filter((x) => x.kind === 'text')) assert.ok(!PYTHON.slice(part.span.start, part.span.end).includes('prompt'), `part ${JSON.stringify(PYTHON.slice(part.span.start, part.span.end))} covers code`);
    assert.ok(!p.parts.some((x) => x.kind === 'placeholder' && x.name === 'prompt'), 'the text so far is not a placeholder');
  });

  it('is one prompt in TypeScript too, and a plain re-assignment still starts a new one', async () => {
    const prompts = await detect('bill.ts', [
      'import OpenAI from "openai";',
      'const client = new OpenAI();',
      'export async function ask(ctx: string) {',
      '  let system = "You are a careful assistant for the billing team.";',
      '  system = system + `\\nContext: ${ctx}`;',
      '  system = system + "\\nAnswer in two sentences.";',
      '  await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: system }] });',
      '  system = "You write the weekly newsletter for our customers.";',
      '  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: system }] });',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map(textOf), [
      'You are a careful assistant for the billing team.\nContext: {ctx}\nAnswer in two sentences.',
      'You write the weekly newsletter for our customers.',
    ]);
  });
});

describe('prompt pieces: conditional pieces that are names', () => {
  it('p = BASE; if x: p += STRICT: the constants are fragments of the run, counted once', async () => {
    const source = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'BASE = "You are a support assistant for Acme Cloud."',
      'STRICT = " Never discuss pricing or refunds."',
      'def ask(q, strict, lang):',
      '    system = BASE',
      '    if strict:',
      '        system += STRICT',
      '    system += f" Answer in {lang}."',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": system}, {"role": "user", "content": q}])',
    ].join('\n');
    const analysis = await analyzeDocument({ uri: 'file:///w/desk.py', fileName: '/w/desk.py', text: source }, { settings: readSettings({}).settings, relativePath: 'desk.py' });
    const byId = new Map(analysis.prompts.map((a) => [local(a.prompt), a]));
    assert.strictEqual(byId.get('BASE')?.prompt.fragmentOf, '/w/desk.py#ask.system');
    assert.strictEqual(byId.get('STRICT')?.prompt.fragmentOf, '/w/desk.py#ask.system');
    const run = byId.get('ask.system')!;
    assert.deepStrictEqual(run.cost.tokens.fragmentPlaceholders, { count: 2, tokens: byId.get('BASE')!.cost.tokens.staticText + byId.get('STRICT')!.cost.tokens.staticText });
  });
});

describe('prompt pieces: lists grown and joined', () => {
  it('takes extend([...]) and += [...] items in order (Python)', async () => {
    const prompts = await detect('notes.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def notes(doc):',
      '    sections = ["You write release notes."]',
      '    sections.extend(["Group changes by area.", "Use past tense."])',
      '    sections += ["Keep each bullet under twelve words."]',
      '    body = "\\n".join(sections)',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": body}])',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map(textOf), ['You write release notes.\nGroup changes by area.\nUse past tense.\nKeep each bullet under twelve words.']);
    // A list that grows at the front (insert) is not merged: the code does not show the text's order.
    const front = await detect('front.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def ask():',
      '    parts = ["Answer in one paragraph."]',
      '    parts.insert(0, "You are a travel agent for family trips.")',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": "\\n".join(parts)}])',
    ].join('\n'));
    assert.ok(!front.some((p) => textOf(p).startsWith('Answer in one paragraph.\nYou are')), front.map(textOf).join(' | '));
  });

  it('takes every argument of push(a, b) and the items of a spread list, the span starting at the first piece (TypeScript)', async () => {
    const source = [
      'import OpenAI from "openai";',
      'const client = new OpenAI();',
      'export async function notes(doc: string) {',
      '  const intro = ["You write release notes.", "Group changes by area."];',
      '  const lines = [...intro, "Use past tense."];',
      '  lines.push(`Changes:\\n${doc}`, "Reply in Markdown.");',
      '  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: lines.join("\\n") }] });',
      '}',
    ].join('\n');
    const prompts = await detect('notes.ts', source);
    assert.deepStrictEqual(prompts.map(textOf), ['You write release notes.\nGroup changes by area.\nUse past tense.\nChanges:\n{doc}\nReply in Markdown.']);
    assert.strictEqual(source.slice(prompts[0].span.start).split('\n')[0], '"You write release notes.", "Group changes by area."];');
  });

});

describe('prompt pieces: texts filled into a template', () => {
  const PYTHON = [
    'from openai import OpenAI',
    'client = OpenAI()',
    'EXAMPLES = "Q: How do I reset my password?\\nA: Open Settings, then Security, then Reset."',
    'TEMPLATE = "You are the help-desk assistant for Acme Cloud.\\nExamples of good answers:\\n{examples}\\nQuestion: {question}"',
    'def answer(question):',
    '    system = TEMPLATE.format(examples=EXAMPLES, question=question)',
    '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": system}])',
  ].join('\n');

  it('.format(examples=EXAMPLES): EXAMPLES is a fragment of TEMPLATE filling {examples}', async () => {
    const prompts = await detect('desk.py', PYTHON);
    const examples = prompts.find((p) => local(p) === 'EXAMPLES')!;
    assert.strictEqual(examples.fragmentOf, 'desk.py#TEMPLATE');
    assert.strictEqual(examples.fills, 'examples');
  });

  it('counts the filled text once: in the template\'s placeholder, not again on its own', async () => {
    const analysis = await analyzeDocument({ uri: 'file:///w/desk.py', fileName: '/w/desk.py', text: PYTHON }, { settings: readSettings({}).settings, relativePath: 'desk.py' });
    const template = analysis.prompts.find((a) => a.prompt.symbol === 'TEMPLATE')!;
    const examples = analysis.prompts.find((a) => a.prompt.symbol === 'EXAMPLES')!;
    assert.deepStrictEqual(template.cost.tokens.fragmentPlaceholders, { count: 1, tokens: examples.cost.tokens.staticText });
    assert.ok(examples.prompt.fragmentOf);
  });

  it('.replace("{{tone}}", TONE) (TypeScript): TONE fills {{tone}}; a pattern the template lacks leaves the text on its own', async () => {
    const prompts = await detect('reply.ts', [
      'import OpenAI from "openai";',
      'const client = new OpenAI();',
      'const TONE = "Be warm and brief. Never promise refunds.";',
      'const SIGNATURE = "Sign every reply as the Acme support team.";',
      'const TEMPLATE = `You are the support assistant for Acme Cloud.\\n{{tone}}\\nCustomer: {{name}}`;',
      'export async function reply(name: string) {',
      '  const system = TEMPLATE.replace("{{tone}}", TONE).replace("{{signature}}", SIGNATURE).replace("{{name}}", name);',
      '  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: system }] });',
      '}',
    ].join('\n'));
    const tone = prompts.find((p) => local(p) === 'TONE')!;
    assert.strictEqual(tone.fragmentOf, 'reply.ts#TEMPLATE');
    assert.strictEqual(tone.fills, 'tone');
    const signature = prompts.find((p) => local(p) === 'SIGNATURE');
    assert.ok(!signature || !signature.fragmentOf, 'no {{signature}} in the template: not hidden in it');
  });
});

describe('prompt pieces: one text per item', () => {
  it('the element of "\\n".join(f"…" for …) is a fragment of the prompt that inserts the joined text (Python)', async () => {
    const prompts = await detect('review.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def review(items, diff):',
      '    bullets = "\\n".join(f"- Check that {item} is covered by a test." for item in items)',
      '    system = f"You review pull requests against a checklist.\\n{bullets}"',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": system}, {"role": "user", "content": diff}])',
    ].join('\n'));
    const element = prompts.find((p) => textOf(p).startsWith('- Check that'))!;
    assert.ok(element, prompts.map(textOf).join(' | '));
    assert.strictEqual(element.fragmentOf, 'review.py#review.system');
    assert.strictEqual(element.fills, 'bullets');
  });

  it('the text returned by a .map callback is a fragment (TypeScript); one without a letter stays data', async () => {
    const prompts = await detect('shots.ts', [
      'import OpenAI from "openai";',
      'const client = new OpenAI();',
      'const EXAMPLES = [{ q: "Can I export my data?", a: "Yes, from Settings." }];',
      'export async function ask(question: string, sources: string[]) {',
      '  const shots = EXAMPLES.map((e) => `Q: ${e.q}\\nA: ${e.a}`).join("\\n\\n");',
      '  const numbered = sources.map((s, i) => `[${i + 1}] ${s}`).join("\\n");',
      '  const system = `You answer questions about Acme Cloud.\\n\\n${shots}\\n\\nSources:\\n${numbered}`;',
      '  return client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "system", content: system }, { role: "user", content: question }] });',
      '}',
    ].join('\n'));
    const shot = prompts.find((p) => textOf(p).startsWith('Q: '))!;
    assert.ok(shot, prompts.map(textOf).join(' | '));
    assert.strictEqual(shot.fragmentOf, 'shots.ts#ask.system');
    assert.strictEqual(shot.fills, 'shots');
    assert.ok(!prompts.some((p) => textOf(p).startsWith('[')), 'the numbering is data');
  });
});

describe('prompt pieces: a per-step message built by the app\'s own helper', () => {
  it('follows a helper named like a message (stepMessage) to the text it builds and returns (JavaScript)', async () => {
    const prompts = await detect('agent.js', [
      'import OpenAI from "openai";',
      'const client = new OpenAI();',
      'function stepMessage({ step, goal, observation, error }) {',
      '  let content = `Step ${step}.`;',
      '  content += `\\nGoal: ${goal}`;',
      '  content += "\\nObservation:\\n" + observation;',
      '  if (error) content += "\\nThe previous action failed: " + error;',
      '  content += "\\nReply with the next action as JSON.";',
      '  return content;',
      '}',
      'export async function next(history, state) {',
      '  history.push({ role: "user", content: stepMessage(state) });',
      '  return client.chat.completions.create({ model: "gpt-4o", messages: history });',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map(textOf), ['Step {step}.\nGoal: {goal}\nObservation:\n{observation}\nThe previous action failed: {error}\nReply with the next action as JSON.']);
    assert.strictEqual(prompts[0].role, 'user');
    assert.strictEqual(prompts[0].model?.name, 'gpt-4o');
  });
});
