// The pre-filter may skip the parse only where the detector would find nothing. Detection here runs WITHOUT the
// pre-filter (parser + syntax copy + analysis called directly), so a wrong "no" shows up as a missed prompt.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { detectInSyntaxTree } from '../../server/src/engine/detection/codeDetector';
import { contentEvidence, nameEvidence } from '../../server/src/engine/detection/heuristics';
import { detectionLanguage } from '../../server/src/engine/detection/language';
import { createParser, parseWithLimit, type GrammarName } from '../../server/src/engine/detection/parserRuntime';
import { contentScoreBound, mayContainPrompt, prefilterReason, PROMPT_NAME_WORDS } from '../../server/src/engine/detection/prefilter';
import { mirrorTree } from '../../server/src/engine/detection/syntaxMirror';
import { detectPrompts } from '../../server/src/engine/detection';
import type { SourceLanguage } from '../../server/src/engine/types';

const root = path.resolve(__dirname, '..', '..');
const GRAMMAR: Record<string, GrammarName> = { python: 'python', typescript: 'typescript', tsx: 'tsx', javascript: 'javascript', jsx: 'javascript' };

async function detectUnfiltered(text: string, fileName: string): Promise<number> {
  const language = detectionLanguage(fileName) as Exclude<SourceLanguage, 'prompt'>;
  const parser = await createParser(GRAMMAR[language]);
  try {
    const tree = parseWithLimit(parser, text);
    assert.ok(tree, `${fileName} did not parse`);
    try {
      return detectInSyntaxTree(mirrorTree(tree), text, { fileName, language }).length;
    } finally {
      tree.delete();
    }
  } finally {
    parser.delete();
  }
}

function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...codeFiles(full));
    else if (GRAMMAR[detectionLanguage(full) ?? '']) out.push(full);
  }
  return out.sort();
}

const fixtures = [...codeFiles(path.join(root, 'test', 'fixtures', 'detection')), ...codeFiles(path.join(root, 'examples'))];
const read = (file: string) => fs.readFileSync(file, 'utf8');

/** Top-level blocks (a line at column 0 after a blank line starts one): the pieces the property test recombines. */
function blocks(text: string): string[] {
  return text.split(/\n\s*\n(?=\S)/).filter((b) => b.trim());
}

