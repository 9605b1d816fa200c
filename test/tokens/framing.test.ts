// Per-message chat overhead, as each vendor documents it.
import * as assert from 'assert';
import { get_encoding } from 'tiktoken';
import { countTokens, framingSource, messageFramingTokens } from '../../server/src/engine/tokens';

describe('message framing tokens', () => {
  it('uses OpenAI\'s documented figures for the gpt-4o family: 3 + role per message, 3 reply priming', () => {
    assert.strictEqual(messageFramingTokens(1, 'gpt-4o'), 7);
    assert.strictEqual(messageFramingTokens(2, 'gpt-4o-mini'), 11);
    assert.strictEqual(messageFramingTokens(4, 'gpt-4'), 19);
    assert.strictEqual(framingSource('gpt-5').exact, true);
  });

  it('equals the Cookbook\'s num_tokens_from_messages computed with the reference tokenizer', () => {
    const messages = [
      { role: 'developer', content: 'You are terse.' },
      { role: 'user', content: 'Name three prime numbers.' },
      { role: 'assistant', content: '2, 3, 5.' },
      { role: 'user', content: 'And three more?' },
    ];
    for (const [model, encoding] of [['gpt-4o', 'o200k_base'], ['gpt-4-0613', 'cl100k_base']] as const) {
      const enc = get_encoding(encoding);
      try {
        // num_tokens_from_messages: 3 per message + every field value's tokens, then 3 for the reply priming.
        let cookbook = 3;
        for (const m of messages) cookbook += 3 + enc.encode_ordinary(m.role).length + enc.encode_ordinary(m.content).length;
        const contents = messages.reduce((n, m) => n + countTokens(m.content, model).tokens, 0);
        assert.strictEqual(contents + messageFramingTokens(messages.length, model), cookbook, model);
      } finally {
        enc.free();
      }
    }
  });

  it('gives an estimate with a source for other vendors', () => {
    const claude = framingSource('claude-sonnet-4');
    assert.strictEqual(claude.exact, false);
    assert.ok(claude.source.length > 20);
    assert.ok(messageFramingTokens(3, 'claude-sonnet-4') > 0);
    assert.strictEqual(messageFramingTokens(2, 'meta-llama/Llama-3.1-8B-Instruct'), 15);
  });

  it('is 0 for no messages and ignores nonsense counts', () => {
    assert.strictEqual(messageFramingTokens(0, 'gpt-4o'), 0);
    assert.strictEqual(messageFramingTokens(-2, 'gpt-4o'), 0);
    assert.strictEqual(messageFramingTokens(Number.NaN, 'gpt-4o'), 0);
  });
});
