// Property: for random prompts with placeholders, escapes, quotes and braces inside Python and TypeScript
// literals, "fix all" (compressPromptFix) keeps every placeholder and every quote, backslash and brace of the
// sent text, leaves a file that parses (tree-sitter, the TypeScript parser, python3 -m py_compile on a sample),
// and a second fix all changes nothing.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { applySourceEdits, compressPromptFix, runRules, type RuleContext } from '../../server/src/engine/rules';
import type { DetectedPrompt } from '../../server/src/engine/types';
import { treeSitterErrors, treeSitterParser, typescriptParseErrors, pyCompileFailures } from './helpers/parseCheck';
import { countO200k } from './helpers/ruleTester';
import { promptFromSource } from './helpers/sourcePrompt';

type Piece = { ph: string } | { text: string };

const TEXT = [
  'In order to answer, ', 'in order to ', 'Please ', 'please, ', 'kindly ', 'just ', 'really ', 'very ', 'Try to ', 'feel free to ',
  'Due to the fact that ', 'at this point in time ', 'with regard to ', 'make use of ', 'I would appreciate it if you could ',
  'Summarize the text. ', 'Cite sources. ', 'Always answer in formal English. ', 'Always answer in formal English. ',
  'Thank you!\n', '\n', '\n\n\n\n', '   \n', '\t\t\t', '\n        ', '"quoted in order to" ', "it's ", '\\', '\\n', '"', "'",
  '{', '}', '{{', '`', '$', '${', '%s ', '%(x)s ', '{not_a_field} ', '😀 ', 'é ', 'x = 1; ',
  '```\nin order to run, please\n```\n', '{\n  "a": 1,\n  "b": ["x y", 2]\n}\n', 'Return JSON.\n',
];

const pieces = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...TEXT).map((text): Piece => ({ text })) },
    { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'c').map((ph): Piece => ({ ph })) },
  ),
  { minLength: 1, maxLength: 18 },
);

interface Form {
  name: string;
  language: 'python' | 'typescript';
  render(pieces: Piece[]): string;
}

const pyText = (t: string, o: { braces: boolean; newline: boolean }) => {
  let s = t.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  if (o.braces) s = s.replace(/\{/g, '{{').replace(/\}/g, '}}');
  if (!o.newline) s = s.replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return s;
};

const pyModule = (literal: string) => `import os\n\n\ndef build(a, b, c):\n    PROMPT = ${literal}\n    return PROMPT\n`;
const tsModule = (literal: string) => `export function build(a: string, b: string, c: string): string {\n  const PROMPT = ${literal};\n  return PROMPT;\n}\n`;

const FORMS: Form[] = [
  {
    name: 'python f-string, triple quotes',
    language: 'python',
    render: (ps) => pyModule(`f"""${ps.map((p) => ('ph' in p ? `{${p.ph}}` : pyText(p.text, { braces: true, newline: true }))).join('')}"""`),
  },
  {
    name: 'python .format string',
    language: 'python',
    render: (ps) => pyModule(`"${ps.map((p) => ('ph' in p ? `{${p.ph}}` : pyText(p.text, { braces: true, newline: false }))).join('')}".format(a=a, b=b, c=c)`),
  },
  {
    name: 'python plain triple-quoted',
    language: 'python',
    render: (ps) => pyModule(`"""${ps.map((p) => ('ph' in p ? '' : pyText(p.text, { braces: false, newline: true }))).join('')}"""`),
  },
  {
    name: 'python raw string',
    language: 'python',
    render: (ps) => pyModule(`r"""${ps.map((p) => ('ph' in p ? '' : p.text.replace(/["\\]/g, ''))).join('')}"""`),
  },
  {
    name: 'typescript template literal',
    language: 'typescript',
    render: (ps) =>
      tsModule('`' + ps.map((p) => ('ph' in p ? '${' + p.ph + '}' : p.text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${'))).join('') + '`'),
  },
  {
    name: 'typescript double-quoted string',
    language: 'typescript',
    render: (ps) => tsModule(`"${ps.map((p) => ('ph' in p ? '' : pyText(p.text, { braces: false, newline: false }))).join('')}"`),
  },
];

const ctxFor = (code: string): RuleContext => ({ documentText: code, countTokens: countO200k, longPromptTokens: 100000 });

function fixAll(code: string, language: 'python' | 'typescript'): string {
  const prompt = promptFromSource(code, language);
  const ctx = ctxFor(code);
  const fix = compressPromptFix(prompt, runRules(prompt, ctx), ctx);
  return fix ? applySourceEdits(code, fix.edits) : code;
}

function placeholders(p: DetectedPrompt): string[] {
  return p.parts.filter((x) => x.kind === 'placeholder').map((x) => (x.kind === 'placeholder' ? x.source : ''));
}

function sentChars(p: DetectedPrompt): string {
  const text = p.parts.map((x) => (x.kind === 'text' ? x.text : '')).join('');
  return [...text].filter((c) => '"\\{}`$%'.includes(c)).sort().join('');
}

describe('fix all (property)', function () {
  this.timeout(120000);
  const pythonSamples: string[] = [];

  for (const form of FORMS) {
    it(`${form.name}: placeholders and escapes kept, still parses, second pass changes nothing`, async () => {
      const parser = await treeSitterParser(form.language === 'python' ? 'python' : 'typescript');
      fc.assert(
        fc.property(pieces, (ps) => {
          const code = form.render(ps);
          if (treeSitterErrors(parser, code)) return; // the generator made something Python/TS rejects: not our input
          const before = promptFromSource(code, form.language);
          const once = fixAll(code, form.language);
          const after = promptFromSource(once, form.language);
          assert.deepEqual(placeholders(after), placeholders(before), 'placeholders');
          assert.equal(sentChars(after), sentChars(before), 'quotes, backslashes and braces of the sent text');
          assert.equal(treeSitterErrors(parser, once), false, `tree-sitter error in:\n${once}`);
          if (form.language === 'typescript') assert.deepEqual(typescriptParseErrors(once), [], once);
          else if (pythonSamples.length < 60 && once !== code) pythonSamples.push(once);
          assert.equal(fixAll(once, form.language), once, `second fix-all changed:\n${once}`);
        }),
        { numRuns: 150, seed: 20250601 },
      );
    });
  }

  it('python samples compile with python3 -m py_compile', () => {
    assert.ok(pythonSamples.length > 10, `only ${pythonSamples.length} changed samples`);
    assert.deepEqual(pyCompileFailures(pythonSamples), []);
  });
});
