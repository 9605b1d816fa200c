// `prompt = "…"; prompt += f"…"; prompt += "…"` builds one prompt from several statements: one prompt whose parts
// are the pieces, in order, and whose quick-fixes edit only inside the literals.
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { readSettings } from '../../server/src/engine/config/settings';
import type { DetectedPrompt } from '../../server/src/engine/types';
import { detectInSyntaxTree } from '../../server/src/engine/detection/codeDetector';
import { createParser, parseWithLimit } from '../../server/src/engine/detection/parserRuntime';
import { mirrorTree } from '../../server/src/engine/detection/syntaxMirror';
import { mayContainPrompt } from '../../server/src/engine/detection/prefilter';

async function detect(fileName: string, text: string): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text })).prompts;
}
const textOf = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `{${x.name}}`)).join('');

const PYTHON = [
  'from openai import OpenAI',
  'client = OpenAI()',
  'def ask(ctx, q, short):',
  '    prompt = "You are a helpful assistant for the billing team."',
  '    prompt += f"\\nContext: {ctx}"',
  '    if short:',
  '        prompt += "\\nPlease note that you should answer briefly."',
  '    prompt += f"\\nQuestion: {q}"',
  '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])',
].join('\n');

describe('concatenated pieces: p += … is one prompt', () => {
  it('keeps a piece that is not a string as a placeholder (prompt += history), in order (review case)', async () => {
    const source = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def ask(history, q):',
      '    prompt = "You are a support assistant. Use the conversation so far. "',
      '    prompt += history',
      '    prompt += f"Question: {q}"',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])',
    ].join('\n');
    const prompts = await detect('hist.py', source);
    assert.deepStrictEqual(prompts.map(textOf), ['You are a support assistant. Use the conversation so far. {history}Question: {q}']);
  });

  it('merges the pieces of one variable in one function, in order (Python)', async () => {
    const prompts = await detect('bill.py', PYTHON);
    assert.deepStrictEqual(prompts.map(textOf), [
      'You are a helpful assistant for the billing team.\nContext: {ctx}\nPlease note that you should answer briefly.\nQuestion: {q}',
    ]);
    const [p] = prompts;
    assert.strictEqual(p.id, 'bill.py#ask.prompt');
    assert.strictEqual(p.role, 'user');
    assert.strictEqual(p.model?.name, 'gpt-4o');
    // Each part maps back to its own literal.
    for (const part of p.parts) {
      const src = PYTHON.slice(part.span.start, part.span.end);
      if (part.kind === 'text') assert.ok(!src.includes('+='), `part ${JSON.stringify(src)} covers code`);
    }
    assert.strictEqual(PYTHON.slice(p.span.start, p.span.start + 10), '"You are a');
    assert.ok(PYTHON.slice(0, p.span.end).endsWith('{q}"'));
  });

  it('merges template-literal pieces after an empty start (TypeScript) and keeps a re-assignment apart', async () => {
    const ts = [
      'export function buildPrompt(name: string, today: string) {',
      '  let p = "";',
      '  p += `You are ${name}, a friendly assistant for our store.`;',
      '  p += `Today is ${today}.`;',
      '  p += "Keep answers short.";',
      '  return p;',
      '}',
      'export function other() {',
      '  let p = "You write release notes for the mobile app team.";',
      '  p += " Use bullet points.";',
      '  p = "You write the weekly newsletter for our customers.";',
      '  p += " Keep it under 200 words.";',
      '  return generateText({ model: openai("gpt-4o-mini"), system: p });',
      '}',
      'const r = generateText({ model: openai("gpt-4o"), system: buildPrompt("Ada", "now") });',
    ].join('\n');
    const prompts = await detect('store.ts', ts);
    assert.deepStrictEqual(prompts.map(textOf), [
      'You are {name}, a friendly assistant for our store.Today is {today}.Keep answers short.',
      'You write release notes for the mobile app team. Use bullet points.',
      'You write the weekly newsletter for our customers. Keep it under 200 words.',
    ]);
    assert.deepStrictEqual(prompts.map((p) => p.role), ['system', 'system', 'system']);
    assert.deepStrictEqual(prompts.map((p) => p.id.split('#')[1]), ['buildPrompt.p', 'other.p', 'other.p~2']);
  });

  it('merges pieces that reach nothing known when the name and text say prompt', async () => {
    const prompts = await detect('cfg.py', [
      'system_prompt = "You are a strict code reviewer."',
      'system_prompt += " Point out bugs first."',
      'system_prompt += " Reply in Markdown."',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map(textOf), ['You are a strict code reviewer. Point out bugs first. Reply in Markdown.']);
  });

  it('quick-fixes on a merged prompt edit only inside its literals', async () => {
    const analysis = await analyzeDocument(
      { uri: 'file:///w/bill.py', fileName: '/w/bill.py', text: PYTHON },
      { settings: readSettings({}).settings, relativePath: 'bill.py' },
    );
    assert.strictEqual(analysis.prompts.length, 1);
    const [analyzed] = analysis.prompts;
    const edits = analyzed.findings.flatMap((f) => f.fix?.edits ?? []);
    assert.ok(edits.length > 0, 'fixture: "Please note that" gets a fix');
    const literalSpans = analyzed.prompt.parts.filter((p) => p.kind === 'text').map((p) => p.span);
    for (const e of edits) {
      if (e.span.start === e.span.end && e.newText.startsWith('import ')) continue;
      assert.ok(literalSpans.some((s) => s.start <= e.span.start && e.span.end <= s.end), `edit ${JSON.stringify(e)} is outside the literals`);
    }
  });

  it('never edits a join separator, which the prompt reads once between every two pieces (review case)', async () => {
    const source = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def ask():',
      '    parts = ["You are a helpful assistant for the billing team.", "Answer the question briefly.", "Be kind."]',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": "                    \\n\\n\\n\\n\\n\\n".join(parts)}])',
    ].join('\n');
    const analysis = await analyzeDocument({ uri: 'file:///w/sep.py', fileName: '/w/sep.py', text: source }, { settings: readSettings({}).settings, relativePath: 'sep.py' });
    assert.strictEqual(analysis.prompts.length, 1);
    const [analyzed] = analysis.prompts;
    const separator = source.indexOf('"         ');
    assert.ok(analyzed.findings.some((f) => f.ruleId === 'whitespace-runs'), 'the runs in the separator are still reported');
    for (const f of analyzed.findings) {
      for (const e of f.fix?.edits ?? []) {
        assert.ok(e.span.end <= separator || e.span.start >= source.indexOf('.join'), `${f.ruleId} edits the separator: ${JSON.stringify(e)}`);
      }
      const spans = (f.fix?.edits ?? []).map((e) => `${e.span.start}-${e.span.end}`);
      assert.strictEqual(new Set(spans).size, spans.length, `${f.ruleId}: no edit twice`);
    }
  });
});

