// Property: the call-argument fixes (unbounded-output's limit, reasoning-effort's effort) never break a call. Over
// generated call shapes — Python and TypeScript, one line or one argument per line, trailing comma or not, comments
// after arguments, a dict spread into the call, an existing reasoning dict / effort — each fix's result still parses
// (tree-sitter, no error node) and only the call's argument list changed: the text before and after it is the same,
// the old arguments are all still there in order, and exactly one argument (or one entry of a nested dict) is new.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { Node as TsNode } from 'web-tree-sitter';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { readSettings } from '../../server/src/engine/config/settings';
import { createParser, type GrammarName } from '../../server/src/engine/detection/parserRuntime';
import { applySourceEdits } from '../../server/src/engine/rules';
import type { Finding } from '../../server/src/engine/types';

const LABEL = 'Classify the ticket as one of: billing, bug, other. Respond with only the label.';

interface Shape {
  python: boolean;
  api: 'chat' | 'responses';
  model: 'gpt-4o' | 'o3' | 'gpt-5';
  extras: string[];
  multiLine: boolean;
  indent: string;
  trailingComma: boolean;
  commentAfter: number;
  effort: 'none' | 'high-top' | 'high-dict';
}

const shape: fc.Arbitrary<Shape> = fc.record({
  python: fc.boolean(),
  api: fc.constantFrom('chat', 'responses'),
  model: fc.constantFrom('gpt-4o', 'o3', 'gpt-5'),
  extras: fc.shuffledSubarray(['temperature', 'seed', 'spread', 'user'], { minLength: 0 }),
  multiLine: fc.boolean(),
  indent: fc.constantFrom('  ', '    ', '\t'),
  trailingComma: fc.boolean(),
  commentAfter: fc.integer({ min: -1, max: 5 }),
  effort: fc.constantFrom('none', 'high-top', 'high-dict'),
});

/** A small module around one call of the generated shape. */
function source(s: Shape): { code: string; file: string } {
  const py = s.python;
  const kv = (k: string, v: string) => (py ? `${k}=${v}` : `${k}: ${v}`);
  const q = (t: string) => (py ? `"${t}"` : `'${t}'`);
  const args: string[] = [kv('model', q(s.model))];
  if (s.api === 'chat') args.push(kv('messages', py ? `[{"role": "system", "content": "${LABEL}"}, {"role": "user", "content": ticket}]` : `[{ role: 'system', content: '${LABEL}' }, { role: 'user', content: ticket }]`));
  else args.push(kv('input', py ? `f"${LABEL} {ticket}"` : `\`${LABEL} \${ticket}\``));
  if (s.effort === 'high-top' && s.api === 'chat') args.push(kv('reasoning_effort', q('high')));
  if (s.effort !== 'none' && s.api === 'responses') args.push(kv('reasoning', py ? '{"effort": "high"}' : "{ effort: 'high' }"));
  for (const extra of s.extras) {
    if (extra === 'temperature') args.push(kv('temperature', '0'));
    if (extra === 'seed') args.push(kv('seed', '7'));
    if (extra === 'user') args.push(kv('user', q('support-bot')));
    if (extra === 'spread') args.push(py ? '**BASE' : '...BASE');
  }
  const callee = s.api === 'chat' ? 'client.chat.completions.create' : 'client.responses.create';
  const inner = s.multiLine ? s.indent + s.indent : '';
  const withComments = args.map((a, i) => (s.multiLine && i === s.commentAfter ? `${a},${py ? '  # note' : ' // note'}` : a));
  let list: string;
  if (s.multiLine) {
    const lines = withComments.map((a, i) => {
      const last = i === args.length - 1;
      const comma = a.endsWith('note') ? '' : last && !s.trailingComma ? '' : ',';
      return `\n${inner}${a}${comma}`;
    });
    list = lines.join('') + `\n${s.indent}`;
  } else list = args.join(', ') + (s.trailingComma ? ',' : '');
  if (py) {
    return {
      file: 'gen.py',
      code: `from openai import OpenAI\nclient = OpenAI()\nBASE = {"timeout": 30}\n\ndef classify(ticket):\n${s.indent}return ${callee}(${list})\n`,
    };
  }
  return {
    file: 'gen.ts',
    code: `import OpenAI from 'openai';\nconst client = new OpenAI();\nconst BASE = { timeout: 30 };\n\nexport function classify(ticket: string) {\n${s.indent}return ${callee}({${s.multiLine ? '' : ' '}${list}${s.multiLine ? '' : ' '}});\n}\n`,
  };
}

