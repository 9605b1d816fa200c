// Per-file facts (fileFacts.ts) from one parsed file: imports, module bindings (texts, tables, instances, loaded
// files), functions with their parameters, locals and returned text, classes with their attributes, and every call
// that may send text somewhere (with its arguments as ValueRefs). One iterative walk; pure and bounded.
import type { SourceLanguage } from '../../types';
import { lineAt, lineStartsOf } from '../../text/lineIndex';
import { parseAnnotation } from '../annotations';
import { MODEL_ARGUMENT_NAMES } from '../sinks';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, CLASS_TYPES, DICT_TYPES, FUNCTION_TYPES, LIST_TYPES, callArguments, calleeOf, declaredName, dottedPath, keyName, parameterNames, stringValue, text } from '../syntaxShapes';
import type { BindingFact, CallArgFact, CallFact, ClassFact, FileFacts, FunctionFact, ImportFact, ModelRef, ParamReach, ValueRef } from './fileFacts';
import { dynamicImportBinding, dynamicImportOf, publicNamesOf, pythonStarImport, reExportsOf } from './importForms';
import { isNonPromptCallee, matchSink } from './sinkMatch';
import { messageItem, valueOf, type ValueScope } from './valueRefs';
import { readToolBinding } from '../toolDefinitions';

/** Calls kept per file; a generated file with more keeps the first ones and says so. */
export const MAX_CALLS_PER_FILE = 20_000;
const MAX_TABLE_ENTRIES = 2_000;
const MAX_TABLE_DEPTH = 3;
const GROWTH_METHODS = new Set(['append', 'push', 'unshift', 'insert']);

interface WalkContext {
  fn?: FunctionFact;
  cls?: ClassFact;
  /** Directly in a class body (class attributes), not inside one of its methods. */
  inClassBody: boolean;
}

