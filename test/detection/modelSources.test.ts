// Models a user recognizes (issue 17 point 9): a framework's own default when the code names no model, the default
// argument of an argument/env helper (never the flag name), the agent that runs a task or input, and only names in a
// model position (never a tool or helper argument).
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import { FRAMEWORK_DEFAULT_MODELS } from '../../server/src/engine/detection/frameworkDefaults';
import { resolvePromptModel } from '../../server/src/engine/cost/assumptions';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { resolveModel } from '../../server/src/engine/pricing/catalog';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, lines: string[]): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text: lines.join('\n') })).prompts;
}
const textOf = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `{${x.name}}`)).join('');
/** text → "model (source)" for every prompt. */
const models = (prompts: DetectedPrompt[]) => Object.fromEntries(prompts.map((p) => [textOf(p), p.model ? `${p.model.name} (${p.model.source})` : '-']));
const row = (framework: string) => FRAMEWORK_DEFAULT_MODELS.find((r) => r.framework === framework)!;

describe('model sources: framework defaults (data)', () => {
  it('every row names a model the price catalog knows, with a source URL, a version and a date', () => {
    for (const r of FRAMEWORK_DEFAULT_MODELS) {
      assert.ok(resolveModel(r.model, 'framework-default').known, `${r.framework}: ${r.model} is in the catalog`);
      assert.match(r.source, /^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//, r.framework);
      assert.match(r.date, /^\d{4}-\d{2}-\d{2}$/, r.framework);
      assert.ok(r.version.length > 0 && r.modules.length > 0 && (r.sinks?.length || r.constructors?.length), r.framework);
    }
  });
});

describe('model sources: a framework default when the code names no model', () => {
  it('prices an OpenAI Agents SDK agent without a model on the SDK default, and one with a model on it', async () => {
    const prompts = await detect('agents_app.py', [
      'from agents import Agent, Runner',
      'triage = Agent(name="Triage", instructions="Route the question to billing or support.")',
      'billing = Agent(name="Billing", instructions="Answer billing questions in two sentences.", model="gpt-4.1")',
    ]);
    assert.deepStrictEqual(models(prompts), {
      'Route the question to billing or support.': `${row('OpenAI Agents SDK (Python)').model} (framework-default)`,
      'Answer billing questions in two sentences.': 'gpt-4.1 (call-site)',
    });
    assert.match(prompts[0].model!.detail!, /OpenAI Agents SDK \(Python\).*openai-agents/);
  });

  it('uses the JavaScript SDK default for `new Agent({ instructions })` from @openai/agents', async () => {
    const prompts = await detect('agent.ts', [
      "import { Agent } from '@openai/agents';",
      "export const helper = new Agent({ name: 'Helper', instructions: 'Answer in one short paragraph.' });",
    ]);
    assert.deepStrictEqual(models(prompts), { 'Answer in one short paragraph.': `${row('OpenAI Agents SDK (JavaScript)').model} (framework-default)` });
  });

  it("prices a crewAI agent without llm= on crewAI's default", async () => {
    const prompts = await detect('crew.py', ['from crewai import Agent', 'writer = Agent(role="Writer", goal="Write short posts", backstory="A blogger.")']);
    assert.deepStrictEqual(new Set(Object.values(models(prompts))), new Set([`${row('crewAI').model} (framework-default)`]));
  });

  it('takes the wrapper default for ChatOpenAI() with no model, only where langchain_openai is imported', async () => {
    const prompts = await detect('chain.py', [
      'from langchain_openai import ChatOpenAI',
      'from langchain_core.prompts import ChatPromptTemplate',
      'prompt = ChatPromptTemplate.from_template("Summarise {text} in one line.")',
      'chain = prompt | ChatOpenAI(temperature=0)',
    ]);
    assert.deepStrictEqual(models(prompts), { 'Summarise {text} in one line.': `${row('LangChain ChatOpenAI (Python)').model} (framework-default)` });
    const other = await detect('client.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def ask(q):',
      '    return client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Answer briefly: " + q}])',
    ]);
    assert.deepStrictEqual(models(other), { 'Answer briefly: {q}': '-' }, 'the OpenAI SDK client has no model of its own');
  });

  it('ranks a framework default below .promptcost.json defaultModel and above the setting', async () => {
    const [prompt] = await detect('crew.py', ['from crewai import Agent', 'writer = Agent(role="Writer of weekly engineering newsletters")']);
    const settings = defaultSettings();
    assert.strictEqual(resolvePromptModel(prompt, { settings }).source, 'framework-default');
    assert.strictEqual(resolvePromptModel(prompt, { settings }).id, row('crewAI').model);
    const config = { defaultModel: 'gpt-4o-mini' } as Parameters<typeof resolvePromptModel>[1]['workspaceConfig'];
    assert.strictEqual(resolvePromptModel(prompt, { settings, workspaceConfig: config }).source, 'config');
  });
});

