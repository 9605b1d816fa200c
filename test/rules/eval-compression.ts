// npm run eval:compression — "Compress this prompt" over the realistic prompts in test/fixtures/compression/:
// each prompt is written as a Python f-string (module level) and as a TypeScript template literal indented in
// a function; tokens of the sent text (gpt-4o tokenizer) before and after one fix-all, placeholders lost, parse
// failures, and whether a second fix-all would change anything. Exits 1 when a goal is missed.
// Then fix-all on whole files (test/rules/fixAllSavings.ts): the examples/ folder and any folders given
// (`npm run eval:compression -- <dir> …`, a real-code set), tokens and dollars split by input- and output-side rules.
import * as fs from 'fs';
import * as path from 'path';
import { applySourceEdits, compressPromptFix, runRules, type RuleContext } from '../../server/src/engine/rules';
import { countTokens } from '../../server/src/engine/tokens';
import type { DetectedPrompt } from '../../server/src/engine/types';
import { fixAllSavings, printSideSavings } from './fixAllSavings';
import { pyCompileFailures, treeSitterErrors, treeSitterParser, typescriptParseErrors } from './helpers/parseCheck';
import { promptFromSource } from './helpers/sourcePrompt';

const DIR = path.join(__dirname, '..', 'fixtures', 'compression');
const MODEL = 'gpt-4o';
const count = (t: string) => countTokens(t, MODEL).tokens;
const PLACEHOLDER = /\{[a-z_]+\}/g;

function pythonSource(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .split(PLACEHOLDER)
    .map((s) => s.replace(/\{/g, '{{').replace(/\}/g, '}}'));
  const names = text.match(PLACEHOLDER) ?? [];
  const literal = body.reduce((acc, s, i) => acc + s + (names[i] ?? ''), '');
  return `import os\n\nPROMPT = f"""${literal}"""\n`;
}

function typescriptSource(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  const literal = escaped.replace(PLACEHOLDER, (m) => '${' + m.slice(1, -1) + '}').replace(/\n/g, '\n    ');
  return `export function build(vars: Record<string, string>): string {\n  const PROMPT = \`${literal}\`;\n  return PROMPT;\n}\n`;
}

/** The text the program sends, placeholders as written, after textwrap.dedent / inspect.cleandoc. */
function sentText(p: DetectedPrompt): string {
  const raw = p.parts.map((x) => (x.kind === 'text' ? x.text : x.source)).join('');
  if (p.textTransform === 'cleandoc') return cleandoc(raw);
  if (p.textTransform === 'dedent') return dedent(raw);
  return raw;
}

function margin(lines: string[]): number {
  const ind = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  return ind.length ? Math.min(...ind) : 0;
}

function cleandoc(s: string): string {
  const lines = s.replace(/\t/g, '        ').split('\n');
  const m = margin(lines.slice(1));
  const out = [lines[0].trimStart(), ...lines.slice(1).map((l) => l.slice(m))];
  while (out.length && !out[0].trim()) out.shift();
  while (out.length && !out[out.length - 1].trim()) out.pop();
  return out.join('\n');
}

function dedent(s: string): string {
  const lines = s.split('\n');
  const m = margin(lines);
  return lines.map((l) => (l.trim() ? l.slice(m) : '')).join('\n');
}

function fixAll(code: string, language: 'python' | 'typescript'): string {
  const prompt = promptFromSource(code, language);
  const ctx: RuleContext = { documentText: code, countTokens: count, longPromptTokens: 100000 };
  const fix = compressPromptFix(prompt, runRules(prompt, ctx), ctx);
  return fix ? applySourceEdits(code, fix.edits) : code;
}

interface Row {
  name: string;
  language: string;
  before: number;
  after: number;
  lost: string[];
  parseError?: string;
  stable: boolean;
  whitespaceOnly: boolean;
  out: string;
}

