// Prompt ids are what `.promptcost.json` entries and annotations refer to: they must not move when an unrelated
// prompt is added, removed or moved elsewhere in the file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { detectPrompts } from '../../server/src/engine/detection';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, text: string): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text })).prompts;
}
const textOf = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `{${x.name}}`)).join('');
/** Prompt text → id (texts are unique in these sources). */
const idsByText = (prompts: DetectedPrompt[]) => new Map(prompts.map((p) => [textOf(p), p.id.split('#')[1]]));

const PYTHON = [
  'from openai import OpenAI',
  'import anthropic',
  'client = OpenAI()',
  'claude = anthropic.Anthropic()',
  'SYSTEM_PROMPT = "You are a support agent. Answer politely."',
  'PROMPTS = {"summarize": "Summarize the text in three bullet points.", "translate": "Translate the text into French."}',
  '',
  'def answer(question):',
  '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": f"Question: {question}"}])',
  '',
  'def run(kind, text):',
  '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": PROMPTS[kind]}, {"role": "user", "content": text}])',
  '',
  'class Router:',
  '    def route(self, q):',
  '        call_model([{"role": "system", "content": "You are a careful router of tickets."}])',
  '        return claude.messages.create(model="claude-haiku-4-5", max_tokens=100, system="Reply with a team name.", messages=[{"role": "user", "content": f"Route: {q}"}])',
  '',
  'def later(q):',
  '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Later question: {q}"}])',
].join('\n');