export function extractFacts(root: SyntaxNode, source: string, file: string, language: SourceLanguage): FileFacts {
  const lineStarts = lineStartsOf(source);
  const lineOf = (offset: number): number => lineAt(lineStarts, offset);
  const moduleValues = new Map<string, SyntaxNode>();
  for (const statement of root.children) {
    for (const [name, value] of bindingsOf(statement, source)) if (!moduleValues.has(name)) moduleValues.set(name, value);
  }
  const scope: ValueScope = { source, language, moduleValues, lineOf };
  const facts: FileFacts = { file, language: language === 'python' ? 'python' : 'js', imports: [], bindings: [], functions: [], classes: [], calls: [] };
  const aliases = new Map<string, string>();
  const hasComments = /#\s*prompt-cost\s*:|\/\/\s*prompt-cost\s*:/i.test(source);
  const publicNames = language === 'python' ? publicNamesOf(moduleValues.get('__all__'), source) : undefined;
  if (publicNames) facts.publicNames = publicNames;

  const stack: { node: SyntaxNode; ctx: WalkContext }[] = [{ node: root, ctx: { inClassBody: false } }];
  while (stack.length) {
    const { node, ctx } = stack.pop()!;
    let childCtx = ctx;
    const type = node.type;
    if (type === 'import_statement' || type === 'import_from_statement') {
      collectImports(node, source, facts.imports, aliases);
      continue;
    } else if (type === 'export_statement' && childByField(node, 'source')) {
      facts.imports.push(...reExportsOf(node, source));
      continue;
    } else if (CLASS_TYPES.has(type)) {
      const cls = classFact(node, source);
      if (cls) {
        facts.classes.push(cls);
        childCtx = { cls, inClassBody: true };
      }
    } else if (FUNCTION_TYPES.has(type) && type !== 'lambda') {
      const fn = functionFact(node, source, scope, ctx);
      if (fn) {
        facts.functions.push(fn);
        childCtx = { fn, cls: ctx.cls, inClassBody: false };
        if (fn.name.endsWith('constructor') && ctx.cls) constructorProperties(node, source, ctx.cls);
        const body = childByField(node, 'body');
        if (body && type === 'arrow_function' && body.type !== 'statement_block') fn.returns ??= valueOf(body, scope);
      } else {
        childCtx = { ...ctx, inClassBody: false };
      }
    } else if (type === 'assignment' || type === 'assignment_expression' || type === 'variable_declarator' || type === 'public_field_definition' || type === 'field_definition') {
      assignment(node, source, scope, ctx, facts, aliases);
    } else if (type === 'with_item') {
      const pattern = childByField(node, 'value');
      if (pattern?.type === 'as_pattern') {
        const target = namedChildren(childByField(pattern, 'alias') ?? pattern).find((n) => n.type === 'identifier');
        const value = valueOf(namedChildren(pattern)[0], scope);
        if (target && value) bindLocal(text(source, target), value, ctx, facts, lineOf(node.start));
      }
    } else if (type === 'return_statement' && ctx.fn && !ctx.fn.returns) {
      const value = valueOf(namedChildren(node)[0], scope);
      if (value && value.kind !== 'name') ctx.fn.returns = value;
      else if (value?.kind === 'name') ctx.fn.returns = ctx.fn.locals[value.name] ?? value;
    } else if (CALL_TYPES.has(type)) {
      const dynamic = dynamicImportOf(node, source);
      if (dynamic && 'skipped' in dynamic) (facts.unfollowed ??= []).push(`line ${lineOf(node.start) + 1}: ${dynamic.skipped}`);
      if (dynamic) continue;
      if (!growLocalList(node, source, scope, ctx) && facts.calls.length < MAX_CALLS_PER_FILE) {
        const call = callFact(node, source, scope, ctx, aliases, hasComments);
        if (call) facts.calls.push(call);
      } else if (facts.calls.length >= MAX_CALLS_PER_FILE) {
        facts.note = `more than ${MAX_CALLS_PER_FILE} calls: the rest are not followed across files`;
      }
    }
    if (type === 'variable_declarator' || type === 'assignment') {
      // `const x = require("./x")`, `const { a } = await import("./x")`, `llm = importlib.import_module("app.llm")`
      const target = childByField(node, 'name') ?? childByField(node, 'left');
      const value = childByField(node, 'value') ?? childByField(node, 'right');
      const dynamic = value && dynamicImportOf(value, source);
      if (target && dynamic && 'specifier' in dynamic) facts.imports.push(...dynamicImportBinding(target, dynamic, source));
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child.named) stack.push({ node: child, ctx: childCtx });
    }
  }
  return facts;
}

/** `NAME = value` pairs a module-level statement makes (for static paths and model constants). */
function bindingsOf(statement: SyntaxNode, source: string): [string, SyntaxNode][] {
  let node = statement;
  if (node.type === 'export_statement') node = childByField(node, 'declaration') ?? node;
  if (node.type === 'expression_statement') node = namedChildren(node)[0] ?? node;
  if (node.type === 'assignment') {
    const left = childByField(node, 'left');
    const right = childByField(node, 'right');
    return left?.type === 'identifier' && right ? [[text(source, left), right]] : [];
  }
  if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') {
    const out: [string, SyntaxNode][] = [];
    for (const d of namedChildren(node)) {
      const name = childByField(d, 'name');
      const value = childByField(d, 'value');
      if (d.type === 'variable_declarator' && name?.type === 'identifier' && value) out.push([text(source, name), value]);
    }
    return out;
  }
  return [];
}