describe('detection pre-filter', function () {
  this.timeout(120_000);

  it('lets through every fixture and example file in which the detector finds a prompt', async () => {
    assert.ok(fixtures.length >= 15, `expected the fixture and example code files, found ${fixtures.length}`);
    let withPrompts = 0;
    for (const file of fixtures) {
      const text = read(file);
      const found = await detectUnfiltered(text, path.basename(file));
      if (found > 0) {
        withPrompts++;
        assert.ok(mayContainPrompt(text), `${path.relative(root, file)}: ${found} prompts, but the pre-filter said no`);
      }
    }
    assert.ok(withPrompts >= 10, `only ${withPrompts} files with prompts`);
  });

  it('filtered ⇒ no prompt, for random compositions of fixture blocks (names neutralised or not)', async () => {
    const byLanguage = new Map<GrammarName, string[]>();
    for (const file of fixtures) {
      const grammar = GRAMMAR[detectionLanguage(file)!];
      const list = byLanguage.get(grammar) ?? [];
      list.push(...blocks(read(file)));
      byLanguage.set(grammar, list);
    }
    const extension: Record<GrammarName, string> = { python: 'py', typescript: 'ts', tsx: 'tsx', javascript: 'js' };
    let filtered = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...byLanguage.keys()).chain((grammar) =>
          fc.tuple(fc.constant(grammar), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean())),
        async ([grammar, picks, neutralNames, dropSinks]) => {
          const pool = byLanguage.get(grammar)!;
          let text = picks.map((i) => pool[i % pool.length]).join('\n\n') + '\n';
          // Without the prompt-ish names (and sinks), only content cues or message shapes can make a prompt: the
          // hardest case for the filter.
          if (neutralNames) text = text.replace(new RegExp(PROMPT_NAME_WORDS.join('|'), 'gi'), 'Blob');
          if (dropSinks) text = text.replace(/\b(?:create|generateText|invoke|chat|messages)\b/g, 'run');
          runs++;
          if (mayContainPrompt(text)) return;
          filtered++;
          const found = await detectUnfiltered(text, `composed.${extension[grammar]}`);
          assert.equal(found, 0, `the pre-filter said no, the detector found ${found} prompts in:\n${text}`);
        },
      ),
      { numRuns: 400, seed: 8 },
    );
    // The property must exercise the "no" branch, or it proves nothing.
    assert.ok(filtered >= 20, `only ${filtered} of ${runs} compositions were filtered`);
  });

  it('filters plain utility modules', () => {
    const python = [
      'import os', 'from pathlib import Path', '', 'def read_config(path):', '    """Load the settings file."""',
      '    if not os.path.exists(path):', '        raise FileNotFoundError(f"missing config: {path}")', '    with open(path) as f:',
      '        return dict(line.split("=", 1) for line in f if "=" in line)', '', 'def scale(values, factor=2):',
      '    return [v * factor for v in values]', '',
    ].join('\n');
    const typescript = [
      "import { readFile } from 'fs/promises';", '', 'export interface Point { x: number; y: number }', '',
      'export function distance(a: Point, b: Point): number {', '  return Math.hypot(a.x - b.x, a.y - b.y);', '}', '',
      'export async function lineCount(file: string): Promise<number> {', "  const text = await readFile(file, 'utf8');",
      "  return text.split('\\n').length;", '}', '',
      "export const formatPrice = (cents: number) => `$${(cents / 100).toFixed(2)}`;", '',
    ].join('\n');
    const javascript = [
      "const express = require('express');", 'const app = express();', '',
      "app.get('/health', (req, res) => res.send({ ok: true }));", '',
      'function debounce(fn, ms) {', '  let timer;', '  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };', '}',
      'module.exports = { app, debounce };', '',
    ].join('\n');
    for (const text of [python, typescript, javascript]) assert.equal(prefilterReason(text), undefined, text);
  });

  it('lets through each kind of signal on its own', () => {
    const cases: [string, string][] = [
      ['annotation', '# prompt-cost: prompt\nGREETING = "Hi there"\n'],
      ['prompt name', 'SYSTEM_PROMPT = "Be brief."\n'],
      ['sink', 'r = client.chat.completions.create(model="gpt-4o", messages=msgs)\n'],
      ['message', 'msgs = [("human", "{question}")]\n'],
      ['message', "const m = { role: Role.USER, content: text };\n"],
      ['content', 'GRADER = ("You are a strict grader. "\n          "Respond with JSON only.")\n'],
      ['content', 'const x = "Summarize the text below.\\nQuestion: {q}\\nPlease answer in two sentences.";\n'],
    ];
    for (const [reason, text] of cases) assert.equal(prefilterReason(text), reason, text);
  });

  it('a sink with a generic name needs its module, as in the detector', () => {
    assert.equal(mayContainPrompt('reply = chat(model="m", messages=history)\n'), false);
    assert.equal(mayContainPrompt('import ollama\nreply = ollama.chat(model="m", messages=history)\n'), true);
  });

  it('the name words cover every fixture name that nameEvidence calls prompt or template', () => {
    const pattern = new RegExp(PROMPT_NAME_WORDS.join('|'), 'i');
    let prompty = 0;
    for (const file of fixtures) {
      for (const name of new Set(read(file).match(/[A-Za-z_$][\w$]*/g) ?? [])) {
        const kind = nameEvidence(name);
        if (kind !== 'prompt' && kind !== 'template') continue;
        prompty++;
        assert.match(name, pattern, `${name} (${kind}) in ${path.basename(file)}`);
      }
    }
    assert.ok(prompty >= 10);
  });

  it('the raw-text cues score plain text at least as high as contentEvidence', async () => {
    const texts: string[] = [];
    for (const file of fixtures) {
      const result = await detectPrompts({ uri: file, fileName: path.basename(file), text: read(file) });
      for (const p of result.prompts) texts.push(p.parts.map((part) => (part.kind === 'text' ? part.text : ' ')).join(''));
    }
    texts.push('You are an AI assistant. Think step by step.', 'Given the following context: {ctx}\nAnswer the question in 3 sentences.',
      'I want you to act as a translator. Do not make up words.', 'Format your answer as JSON. Output format: a list.',
      'user: hi\nassistant: hello', 'As a helpful, harmless assistant, respond with valid JSON. If you do not know, say so.');
    assert.ok(texts.length >= 40, `only ${texts.length} prompt texts`);
    for (const text of texts) {
      const score = contentEvidence(text).score;
      assert.ok(contentScoreBound(text) >= score, `bound ${contentScoreBound(text)} < score ${score} for ${JSON.stringify(text.slice(0, 200))}`);
    }
  });

  it('detectPrompts and DocumentDetector give the unfiltered result for filtered and unfiltered files', async () => {
    for (const file of fixtures.slice(0, 8)) {
      const text = read(file);
      const result = await detectPrompts({ uri: file, fileName: path.basename(file), text });
      assert.equal(result.prompts.length, await detectUnfiltered(text, path.basename(file)), file);
    }
  });
});
