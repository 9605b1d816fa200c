// The import forms beyond plain `import` statements (issue 14, "bad input: dynamic imports"; re-exports and barrels):
// TS/JS `export { a as b } from "./x"`, `export * from "./x"`, `export * as ns from "./x"`; Python
// `from .x import *` and `__all__`; dynamic imports — `await import("./x")`, `require("./x")`,
// `importlib.import_module("app.llm")`, `__import__("app")` — followed when the module name is a static string, and
// reported (never guessed) when it is computed at run time. Read by extractFacts.ts.
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, callArguments, calleeOf, dottedPath, stringValue, text } from '../syntaxShapes';
import type { ImportFact } from './fileFacts';

/** Calls that import a module by name at run time, and the language they belong to. */
const DYNAMIC_IMPORT_CALLS: Record<string, 'js' | 'python'> = {
  require: 'js',
  import: 'js',
  'importlib.import_module': 'python',
  import_module: 'python',
  __import__: 'python',
};

export type DynamicImport =
  | { specifier: string; level: number; callee: string }
  /** The module name is computed at run time: why the import is not followed. */
  | { skipped: string; callee: string };

/** What a call imports, when it is a dynamic import (`await` around it is looked through). */
export function dynamicImportOf(node: SyntaxNode, source: string): DynamicImport | undefined {
  const call = node.type === 'await_expression' || node.type === 'await' ? namedChildren(node)[0] : node;
  if (!call || !CALL_TYPES.has(call.type)) return undefined;
  const calleeNode = calleeOf(call);
  const callee = calleeNode?.type === 'import' ? 'import' : dottedPath(source, calleeNode).join('.');
  if (!(callee in DYNAMIC_IMPORT_CALLS)) return undefined;
  const args = callArguments(source, call);
  const first = args.positional[0] ?? args.keywords.get('name');
  const name = first ? stringValue(source, first) : undefined;
  if (name === undefined || name === '') return { skipped: `${callee}(…) names its module at run time; not followed across files`, callee };
  if (DYNAMIC_IMPORT_CALLS[callee] === 'js') return { specifier: name, level: 0, callee };
  // Python: `import_module(".llm", package=__package__)` is relative; `__import__("a.b")` returns `a` unless fromlist.
  const level = /^\.+/.exec(name)?.[0].length ?? 0;
  let specifier = name.slice(level);
  if (callee === '__import__' && !args.keywords.has('fromlist') && args.positional.length < 4) specifier = specifier.split('.')[0];
  return { specifier, level, callee };
}

/** The imports a binding of a dynamic import makes: `const m = await import("./x")`, `const { a } = require("./x")`. */
export function dynamicImportBinding(target: SyntaxNode, found: Extract<DynamicImport, { specifier: string }>, source: string): ImportFact[] {
  const { specifier, level } = found;
  if (target.type === 'identifier') return [{ kind: 'namespace', specifier, local: text(source, target), level }];
  const out: ImportFact[] = [];
  if (target.type !== 'object_pattern') return out;
  for (const p of namedChildren(target)) {
    if (p.type === 'shorthand_property_identifier_pattern') out.push({ kind: 'named', specifier, imported: text(source, p), local: text(source, p), level });
    else if (p.type === 'pair_pattern') {
      const key = childByField(p, 'key');
      const local = childByField(p, 'value');
      if (key && local?.type === 'identifier') out.push({ kind: 'named', specifier, imported: text(source, key), local: text(source, local), level });
    }
  }
  return out;
}

/** `export { a as b } from "./x"` (b names x's a here), `export * from "./x"`, `export * as ns from "./x"`. */
export function reExportsOf(node: SyntaxNode, source: string): ImportFact[] {
  const sourceNode = childByField(node, 'source');
  const specifier = sourceNode ? stringValue(source, sourceNode) : undefined;
  if (specifier === undefined) return [];
  const clause = node.children.find((c) => c.type === 'export_clause');
  if (clause) {
    const out: ImportFact[] = [];
    for (const spec of namedChildren(clause)) {
      const name = childByField(spec, 'name');
      const alias = childByField(spec, 'alias');
      if (name) out.push({ kind: 'named', specifier, imported: text(source, name), local: text(source, alias ?? name), level: 0 });
    }
    return out;
  }
  const namespace = node.children.find((c) => c.type === 'namespace_export');
  const id = namespace && namedChildren(namespace).find((c) => c.type === 'identifier');
  if (id) return [{ kind: 'namespace', specifier, local: text(source, id), level: 0 }];
  return [{ kind: 'star', specifier, local: '*', level: 0 }];
}

/** Python `from .x import *`: the star import (its names are looked up in the target when nothing else matches). */
export function pythonStarImport(node: SyntaxNode, source: string, specifier: string, level: number): ImportFact[] {
  void source;
  return node.children.some((c) => c.type === 'wildcard_import') ? [{ kind: 'star', specifier, local: '*', level }] : [];
}

/** Python `__all__ = ["a", "b"]` (a list or tuple of plain strings), else undefined. */
export function publicNamesOf(value: SyntaxNode | undefined, source: string): string[] | undefined {
  if (!value || (value.type !== 'list' && value.type !== 'tuple')) return undefined;
  const names: string[] = [];
  for (const item of namedChildren(value)) {
    const name = stringValue(source, item);
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}