function collectImports(node: SyntaxNode, source: string, out: ImportFact[], aliases: Map<string, string>): void {
  if (node.type === 'import_from_statement') {
    const moduleNode = childByField(node, 'module_name');
    if (!moduleNode) return;
    let level = 0;
    let specifier = text(source, moduleNode);
    if (moduleNode.type === 'relative_import') {
      const prefix = moduleNode.children.find((c) => c.type === 'import_prefix');
      level = prefix ? prefix.end - prefix.start : 0;
      const dotted = moduleNode.children.find((c) => c.type === 'dotted_name');
      specifier = dotted ? text(source, dotted) : '';
    }
    out.push(...pythonStarImport(node, source, specifier, level));
    for (const child of node.children) {
      if (child.field !== 'name') continue;
      const [imported, local] = child.type === 'aliased_import'
        ? [text(source, childByField(child, 'name')!), text(source, childByField(child, 'alias')!)]
        : [text(source, child), text(source, child)];
      out.push({ kind: 'named', specifier, imported, local, level });
      if (level === 0) aliases.set(local, imported);
    }
    return;
  }
  const sourceNode = childByField(node, 'source');
  if (sourceNode) {
    // JavaScript / TypeScript
    const specifier = stringValue(source, sourceNode);
    if (specifier === undefined) return;
    const clause = node.children.find((c) => c.type === 'import_clause');
    for (const part of clause ? namedChildren(clause) : []) {
      if (part.type === 'identifier') out.push({ kind: 'named', specifier, imported: 'default', local: text(source, part), level: 0 });
      else if (part.type === 'namespace_import') {
        const id = namedChildren(part).find((c) => c.type === 'identifier');
        if (id) out.push({ kind: 'namespace', specifier, local: text(source, id), level: 0 });
      } else if (part.type === 'named_imports') {
        for (const spec of namedChildren(part)) {
          const name = childByField(spec, 'name');
          const alias = childByField(spec, 'alias');
          if (!name) continue;
          out.push({ kind: 'named', specifier, imported: text(source, name), local: text(source, alias ?? name), level: 0 });
          if (!specifier.startsWith('.')) aliases.set(text(source, alias ?? name), text(source, name));
        }
      }
    }
    return;
  }
  // Python `import a.b as c` / `import a.b`
  for (const child of node.children) {
    if (child.field !== 'name') continue;
    if (child.type === 'aliased_import') {
      out.push({ kind: 'namespace', specifier: text(source, childByField(child, 'name')!), local: text(source, childByField(child, 'alias')!), level: 0 });
    } else {
      const dotted = text(source, child);
      out.push({ kind: 'namespace', specifier: dotted, local: dotted, level: 0 });
    }
  }
}

function classFact(node: SyntaxNode, source: string): ClassFact | undefined {
  const name = declaredName(source, node);
  if (!name) return undefined;
  const bases: string[][] = [];
  const supers = childByField(node, 'superclasses');
  for (const b of supers ? namedChildren(supers) : []) if (b.type !== 'keyword_argument') bases.push(dottedPath(source, b));
  const heritage = node.children.find((c) => c.type === 'class_heritage');
  const ext = heritage?.children.find((c) => c.type === 'extends_clause');
  for (const b of ext ? namedChildren(ext) : []) bases.push(dottedPath(source, b));
  return { name, attributeTypes: {}, attributeModels: {}, attributes: {}, ctorParams: [], bases };
}

/** Name of an anonymous function's owner: `const f = () => …`, a method of `export const ai = { next() {} }`. */
function functionName(node: SyntaxNode, source: string, ctx: WalkContext): string | undefined {
  const own = declaredName(source, node);
  if (!own) return undefined;
  if (ctx.cls && (ctx.inClassBody || node.type === 'method_definition')) return `${ctx.cls.name}.${own}`;
  const container = node.parent?.type === 'pair' ? node.parent.parent : node.type === 'method_definition' ? node.parent : undefined;
  if (container && DICT_TYPES.has(container.type) && container.parent?.type === 'variable_declarator') {
    const owner = childByField(container.parent, 'name');
    if (owner?.type === 'identifier') return `${text(source, owner)}.${own}`;
  }
  if (ctx.fn) return undefined; // nested helpers and callbacks: their calls count for the enclosing function
  return own;
}

