// The facts cache keeps one version per file: an editor re-reads an open file's facts after every typing pause.
import * as assert from 'assert';
import { clearFactsCache, factsCacheSize, factsOf } from '../../server/src/engine/detection/workspace/factsOf';

const wrapper = (model: string): string => `from openai import OpenAI

client = OpenAI()


def ask(question: str) -> str:
    reply = client.chat.completions.create(
        model="${model}",
        messages=[{"role": "user", "content": question}],
    )
    return reply.choices[0].message.content
`;

describe('workspace facts cache', () => {
  beforeEach(() => clearFactsCache());

  it('keeps only the newest version of a file, and answers an unchanged file from the cache', async () => {
    const first = await factsOf('app/llm.py', wrapper('gpt-4o'), 2_000_000);
    await factsOf('app/llm.py', wrapper('gpt-4o-mini'), 2_000_000);
    const newest = await factsOf('app/llm.py', wrapper('gpt-4.1'), 2_000_000);
    assert.strictEqual(factsCacheSize(), 1, 'older versions of app/llm.py are dropped');
    const again = await factsOf('app/llm.py', wrapper('gpt-4.1'), 2_000_000);
    assert.ok('facts' in newest && 'facts' in again && 'facts' in first);
    assert.strictEqual(again.facts, newest.facts, 'same content: the cached facts');
    await factsOf('app/other.py', wrapper('gpt-4o'), 2_000_000);
    assert.strictEqual(factsCacheSize(), 2, 'one entry per file');
  });
});
