// What a call bills beyond its messages, read from the call site without running anything: reasoning settings,
// tool definitions (zod schemas converted statically), Anthropic cache_control breakpoints and batch requests.
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import type { DetectedPrompt } from '../../server/src/engine/types';

async function detect(fileName: string, text: string): Promise<DetectedPrompt[]> {
  return (await detectPrompts({ uri: `file:///${fileName}`, fileName, text })).prompts;
}
const textOf = (p: DetectedPrompt) => p.parts.map((x) => (x.kind === 'text' ? x.text : `{${x.name}}`)).join('');
const withText = (prompts: DetectedPrompt[], start: string) => {
  const found = prompts.find((p) => textOf(p).startsWith(start));
  assert.ok(found, `no prompt starting with ${start}: ${prompts.map(textOf).join(' | ')}`);
  return found;
};

describe('request parameters: reasoning settings', () => {
  it('reads reasoning_effort, Responses reasoning.effort, Anthropic thinking and Gemini thinkingConfig', async () => {
    const python = [
      'from openai import OpenAI',
      'import anthropic',
      'from google import genai',
      'from google.genai import types',
      'client = OpenAI()',
      'claude = anthropic.Anthropic()',
      'gemini = genai.Client()',
      'EFFORT = "high"',
      'def a(q):',
      '    return client.chat.completions.create(model="o3", reasoning_effort=EFFORT, messages=[{"role": "system", "content": "You are a contract reviewer. Flag risky clauses."}])',
      'def b(q):',
      '    return client.responses.create(model="gpt-5", instructions="Plan the database migration in numbered steps.", input=q, reasoning={"effort": "minimal"})',
      'def c(q):',
      '    return claude.messages.create(model="claude-sonnet-4-5", max_tokens=16000, thinking={"type": "enabled", "budget_tokens": 10000}, system="You are a proof checker. Verify each step.", messages=[{"role": "user", "content": q}])',
      'def d(q):',
      '    return gemini.models.generate_content(model="gemini-2.5-flash", contents=q, config=types.GenerateContentConfig(system_instruction="You are a travel planner. Suggest three options.", thinking_config=types.ThinkingConfig(thinking_budget=0)))',
    ].join('\n');
    const prompts = await detect('reasoning.py', python);
    assert.deepStrictEqual(withText(prompts, 'You are a contract reviewer').callParams.reasoning, { effort: 'high', written: 'reasoning_effort="high"' });
    assert.deepStrictEqual(withText(prompts, 'Plan the database').callParams.reasoning, { effort: 'minimal', written: 'reasoning.effort="minimal"' });
    const thinking = withText(prompts, 'You are a proof checker').callParams;
    assert.strictEqual(thinking.reasoning?.budgetTokens, 10000);
    assert.strictEqual(thinking.reasoning?.enabled, true);
    assert.strictEqual(thinking.maxTokens, 16000);
    const gemini = withText(prompts, 'You are a travel planner').callParams.reasoning;
    assert.strictEqual(gemini?.budgetTokens, 0);
    assert.strictEqual(gemini?.enabled, false);
  });

  it('reads AI SDK providerOptions (openai.reasoningEffort, anthropic.thinking.budgetTokens)', async () => {
    const ts = [
      'import { generateText } from "ai";',
      'export const a = (q: string) => generateText({ model: "openai/o4-mini", system: "You are a math tutor. Show your work.", prompt: q, providerOptions: { openai: { reasoningEffort: "low" } } });',
      'export const b = (q: string) => generateText({ model: "anthropic/claude-opus-4-1", system: "You are an editor. Tighten the prose.", prompt: q, providerOptions: { anthropic: { thinking: { type: "enabled", budgetTokens: 4096 } } } });',
    ].join('\n');
    const prompts = await detect('sdk.ts', ts);
    assert.strictEqual(withText(prompts, 'You are a math tutor').callParams.reasoning?.effort, 'low');
    assert.strictEqual(withText(prompts, 'You are an editor').callParams.reasoning?.budgetTokens, 4096);
  });
});