function functionFact(node: SyntaxNode, source: string, scope: ValueScope, ctx: WalkContext): FunctionFact | undefined {
  const name = functionName(node, source, ctx);
  if (!name) return undefined;
  const params = parameterNames(source, node);
  const paramDefaults: Record<string, ModelRef | undefined> = {};
  const paramsNode = childByField(node, 'parameters');
  for (const p of paramsNode ? namedChildren(paramsNode) : []) {
    const pName = childByField(p, 'name') ?? childByField(p, 'pattern');
    const value = childByField(p, 'value');
    if (!pName || !value || pName.type !== 'identifier') continue;
    const v = valueOf(value, scope);
    const model = modelOfValue(v, scope);
    if (model) paramDefaults[text(source, pName)] = model;
  }
  const fn: FunctionFact = { name, params, paramDefaults, locals: {}, line: scope.lineOf(node.start), ...(ctx.cls && name.startsWith(`${ctx.cls.name}.`) ? { className: ctx.cls.name } : {}) };
  if (ctx.cls && /\.(?:__init__|constructor)$/.test(name)) ctx.cls.ctorParams = params;
  return fn;
}

/** `constructor(private llm: AI)`: a parameter property typed with a class. */
function constructorProperties(node: SyntaxNode, source: string, cls: ClassFact): void {
  const params = childByField(node, 'parameters');
  for (const p of params ? namedChildren(params) : []) {
    if (!p.children.some((c) => c.type === 'accessibility_modifier' || c.type === 'readonly')) continue;
    const pattern = childByField(p, 'pattern');
    const typeNode = childByField(p, 'type');
    const typeName = typeNode ? namedChildren(typeNode)[0] : undefined;
    if (pattern?.type === 'identifier' && typeName) cls.attributeTypes[text(source, pattern)] = dottedPath(source, typeName);
  }
}

/** A literal model name, a parameter default or a module constant holding one. */
export function modelOfValue(value: ValueRef | undefined, scope: ValueScope): ModelRef | undefined {
  if (value?.kind === 'text' && value.parts.length === 1 && value.parts[0].kind === 'text' && /^[\w./:@-]{2,100}$/.test(value.parts[0].text)) {
    return { kind: 'name', name: value.parts[0].text };
  }
  if (value?.kind === 'name') {
    const bound = scope.moduleValues.get(value.name);
    if (bound) return modelOfValue(valueOf(bound, scope, 8), scope);
  }
  return undefined;
}

function isConstructorCall(node: SyntaxNode, source: string): string[] | undefined {
  if (node.type === 'new_expression') return dottedPath(source, calleeOf(node));
  if (!CALL_TYPES.has(node.type)) return undefined;
  const path = dottedPath(source, calleeOf(node));
  const last = path[path.length - 1] ?? '';
  return /^[A-Z]/.test(last) ? path : undefined;
}