describe('model sources: the default argument of an argument or env helper', () => {
  it('reads getStringArg("--model", DEFAULT_MODEL) as DEFAULT_MODEL, never as a model named --model', async () => {
    const prompts = await detect('cli.ts', [
      "import { Agent } from '@openai/agents';",
      "const DEFAULT_MODEL = 'gpt-4.1-mini';",
      "const poet = new Agent({ name: 'Poet', instructions: 'Write one haiku.', model: getStringArg('--model', DEFAULT_MODEL) });",
    ]);
    assert.deepStrictEqual(models(prompts), { 'Write one haiku.': 'gpt-4.1-mini (constant)' });
  });

  it('never takes a flag for a model, even without a default', async () => {
    const prompts = await detect('cli.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'client.chat.completions.create(model=arg("--model"), messages=[{"role": "user", "content": "Write the release notes."}])',
    ]);
    assert.deepStrictEqual(models(prompts), { 'Write the release notes.': '-' });
  });

  it('reads argparse add_argument("--model", default=…) for args.model', async () => {
    const prompts = await detect('tool.py', [
      'import argparse',
      'from openai import OpenAI',
      'parser = argparse.ArgumentParser()',
      'parser.add_argument("-m", "--model-name", default="gpt-4.1-nano", help="which model")',
      'args = parser.parse_args()',
      'OpenAI().chat.completions.create(model=args.model_name, messages=[{"role": "user", "content": "List three risks of the plan."}])',
    ]);
    assert.deepStrictEqual(models(prompts), { 'List three risks of the plan.': 'gpt-4.1-nano (constant)' });
  });

  it('reads a click option default for the parameter of the command', async () => {
    const prompts = await detect('digest.py', [
      'import click',
      'from openai import OpenAI',
      '@click.command()',
      '@click.option("--model", default="gpt-4o", help="Model that writes the digest")',
      'def digest(model):',
      '    OpenAI().chat.completions.create(model=model, messages=[{"role": "user", "content": "Write the digest."}])',
    ]);
    assert.deepStrictEqual(models(prompts), { 'Write the digest.': 'gpt-4o (constant)' });
  });
});