describe('request parameters: tool definitions', () => {
  it('OpenAI chat tools from a module constant, with a built-in tool and a run-time one named apart', async () => {
    const python = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'ORDER_TOOL = {"type": "function", "function": {"name": "get_order", "description": "Look up an order.", "parameters": {"type": "object", "properties": {"order_id": {"type": "string"}}, "required": ["order_id"]}}}',
      'TOOLS = [ORDER_TOOL, {"type": "web_search_preview"}, make_tool()]',
      'def run(q):',
      '    return client.chat.completions.create(model="gpt-4o", tools=TOOLS, messages=[{"role": "system", "content": "You are an order desk agent. Be brief."}])',
    ].join('\n');
    const tools = withText(await detect('orders.py', python), 'You are an order desk').callParams.tools!;
    assert.deepStrictEqual(tools.definitions, [
      { name: 'get_order', description: 'Look up an order.', parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] } },
    ]);
    assert.deepStrictEqual(tools.builtIn, ['web_search_preview']);
    assert.deepStrictEqual(tools.unresolved, ['make_tool()']);
  });

  it('Anthropic input_schema, legacy functions= and Gemini function_declarations', async () => {
    const python = [
      'import anthropic, openai',
      'from google.genai import types',
      'claude = anthropic.Anthropic()',
      'def a(q):',
      '    return claude.messages.create(model="claude-haiku-4-5", max_tokens=500, tools=[{"name": "lookup", "description": "Find a word.", "input_schema": {"type": "object", "properties": {"word": {"type": "string"}}}}], system="You are a dictionary. Define words plainly.", messages=[])',
      'def b(q):',
      '    return openai.ChatCompletion.create(model="gpt-3.5-turbo", functions=[{"name": "add", "description": "Add two numbers.", "parameters": {"type": "object", "properties": {"a": {"type": "number"}, "b": {"type": "number"}}}}], messages=[{"role": "system", "content": "You are a calculator. Use the add function."}])',
      'def c(client, q):',
      '    return client.models.generate_content(model="gemini-2.5-pro", contents=q, config=types.GenerateContentConfig(system_instruction="You are a scheduler. Book the slot.", tools=[types.Tool(function_declarations=[{"name": "book", "description": "Book a slot.", "parameters": {"type": "object", "properties": {"when": {"type": "string"}}}}])]))',
    ].join('\n');
    const prompts = await detect('tools.py', python);
    assert.deepStrictEqual(withText(prompts, 'You are a dictionary').callParams.tools?.definitions.map((d) => d.name), ['lookup']);
    assert.deepStrictEqual(withText(prompts, 'You are a dictionary').callParams.tools?.definitions[0].parameters, { type: 'object', properties: { word: { type: 'string' } } });
    assert.deepStrictEqual(withText(prompts, 'You are a calculator').callParams.tools?.definitions.map((d) => d.name), ['add']);
    assert.deepStrictEqual(withText(prompts, 'You are a scheduler').callParams.tools?.definitions.map((d) => d.name), ['book']);
  });

  it('AI SDK tools: zod chains become JSON Schema statically (describe, optional, enum, nested, default, array)', async () => {
    const ts = [
      'import { generateText, tool } from "ai";',
      'import { z } from "zod";',
      'const City = z.string().min(2).describe("City name");',
      'const weather = tool({',
      '  description: "Get the weather.",',
      '  inputSchema: z.object({',
      '    city: City,',
      '    unit: z.enum(["c", "f"]).optional(),',
      '    days: z.number().int().max(7).default(1).describe("Days ahead"),',
      '    stops: z.array(z.object({ name: z.string() })).nullable(),',
      '  }),',
      '  execute: async ({ city }) => city,',
      '});',
      'export const run = (q: string) => generateText({ model: "openai/gpt-4o", system: "You are a weather bot. Use the tool.", prompt: q, tools: { weather, search: someImportedTool } });',
    ].join('\n');
    const tools = withText(await detect('agent.ts', ts), 'You are a weather bot').callParams.tools!;
    assert.deepStrictEqual(tools.definitions, [{
      name: 'weather',
      description: 'Get the weather.',
      parameters: {
        type: 'object',
        properties: {
          city: { type: 'string', minLength: 2, description: 'City name' },
          unit: { type: 'string', enum: ['c', 'f'] },
          days: { type: 'integer', maximum: 7, default: 1, description: 'Days ahead' },
          stops: { type: ['array', 'null'], items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false } },
        },
        required: ['city', 'stops'],
        additionalProperties: false,
      },
    }]);
    assert.deepStrictEqual(tools.unresolved, ['search']);
  });
});