describe('stable ids: qualified by function, key and message position', () => {
  it('names prompts by symbol, dict key, enclosing function/class and message position', async () => {
    const ids = idsByText(await detect('app.py', PYTHON));
    assert.strictEqual(ids.get('You are a support agent. Answer politely.'), 'SYSTEM_PROMPT');
    assert.strictEqual(ids.get('Summarize the text in three bullet points.'), 'PROMPTS.summarize');
    assert.strictEqual(ids.get('Translate the text into French.'), 'PROMPTS.translate');
    assert.strictEqual(ids.get('Question: {question}'), 'answer.openai.chat.completions.messages[1]');
    assert.strictEqual(ids.get('Reply with a team name.'), 'Router.route.anthropic.messages.system');
    assert.strictEqual(ids.get('Route: {q}'), 'Router.route.anthropic.messages.messages[0]');
    assert.strictEqual(ids.get('You are a careful router of tickets.'), 'Router.route.messages.system');
    assert.strictEqual(ids.get('Later question: {q}'), 'later.openai.chat.completions.messages[0]');
  });

  it('keeps every other id when a prompt is inserted above them', async () => {
    const before = idsByText(await detect('app.py', PYTHON));
    const inserted = PYTHON.replace(
      'def answer(question):',
      [
        'def first(q):',
        '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Inserted question: {q}"}])',
        'def answer(question):',
      ].join('\n'),
    ).replace('class Router:', 'HELLO_PROMPT = "You greet the customer warmly and briefly."\nclass Router:');
    const after = idsByText(await detect('app.py', inserted));
    assert.strictEqual(after.get('Inserted question: {q}'), 'first.openai.chat.completions.messages[0]');
    assert.strictEqual(after.size, before.size + 1 + (after.has('You greet the customer warmly and briefly.') ? 1 : 0));
    for (const [text, id] of before) assert.strictEqual(after.get(text), id, `id of ${JSON.stringify(text)} moved`);
  });

  it('keeps ids when a second call to the same sink is added in another function (TypeScript)', async () => {
    const ts = [
      'import OpenAI from "openai";',
      'const client = new OpenAI();',
      'export async function ask(q: string) {',
      '  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: "You are terse." }, { role: "user", content: `Q: ${q}` }] });',
      '}',
    ].join('\n');
    const before = idsByText(await detect('ask.ts', ts));
    assert.deepStrictEqual([...before.values()], ['ask.openai.chat.completions.messages[0]', 'ask.openai.chat.completions.messages[1]']);
    const more = ts.replace('export async function ask', [
      'export async function title(t: string) {',
      '  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: "Write a title." }, { role: "user", content: t }] });',
      '}',
      'export async function ask',
    ].join('\n'));
    const after = idsByText(await detect('ask.ts', more));
    for (const [text, id] of before) assert.strictEqual(after.get(text), id);
    assert.strictEqual(after.get('Write a title.'), 'title.openai.chat.completions.messages[0]');
  });

  it('keeps the plain symbol id of a unique constant or class attribute', async () => {
    const prompts = await detect('agent.py', [
      'class Agent:',
      '    instructions = "You are a research assistant. Cite your sources."',
      'PLANNER_PROMPT = "You plan the steps of a research task. Return JSON."',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map((p) => p.id), ['agent.py#Agent.instructions', 'agent.py#PLANNER_PROMPT']);
  });

  it('names a sink call by the variable it is bound to, and uses an ordinal only within one qualified id', async () => {
    const ids = idsByText(await detect('two.py', [
      'import anthropic',
      'claude = anthropic.Anthropic()',
      'def pair(q):',
      '    a = claude.messages.create(model="claude-haiku-4-5", max_tokens=10, system="Reply with yes or no.", messages=[])',
      '    b = claude.messages.create(model="claude-haiku-4-5", max_tokens=10, system="Reply with a number.", messages=[])',
      '    claude.messages.create(model="claude-haiku-4-5", max_tokens=10, system="Reply with a colour.", messages=[])',
      '    claude.messages.create(model="claude-haiku-4-5", max_tokens=10, system="Reply with a city.", messages=[])',
      'def other(q):',
      '    return claude.messages.create(model="claude-haiku-4-5", max_tokens=10, system="Reply in French.", messages=[])',
    ].join('\n')));
    assert.strictEqual(ids.get('Reply with yes or no.'), 'pair.a.anthropic.messages.system');
    assert.strictEqual(ids.get('Reply with a number.'), 'pair.b.anthropic.messages.system');
    assert.strictEqual(ids.get('Reply with a colour.'), 'pair.anthropic.messages.system');
    assert.strictEqual(ids.get('Reply with a city.'), 'pair.anthropic.messages.system~2');
    assert.strictEqual(ids.get('Reply in French.'), 'other.anthropic.messages.system');
  });
});

describe('stable ids: anonymous handlers', () => {
  it('names an anonymous callback after its call and route, so two handlers do not share an ordinal', async () => {
    const ids = idsByText(await detect('server.js', [
      'const openai = new (require("openai"))();',
      'app.post("/api/summary", async (req, res) => {',
      '  res.json(await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: "Summarize the post in one line." }] }));',
      '});',
      'app.post("/api/title", async (req, res) => {',
      '  res.json(await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: "Write a title for the post." }] }));',
      '});',
    ].join('\n')));
    assert.strictEqual(ids.get('Summarize the post in one line.'), 'post:/api/summary.openai.chat.completions.messages[0]');
    assert.strictEqual(ids.get('Write a title for the post.'), 'post:/api/title.openai.chat.completions.messages[0]');
  });
});

describe('stable ids: the labelled fixtures', () => {
  const root = path.join(__dirname, '..', 'fixtures', 'detection');
  const INSERTS: Record<string, string> = {
    py: 'def inserted_helper_zz(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": "You are the inserted helper. Reply briefly."}, {"role": "user", "content": f"Inserted {q}"}])\n\n',
    ts: 'export function insertedHelperZz(q: string) {\n  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: "You are the inserted helper. Reply briefly." }, { role: "user", content: `Inserted ${q}` }] });\n}\n\n',
  };
  /** Prompt text (with its occurrence number among equal texts) → id. */
  const keyed = (prompts: DetectedPrompt[]) => {
    const seen = new Map<string, number>();
    return new Map(prompts.map((p) => {
      const n = (seen.get(textOf(p)) ?? 0) + 1;
      seen.set(textOf(p), n);
      return [`${textOf(p)}#${n}`, p.id];
    }));
  };
  const files = ['python', 'ts', 'js'].flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((f) => path.join(dir, f)));

  it('keeps every id when a function with prompts is inserted before any top-level statement', async () => {
    let checked = 0;
    for (const file of files) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const insert = INSERTS[file.endsWith('.py') ? 'py' : 'ts'];
      const before = keyed(await detect(file, text));
      const ids = [...before.values()];
      assert.strictEqual(new Set(ids).size, ids.length, `ids are unique in ${file}`);
      // Every line at column 0 that follows a blank line starts a top-level statement.
      const lines = text.split('\n');
      const starts = lines.map((l, i) => (i > 0 && lines[i - 1].trim() === '' && /^[A-Za-z@]/.test(l) ? i : -1)).filter((i) => i >= 0);
      for (const at of starts.filter((_, k) => k % 3 === 0)) {
        const changed = [...lines.slice(0, at), ...insert.split('\n'), ...lines.slice(at)].join('\n');
        const after = keyed((await detect(file, changed)).filter((p) => !/inserted/i.test(textOf(p))));
        for (const [key, id] of before) assert.strictEqual(after.get(key), id, `${JSON.stringify(key.slice(0, 60))} changed id after inserting at line ${at + 1} of ${file}`);
        checked++;
      }
    }
    assert.ok(checked >= 20, `only ${checked} insertions`);
  });
});
