// `npm run check:fix-safety -- <dir> [<dir> …]`: runs "fix all" (the rewrite of `prompt-cost audit --fix` and the
// editor's fix-all) on every source file under the folders, in memory, and checks what the fixes promise on real code:
// - the program outside string literals is unchanged: the same syntax tree (node types and token texts) once string
//   literals are taken as single leaves, allowing only the indentation fix's own additions (`import inspect` /
//   `import textwrap` and a `cleandoc(...)` / `dedent(...)` wrap around one triple-quoted literal) and the output-side
//   fixes' new call arguments (`max_tokens=16`, `reasoning={"effort": "low"}`, `config: { maxOutputTokens: 16 }`:
//   whole runs of argument nodes with those names, nothing else in the tree moved);
// - the expressions interpolated into f-strings and template literals are the same, in the same order;
// - no new parse error, and an added `inspect.cleandoc` has a module-level import above any module-level use;
// - every placeholder of the file's prompts is still there after re-analysis.
// It also counts files where a second fix-all would still change something. Nothing is written to disk.
// Exit code 1 when a check fails. Used on 6,600 files of public LLM applications (docs/design/rules.md).
import * as fs from 'fs';
import * as path from 'path';
import type { Node as TsNode } from 'web-tree-sitter';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { fixEdits } from '../../server/src/engine/audit/fixer';
import { readSettings } from '../../server/src/engine/config/settings';
import { detectionLanguage } from '../../server/src/engine/detection';
import { createParser, type GrammarName } from '../../server/src/engine/detection/parserRuntime';
import { applySourceEdits } from '../../server/src/engine/rules';
import type { DocumentAnalysis, SourceLanguage } from '../../server/src/engine/types';