describe('model sources: the agent or runnable that runs a call', () => {
  it("prices a crewAI Task on its agent's llm, or on crewAI's default when the agent has none", async () => {
    const prompts = await detect('crew.py', [
      'from crewai import LLM, Agent, Task',
      'researcher = Agent(role="Researcher", goal="Find sources", backstory="Librarian.", llm=LLM(model="gpt-4o-mini"))',
      'editor = Agent(role="Editor", goal="Tighten drafts", backstory="Copy editor.")',
      'find = Task(description="Find three sources on {topic}.", expected_output="Three links.", agent=researcher)',
      'edit = Task(description="Cut the draft to 300 words.", expected_output="The shorter draft.", agent=editor)',
    ]);
    const m = models(prompts);
    assert.strictEqual(m['Find three sources on {topic}.'], 'gpt-4o-mini (call-site)');
    assert.strictEqual(m['Three links.'], 'gpt-4o-mini (call-site)');
    assert.strictEqual(m['Cut the draft to 300 words.'], `${row('crewAI').model} (framework-default)`);
  });

  it('follows a crewAI @CrewBase method that returns the agent', async () => {
    const prompts = await detect('crew.py', [
      'from crewai import Agent, Task',
      'class Blog:',
      '    def writer(self) -> Agent:',
      '        return Agent(role="Writer", goal="Write", backstory="Blogger.", llm="gpt-4.1-nano")',
      '    def draft(self) -> Task:',
      '        return Task(description="Draft a post on {topic}.", expected_output="A post.", agent=self.writer())',
    ]);
    assert.strictEqual(models(prompts)['Draft a post on {topic}.'], 'gpt-4.1-nano (call-site)');
  });

  it("prices Runner.run / run(agent, input) on the agent's model", async () => {
    const py = await detect('runner.py', [
      'from agents import Agent, Runner',
      'fast = Agent(name="Fast", instructions="Answer fast.", model="gpt-4.1-nano")',
      'Runner.run_sync(fast, "What is the capital of Peru?")',
    ]);
    assert.strictEqual(models(py)['What is the capital of Peru?'], 'gpt-4.1-nano (call-site)');
    const js = await detect('runner.ts', [
      "import { Agent, run } from '@openai/agents';",
      "const slow = new Agent({ name: 'Slow', instructions: 'Think step by step.' });",
      "await run(slow, 'Plan a three-course dinner.');",
    ]);
    assert.strictEqual(models(js)['Plan a three-course dinner.'], `${row('OpenAI Agents SDK (JavaScript)').model} (framework-default)`);
  });

  it('reads the model of getGenerativeModel({ model }) for generateContent on it', async () => {
    const prompts = await detect('tips.mjs', [
      "import { GoogleGenerativeAI } from '@google/generative-ai';",
      'const genAI = new GoogleGenerativeAI(key);',
      "const flash = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });",
      "await flash.generateContent('Give one watering tip for ferns.');",
      "await genAI.getGenerativeModel({ model: 'gemini-1.5-pro' }).generateContent('List five spring vegetables.');",
    ]);
    assert.deepStrictEqual(models(prompts), {
      'Give one watering tip for ferns.': 'gemini-1.5-flash (call-site)',
      'List five spring vegetables.': 'gemini-1.5-pro (call-site)',
    });
  });
});

describe('model sources: only names in a model position', () => {
  it("never takes a helper's first argument (a tool name, a step list) for the model", async () => {
    const prompts = await detect('test_tools.py', [
      'from crewai import Agent',
      'agent_kwargs = {"role": "Slack messenger", "goal": "Post the message", "backstory": "b", "llm": ScriptedLLM("slackbot_send_message")}',
      'agent = Agent(**agent_kwargs)',
    ]);
    for (const p of prompts) assert.notStrictEqual(p.model?.name, 'slackbot_send_message');
  });

  it('still reads a provider factory (openai("…")) and a model constructor (LLM("…"))', async () => {
    const prompts = await detect('route.ts', [
      "import { openai } from '@ai-sdk/openai';",
      "import { generateText } from 'ai';",
      "await generateText({ model: openai('gpt-4o-mini'), prompt: 'Name a colour.' });",
    ]);
    assert.deepStrictEqual(models(prompts), { 'Name a colour.': 'gpt-4o-mini (call-site)' });
  });
});

describe('model sources: LlamaIndex and LangChain JS wrappers without a model', () => {
  it("prices a LlamaIndex prompt on OpenAI()'s default where llama_index.llms.openai is imported", async () => {
    const prompts = await detect('rag.py', [
      'from llama_index.core import PromptTemplate, Settings',
      'from llama_index.llms.openai import OpenAI',
      'Settings.llm = OpenAI(temperature=0.1)',
      'qa = PromptTemplate("Answer from the context only.\\n{context_str}\\nQuestion: {query_str}")',
    ]);
    assert.deepStrictEqual(Object.values(models(prompts)), [`${row('LlamaIndex OpenAI (Python)').model} (framework-default)`]);
  });

  it('prices a LangChain JS template piped into new ChatAnthropic() on its default', async () => {
    const prompts = await detect('chain.ts', [
      "import { ChatAnthropic } from '@langchain/anthropic';",
      "import { ChatPromptTemplate } from '@langchain/core/prompts';",
      "const prompt = ChatPromptTemplate.fromTemplate('Translate {text} into French.');",
      'export const chain = prompt.pipe(new ChatAnthropic({ temperature: 0 }));',
    ]);
    assert.deepStrictEqual(Object.values(models(prompts)), [`${row('LangChain ChatAnthropic (JavaScript)').model} (framework-default)`]);
  });
});

