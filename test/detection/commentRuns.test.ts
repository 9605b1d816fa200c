// Long runs of comment lines: tree-sitter-python parses them in quadratic time, so the parser reads them blanked
// (commentRuns.ts). Prompts, annotations and offsets must be exactly what the real text gives.
import * as assert from 'assert';
import { detectPrompts } from '../../server/src/engine/detection';
import { LONG_COMMENT_RUN, pythonParserText } from '../../server/src/engine/detection/commentRuns';

const BOT = [
  'from openai import OpenAI',
  'client = OpenAI()',
  'SYSTEM = "You are a billing assistant for Acme Cloud. Answer in two sentences and cite the invoice line."',
  'def answer(q):',
  '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": q}])',
  '',
].join('\n');

describe('long comment runs', () => {
  it('a file with 20,000 commented-out lines is analysed (it used to pass the 5 s parse limit)', async () => {
    const archive = Array.from({ length: 20_000 }, (_, i) => `# old_total_${i} = compute(rows[${i}])`).join('\n');
    const text = `${BOT}${archive}\n# prompt-cost: calls=20/day\nLATE = f"Summarize the ticket {{ticket}} for an engineer. Keep every error code."\nclient.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": LATE}])\n`;
    const result = await detectPrompts({ uri: 'file:///w/archive.py', fileName: 'archive.py', text });
    assert.equal(result.skipped, undefined);
    const late = result.prompts.find((p) => p.id.endsWith('LATE'));
    assert.ok(late, `found: ${result.prompts.map((p) => p.id).join(', ')}`);
    assert.equal(late.annotation?.callsPerDay, 20, 'the annotation at the end of the run is read');
    assert.equal(text.slice(late.span.start, late.span.end).startsWith('f"Summarize'), true, 'offsets into the real text');
    assert.equal(result.prompts.length, 2);
  });

  it('keeps the text as it is without a long run, and its length and line breaks with one', () => {
    const short = '# a\n# b\nx = 1\n';
    assert.equal(pythonParserText(short), short);
    const run = Array.from({ length: LONG_COMMENT_RUN + 5 }, (_, i) => `    # line ${i}`).join('\n') + '\n# prompt-cost: ignore\nx = "# not a comment"\n';
    const text = `def f():\n    pass\n${run}`;
    const parsed = pythonParserText(text);
    assert.notEqual(parsed, text);
    assert.equal(parsed.length, text.length);
    assert.deepEqual([...parsed].map((c, i) => (c === '\n' ? i : -1)).filter((i) => i >= 0), [...text].map((c, i) => (c === '\n' ? i : -1)).filter((i) => i >= 0));
    assert.ok(parsed.includes('# prompt-cost: ignore') && parsed.includes('x = "# not a comment"'), 'annotations and strings stay');
    assert.ok(!parsed.includes('# line 3'), 'the run is blanked');
  });

  it('does not take a hash inside a triple-quoted string for a comment', () => {
    const lines = Array.from({ length: LONG_COMMENT_RUN + 5 }, (_, i) => `# step ${i}: do the thing`).join('\n');
    const text = `PROMPT = """\n${lines}\n"""\n`;
    assert.equal(pythonParserText(text), text);
  });
});
