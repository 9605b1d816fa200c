// Semantic tokens mark placeholders only inside strings detected as prompts.
import { strict as assert } from 'assert';
import { LspSession, positionOf } from './lspHarness';
import { SUPPORT_BOT_PY } from './fixtures';

/** Decodes LSP relative semantic token data into absolute (line, character, length). */
function decode(data: number[]): { line: number; character: number; length: number }[] {
  const out = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2] });
  }
  return out;
}

describe('protocol: semantic tokens', () => {
  it('marks {customer_name}, {question} and {docs} in the prompt template but not {count} in a log message', async () => {
    const session = await LspSession.start();
    try {
      const uri = session.open('support_bot.py', 'python', SUPPORT_BOT_PY);
      const { data } = await session.request('textDocument/semanticTokens/full', { textDocument: { uri } });
      const tokens = decode(data);
      const lines = SUPPORT_BOT_PY.split('\n');
      const marked = tokens.map((t) => lines[t.line].slice(t.character, t.character + t.length));
      for (const name of ['{customer_name}', '{question}', '{docs}']) {
        assert.ok(marked.some((m) => m === name), `${name} not marked; marked: ${JSON.stringify(marked)}`);
      }
      const logLine = positionOf(SUPPORT_BOT_PY, 'Loaded {count}').line;
      assert.ok(!tokens.some((t) => t.line === logLine), 'the log format string is not a prompt');
    } finally {
      await session.shutdown();
    }
  });
});
