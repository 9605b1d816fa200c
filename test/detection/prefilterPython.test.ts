// The Python pre-filter looks for content cues only inside string literals. Its literal reader must cover every
// string tree-sitter sees (or give up), and a file it rejects must hold no prompt for the unfiltered detector.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { detectInSyntaxTree } from '../../server/src/engine/detection/codeDetector';
import { createParser, parseWithLimit } from '../../server/src/engine/detection/parserRuntime';
import { PROMPT_NAME_WORDS, prefilterReason, pythonPrefilterReason, pythonStringLiterals, pythonStringSpans } from '../../server/src/engine/detection/prefilter';
import { mirrorTree, type SyntaxNode } from '../../server/src/engine/detection/syntaxMirror';

const root = path.resolve(__dirname, '..', '..');

function pythonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...pythonFiles(full));
    else if (entry.name.endsWith('.py')) out.push(full);
  }
  return out.sort();
}

const fixtures = [...pythonFiles(path.join(root, 'test', 'fixtures', 'detection')), ...pythonFiles(path.join(root, 'examples'))];
const read = (file: string) => fs.readFileSync(file, 'utf8');

/** Literals that take a careful reader: prefixes, triple quotes, escapes, quotes in comments, f-string fields. */
const TRICKY = [
  'x = "it\'s"  # don\'t read this quote\ny = \'say "hi"\'\n',
  'a = r"\\"" + b\'\\\\\' + Rb"x" + f\'{d["k"]}\' + u"é"\n',
  'doc = """one "quoted" line\n\'\'\'not a closer\'\'\'\nlast"""\nz = \'\'\n',
  'msg = f"{{literal}} {value!r:>{width}} {items[0]}"\ns = F"""{a}\n{b}"""\n',
  'if x:pass\nelif"you are an expert"in y: pass\n',
  'line = "first \\\nsecond"\n# "a comment\'s quotes\nend = 1\n',
];

function stringNodes(node: SyntaxNode, out: SyntaxNode[] = []): SyntaxNode[] {
  if (node.type === 'string') out.push(node);
  else for (const child of node.children) stringNodes(child, out);
  return out;
}

async function withPythonTree<T>(text: string, use: (root: SyntaxNode) => T): Promise<T> {
  const parser = await createParser('python');
  try {
    const tree = parseWithLimit(parser, text);
    assert.ok(tree, 'did not parse');
    try {
      return use(mirrorTree(tree));
    } finally {
      tree.delete();
    }
  } finally {
    parser.delete();
  }
}

/** Blocks of the fixtures (a line at column 0 after a blank line starts one), recombined by the property test. */
function blocks(text: string): string[] {
  return text.split(/\n\s*\n(?=\S)/).filter((b) => b.trim());
}

describe('Python pre-filter (content cues in string literals only)', function () {
  this.timeout(120_000);

  it('reads every string tree-sitter sees in the fixtures, examples and tricky literals', async () => {
    assert.ok(fixtures.length >= 5, `expected Python fixtures, found ${fixtures.length}`);
    let strings = 0;
    for (const [label, text] of [...fixtures.map((f) => [path.relative(root, f), read(f)]), ...TRICKY.map((t, i) => [`tricky #${i}`, t])]) {
      const spans = pythonStringSpans(text);
      assert.ok(spans, `${label}: the reader gave up`);
      await withPythonTree(text, (tree) => {
        for (const node of stringNodes(tree)) {
          strings++;
          assert.ok(spans.some(([start, end]) => start <= node.start && node.end <= end), `${label}: ${JSON.stringify(text.slice(node.start, node.end))} is outside every literal read`);
        }
      });
    }
    assert.ok(strings >= 100, `only ${strings} strings`);
  });

  it('keeps prefixes and quotes, and leaves out code and comments', () => {
    assert.equal(pythonStringLiterals('data = json.load(fh)  # "why"\nreturn rb"x" + f\'{y}\'\n'), 'rb"x" f\'{y}\'');
    assert.equal(pythonStringLiterals('elif"s": pass\n'), '"s"');
  });

  it('gives up where Python versions or error recovery could read the literals differently', () => {
    for (const text of [
      'x = "unterminated\ny = 1\n',
      'x = """never closed\n',
      'x = f"{d["key"]}"\n', // a nested literal with the same quote (Python 3.12)
      "x = f\"{value:'>10}\"\n", // a quote as a format spec's fill character
      'x = f"{a\\nb}"\n',
      'x = f"{a # comment\n}"\n',
    ]) assert.equal(pythonStringSpans(text), undefined, text);
  });

  it('rejects modules whose content cues are only in code, and keeps those whose strings hold them', () => {
    const code = 'import json\n\ndef load(path):\n    with open(path) as fh:\n        return json.load(fh)\n';
    assert.equal(prefilterReason(code), 'content', 'the text-only filter passes it (what this filter improves on)');
    assert.equal(pythonPrefilterReason(code), undefined);
    const prompt = 'GRADER = ("You are a strict grader. "\n          "Respond with JSON only.")\n';
    assert.equal(pythonPrefilterReason(prompt), 'content');
    const reasons: [string, string][] = [
      ['annotation', '# prompt-cost: prompt\nGREETING = "Hi there"\n'],
      ['prompt name', 'SYSTEM_PROMPT = "Be brief."\n'],
      ['sink', 'r = client.chat.completions.create(model="gpt-4o", messages=msgs)\n'],
      ['message', 'msgs = [("human", "{question}")]\n'],
    ];
    for (const [reason, text] of reasons) assert.equal(pythonPrefilterReason(text), reason, text);
    // When the reader gives up, the whole text is scored, as by the text-only filter.
    assert.equal(pythonPrefilterReason('x = f"{d["k"]}"\ndef f(fh):\n    return json.load(fh)\n'), 'content');
  });

  it('filtered ⇒ no prompt, for random compositions of fixture blocks with code cues mixed in', async () => {
    const pool = fixtures.flatMap((f) => blocks(read(f)));
    const codeCues = ['def load(fh):\n    return json.load(fh)\n', 'def ask(q):\n    please = q.strip()\n    return please\n', 'def main(argv):\n    # You are the user: answer the question in one sentence.\n    return argv\n'];
    const parser = await createParser('python');
    let filtered = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 2 }), fc.boolean(), fc.boolean(), async (picks, cues, neutralNames, dropSinks) => {
          let text = [...picks.map((i) => pool[i % pool.length]), ...cues.map((i) => codeCues[i % codeCues.length])].join('\n\n') + '\n';
          if (neutralNames) text = text.replace(new RegExp(PROMPT_NAME_WORDS.join('|'), 'gi'), 'Blob');
          if (dropSinks) text = text.replace(/\b(?:create|generateText|invoke|chat|messages)\b/g, 'run');
          if (pythonPrefilterReason(text) !== undefined) return;
          filtered++;
          const tree = parseWithLimit(parser, text);
          assert.ok(tree);
          try {
            const found = detectInSyntaxTree(mirrorTree(tree), text, { fileName: 'composed.py', language: 'python' });
            assert.equal(found.length, 0, `the Python pre-filter said no, the detector found ${found.length} prompts in:\n${text}`);
          } finally {
            tree.delete();
          }
        }),
        { numRuns: 300, seed: 11 },
      );
    } finally {
      parser.delete();
    }
    assert.ok(filtered >= 20, `only ${filtered} compositions were filtered`);
  });
});
