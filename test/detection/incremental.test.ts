// DocumentDetector re-copies only the top-level statements an edit touches and reuses cached facts for the others.
// These tests check that a sequence of edits, each applied incrementally, always gives what a fresh full parse gives.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { applyEdits, detectPrompts, DocumentDetector, type TextEdit0 } from '../../server/src/engine/detection';
import { createParser, parseWithLimit } from '../../server/src/engine/detection/parserRuntime';

const input = (fileName: string, text: string) => ({ uri: fileName, fileName, text });
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'detection');

const PYTHON = [
  '"""Support bot: routes tickets to a model."""',
  'from openai import OpenAI',
  'from langchain_core.prompts import PromptTemplate as PT',
  '',
  'client = OpenAI()',
  'MODEL = "gpt-4o-mini"',
  '# prompt-cost: calls=200/day',
  'SYSTEM_PROMPT = "You are a support agent. Answer politely and briefly."',
  '',
  'class Router:',
  '    style = "Respond with one word: billing, outage or other."',
  '',
  '    def route(self, ticket):',
  '        return ask(self.style + " Ticket: " + ticket)',
  '',
  'def ask(prompt, model=MODEL):',
  '    return client.chat.completions.create(',
  '        model=model,',
  '        max_tokens=50,',
  '        messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": prompt}],',
  '    )',
  '',
  'SUMMARY = PT.from_template("Summarize the following text in {n} sentences: {text}")',
  'logger.info("routing done")',
].join('\n');

const TYPESCRIPT = [
  "import { generateText as gen } from 'ai';",
  "import { openai } from '@ai-sdk/openai';",
  '',
  "const SYSTEM = 'You are a release-notes writer. Return JSON with a title and bullet points.';",
  '',
  'export async function notes(diff: string) {',
  "  const { text } = await gen({ model: openai('gpt-4o'), system: SYSTEM, prompt: `Write notes for:\\n${diff}` });",
  '  return text;',
  '}',
  '',
  "console.log('done');",
].join('\n');

/** Applies each edit with its own update and compares with a full parse after every step. */
/**
 * Tree-sitter's own incremental re-parse may recover from a syntax error differently from a full parse of the same
 * text (docs/design/detection.md). The detector can only be as faithful as its tree, so the random-edit properties
 * check it on sequences where tree-sitter itself agrees; this mirror, fed the same edits, tells which ones those are.
 */
async function treeSitterAgrees(fileName: string, base: string, steps: [number, number, string][]): Promise<boolean> {
  const parser = await createParser(fileName.endsWith('.py') ? 'python' : fileName.endsWith('.tsx') ? 'tsx' : 'typescript');
  let text = base;
  let tree = parseWithLimit(parser, text)!;
  try {
    for (const [at, length, insert] of steps) {
      const start = at % (text.length + 1);
      const oldEnd = Math.min(text.length, start + length);
      const next = text.slice(0, start) + insert + text.slice(oldEnd);
      applyEdits(tree, text, [{ start, oldEnd, newText: insert }], next);
      text = next;
      const incremental = parseWithLimit(parser, text, tree)!;
      tree.delete();
      tree = incremental;
      const full = parseWithLimit(parser, text)!;
      const same = full.rootNode.toString() === incremental.rootNode.toString();
      full.delete();
      if (!same) return false;
    }
    return true;
  } finally {
    tree.delete();
    parser.delete();
  }
}

async function checkSequence(fileName: string, base: string, steps: [number, number, string][]): Promise<void> {
  const detector = new DocumentDetector();
  try {
    await detector.update(input(fileName, base));
    let text = base;
    for (const [at, length, insert] of steps) {
      const start = at % (text.length + 1);
      const oldEnd = Math.min(text.length, start + length);
      const edit: TextEdit0 = { start, oldEnd, newText: insert };
      text = text.slice(0, start) + insert + text.slice(oldEnd);
      const incremental = await detector.update(input(fileName, text), [edit]);
      const full = await detectPrompts(input(fileName, text));
      assert.deepStrictEqual(incremental, full, `after replacing [${start}, ${oldEnd}) with ${JSON.stringify(insert)}`);
    }
  } finally {
    detector.dispose();
  }
}

/** A random edit sequence: checked when tree-sitter's incremental and full trees agree, else skipped (fc.pre). */
async function checkRandomSequence(fileName: string, base: string, steps: [number, number, string][]): Promise<void> {
  fc.pre(await treeSitterAgrees(fileName, base, steps));
  await checkSequence(fileName, base, steps);
}

const pieces = fc.constantFrom('', 'x', '"', "'", '`', '\n', '    ', ' Be brief.', ')', '(', '{', '}', '#', 'def f():\n    return "You are terse."\n', 'é😀', '"""', 'PROMPT = ', 'MODEL = "o3"\n');

describe('detection: incremental updates', () => {
  it('keeps the prompts of statements after an edit at their shifted offsets', async () => {
    const at = PYTHON.indexOf('politely');
    await checkSequence('bot.py', PYTHON, [[at, 0, 'very '], [at, 5, ''], [0, 0, '\n\n']]);
  });

  it('shifts every statement when a line is inserted at the very top, and back when it is removed', async () => {
    await checkSequence('bot.py', PYTHON, [[0, 0, 'import os\n'], [0, 10, '']]);
  });

  it('follows a sink added in one statement to a constant in another', async () => {
    const text = 'NOTE = "You are a careful translator. Translate the text into French."\n\nx = 1\n';
    const at = text.indexOf('x = 1');
    await checkSequence('t.py', text, [[at, 5, 'from openai import OpenAI\nOpenAI().responses.create(model="gpt-4o", instructions=NOTE)']]);
  });

  it('keeps same-name bindings in document order when statements binding the name are added and removed', async () => {
    // The sink's model is the last `MODEL` binding: a rebinding inserted above, between or below must reorder it.
    const text = 'from openai import OpenAI\nMODEL = "gpt-4o-mini"\n\nMODEL = "gpt-4.1"\n\nOpenAI().responses.create(model=MODEL, instructions="You are terse. Respond with one word.")\n';
    const first = 'MODEL = "gpt-3.5-turbo"\n';
    const between = text.indexOf('\nMODEL = "gpt-4.1"');
    const below = text.indexOf('OpenAI().responses');
    await checkSequence('m.py', text, [
      [below, 0, 'MODEL = "o3"\n'],
      [0, 0, first],
      [between + first.length, 0, '\nMODEL = "gpt-4o"'],
      [below + first.length + '\nMODEL = "gpt-4o"'.length, 'MODEL = "o3"\n'.length, ''],
      [0, first.length, ''],
    ]);
  });

  it('gives the full-parse result after every step of random edit sequences (Python, property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat(12), pieces), { minLength: 1, maxLength: 6 }), (steps) => checkRandomSequence('bot.py', PYTHON, steps)),
      { numRuns: 60 },
    );
  });

  it('gives the full-parse result after every step of random edit sequences (TypeScript, property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat(12), pieces), { minLength: 1, maxLength: 6 }), (steps) => checkRandomSequence('notes.ts', TYPESCRIPT, steps)),
      { numRuns: 60 },
    );
  });

  it('gives the full-parse result when editing inside a labelled fixture application (Python and TSX)', async () => {
    for (const file of ['python/support_bot.py', 'ts/ChatPanel.tsx']) {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat(4), pieces), { minLength: 1, maxLength: 3 }), (steps) => checkRandomSequence(path.basename(file), text, steps)),
        { numRuns: 15 },
      );
    }
  });
});
