// Issue 15's bad input, from code to the figure the user sees: a huge or self-referencing tools= schema, a zod chain
// of 10,000 calls and a thinking budget of 1e308 each give a finite, non-zero cost and say what was cut (the hover
// shows toolsSource / reasoningSource) — never NaN, Infinity or $0.
import { strict as assert } from 'assert';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { MAX_REASONING_TOKENS } from '../../server/src/engine/cost/reasoningModels';

async function only(fileName: string, text: string) {
  const analysis = await analyzeDocument({ uri: `file:///w/${fileName}`, fileName, languageId: fileName.endsWith('.ts') ? 'typescript' : 'python', text }, { settings: defaultSettings() });
  const first = analysis.prompts.find((p) => p.cost.tokens.tools !== undefined || p.cost.tokens.reasoning !== undefined) ?? analysis.prompts[0];
  assert.ok(first, 'a prompt');
  for (const v of [first.cost.tokens.input, first.cost.costPerCall, first.cost.costPerMonth, analysis.totals.monthlyCost]) assert.ok(Number.isFinite(v) && v! > 0, `not a finite positive figure: ${v}`);
  return first.cost;
}

describe('bad request input: bounded figures with a note', function () {
  this.timeout(60000);

  it('a huge tools= schema: counted up to the node budget, the cut named', async () => {
    const props = Array.from({ length: 8000 }, (_, i) => `"f${i}": {"type": "string", "description": "Field ${i}"}`).join(', ');
    const cost = await only('huge.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      `SCHEMA = {"type": "object", "properties": {${props}}}`,
      'def run(q):',
      '    return client.chat.completions.create(model="gpt-4o", tools=[{"type": "function", "function": {"name": "fill", "description": "Fill.", "parameters": SCHEMA}}], messages=[{"role": "system", "content": "You fill in records. Be exact."}])',
    ].join('\n'));
    assert.ok(cost.tokens.tools! > 1000);
    assert.match(cost.tokens.toolsSource ?? '', /larger than 20,000 syntax nodes/);
  });

  it('a self-referencing tools= schema: cut where it refers to itself', async () => {
    const cost = await only('loop.py', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'A = {"type": "object", "properties": {"b": B}}',
      'B = {"type": "object", "properties": {"a": A}}',
      'def run(q):',
      '    return client.chat.completions.create(model="gpt-4o", tools=[{"type": "function", "function": {"name": "walk", "description": "Walk.", "parameters": A}}], messages=[{"role": "system", "content": "You are a tree walker. Answer briefly."}])',
    ].join('\n'));
    assert.ok(cost.tokens.tools! > 0);
    assert.match(cost.tokens.toolsSource ?? '', /self-referencing value A/);
  });

  it('a zod chain of 10,000 calls: read in a loop, the schema counted', async () => {
    const chain = 'z.string()' + '.trim()'.repeat(10_000) + '.describe("City")';
    const cost = await only('chain.ts', `import { generateText, tool } from "ai";\nimport { z } from "zod";\nconst t = tool({ description: "Weather.", inputSchema: z.object({ city: ${chain} }) });\nexport const run = (q: string) => generateText({ model: "openai/gpt-4o", system: "You are a weather bot. Use the tool.", prompt: q, tools: { t } });\n`);
    assert.ok(cost.tokens.tools! > 0 && cost.tokens.tools! < 200, `${cost.tokens.tools}`);
  });

  it('a thinking budget of 1e308 written in code: reasoning capped, finite cost', async () => {
    const cost = await only('think.py', [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'def run(q):',
      '    return client.messages.create(model="claude-sonnet-4-5", max_tokens=1e308, thinking={"type": "enabled", "budget_tokens": 1e308}, system="You are a careful planner. Think before you answer.", messages=[{"role": "user", "content": q}])',
    ].join('\n'));
    assert.equal(cost.tokens.reasoning, MAX_REASONING_TOKENS);
    assert.match(cost.tokens.reasoningSource ?? '', /\S/);
  });
});