describe('concatenated pieces: a list of pieces that is joined is one prompt', () => {
  it('merges list items and appended pieces with the separator, named by where the joined text is sent (Python)', async () => {
    const source = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def ask(ctx, q, rules):',
      '    parts = ["You are a helpful assistant for the billing team."]',
      '    parts.append(f"Context: {ctx}")',
      '    if rules:',
      '        parts.append("Follow the billing rules strictly.")',
      '    parts.append(rules_text)',
      '    parts.append(f"Question: {q}")',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "\\n".join(parts)}])',
    ].join('\n');
    const prompts = await detect('join.py', source);
    assert.deepStrictEqual(prompts.map(textOf), [
      'You are a helpful assistant for the billing team.\nContext: {ctx}\nFollow the billing rules strictly.\n{rules_text}\nQuestion: {q}',
    ]);
    assert.strictEqual(prompts[0].id, 'join.py#ask.openai.chat.completions.messages[0]');
    assert.strictEqual(prompts[0].role, 'user');
    assert.strictEqual(prompts[0].model?.name, 'gpt-4o');
  });

  it('merges pushed pieces joined with lines.join("\\n") (TypeScript)', async () => {
    const prompts = await detect('join.ts', [
      'export async function ask(ctx: string, q: string) {',
      '  const lines: string[] = [];',
      '  lines.push("You are a helpful assistant for the billing team.");',
      '  lines.push(`Context: ${ctx}`);',
      '  lines.push(`Question: ${q}`);',
      '  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: lines.join("\\n") }] });',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map(textOf), ['You are a helpful assistant for the billing team.\nContext: {ctx}\nQuestion: {q}']);
    assert.strictEqual(prompts[0].role, 'system');
  });

  it('merges a joined list whose text is bound to a name before it is sent', async () => {
    const prompts = await detect('bound.py', [
      'def check(events):',
      '    lines = ["You review customer accounts for signs of churn."]',
      '    for event in events:',
      '        lines.append(f"- {event.kind} on {event.date}")',
      '    joined = "\\n".join(lines)',
      '    return client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "system", "content": joined}])',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map(textOf), ['You review customer accounts for signs of churn.\n- {event.kind} on {event.date}']);
    assert.strictEqual(prompts[0].id, 'bound.py#check.joined');
  });

  it('keeps the pieces apart when the list also grows in a way it cannot follow', async () => {
    const prompts = await detect('grow.py', [
      'def ask(q, extra):',
      '    parts = ["You are a helpful assistant for the billing team."]',
      '    parts.insert(0, extra)',
      '    parts.append(f"Question: {q}")',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "\\n".join(parts)}])',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map(textOf), ['You are a helpful assistant for the billing team.', 'Question: {q}']);
  });
});

describe('concatenated pieces: evidence the pre-filter can see', () => {
  const pieces = (first: string) => [
    'def make(topic):',
    `    p = "${first}"`,
    '    p += " an expert tutor who explains the topic clearly; think step"',
    '    p += " by step, and then respond"',
    '    p += " in three short paragraphs about the notes, act as"',
    '    p += " a teacher of the class"',
    '    return p',
  ].join('\n');

  async function unfiltered(text: string): Promise<DetectedPrompt[]> {
    const parser = await createParser('python');
    const tree = parseWithLimit(parser, text)!;
    try {
      return detectInSyntaxTree(mirrorTree(tree), text, { fileName: 'make.py', language: 'python' });
    } finally {
      tree.delete();
      parser.delete();
    }
  }

  it('does not take content cues that only appear across two pieces (the raw-text pre-filter cannot see them)', async () => {
    const text = pieces('Read the notes below carefully and then you are');
    assert.strictEqual(mayContainPrompt(text), false, 'fixture: the pre-filter rejects this file');
    assert.deepStrictEqual(await unfiltered(text), []);
  });

  it('reports the merged prompt when one piece reads like a prompt by itself', async () => {
    const text = pieces('You are a patient tutor. Think step by step and respond in short paragraphs; never make up facts about');
    const found = await unfiltered(text);
    assert.deepStrictEqual(found.map((p) => p.id), ['make.py#make.p']);
    assert.match(textOf(found[0]), /facts about an expert tutor.*a teacher of the class$/);
    assert.strictEqual(mayContainPrompt(text), true);
  });
});
