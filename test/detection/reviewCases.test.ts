// Cases from the review of the detector on real public code (docs/design/detection.md, "Review on real code"),
// rewritten in our own words: each test pins down one problem that was found there.
import * as assert from 'assert';
import { detectPrompts, detectionLanguage } from '../../server/src/engine/detection';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, text: string): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text })).prompts;
}
const textOf = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `<${x.syntax}:${x.name}>`)).join('');
const find = (prompts: DetectedPrompt[], fragment: string) => {
  const p = prompts.find((x) => textOf(x).includes(fragment));
  assert.ok(p, `no prompt containing ${JSON.stringify(fragment)} in ${JSON.stringify(prompts.map(textOf))}`);
  return p;
};

describe('review cases: message tuples and role words', () => {
  it('reads ("system", text) tuples as role + text and keeps a placeholder-only message', async () => {
    const prompts = await detect('trips.py', [
      'from langchain_core.prompts import ChatPromptTemplate',
      'p = ChatPromptTemplate.from_messages([("system", "You plan budget trips."), ("human", "{question}")])',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map(textOf), ['You plan budget trips.', '<{x}:question>']);
    assert.deepStrictEqual(prompts.map((p) => p.role), ['system', 'user']);
    assert.strictEqual(prompts[0].requestId, prompts[1].requestId);
  });

  it('does not take a two-element list of role words for a message', async () => {
    const prompts = await detect('roles.ts', 'export const isChat = (r: string) => ["user", "system"].includes(r);\n');
    assert.deepStrictEqual(prompts, []);
  });
});

describe('review cases: message objects handed to the app\'s own helper', () => {
  it('makes a constant used as content a prompt, with the message role and request', async () => {
    const prompts = await detect('grader.py', [
      'GRADER = "Reply with PASS or FAIL only."',
      'def grade(ans):',
      '    return call_model([{"role": "system", "content": GRADER}, {"role": "user", "content": ans}])',
    ].join('\n'));
    assert.strictEqual(prompts.length, 1);
    assert.strictEqual(prompts[0].symbol, 'GRADER');
    assert.strictEqual(prompts[0].role, 'system');
    assert.ok(prompts[0].requestId);
  });

  it('follows TS property access to one entry of a texts object', async () => {
    const prompts = await detect('titles.ts', [
      'const TEXTS = { title: "Write a five-word title.", footer: "Made with care in Lisbon by our team" };',
      'client.chat.completions.create({ model: "gpt-4.1-mini", messages: [{ role: "system", content: TEXTS.title }] });',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map(textOf), ['Write a five-word title.']);
    assert.strictEqual(prompts[0].model?.name, 'gpt-4.1-mini');
  });

  it('gives a function named *instructions the role of the message it is sent in', async () => {
    const prompts = await detect('editor.py', [
      'def format_instructions(t):',
      '    return f"Your task is to outline a report on {t}. Return JSON."',
      'def edit(x):',
      '    return call_model([{"role": "system", "content": "You are an editor."}, {"role": "user", "content": format_instructions(x)}])',
    ].join('\n'));
    assert.strictEqual(find(prompts, 'Your task').role, 'user');
    assert.strictEqual(find(prompts, 'Your task').requestId, find(prompts, 'You are an editor').requestId);
  });

  it('ignores role/content objects sent to a websocket', async () => {
    const prompts = await detect('ws.py', [
      'async def fail(ws, e):',
      '    await ws.send_json({"type": "chat", "role": "assistant", "content": f"Sorry, something went wrong: {e}"})',
      '    await ws.send_json({"role": "assistant", "content": "Your report is ready to download now."})',
    ].join('\n'));
    assert.deepStrictEqual(prompts, []);
  });

  it('takes the role of a LlamaIndex ChatMessage from role=MessageRole.X', async () => {
    const prompts = await detect('agent.py', [
      'from llama_index.core.llms import ChatMessage, MessageRole',
      'memory.put(ChatMessage(role=MessageRole.SYSTEM, content="You are a financial analyst."))',
      'memory.put(ChatMessage(role=MessageRole.ASSISTANT, content="I will start with the balance sheet."))',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map((p) => p.role), ['system', 'assistant']);
  });
});

describe('review cases: the model a prompt flows into', () => {
  const source = [
    'from langchain_openai import ChatOpenAI',
    'from langchain_core.prompts import ChatPromptTemplate',
    'fast = ChatOpenAI(model="gpt-4o-mini")',
    'big = ChatOpenAI(model="gpt-4o")',
    'writer = ChatPromptTemplate.from_messages([("system", "You write long reports about {topic}.")]) | big',
    'outline = ChatPromptTemplate.from_messages([("system", "You outline reports about {topic}.")])',
    'outline_chain = outline | fast.with_structured_output(Outline)',
    'refine = ChatPromptTemplate.from_template("Refine the outline: {outline}")',
    'chain = LLMChain(llm=big, prompt=refine)',
    'loose = ChatPromptTemplate.from_template("Rewrite the summary about {x}")',
    'docs = retriever.invoke(f"Background on {topic} for the report")',
  ].join('\n');

  it('binds each template to the chat model of its chain, and leaves unlinked ones to the default', async () => {
    const prompts = await detect('storm.py', source);
    assert.strictEqual(find(prompts, 'You write long').model?.name, 'gpt-4o');
    assert.strictEqual(find(prompts, 'You outline').model?.name, 'gpt-4o-mini');
    assert.strictEqual(find(prompts, 'Refine the outline').model?.name, 'gpt-4o');
    assert.strictEqual(find(prompts, 'Rewrite the summary').model, undefined);
  });

  it('does not treat a retriever search as a model call', async () => {
    const prompts = await detect('storm.py', source);
    assert.ok(!prompts.some((p) => textOf(p).includes('Background on')));
  });

  it('still uses the only chat model of a file for an unlinked template', async () => {
    const prompts = await detect('one.py', [
      'from langchain_openai import ChatOpenAI',
      'llm = ChatOpenAI(model="gpt-4o-mini")',
      'prompt = PromptTemplate.from_template("Summarise {text} in one line.")',
    ].join('\n'));
    assert.strictEqual(prompts[0].model?.name, 'gpt-4o-mini');
  });
});

describe('review cases: agent and AI SDK sinks', () => {
  it('reads AI SDK instructions as the system prompt of the call, with its model', async () => {
    const prompts = await detect('route.ts', [
      'import { generateText } from "ai";',
      'import { openai } from "@ai-sdk/openai";',
      'export async function POST(req: Request) {',
      '  const { prompt } = await req.json();',
      '  return generateText({ model: openai("gpt-4.1-mini"), instructions: "Answer in one sentence.", prompt });',
      '}',
    ].join('\n'));
    assert.strictEqual(prompts.length, 1);
    assert.strictEqual(prompts[0].role, 'system');
    assert.strictEqual(prompts[0].model?.name, 'gpt-4.1-mini');
    assert.ok(prompts[0].signals.some((s) => s.kind === 'sink'));
  });

  it('takes the input of Runner.run as the user turn', async () => {
    const prompts = await detect('manager.py', [
      'from agents import Agent, Runner',
      'async def research(planner, query):',
      '    return await Runner.run(planner, f"Query: {query}")',
    ].join('\n'));
    assert.strictEqual(prompts.length, 1);
    assert.strictEqual(prompts[0].role, 'user');
  });
});

describe('review cases: placeholder syntax', () => {
  it('reads %s and %(x)s as placeholders when % is applied to the constant elsewhere', async () => {
    const prompts = await detect('rewrite.py', [
      'REWRITE = "Rewrite for a ten-year-old:\\n%s"',
      'COMPARE = "Compare %(a)s and %(b)s. Respond with a table."',
      'def go(client, para, a, b):',
      '    client.chat.completions.create(model="gpt-4.1", messages=[{"role": "user", "content": REWRITE % para}])',
      '    client.chat.completions.create(model="gpt-4.1", messages=[{"role": "user", "content": COMPARE % {"a": a, "b": b}}])',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map((p) => p.parts.map((x) => (x.kind === 'text' ? 'text' : x.syntax))), [
      ['text', '%s'],
      ['text', '%(x)s', 'text', '%(x)s', 'text'],
    ]);
  });

  it('reads {x} of a constant formatted with .format() as a field and {{ }} as an escaped brace', async () => {
    const prompts = await detect('classify.py', [
      'LABELS = "Classify {message} as JSON like {{\\"label\\": \\"x\\"}}."',
      'def go(client, m):',
      '    client.chat.completions.create(model="gpt-4.1", messages=[{"role": "user", "content": LABELS.format(message=m)}])',
    ].join('\n'));
    assert.strictEqual(textOf(prompts[0]), 'Classify <{x}:message> as JSON like {"label": "x"}.');
  });

  it('reads Handlebars sections and closers as block tags, not values', async () => {
    const prompts = await detect('prompts/digest.hbs', 'Summarise these items:\n{{#each items}}- {{this.title}}\n{{/each}}\n{{> footer}}');
    const placeholders = prompts[0].parts.filter((p) => p.kind === 'placeholder').map((p) => `${p.syntax} ${p.name}`);
    assert.deepStrictEqual(placeholders, ['{% %} each', '{{x}} this.title', '{% %} each', '{% %} footer']);
  });
});

describe('review cases: template files', () => {
  it('takes generic templates outside a prompts folder only when they read like a prompt', async () => {
    assert.deepStrictEqual(await detect('roles/nginx/templates/site.conf.j2', 'server {\n  listen {{ port }};\n  server_name {{ host }};\n}\n'), []);
    assert.deepStrictEqual(await detect('views/card.hbs', '<div class="card"><h2>{{title}}</h2><p>{{body}}</p></div>\n'), []);
    const prompts = await detect('templates/support.j2', 'You are a support agent for {{ company }}.\nQuestion: {{ question }}\n');
    assert.strictEqual(prompts.length, 1);
    assert.ok(prompts[0].confidence < 1);
    assert.strictEqual((await detect('prompts/card.hbs', 'Describe {{item}}.\n')).length, 1);
  });

  it('skips README-style documents in a prompts folder and takes extension-less prompt files', async () => {
    assert.strictEqual(detectionLanguage('docs/prompts/README.md'), undefined);
    assert.strictEqual(detectionLanguage('gpt_engineer/preprompts/roadmap'), 'prompt');
    assert.strictEqual(detectionLanguage('prompts/summary.md'), 'prompt');
  });
});

describe('review cases: messages of one request', () => {
  it('groups messages appended in a loop with the list they are sent in', async () => {
    const prompts = await detect('tutor.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def tutor(history):',
      '    messages = [{"role": "system", "content": "You are a kind tutor."}]',
      '    for t in history:',
      '        messages.append({"role": "user", "content": f"Earlier question: {t}"})',
      '    return client.chat.completions.create(model="gpt-4.1", messages=messages)',
    ].join('\n'));
    assert.strictEqual(prompts.length, 2);
    assert.strictEqual(prompts[0].requestId, prompts[1].requestId);
    assert.deepStrictEqual(prompts.map((p) => p.model?.name), ['gpt-4.1', 'gpt-4.1']);
  });

  it('groups a pushed assistant prefill (TypeScript)', async () => {
    const prompts = await detect('route.ts', [
      'import Anthropic from "@anthropic-ai/sdk";',
      'const anthropic = new Anthropic();',
      'export async function POST(req: Request) {',
      '  const messages: any[] = [{ role: "user", content: "List three facts about owls as JSON." }];',
      '  messages.push({ role: "assistant", content: "{" });',
      '  return anthropic.messages.create({ model: "claude-haiku-4-5", max_tokens: 300, messages });',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map((p) => p.role), ['user', 'assistant']);
    assert.strictEqual(prompts[0].requestId, prompts[1].requestId);
  });

  it('puts a Gemini system_instruction in the same request as the contents', async () => {
    const prompts = await detect('gem.py', [
      'from google import genai',
      'from google.genai import types',
      'g = genai.Client()',
      'def ask(q):',
      '    return g.models.generate_content(',
      '        model="gemini-2.5-flash",',
      '        contents=f"Question: {q}",',
      '        config=types.GenerateContentConfig(system_instruction="You answer questions about astronomy."),',
      '    )',
    ].join('\n'));
    assert.strictEqual(prompts.length, 2);
    assert.strictEqual(prompts[0].requestId, prompts[1].requestId);
  });
});

describe('review cases: fragments inserted into a larger prompt', () => {
  const lines = [
    'import anthropic',
    'claude = anthropic.Anthropic()',
    'WRITER = "You are a senior writer. Write a long report with sections."',
    'REVISION = f"{WRITER}\\nNow revise the report given the reviewer notes."',
    'def support(ctx, use_cats, q):',
    '    cats = f"Categorise the question into one of: {ctx}." if use_cats else ""',
    '    system = f"You are a support bot.\\n{cats}"',
    '    claude.messages.create(model="claude-haiku-4-5", max_tokens=200, system=system, messages=[])',
    '    claude.messages.create(model="claude-haiku-4-5", max_tokens=200, system=REVISION, messages=[])',
  ];

  it('marks a piece that only reaches the model inside a larger prompt as a fragment of it', async () => {
    const prompts = await detect('support.py', lines.join('\n'));
    const byId = new Map(prompts.map((p) => [p.id.split('#')[1], p.fragmentOf?.split('#')[1]]));
    assert.strictEqual(byId.get('support.cats'), 'support.system');
    assert.strictEqual(byId.get('WRITER'), 'REVISION');
    assert.strictEqual(byId.get('support.system'), undefined);
  });

  it('does not mark a text that is also sent whole', async () => {
    const prompts = await detect('support.py', [...lines, '    claude.messages.create(model="claude-haiku-4-5", max_tokens=200, system=WRITER, messages=[])'].join('\n'));
    assert.strictEqual(prompts.find((p) => p.id.endsWith('#WRITER'))?.fragmentOf, undefined);
  });
});

describe('review cases: smaller sinks and negatives', () => {
  it('does not report text shown to a person at the terminal', async () => {
    const prompts = await detect('cli.py', [
      'def confirm(cmds):',
      '    prompt = f"[bold yellow]Execute {len(cmds)} action(s)?[/] [green]Enter[/] to confirm or type a comment"',
      '    return console.input(prompt)',
      'def ask():',
      '    user_prompt = "Describe the bug you are seeing and the steps that reproduce it, please"',
      '    return input(user_prompt)',
    ].join('\n'));
    assert.deepStrictEqual(prompts, []);
  });

  it('labels ollama.chat as Ollama even when the file mentions another SDK', async () => {
    const prompts = await detect('local.py', [
      'import ollama  # cohere was too slow here',
      'def go(q):',
      '    return ollama.chat(model="llama3.2", messages=[{"role": "user", "content": f"Answer briefly: {q}"}])',
    ].join('\n'));
    assert.ok(prompts[0].requestId?.includes('#ollama@'), prompts[0].requestId);
  });

  it('follows a constant through a content-block constructor into system=[...]', async () => {
    const prompts = await detect('loop.py', [
      'BASE = "Take a screenshot before every click."',
      'def run(claude, msgs, suffix):',
      '    block = BetaTextBlockParam(type="text", text=f"{BASE}{suffix}")',
      '    claude.beta.messages.create(model="claude-sonnet-4-5", max_tokens=1024, system=[block], messages=msgs)',
    ].join('\n'));
    assert.strictEqual(prompts.length, 1);
    assert.strictEqual(prompts[0].role, 'system');
    assert.strictEqual(prompts[0].model?.name, 'claude-sonnet-4-5');
  });
});

describe('review cases: flow precision', () => {
  it('does not confuse a called method with a parameter of the same name', async () => {
    const prompts = await detect('interactive.py', [
      'class Agent:',
      '    def interrupt(self, content):',
      '        raise Interruption({"role": "user", "content": content})',
      '    def ask(self, prompt):',
      '        console.print(prompt, end="")',
      '        return session.prompt("")',
      '    def step(self):',
      '        note = self.ask("Type a comment for the agent, or press Enter to continue the run")',
      '        self.interrupt(f"Interrupted by user: {note}")',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map(textOf), ['Interrupted by user: <{x}:note>']);
  });

  it('drops data URLs and one-word defaults that reach a message only through the app\'s helpers', async () => {
    const prompts = await detect('parts.py', [
      'def image_part(kind, data):',
      '    return f"data:{kind};base64,{data}"',
      'def send(kind, data):',
      '    return call_model([{"role": "user", "content": image_part(kind, data)}])',
    ].join('\n'));
    assert.deepStrictEqual(prompts, []);
  });
});

describe('review cases: texts returned by prompt-building functions', () => {
  it('takes a returned f-string with weak content when the function name says prompt, named Class.method in a class', async () => {
    const prompts = await detect('report.py', [
      'def generate_report_introduction_prompt(question, research_summary):',
      '    return f"""{research_summary}',
      'Using the above latest information, prepare a detailed report introduction on the topic -- {question}.',
      '- The introduction should be succinct, well-structured and in markdown.',
      '"""',
      'def build_prompt(topic):',
      '    return f"Write three facts about {topic} for a school poster."',
      'class Prompts:',
      '    def summary_prompt(self, text):',
      '        return f"Short summary of this ticket for the on-call engineer: {text}"',
      'def make_title(topic):',
      '    return f"Title ideas for {topic}"',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map((p) => p.id.split('#')[1]), ['generate_report_introduction_prompt', 'build_prompt', 'Prompts.summary_prompt']);
  });
});