function assignment(node: SyntaxNode, source: string, scope: ValueScope, ctx: WalkContext, facts: FileFacts, aliases: Map<string, string>): void {
  const left = childByField(node, 'left') ?? childByField(node, 'name') ?? childByField(node, 'property');
  const right = childByField(node, 'right') ?? childByField(node, 'value');
  if (!left || !right) return;
  if (dynamicImportOf(right, source)) return; // an import (extractFacts records it), not a value
  const line = scope.lineOf(node.start);
  const memberTarget = (left.type === 'attribute' || left.type === 'member_expression') ? dottedPath(source, left) : undefined;
  const ctorPath = isConstructorCall(right, source);
  if (memberTarget && memberTarget.length === 2 && (memberTarget[0] === 'self' || memberTarget[0] === 'this') && ctx.cls) {
    const attr = memberTarget[1];
    if (ctorPath) ctx.cls.attributeTypes[attr] = ctorPath;
    const value = valueOf(right, scope);
    const model = modelOfValue(value, scope);
    if (model) ctx.cls.attributeModels[attr] = model;
    else if (value?.kind === 'name' && ctx.fn && /\.(?:__init__|constructor)$/.test(ctx.fn.name)) {
      const index = ctx.fn.params.indexOf(value.name);
      if (index >= 0) {
        const fallback = ctx.fn.paramDefaults[value.name];
        ctx.cls.attributeModels[attr] = { kind: 'ctor-param', index, name: value.name, ...(fallback?.kind === 'name' ? { fallback: fallback.name } : {}) };
      }
    }
    if (value && value.kind !== 'name') ctx.cls.attributes[attr] ??= value;
    return;
  }
  if (left.type !== 'identifier' && left.type !== 'property_identifier') return;
  const name = text(source, left);
  if (ctx.cls && ctx.inClassBody) {
    if (ctorPath) ctx.cls.attributeTypes[name] = ctorPath;
    const value = valueOf(right, scope);
    if (value) ctx.cls.attributes[name] = value;
    const model = modelOfValue(value, scope);
    if (model) ctx.cls.attributeModels[name] = model;
    return;
  }
  if (ctx.fn) {
    const value = ctorPath ? undefined : valueOf(right, scope) ?? (right.type === 'list' || right.type === 'array' ? { kind: 'messages' as const, items: [] } : undefined);
    if (value) bindLocal(name, value, ctx, facts, line);
    return;
  }
  // Module level: texts, tables, instances, loaded files.
  // Tool definitions other files may import (only values that name a schema key are read: most lists are no tools).
  if ((LIST_TYPES.has(right.type) || DICT_TYPES.has(right.type)) && TOOL_SHAPE.test(source.slice(right.start, Math.min(right.end, right.start + TOOL_SHAPE_WINDOW)))) {
    const tools = readToolBinding(right, source, (n) => scope.moduleValues.get(n));
    if (tools) (facts.tools ??= {})[name] ??= tools;
  }
  let value: BindingFact['value'] | undefined;
  if (ctorPath && !aliases.has(name)) value = { kind: 'instance', classPath: ctorPath, args: callArgs(right, source, scope) };
  else if (DICT_TYPES.has(right.type)) {
    const entries = tableEntries(right, source, scope, '', 0);
    if (entries.length) value = { kind: 'table', entries };
  }
  value ??= valueOf(right, scope);
  if (value) facts.bindings.push({ name, value, line });
}