describe('request parameters: tool_choice', () => {
  it('a forced tool (Anthropic any/tool, OpenAI required) is recorded; auto is not', async () => {
    const python = [
      'import anthropic',
      'claude = anthropic.Anthropic()',
      'TOOLS = [{"name": "extract", "description": "Extract fields.", "input_schema": {"type": "object"}}]',
      'def a(q):',
      '    return claude.messages.create(model="claude-haiku-4-5", max_tokens=500, tools=TOOLS, tool_choice={"type": "tool", "name": "extract"}, system="You are an invoice reader. Extract the fields.", messages=[])',
      'def b(q):',
      '    return claude.messages.create(model="claude-haiku-4-5", max_tokens=500, tools=TOOLS, tool_choice={"type": "auto"}, system="You are a receipt reader. Extract the totals.", messages=[])',
    ].join('\n');
    const prompts = await detect('choice.py', python);
    assert.equal(withText(prompts, 'You are an invoice reader').callParams.tools?.forced, true);
    assert.equal(withText(prompts, 'You are a receipt reader').callParams.tools?.forced, undefined);
  });
});

describe('request parameters: bad input is bounded', () => {
  it('a 10,000-call zod chain is read in a loop: no stack overflow, the describe() at its end still applies', async () => {
    const chain = 'z.string()' + '.trim()'.repeat(10_000) + '.describe("City")';
    const ts = `import { generateText, tool } from "ai";\nimport { z } from "zod";\nconst t = tool({ description: "Weather.", inputSchema: z.object({ city: ${chain} }) });\nexport const run = (q: string) => generateText({ model: "openai/gpt-4o", system: "You are a weather bot. Use the tool.", prompt: q, tools: { t } });\n`;
    const tools = withText(await detect('chain.ts', ts), 'You are a weather bot').callParams.tools!;
    assert.deepStrictEqual(tools.definitions[0].parameters, { type: 'object', properties: { city: { type: 'string', description: 'City' } }, required: ['city'], additionalProperties: false });
  });

  it('a self-referencing schema is cut where it refers to itself, with a note', async () => {
    const python = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'A = {"type": "object", "properties": {"b": B}}',
      'B = {"type": "object", "properties": {"a": A}}',
      'def run(q):',
      '    return client.chat.completions.create(model="gpt-4o", tools=[{"type": "function", "function": {"name": "walk", "description": "Walk.", "parameters": A}}], messages=[{"role": "system", "content": "You are a tree walker. Answer briefly."}])',
    ].join('\n');
    const tools = withText(await detect('loop.py', python), 'You are a tree walker').callParams.tools!;
    assert.strictEqual(tools.definitions[0].name, 'walk');
    assert.match(tools.note ?? '', /self-referencing value A/);
  });

  it('a huge schema is read up to the node budget, with a note', async () => {
    const props = Array.from({ length: 8000 }, (_, i) => `"f${i}": {"type": "string", "description": "Field ${i}"}`).join(', ');
    const python = [
      'from openai import OpenAI',
      'client = OpenAI()',
      `SCHEMA = {"type": "object", "properties": {${props}}}`,
      'def run(q):',
      '    return client.chat.completions.create(model="gpt-4o", tools=[{"type": "function", "function": {"name": "fill", "description": "Fill.", "parameters": SCHEMA}}], messages=[{"role": "system", "content": "You fill in records. Be exact."}])',
    ].join('\n');
    const tools = withText(await detect('huge.py', python), 'You fill in records').callParams.tools!;
    const read = Object.keys((tools.definitions[0].parameters as { properties: object }).properties).length;
    assert.ok(read > 1000 && read < 8000, `read ${read} properties`);
    assert.match(tools.note ?? '', /larger than 20,000 syntax nodes/);
  });
});