async function main() {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
  const py = await treeSitterParser('python');
  const tsParser = await treeSitterParser('typescript');
  const rows: Row[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(DIR, file), 'utf8').replace(/\n$/, '');
    for (const language of ['python', 'typescript'] as const) {
      const code = language === 'python' ? pythonSource(text) : typescriptSource(text);
      const beforePrompt = promptFromSource(code, language);
      const out = fixAll(code, language);
      const afterPrompt = promptFromSource(out, language);
      const names = (p: DetectedPrompt) => p.parts.filter((x) => x.kind === 'placeholder').map((x) => (x.kind === 'placeholder' ? x.source : ''));
      const afterNames = names(afterPrompt);
      const lost = names(beforePrompt).filter((n) => !afterNames.includes(n));
      let parseError: string | undefined;
      if (treeSitterErrors(language === 'python' ? py : tsParser, out)) parseError = 'tree-sitter';
      if (language === 'typescript' && typescriptParseErrors(out).length) parseError = typescriptParseErrors(out).join('; ');
      const sentBefore = sentText(beforePrompt);
      const sentAfter = sentText(afterPrompt);
      rows.push({
        name: file.replace(/\.txt$/, ''),
        language,
        before: count(sentBefore),
        after: count(sentAfter),
        lost,
        parseError,
        stable: fixAll(out, language) === out,
        whitespaceOnly: sentBefore.replace(/\s+/g, '') === sentAfter.replace(/\s+/g, ''),
        out,
      });
    }
  }
  const pyFailures = pyCompileFailures(rows.filter((r) => r.language === 'python').map((r) => r.out));
  for (const f of pyFailures) {
    const row = rows.find((r) => r.out === f.source);
    if (row) row.parseError = `py_compile: ${f.error}`;
  }

  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  console.log(`${pad('prompt', 34)}${pad('lang', 11)}${pad('before', 8)}${pad('after', 8)}${pad('saved', 8)}notes`);
  for (const r of rows) {
    const notes = [r.lost.length ? `LOST ${r.lost.join(',')}` : '', r.parseError ? `PARSE ${r.parseError}` : '', r.stable ? '' : 'second pass changes'].filter(Boolean).join(' ');
    console.log(`${pad(r.name, 34)}${pad(r.language, 11)}${pad(r.before, 8)}${pad(r.after, 8)}${pad(((1 - r.after / r.before) * 100).toFixed(1) + '%', 8)}${notes}`);
  }
  const summary = (label: string, set: Row[]) => {
    const b = set.reduce((s, r) => s + r.before, 0);
    const a = set.reduce((s, r) => s + r.after, 0);
    console.log(`${label}: ${set.length} prompts, ${b} → ${a} tokens (${((1 - a / b) * 100).toFixed(1)}% fewer)`);
    return 1 - a / b;
  };
  console.log('');
  const verbose = rows.filter((r) => r.name.startsWith('verbose-'));
  const tight = rows.filter((r) => r.name.startsWith('tight-'));
  const pySaved = summary('verbose, Python f-string (module level, phrasing only)', verbose.filter((r) => r.language === 'python'));
  const tsSaved = summary('verbose, TypeScript template literal (indented in a function)', verbose.filter((r) => r.language === 'typescript'));
  summary('tight prompts, both languages', tight);
  const lost = rows.reduce((s, r) => s + r.lost.length, 0);
  const parseFailures = rows.filter((r) => r.parseError).length;
  const unstable = rows.filter((r) => !r.stable).length;
  const tightChanged = tight.filter((r) => !r.whitespaceOnly).map((r) => `${r.name} (${r.language})`);
  console.log(`placeholders lost: ${lost}; parse failures: ${parseFailures} (python checked with tree-sitter and py_compile, TypeScript with tree-sitter and tsc's parser); second pass changes: ${unstable}`);
  console.log(`tight prompts changed beyond whitespace: ${tightChanged.length ? tightChanged.join(', ') : 'none'}`);
  const ok = pySaved >= 0.15 && tsSaved >= 0.15 && lost === 0 && parseFailures === 0 && tightChanged.length === 0 && verbose.length >= 80;
  printSideSavings('fix-all on examples/', await fixAllSavings([path.join(__dirname, '..', '..', 'examples')]));
  const realCode = process.argv.slice(2);
  if (realCode.length) printSideSavings(`fix-all on ${realCode.join(', ')}`, await fixAllSavings(realCode));
  console.log(ok ? 'GOALS MET' : 'GOALS MISSED');
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
