// Tool definitions imported from another file (issue 15): `from app.tools import TOOLS` … `tools=TOOLS` is counted
// as the same definitions written at the call are, through the workspace index (per-file detection only names them).
import { strict as assert } from 'assert';
import { buildOnce, runCli, scratch } from './cliHarness';

const TOOLS = '[{"type": "function", "function": {"name": "lookup_order", "description": "Fetch an order by its number: items, price paid and delivery date.", "parameters": {"type": "object", "properties": {"order_number": {"type": "string", "description": "Order number, e.g. NW-10482"}}, "required": ["order_number"]}}}]';

const agent = (tools: string, header: string) => [
  'from openai import OpenAI',
  header,
  'client = OpenAI()',
  'def decide(request):',
  `    return client.chat.completions.create(model="gpt-4o", tools=${tools}, messages=[{"role": "system", "content": "You decide refund requests. Look the order up before you answer."}, {"role": "user", "content": request}])`,
  '',
].join('\n');

interface Request { file: string; toolTokens: number; inputTokens: number; costPerCall: number }

function requests(files: Record<string, string>): Request[] {
  const result = runCli(['audit', '--format', 'json'], scratch(files));
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout).requests;
}

describe('prompt-cost audit: tool definitions imported from another file', function () {
  this.timeout(60000);
  before(buildOnce);

  it('counts them as if written at the call (Python, a named import and a module import)', () => {
    const inline = requests({ 'app/agent.py': agent(TOOLS, '') });
    assert.equal(inline.length, 1);
    assert.ok(inline[0].toolTokens > 20, `precondition: ${inline[0].toolTokens}`);
    const named = requests({ 'app/__init__.py': '', 'app/tools.py': `TOOLS = ${TOOLS}\n`, 'app/agent.py': agent('TOOLS', 'from app.tools import TOOLS') });
    assert.equal(named.find((r) => r.file === 'app/agent.py')?.toolTokens, inline[0].toolTokens);
    assert.equal(named.find((r) => r.file === 'app/agent.py')?.costPerCall, inline[0].costPerCall);
    const module = requests({ 'app/__init__.py': '', 'app/tools.py': `TOOLS = ${TOOLS}\n`, 'app/agent.py': agent('tools.TOOLS', 'from app import tools') });
    assert.equal(module.find((r) => r.file === 'app/agent.py')?.toolTokens, inline[0].toolTokens);
  });

  it('TypeScript: an exported tools array imported by the caller', () => {
    const ts = (tools: string, header: string) => [
      'import OpenAI from "openai";',
      header,
      'const client = new OpenAI();',
      `export const decide = (request: string) => client.chat.completions.create({ model: "gpt-4o", tools: ${tools}, messages: [{ role: "system", content: "You decide refund requests. Look the order up before you answer." }, { role: "user", content: request }] });`,
      '',
    ].join('\n');
    const inline = requests({ 'src/agent.ts': ts(TOOLS, '') });
    const imported = requests({ 'src/tools.ts': `export const TOOLS = ${TOOLS};\n`, 'src/agent.ts': ts('TOOLS', 'import { TOOLS } from "./tools";') });
    assert.ok(inline[0].toolTokens > 20);
    assert.equal(imported.find((r) => r.file === 'src/agent.ts')?.toolTokens, inline[0].toolTokens);
  });
});