/** A key every tool definition has: read only values that show one near their start. */
const TOOL_SHAPE = /["']?(?:parameters|input_schema|inputSchema|function_declarations|functionDeclarations)["']?\s*[:=]/;
/** Characters looked at for that key (a tool's schema key comes within its first lines). */
const TOOL_SHAPE_WINDOW = 4000;

function bindLocal(name: string, value: ValueRef, ctx: WalkContext, facts: FileFacts, line: number): void {
  if (ctx.fn) {
    if (!(name in ctx.fn.locals)) ctx.fn.locals[name] = value;
  } else if (!facts.bindings.some((b) => b.name === name)) {
    facts.bindings.push({ name, value, line });
  }
}

function tableEntries(dict: SyntaxNode, source: string, scope: ValueScope, prefix: string, depth: number): { key: string; value: ValueRef }[] {
  const out: { key: string; value: ValueRef }[] = [];
  for (const pair of namedChildren(dict)) {
    if (out.length >= MAX_TABLE_ENTRIES) break;
    if (pair.type !== 'pair') continue;
    const key = keyName(source, childByField(pair, 'key'));
    const value = childByField(pair, 'value');
    if (!key || !value) continue;
    if (DICT_TYPES.has(value.type) && depth < MAX_TABLE_DEPTH) {
      out.push(...tableEntries(value, source, scope, `${prefix}${key}.`, depth + 1));
      continue;
    }
    const v = valueOf(value, scope);
    if (v && v.kind !== 'call') out.push({ key: prefix + key, value: v });
  }
  return out;
}

/** `messages.append({"role": "user", "content": prompt})` on a local list: one more message of that list. */
function growLocalList(call: SyntaxNode, source: string, scope: ValueScope, ctx: WalkContext): boolean {
  if (!ctx.fn) return false;
  const callee = calleeOf(call);
  const path = dottedPath(source, callee);
  if (path.length !== 2 || !GROWTH_METHODS.has(path[1])) return false;
  const local = ctx.fn.locals[path[0]];
  if (!local || local.kind !== 'messages') return false;
  const args = callArguments(source, call).positional;
  const item = args[path[1] === 'insert' ? 1 : 0];
  const items = item ? messageItem(item, scope, 0) : undefined;
  if (items) local.items.push(...items);
  return true;
}

function callArgs(call: SyntaxNode, source: string, scope: ValueScope): CallArgFact[] {
  const args = callArguments(source, call);
  const out: CallArgFact[] = [];
  args.positional.forEach((node, position) => {
    const value = valueOf(node, scope);
    if (value) out.push({ position, value });
  });
  for (const [keyword, node] of args.keywords) {
    const value = valueOf(node, scope);
    if (value) out.push({ keyword, value });
  }
  return out;
}

function callFact(call: SyntaxNode, source: string, scope: ValueScope, ctx: WalkContext, aliases: Map<string, string>, hasComments: boolean): CallFact | undefined {
  const written = dottedPath(source, calleeOf(call));
  if (!written.length || written.includes('?') || isNonPromptCallee(written)) return undefined;
  const path = aliases.has(written[0]) ? [aliases.get(written[0])!, ...written.slice(1)] : written;
  const sinkDef = matchSink(path, source);
  const args = callArgs(call, source, scope);
  if (!args.length) return undefined;
  const fact: CallFact = { calleePath: written, args, line: scope.lineOf(call.start) };
  // `LLM(model="gpt-4.1-nano").ask(text)`: the receiver is constructed here; its arguments may name the model.
  const callee = calleeOf(call);
  const receiver = callee && (callee.type === 'attribute' || callee.type === 'member_expression') ? childByField(callee, 'object') : undefined;
  if (receiver && isConstructorCall(receiver, source)) fact.receiverArgs = callArgs(receiver, source, scope);
  if (ctx.fn) fact.inFunction = ctx.fn.name;
  if (ctx.cls) fact.inClass = ctx.cls.name;
  if (sinkDef) {
    const reaches: ParamReach[] = sinkDef.arguments.map((a) => ({ index: a.position ?? -1, name: a.name ?? '', role: a.role, shape: a.shape }));
    const parsed = callArguments(source, call);
    let modelNode: SyntaxNode | undefined;
    for (const n of sinkDef.modelArguments ?? MODEL_ARGUMENT_NAMES) modelNode ??= parsed.keywords.get(n);
    if (!modelNode && sinkDef.modelPosition !== undefined) modelNode = parsed.positional[sinkDef.modelPosition];
    const model = modelNode ? valueOf(modelNode, scope) : undefined;
    fact.sink = { id: sinkDef.id, reaches, ...(model ? { model } : {}) };
  }
  if (hasComments) {
    const annotation = annotationAbove(call, source, scope);
    if (annotation) fact.annotation = annotation;
  }
  return fact;
}

/** A `prompt-cost:` comment on the line above the call's statement. */
function annotationAbove(call: SyntaxNode, source: string, scope: ValueScope): ReturnType<typeof parseAnnotation> {
  let statement: SyntaxNode = call;
  while (statement.parent && !/statement|declaration|^decorated_definition$/.test(statement.type)) statement = statement.parent;
  const lineStart = source.lastIndexOf('\n', statement.start - 1) + 1;
  if (lineStart === 0) return undefined;
  const prevStart = source.lastIndexOf('\n', lineStart - 2) + 1;
  const prev = source.slice(prevStart, lineStart - 1).trim();
  if (!/^(?:#|\/\/)\s*prompt-cost\s*:/i.test(prev)) return undefined;
  void scope;
  return parseAnnotation(prev);
}
