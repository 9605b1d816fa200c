// The rules over prompts found by the real detection engine in Python and TypeScript source.
import { strict as assert } from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import { applySourceEdits, compressPromptFix, runRules, type RuleContext } from '../../server/src/engine/rules';
import type { DetectedPrompt, SourceInput } from '../../server/src/engine/types';
import { treeSitterErrors, treeSitterParser, typescriptParseErrors } from './helpers/parseCheck';
import { countO200k } from './helpers/ruleTester';

const ctxFor = (text: string): RuleContext => ({ documentText: text, countTokens: countO200k, monthlyCostPerInputToken: 0.075 });

async function compressAll(input: SourceInput): Promise<{ text: string; before: DetectedPrompt[]; after: DetectedPrompt[] }> {
  const before = (await detectPrompts(input)).prompts;
  assert.ok(before.length > 0, 'detection found no prompt');
  const ctx = ctxFor(input.text);
  const edits = before.flatMap((p) => compressPromptFix(p, runRules(p, ctx), ctx)?.edits ?? []);
  const text = applySourceEdits(input.text, edits);
  const after = (await detectPrompts({ ...input, text })).prompts;
  return { text, before, after };
}

const placeholders = (ps: DetectedPrompt[]) => ps.flatMap((p) => p.parts.filter((x) => x.kind === 'placeholder').map((x) => (x.kind === 'placeholder' ? x.source : '')));

describe('rules on detected prompts', function () {
  this.timeout(60000);

  it('Python: compresses an f-string system prompt sent to OpenAI, keeping placeholders, escapes and validity', async () => {
    const text = [
      'from openai import OpenAI',
      '',
      'client = OpenAI()',
      '',
      'def answer(user, question):',
      '    system = f"In order to help {user}, please read the \\"policy\\" very carefully. Due to the fact that it is long, try to skim it."',
      '    return client.chat.completions.create(',
      '        model="gpt-4o",',
      '        messages=[{"role": "system", "content": system}, {"role": "user", "content": question}],',
      '    )',
      '',
    ].join('\n');
    const { text: out, before, after } = await compressAll({ uri: 'a.py', fileName: 'a.py', text });
    assert.match(out, /system = f"To help \{user\}, read the \\"policy\\" carefully\. Because it is long, skim it\."/);
    assert.deepEqual(placeholders(after), placeholders(before));
    assert.equal(treeSitterErrors(await treeSitterParser('python'), out), false);
  });

  it('TypeScript: compresses a template literal passed to the Anthropic SDK', async () => {
    const text = [
      "import Anthropic from '@anthropic-ai/sdk';",
      'const client = new Anthropic();',
      'export async function run(doc: string) {',
      '  return client.messages.create({',
      "    model: 'claude-sonnet-4-20250514',",
      '    max_tokens: 500,',
      '    system: `You might want to provide a summary of ${doc} in order to help the reader. Thank you!`,',
      "    messages: [{ role: 'user', content: doc }],",
      '  });',
      '}',
      '',
    ].join('\n');
    const { text: out, before, after } = await compressAll({ uri: 'a.ts', fileName: 'a.ts', text });
    assert.match(out, /system: `Summarize \$\{doc\} to help the reader\.`/);
    assert.deepEqual(placeholders(after), placeholders(before));
    assert.deepEqual(typescriptParseErrors(out), []);
  });
});