describe('request parameters: cache_control and batches', () => {
  it('records where cache_control breakpoints sit and the 1-hour TTL', async () => {
    const python = [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'SYSTEM = [{"type": "text", "text": "You are a support agent for Acme. Follow the policy below.", "cache_control": {"type": "ephemeral", "ttl": "1h"}}]',
      'def run(q):',
      '    return client.messages.create(model="claude-sonnet-4-5", max_tokens=400, system=SYSTEM, messages=[{"role": "user", "content": q}])',
      'def run5(q):',
      '    return client.messages.create(model="claude-sonnet-4-5", max_tokens=400, tools=[{"name": "refund", "description": "Refund.", "input_schema": {"type": "object"}, "cache_control": {"type": "ephemeral"}}], system="You are a refunds agent. Check the order first.", messages=[{"role": "user", "content": q}])',
    ].join('\n');
    const prompts = await detect('cached.py', python);
    assert.deepStrictEqual(withText(prompts, 'You are a support agent').callParams.cacheControl, { ttl: '1h', breakpoints: 1, onTools: false, onSystem: true, onMessages: false });
    assert.deepStrictEqual(withText(prompts, 'You are a refunds agent').callParams.cacheControl, { ttl: '5m', breakpoints: 1, onTools: true, onSystem: false, onMessages: false });
  });

  it('Anthropic messages.batches.create: the model and max_tokens come from params; the call is marked batch', async () => {
    const python = [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'def classify(tickets):',
      '    return client.messages.batches.create(requests=[',
      '        {"custom_id": f"t-{i}", "params": {"model": "claude-haiku-4-5", "max_tokens": 64, "messages": [{"role": "user", "content": f"Label this support ticket as bug, billing or other: {t}"}]}}',
      '        for i, t in enumerate(tickets)',
      '    ])',
    ].join('\n');
    const p = withText(await detect('batch.py', python), 'Label this support ticket');
    assert.strictEqual(p.model?.name, 'claude-haiku-4-5');
    assert.strictEqual(p.callParams.maxTokens, 64);
    assert.match(p.callParams.batch?.written ?? '', /messages\.batches\.create/);
    assert.match(p.requestId ?? '', /#batch@5$/);
  });

  it('an OpenAI Batch input line: model from body, marked batch', async () => {
    const python = [
      'import json',
      'def lines(docs):',
      '    for i, d in enumerate(docs):',
      '        yield json.dumps({"custom_id": str(i), "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-4o-mini", "messages": [{"role": "system", "content": "You summarise legal documents in three bullet points."}, {"role": "user", "content": d}]}})',
    ].join('\n');
    const p = withText(await detect('batchlines.py', python), 'You summarise legal documents');
    assert.strictEqual(p.model?.name, 'gpt-4o-mini');
    assert.match(p.callParams.batch?.written ?? '', /OpenAI Batch/);
  });

  it('a messages list that is not in a batch keeps no batch flag', async () => {
    const python = [
      'def build(q):',
      '    payload = {"params": {"model": "gpt-4o", "messages": [{"role": "system", "content": "You are a translator. Keep the tone."}]}}',
      '    return payload',
    ].join('\n');
    const p = withText(await detect('notbatch.py', python), 'You are a translator');
    assert.strictEqual(p.callParams.batch, undefined);
  });
});