const GRAMMAR: Partial<Record<SourceLanguage, GrammarName>> = { python: 'python', typescript: 'typescript', tsx: 'tsx', javascript: 'javascript', jsx: 'tsx' };
const STRING_TYPES = new Set(['string', 'template_string', 'concatenated_string']);
const INTERPOLATION_TYPES = new Set(['interpolation', 'template_substitution']);
const WRAP_CALL = /^(?:inspect\.cleandoc|textwrap\.dedent|cleandoc|dedent)\(\s*[rRbBfFuU]*(?:"""|''')/;
const MAX_FILE_CHARS = 2_000_000;

interface CodeShape {
  /** Pre-order node types outside string literals (leaves with their text); a literal is one `STR`. */
  outside: string[];
  interpolations: string[];
  errors: number;
}

function codeShape(root: TsNode, text: string): CodeShape {
  const shape: CodeShape = { outside: [], interpolations: [], errors: 0 };
  const inside = (node: TsNode) => {
    if (INTERPOLATION_TYPES.has(node.type)) shape.interpolations.push(text.slice(node.startIndex, node.endIndex));
    for (const child of node.children) if (child) inside(child);
  };
  // Iterative: real files nest deeply.
  const stack: TsNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'ERROR' || node.isMissing) shape.errors++;
    const source = text.slice(node.startIndex, node.endIndex);
    if (node.type === 'import_statement' && /^import (?:inspect|textwrap)$/.test(source)) continue;
    const wrapped = node.type === 'call' && WRAP_CALL.test(source) ? node.namedChild(1)?.namedChild(0) : undefined;
    if (wrapped && STRING_TYPES.has(wrapped.type)) {
      shape.outside.push('STR');
      inside(wrapped);
      continue;
    }
    if (STRING_TYPES.has(node.type)) {
      shape.outside.push('STR');
      inside(node);
      continue;
    }
    shape.outside.push(node.childCount === 0 ? `${node.type}:${source}` : node.type);
    for (let i = node.childCount - 1; i >= 0; i--) stack.push(node.child(i)!);
  }
  return shape;
}

/** What an added call argument consists of in a CodeShape: its punctuation, names of the parameters we add, values. */
const ADDED_ARGUMENT =
  /^(?:,:,|keyword_argument|pair|dictionary|object|\{:\{|\}:\}|=:=|:::|STR|integer:\d+|number:\d+|(?:identifier|property_identifier):(?:max_tokens|max_completion_tokens|max_output_tokens|maxOutputTokens|maxTokens|config|generation_config|reasoning_effort|reasoning|effort|providerOptions|openai|reasoningEffort))$/;

/** `after` is `before` with runs of added-argument nodes inserted (each run realigns within a few nodes). */
function onlyArgumentsAdded(before: string[], after: string[]): boolean {
  const aligned = (i: number, k: number) => before.slice(i, i + 8).join('\u0000') === after.slice(k, k + 8).join('\u0000');
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      i++;
      j++;
      continue;
    }
    let k = j;
    while (k < after.length && ADDED_ARGUMENT.test(after[k]) && !(k > j && aligned(i, k))) k++;
    if (k === j || !aligned(i, k)) return false;
    j = k;
  }
  return true;
}

function placeholders(analysis: DocumentAnalysis): string[] {
  return analysis.prompts.flatMap((a) => a.prompt.parts.flatMap((p) => (p.kind === 'placeholder' ? [`${p.syntax} ${p.source}`] : []))).sort();
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) yield* sourceFiles(full);
    } else if (entry.isFile()) yield full;
  }
}

async function main(dirs: string[]): Promise<number> {
  if (dirs.length === 0) {
    console.error('usage: npm run check:fix-safety -- <dir> [<dir> …]');
    return 2;
  }
  const settings = readSettings({}).settings;
  const parsers = new Map<GrammarName, Awaited<ReturnType<typeof createParser>>>();
  const counts = { files: 0, filesFixed: 0, edits: 0, failures: 0, secondPassChanges: 0, argumentFixes: 0 };
  for (const dir of dirs) {
    for (const file of sourceFiles(dir)) {
      const language = detectionLanguage(file);
      if (!language) continue;
      const text = fs.readFileSync(file, 'utf8');
      if (text.length > MAX_FILE_CHARS) continue;
      counts.files++;
      const analyse = (t: string) => analyzeDocument({ uri: `file://${file}`, fileName: file, text: t }, { settings });
      const before = await analyse(text);
      const edits = fixEdits(before, text);
      if (edits.length === 0) continue;
      counts.filesFixed++;
      counts.edits += edits.length;
      const after = applySourceEdits(text, edits);
      const fail = (why: string) => {
        counts.failures++;
        console.log(`FAIL ${file}: ${why}`);
      };
      const grammar = GRAMMAR[language];
      if (grammar) {
        if (!parsers.has(grammar)) parsers.set(grammar, await createParser(grammar));
        const parser = parsers.get(grammar)!;
        const [t1, t2] = [parser.parse(text), parser.parse(after)];
        if (!t1 || !t2) {
          fail('could not parse');
          continue;
        }
        const [s1, s2] = [codeShape(t1.rootNode, text), codeShape(t2.rootNode, after)];
        // A real import statement of the module (one written inside a docstring is text, not an import).
        const importAt = t2.rootNode.children.find((n) => n?.type === 'import_statement' && n.text === 'import inspect')?.startIndex ?? -1;
        t1.delete();
        t2.delete();
        if (s2.errors > s1.errors) fail(`parse errors ${s1.errors} → ${s2.errors}`);
        const at = s1.outside.findIndex((x, i) => x !== s2.outside[i]);
        if ((at >= 0 || s1.outside.length !== s2.outside.length) && !onlyArgumentsAdded(s1.outside, s2.outside)) {
          fail(`code outside strings changed at node ${at}: ${s1.outside[at]} → ${s2.outside[at]}`);
        }
        if (s2.outside.length > s1.outside.length) counts.argumentFixes++;
        if (s1.interpolations.join('\u0000') !== s2.interpolations.join('\u0000')) fail('interpolated expressions changed');
        const use = after.search(/\binspect\.cleandoc\(/);
        if (use >= 0 && importAt < 0) fail('inspect.cleandoc without a module-level import');
        const useLine = after.slice(after.lastIndexOf('\n', use) + 1);
        if (use >= 0 && importAt > use && !/^[ \t]/.test(useLine)) fail('module-level inspect.cleandoc above its import');
      }
      const reanalysed = await analyse(after);
      const kept = placeholders(reanalysed);
      const lost = placeholders(before).filter((p) => !kept.includes(p));
      // A prompt found only by its wording can stop being one once "Please" is gone: then its placeholders go with it.
      const stillPrompts = reanalysed.prompts.length >= before.prompts.length;
      if (lost.length) (stillPrompts ? fail : (why: string) => console.log(`NOTE ${file}: ${why}`))(`placeholders no longer found: ${lost.slice(0, 3).join(', ')}${stillPrompts ? '' : ' (a prompt is no longer detected after the fix)'}`);
      if (fixEdits(reanalysed, after).length) counts.secondPassChanges++;
    }
  }
  console.log(
    `${counts.files} files, ${counts.filesFixed} changed by fix-all (${counts.edits} edits, call arguments added in ${counts.argumentFixes} files): ` +
      `${counts.failures} failed checks; ${counts.secondPassChanges} files where a second fix-all would change more`,
  );
  return counts.failures ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(2);
  },
);
