// A corrected price shows its own source and date in the hover, as a catalog price does (over real LSP).
import { strict as assert } from 'assert';
import { LspSession, positionOf } from '../protocol/lspHarness';

function bot(model: string): string {
  return [
    'from openai import OpenAI',
    'client = OpenAI()',
    'SYSTEM = "You are a support agent for Acme. Answer briefly and cite the order number."',
    `client.chat.completions.create(model="${model}", messages=[{"role": "system", "content": SYSTEM}])`,
    '',
  ].join('\n');
}

describe('protocol: hover of a corrected price', () => {
  let session: LspSession;
  afterEach(async () => session && (await session.shutdown()));

  async function priceLine(model: string): Promise<string> {
    session = await LspSession.start();
    const code = bot(model);
    const uri = session.open('bot.py', 'python', code);
    const hover = await session.request('textDocument/hover', { textDocument: { uri }, position: positionOf(code, 'support agent') });
    assert.ok(hover, 'no hover on the prompt');
    const line = (hover.contents.value as string).split('\n').find((l) => l.startsWith('Price:'));
    assert.ok(line, 'no Price line');
    return line;
  }

  it('a price row shows the provider page and the day it was checked', async () => {
    const line = await priceLine('deepseek-v4-pro');
    assert.match(line, /\$0\.66\/M input · \$1\.98\/M output/);
    // Markdown escapes the underscore; it renders as written.
    assert.match(line, /https:\/\/api-docs\.deepseek\.com\/quick\\?_start\/pricing, 2026-12-07$/);
  });

  it('an alias row shows the model it is priced as and where the alias comes from', async () => {
    const line = await priceLine('mistral-large-latest');
    assert.match(line, /\$0\.50\/M input · \$1\.50\/M output/);
    assert.match(line, /as mistral-large-2512; alias: https:\/\/docs\.mistral\.ai\/getting-started\/models\/, checked 2026-12-07/);
  });
});
