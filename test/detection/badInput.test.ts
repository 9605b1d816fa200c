import * as assert from 'assert';
import fc from 'fast-check';
import { detectPrompts, DocumentDetector } from '../../server/src/engine/detection';

const input = (fileName: string, text: string) => ({ uri: fileName, fileName, text });

describe('detection: bad input', () => {
  it('skips files above maxFileBytes with one clear reason', async () => {
    const text = 'x = 1\n'.repeat(2000);
    const result = await detectPrompts(input('big.py', text), { maxFileBytes: 4096 });
    assert.deepStrictEqual(result.prompts, []);
    assert.match(result.skipped!.reason, /larger than the 0\.0 MB size limit/);
  });

  it('skips a 10 MB file under the default limit', async () => {
    const result = await detectPrompts(input('huge.ts', 'const a = "x";\n'.repeat(700_000)));
    assert.match(result.skipped!.reason, /larger than the 2\.0 MB/);
  });

  it('skips binary content (NUL bytes)', async () => {
    const result = await detectPrompts(input('blob.py', 'PROMPT = "You are"\0\0\x01\x02'));
    assert.match(result.skipped!.reason, /Binary file/);
  });

  it('skips text that is mostly invalid UTF-8 replacement characters', async () => {
    const result = await detectPrompts(input('latin1.py', 'x = "' + '\uFFFD'.repeat(200) + '"'));
    assert.match(result.skipped!.reason, /not valid UTF-8/);
  });

  it('reports what is valid in half-typed code with an unterminated string', async () => {
    const text = [
      'SYSTEM_PROMPT = "You are a helpful assistant. Answer in one sentence."',
      'def ask(q):',
      '    return client.messages.create(system=SYSTEM_PROMPT, messages=[{"role": "user", "content": "Question: ',
    ].join('\n');
    const result = await detectPrompts(input('half.py', text));
    assert.ok(result.prompts.some((p) => p.symbol === 'SYSTEM_PROMPT'));
  });

  it('handles deeply nested expressions without a stack overflow', async () => {
    const depth = 5000;
    const py = 'x = ' + '('.repeat(depth) + '"You are nested"' + ')'.repeat(depth) + '\n';
    const js = 'const PROMPT = ' + '['.repeat(depth) + '"a"' + ']'.repeat(depth) + ';\n' + 'const s = ' + '"x" + '.repeat(depth) + '"y";\n';
    await detectPrompts(input('deep.py', py));
    await detectPrompts(input('deep.js', js));
  });

  it('handles a minified one-line bundle of about 1 MB', async () => {
    const chunk = 'var a=function(b){return b.map(function(c){return c+"-"+"x"}).join(",")};var p="You are a helpful bot. Respond with JSON.";o.chat.completions.create({model:"gpt-4o",messages:[{role:"system",content:p}]});';
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const result = await detectPrompts(input('bundle.min.js', text));
    assert.ok(!result.skipped);
    assert.ok(result.prompts.length > 100);
  });

  it('never throws on random text in any language (property)', async () => {
    const languages = ['a.py', 'a.ts', 'a.tsx', 'a.js', 'a.jsx', 'a.prompt', 'prompts/a.md'];
    const fragments = ['"', "'", '"""', '`', '${', '{', '}', '(', ')', '[', ']', 'f"', 'r"', '\\', '\n', '+', '%', 'prompt', '=', 'client.messages.create(', 'system=', 'role', ':', ',', '#', '//', '/*', 'You are', '---\nmodel: x\n---\n', '{{x}}', '{%'];
    const arbitraryText = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.array(fc.constantFrom(...fragments), { maxLength: 80 }).map((parts) => parts.join('')),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...languages), arbitraryText, async (fileName, text) => {
        const result = await detectPrompts(input(fileName, text));
        for (const p of result.prompts) {
          for (const part of p.parts) {
            assert.ok(part.span.start >= 0 && part.span.end <= text.length && part.span.start <= part.span.end);
            if (part.kind === 'text') assert.strictEqual(part.offsets.length, part.text.length + 1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('incremental updates give the same result as a full parse after random edits (property)', async () => {
    const base = [
      'from openai import OpenAI',
      'PROMPT = "You are a translator. Translate the text into French."',
      'def go(t):',
      '    return OpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": PROMPT}, {"role": "user", "content": t}])',
    ].join('\n');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.nat(5), fc.constantFrom('', 'x', '"', 'é😀', '\n', ' Be brief.', ')')), { minLength: 1, maxLength: 4 }),
        async (edits) => {
          const detector = new DocumentDetector();
          try {
            await detector.update(input('e.py', base));
            let text = base;
            const applied = edits.map(([at, len, insert]) => {
              const start = at % (text.length + 1);
              const oldEnd = Math.min(text.length, start + len);
              text = text.slice(0, start) + insert + text.slice(oldEnd);
              return { start, oldEnd, newText: insert };
            });
            const incremental = await detector.update(input('e.py', text), applied);
            const full = await detectPrompts(input('e.py', text));
            assert.deepStrictEqual(incremental, full);
          } finally {
            detector.dispose();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
