// Does a source still parse? tree-sitter (the grammars the extension ships) for Python and TypeScript, the
// TypeScript compiler's parser for TypeScript, and `python3 -m py_compile` for a batch of Python files.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { Language, Parser } from 'web-tree-sitter';
import { resolveAsset } from '../../../server/src/engine/assets';

const parsers = new Map<string, Parser>();

export async function treeSitterParser(grammar: 'python' | 'typescript'): Promise<Parser> {
  let p = parsers.get(grammar);
  if (!p) {
    await Parser.init({ locateFile: () => resolveAsset('wasm/tree-sitter.wasm') });
    const lang = await Language.load(resolveAsset(`wasm/tree-sitter-${grammar}.wasm`));
    p = new Parser();
    p.setLanguage(lang);
    parsers.set(grammar, p);
  }
  return p;
}

export function treeSitterErrors(parser: Parser, source: string): boolean {
  const tree = parser.parse(source);
  if (!tree) return true;
  const bad = tree.rootNode.hasError;
  tree.delete();
  return bad;
}

export function typescriptParseErrors(source: string): string[] {
  const sf = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Compiles every source with python3; returns the sources that failed, with python's message. */
export function pyCompileFailures(sources: string[]): { source: string; error: string }[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-pycompile-'));
  try {
    const files = sources.map((s, i) => {
      const f = path.join(dir, `s${i}.py`);
      fs.writeFileSync(f, s);
      return f;
    });
    const script = 'import py_compile,sys\nbad=[]\nfor f in sys.argv[1:]:\n  try: py_compile.compile(f, doraise=True)\n  except py_compile.PyCompileError as e: print(f + "\\t" + str(e).replace("\\n"," "))\n';
    const out = execFileSync('python3', ['-c', script, ...files], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [f, error] = line.split('\t');
        return { source: sources[files.indexOf(f)], error };
      });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
