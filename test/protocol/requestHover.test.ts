// The hover of a request that bills more than its messages: an o3 agent call with tools shows the tool definitions,
// the visible output and the hidden reasoning on separate lines, over real LSP.
import { strict as assert } from 'assert';
import { hints, LspSession, positionOf } from './lspHarness';

const AGENT_PY = [
  'from openai import OpenAI',
  'client = OpenAI()',
  'TOOLS = [{"type": "function", "function": {"name": "search_orders", "description": "Search the order database.", "parameters": {"type": "object", "properties": {"query": {"type": "string", "description": "Free text"}}}}}]',
  'def agent(question):',
  '    return client.chat.completions.create(',
  '        model="o3",',
  '        reasoning_effort="high",',
  '        tools=TOOLS,',
  '        messages=[{"role": "system", "content": "You are an order support agent. Use the tools before answering."}],',
  '    )',
  '',
].join('\n');

describe('protocol: hover of a request with tools and reasoning', () => {
  let session: LspSession;
  afterEach(async () => session && (await session.shutdown()));

  it('an o3 agent call shows tool, output and reasoning lines', async () => {
    session = await LspSession.start();
    const uri = session.open('agent.py', 'python', AGENT_PY);
    const hover = await session.request('textDocument/hover', { textDocument: { uri }, position: positionOf(AGENT_PY, 'order support agent') });
    assert.ok(hover, 'no hover on the system prompt');
    const text: string = hover.contents.value;
    assert.match(text, /\| tool definitions — 1 tool, OpenAI Cookbook[^|]*\| ≈\d+ \|/);
    assert.match(text, /\| expected output — [^|]*\| 250 \|/);
    assert.match(text, /\| reasoning, billed as output \(estimate\) — reasoning\\_effort="high" → 10,000[^|]*\| ≈10,000 \|/);
  });

  it('the inline hint counts the hidden reasoning with the output it is billed as', async () => {
    session = await LspSession.start();
    const uri = session.open('agent.py', 'python', AGENT_PY);
    const result = await hints(session, uri);
    const hint = result.find((h) => h.position.line === positionOf(AGENT_PY, 'order support agent').line);
    assert.ok(hint, JSON.stringify(result));
    // Counted into `out` (250 reply + 10,000 reasoning) so that the hint fits 43 characters with its monthly figure;
    // the tooltip splits the two (docs/design/editor.md, "What goes first").
    assert.match(hint.label, /≈10,250 out .*\/mo$/);
    assert.match(String(hint.tooltip), /Reasoning: 10,000 hidden tokens per call, billed as output/);
  });
});