const parsers = new Map<GrammarName, Awaited<ReturnType<typeof createParser>>>();
async function parse(code: string, grammar: GrammarName) {
  if (!parsers.has(grammar)) parsers.set(grammar, await createParser(grammar));
  return parsers.get(grammar)!.parse(code)!;
}

function hasError(node: TsNode): boolean {
  if (node.type === 'ERROR' || node.isMissing) return true;
  return node.children.some((c) => c !== null && hasError(c));
}

/** The argument entries of the file's one SDK call (Python argument list, or the JS options object). */
function callEntries(root: TsNode, python: boolean): { container: TsNode; entries: string[] } {
  const stack: TsNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if ((node.type === 'call' || node.type === 'call_expression') && /\.create$/.test(node.childForFieldName('function')?.text ?? '')) {
      const list = node.childForFieldName('arguments')!;
      const container = python ? list : list.namedChildren.find((c) => c?.type === 'object')!;
      return { container, entries: container.namedChildren.filter((c) => c !== null && c.type !== 'comment').map((c) => c!.text.replace(/\s+/g, ' ')) };
    }
    for (const c of node.children) if (c) stack.push(c);
  }
  throw new Error('no call');
}

async function checkFix(before: string, finding: Finding, python: boolean): Promise<void> {
  const after = applySourceEdits(before, finding.fix!.edits);
  const grammar: GrammarName = python ? 'python' : 'typescript';
  const [t1, t2] = [await parse(before, grammar), await parse(after, grammar)];
  try {
    assert.ok(!hasError(t2.rootNode), `parse error after ${finding.ruleId} fix:\n${after}`);
    const a = callEntries(t1.rootNode, python);
    const b = callEntries(t2.rootNode, python);
    // Only the argument container changed.
    assert.equal(after.slice(0, b.container.startIndex), before.slice(0, a.container.startIndex));
    assert.equal(after.slice(b.container.endIndex), before.slice(a.container.endIndex));
    const added = b.entries.filter((e) => !a.entries.includes(e));
    const kept = b.entries.filter((e) => a.entries.includes(e));
    if (b.entries.length === a.entries.length + 1) {
      assert.deepEqual(kept, a.entries, 'old arguments kept in order');
      assert.equal(added.length, 1);
      assert.match(added[0], /^(?:max_tokens|max_completion_tokens|max_output_tokens|reasoning_effort|reasoning)\s*[=:]/);
    } else {
      // A value changed in place (an effort) or an entry added inside a nested dict: one argument differs.
      assert.equal(b.entries.length, a.entries.length);
      assert.equal(added.length, 1, `one argument changed: ${JSON.stringify(added)}`);
      assert.match(added[0], /^(?:reasoning_effort|reasoning)\s*[=:]/);
    }
  } finally {
    t1.delete();
    t2.delete();
  }
}

describe('call-argument fixes over generated call shapes (property)', function () {
  this.timeout(180_000);
  const settings = readSettings({}).settings;

  it('every unbounded-output and reasoning-effort fix parses and changes only the argument list', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        const { code, file } = source(s);
        const analysis = await analyzeDocument({ uri: `file:///w/${file}`, fileName: `/w/${file}`, text: code }, { settings, relativePath: file });
        const findings = analysis.prompts.flatMap((p) => p.findings).filter((f) => (f.ruleId === 'unbounded-output' || f.ruleId === 'reasoning-effort') && f.fix);
        for (const f of findings) {
          seen.add(f.ruleId);
          await checkFix(code, f, s.python);
        }
        // The unbounded-output fix is offered on every generated call (none sets a limit, every prompt asks for a label).
        assert.ok(findings.some((f) => f.ruleId === 'unbounded-output'), `no unbounded-output fix for:\n${code}`);
      }),
      { numRuns: 120, seed: 16 },
    );
    assert.deepEqual([...seen].sort(), ['reasoning-effort', 'unbounded-output']);
  });
});
