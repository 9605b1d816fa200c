// The indentation fix reads the document with strings and comments blanked (pythonCodeOnly) several times per prompt.
// The work must not grow with prompts × file size: counted here as the blanking replacements made, not timed.
import { strict as assert } from 'assert';
import { findingsFor } from './helpers/ruleTester';

const BLANKING = '[^\\n]';

function countBlankingReplaces(run: () => void): number {
  const original = RegExp.prototype[Symbol.replace];
  let calls = 0;
  RegExp.prototype[Symbol.replace] = function (this: RegExp, ...args: unknown[]) {
    if (this.source === BLANKING) calls++;
    return (original as (...a: unknown[]) => string).apply(this, args);
  } as typeof original;
  try {
    run();
  } finally {
    RegExp.prototype[Symbol.replace] = original;
  }
  return calls;
}

describe('indentation fix on a file of many prompts', () => {
  it('blanks the document once, not once per prompt and question', () => {
    const functions = Array.from({ length: 20 }, (_, i) =>
      `def ask_${i}(q):\n    PROMPT_${i} = """You are support agent ${i} for Acme.\n        Answer briefly and cite the refund policy section.\n        Never promise a refund.\n        """\n    return PROMPT_${i}\n`);
    const code = `import os\n\n${functions.join('\n')}`;
    // Each prompt literal and nothing else is a string here: 20 ranges to blank per scan of the document.
    const calls = countBlankingReplaces(() => {
      for (let i = 0; i < 20; i++) {
        const { findings } = findingsFor('indentation-whitespace', { code, prompt: { after: `PROMPT_${i} = `, id: `lib.py#PROMPT_${i}` } });
        assert.equal(findings.length, 1);
      }
    });
    assert.ok(calls <= 20, `${calls} blanking replacements for 20 literals (one scan of the document is 20)`);
  });
});