describe('model sources: two frameworks with an Agent class', () => {
  it("reads pydantic-ai's positional model although the Agents SDK row claims Agent(instructions=…)", async () => {
    const prompts = await detect('support.py', [
      'from pydantic_ai import Agent',
      'support_agent = Agent("openai:gpt-4o-mini", instructions="You answer billing questions briefly.")',
      'result = support_agent.run_sync("How do I change my card?")',
    ]);
    assert.deepStrictEqual(models(prompts), {
      'You answer billing questions briefly.': 'openai:gpt-4o-mini (call-site)',
      'How do I change my card?': 'openai:gpt-4o-mini (call-site)',
    });
  });
});

describe('model sources: the request or options object a prompt is written in (no known sink)', () => {
  it('reads the model beside the messages of a call through a mocked client', async () => {
    const prompts = await detect('src/__tests__/judge.spec.ts', [
      "import { vi } from 'vitest';",
      'const create = vi.fn();',
      'export async function judge() {',
      '  return create({',
      "    model: 'gpt-4o-mini',",
      "    messages: [{ role: 'system', content: 'You are judging summaries. Answer with JSON and nothing else.' }],",
      '  });',
      '}',
    ]);
    assert.deepStrictEqual(models(prompts), { 'You are judging summaries. Answer with JSON and nothing else.': 'gpt-4o-mini (call-site)' });
  });

  it('reads it when the message list is bound first and handed over by name', async () => {
    const prompts = await detect('src/judge.ts', [
      'const create = makeClient().create;',
      "const messages = [{ role: 'system', content: 'Grade the answer from 1 to 5 and explain in one line.' }];",
      "export const run = () => create({ model: 'gpt-4.1-mini', messages });",
    ]);
    assert.deepStrictEqual(models(prompts), { 'Grade the answer from 1 to 5 and explain in one line.': 'gpt-4.1-mini (call-site)' });
  });

  it('reads model: of an agent class the sink table does not list, in TypeScript and Python', async () => {
    const ts = await detect('src/sandbox.ts', [
      "import { SandboxAgent } from '@openai/agents/sandbox';",
      'export const builder = new SandboxAgent({',
      "  name: 'Order API builder',",
      "  model: 'gpt-4.1',",
      "  instructions: 'You finish the order status API in the sandbox. Run the tests, then summarize the files you changed.',",
      '});',
    ]);
    assert.deepStrictEqual(models(ts), { 'You finish the order status API in the sandbox. Run the tests, then summarize the files you changed.': 'gpt-4.1 (call-site)' });
    const py = await detect('app/worker.py', [
      'from acme_agents import Worker',
      'worker = Worker(name="Summarizer", model="gpt-4.1-mini", instructions="Summarize each ticket in two sentences.")',
    ]);
    assert.deepStrictEqual(models(py), { 'Summarize each ticket in two sentences.': 'gpt-4.1-mini (call-site)' });
  });

  it('a request body dict written out for an HTTP call', async () => {
    const prompts = await detect('app/raw_client.py', [
      'import httpx',
      'payload = {',
      '    "model": "gpt-4o-mini",',
      '    "messages": [{"role": "system", "content": "You classify support tickets as billing, bug or other."}],',
      '}',
      'httpx.post("https://llm.internal/v1/chat/completions", json=payload)',
    ]);
    assert.deepStrictEqual(models(prompts), { 'You classify support tickets as billing, bug or other.': 'gpt-4o-mini (call-site)' });
  });

  it('leaves the model open when the object names none or two uses disagree', async () => {
    const prompts = await detect('src/two.ts', [
      'const create = makeClient().create;',
      "const messages = [{ role: 'system', content: 'Rewrite the answer in plain English for a customer.' }];",
      "export const a = () => create({ model: 'gpt-4.1-mini', messages });",
      "export const b = () => create({ model: 'gpt-4o', messages });",
      "export const c = () => create({ temperature: 0, messages: [{ role: 'system', content: 'Reply with yes or no only, nothing else.' }] });",
    ]);
    assert.deepStrictEqual(models(prompts), { 'Rewrite the answer in plain English for a customer.': '-', 'Reply with yes or no only, nothing else.': '-' });
  });
});
