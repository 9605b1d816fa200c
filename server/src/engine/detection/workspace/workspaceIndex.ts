// The workspace index (issue 14): the facts of every file, joined. Resolves names through imports (bounded hops,
// cycles stop), and computes function summaries transitively — "parameter i reaches a model as <role> text, model M"
// — from the sink calls in each function and the calls it makes to other summarised functions. Summaries are
// memoised per pass; a function met again while its own summary is being computed (recursion, mutual recursion,
// import cycles) contributes what is known so far, and the depth bound stops long chains.
import type { PromptRole, ToolDefinitions } from '../../types';
import type { CallArgFact, CallFact, ClassFact, FileFacts, FunctionFact, ModelRef, ParamReach, ValueRef } from './fileFacts';
import { CREWAI_CONFIGS } from './loaders';
import { ModuleResolver, type ResolverHost } from './moduleResolver';

/** How many wrapper layers (and name hops) are followed. */
export const MAX_DEPTH = 8;

export type Entity =
  | { kind: 'module'; file: string }
  | { kind: 'function'; file: string; fn: FunctionFact }
  | { kind: 'class'; file: string; cls: ClassFact }
  | { kind: 'instance'; file: string; cls: ClassFact; ctorArgs: CallArgFact[]; ctorFile: string }
  | { kind: 'value'; file: string; value: ValueRef; fn?: FunctionFact; symbol?: string }
  | { kind: 'table'; file: string; entries: { key: string; value: ValueRef }[]; symbol: string }
  | { kind: 'param'; file: string; fn: FunctionFact; index: number; name: string };

/** A model as a summary carries it: a name (with where it was written), or still open (a parameter). */
export type SummaryModel = { kind: 'name'; name: string; where: string } | Extract<ModelRef, { kind: 'param' | 'ctor-param' }>;

export interface Summary {
  /** Where the text finally goes (`openai.chat.completions` or the wrapper chain's sink). */
  sinkId: string;
  reaches: ParamReach[];
  model?: SummaryModel;
  /** `app/llm.py:18` of the sink call. */
  where: string;
}

export interface FileScope {
  file: string;
  fn?: FunctionFact;
  cls?: ClassFact;
}

export class WorkspaceIndex {
  readonly facts = new Map<string, FileFacts>();
  readonly resolver: ModuleResolver;
  private functionsByFile = new Map<string, Map<string, FunctionFact>>();
  /** Summaries of the current facts (computed on first use after a change; see computeSummaries). */
  private summaries: Map<FunctionFact, Summary> | undefined;
  /** What each call's callee resolves to, for the current facts. */
  private callees = new Map<CallFact, Entity | undefined>();
  /** Bumped by every change; callers compare it to know their results are stale. */
  version = 0;

  constructor(host: ResolverHost) {
    this.resolver = new ModuleResolver(host);
  }

  /** Registers a file that exists (code, prompt or data file), so imports and loaders can name it. */
  addFile(file: string): void {
    this.resolver.add(file);
  }

  setFacts(facts: FileFacts): void {
    this.resolver.add(facts.file);
    this.facts.set(facts.file, facts);
    this.functionsByFile.set(facts.file, new Map(facts.functions.map((f) => [f.name, f])));
    this.invalidate();
  }

  removeFile(file: string): void {
    this.facts.delete(file);
    this.functionsByFile.delete(file);
    this.resolver.remove(file);
    this.invalidate();
  }

  private invalidate(): void {
    this.summaries = undefined;
    this.callees = new Map();
    this.version++;
  }

  functionsOf(file: string): Map<string, FunctionFact> {
    return this.functionsByFile.get(file) ?? new Map();
  }

  // ------------------------------------------------------------------ names

  private importTarget(file: string, facts: FileFacts, specifier: string, level: number): string | undefined {
    return facts.language === 'python' ? this.resolver.python(file, specifier, level) : this.resolver.javascript(file, specifier);
  }

  /** What `name` means at module level of `file`. */
  resolveModuleName(file: string, name: string, depth = 0): Entity | undefined {
    const facts = this.facts.get(file);
    if (!facts || depth > MAX_DEPTH) return undefined;
    const fn = this.functionsOf(file).get(name);
    if (fn) return { kind: 'function', file, fn };
    const cls = facts.classes.find((c) => c.name === name);
    if (cls) return { kind: 'class', file, cls };
    const binding = facts.bindings.find((b) => b.name === name);
    if (binding) return this.bindingEntity(file, binding.name, binding.value, depth);
    for (const imp of facts.imports) {
      if (imp.local !== name || imp.kind === 'star') continue;
      if (imp.kind === 'namespace') {
        const target = this.importTarget(file, facts, imp.specifier, imp.level);
        return target ? { kind: 'module', file: target } : undefined;
      }
      // `from app import llm` names a submodule when there is one; else a name defined in the module.
      if (facts.language === 'python') {
        const sub = this.resolver.python(file, imp.specifier ? `${imp.specifier}.${imp.imported}` : imp.imported, imp.level);
        if (sub && (imp.level > 0 || sub !== file)) return { kind: 'module', file: sub };
      }
      const target = this.importTarget(file, facts, imp.specifier, imp.level);
      if (!target || target === file) return undefined;
      if (imp.imported === 'default') return this.defaultExport(target, depth + 1);
      return this.resolveModuleName(target, imp.imported, depth + 1);
    }
    return this.starExport(file, facts, name, depth);
  }

  /** `name` through the file's star imports (`export * from`, `from x import *`, limited by the target's `__all__`). */
  private starExport(file: string, facts: FileFacts, name: string, depth: number): Entity | undefined {
    if (name === 'default') return undefined; // `export *` does not re-export a default
    for (const imp of facts.imports) {
      if (imp.kind !== 'star') continue;
      const target = this.importTarget(file, facts, imp.specifier, imp.level);
      const targetFacts = target && target !== file ? this.facts.get(target) : undefined;
      if (!targetFacts) continue;
      if (facts.language === 'python' && !(targetFacts.publicNames ? targetFacts.publicNames.includes(name) : !name.startsWith('_'))) continue;
      const found = this.resolveModuleName(target!, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The tool definitions a (dotted) name used in `file` stands for when another file defines them: `TOOLS` from
   * `from app.tools import TOOLS`, `tools.TOOLS` from a module import, through re-exports. A name the file defines
   * itself is left to per-file detection.
   */
  importedTools(file: string, path: string[], depth = 0): { file: string; symbol: string; tools: ToolDefinitions } | undefined {
    const facts = this.facts.get(file);
    if (!facts || !path.length || depth > MAX_DEPTH) return undefined;
    const [head, ...rest] = path;
    if (!rest.length && facts.tools?.[head]) return depth > 0 ? { file, symbol: head, tools: facts.tools[head] } : undefined;
    for (const imp of facts.imports) {
      if (imp.local !== head || imp.kind === 'star') continue;
      let target: string | undefined;
      let inTarget: string[];
      if (imp.kind === 'namespace') {
        target = this.importTarget(file, facts, imp.specifier, imp.level);
        inTarget = rest;
      } else {
        // `from app import tools` names a submodule when there is one (then `tools.TOOLS` is a name in it).
        const sub = facts.language === 'python' && rest.length ? this.resolver.python(file, imp.specifier ? `${imp.specifier}.${imp.imported}` : imp.imported, imp.level) : undefined;
        target = sub ?? this.importTarget(file, facts, imp.specifier, imp.level);
        inTarget = sub ? rest : [imp.imported, ...rest];
      }
      return target && target !== file ? this.importedTools(target, inTarget, depth + 1) : undefined;
    }
    return undefined;
  }

  private defaultExport(file: string, depth: number): Entity | undefined {
    const facts = this.facts.get(file);
    if (!facts) return undefined;
    const fn = facts.functions.find((f) => !f.className && !f.name.includes('.'));
    return fn ? { kind: 'function', file, fn } : this.resolveModuleName(file, 'default', depth);
  }

  private bindingEntity(file: string, symbol: string, value: FileFacts['bindings'][number]['value'], depth: number): Entity | undefined {
    if (value.kind === 'table') return { kind: 'table', file, entries: value.entries, symbol };
    if (value.kind === 'instance') {
      const cls = this.resolvePath({ file }, value.classPath, depth + 1);
      return cls?.kind === 'class' ? { kind: 'instance', file: cls.file, cls: cls.cls, ctorArgs: value.args, ctorFile: file } : undefined;
    }
    if (value.kind === 'name' && value.name !== symbol) return this.resolveModuleName(file, value.name, depth + 1) ?? { kind: 'value', file, value, symbol };
    return { kind: 'value', file, value, symbol };
  }

  /** What a dotted path means in a scope: parameters and locals first, then `self`, module names, imports. */
  resolvePath(scope: FileScope, path: string[], depth = 0): Entity | undefined {
    if (!path.length || depth > MAX_DEPTH) return undefined;
    const [head, ...rest] = path;
    let entity: Entity | undefined;
    let remaining = rest;
    const fn = scope.fn;
    if ((head === 'self' || head === 'this') && scope.cls) {
      entity = this.selfMember(scope.file, scope.cls, rest[0], depth);
      remaining = rest.slice(1);
      if (!entity) return undefined;
    } else if (fn && fn.params.includes(head)) {
      entity = { kind: 'param', file: scope.file, fn, index: fn.params.indexOf(head), name: head };
    } else if (fn && fn.locals[head]) {
      const local = fn.locals[head];
      entity = local.kind === 'name' && local.name !== head ? this.resolvePath({ ...scope }, [local.name], depth + 1) : { kind: 'value', file: scope.file, value: local, fn };
    } else {
      entity = this.resolveModuleName(scope.file, head, depth);
      // `import app.llm` binds `app.llm`: match the longest dotted import.
      if (!entity) {
        const facts = this.facts.get(scope.file);
        for (let n = path.length - 1; n >= 2 && !entity; n--) {
          const dotted = path.slice(0, n).join('.');
          if (facts?.imports.some((i) => i.kind === 'namespace' && i.local === dotted)) {
            entity = this.resolveModuleName(scope.file, dotted, depth);
            remaining = path.slice(n);
          }
        }
      }
    }
    for (const segment of remaining) {
      if (!entity) return undefined;
      entity = this.member(entity, segment, depth + 1);
    }
    return entity;
  }

  private selfMember(file: string, cls: ClassFact, attr: string | undefined, depth: number): Entity | undefined {
    if (!attr) return undefined;
    const crew = CREWAI_CONFIGS[attr];
    if (crew) {
      // crewAI @CrewBase: `agents_config = "config/agents.yaml"` (or crewAI's default path), read as a keyed YAML file.
      const written = cls.attributes[attr];
      const path = written?.kind === 'text' && written.parts.length === 1 && written.parts[0].kind === 'text' ? written.parts[0].text : crew.defaultPath;
      return { kind: 'value', file, value: { kind: 'load', loader: crew.kind, path: { base: 'file', path }, line: written?.kind === 'text' ? written.line : 0 }, symbol: `${cls.name}.${attr}` };
    }
    const method = this.method(file, cls, attr, depth);
    if (method) return method;
    const typePath = cls.attributeTypes[attr];
    if (typePath) {
      const target = this.resolvePath({ file }, typePath, depth + 1);
      if (target?.kind === 'class') return { kind: 'instance', file: target.file, cls: target.cls, ctorArgs: [], ctorFile: file };
    }
    const value = cls.attributes[attr];
    return value ? { kind: 'value', file, value, symbol: `${cls.name}.${attr}` } : undefined;
  }

  /** A method of a class or one of its bases (bases resolved in the class's file). */
  private method(file: string, cls: ClassFact, name: string, depth: number): Entity | undefined {
    const fn = this.functionsOf(file).get(`${cls.name}.${name}`);
    if (fn) return { kind: 'function', file, fn };
    if (depth > MAX_DEPTH) return undefined;
    for (const base of cls.bases) {
      const b = this.resolvePath({ file }, base, depth + 1);
      if (b?.kind === 'class' && b.cls !== cls) {
        const found = this.method(b.file, b.cls, name, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  private member(entity: Entity, segment: string, depth: number): Entity | undefined {
    switch (entity.kind) {
      case 'module': {
        // A package's submodule is its attribute once imported anywhere (`__import__("core.llm")` binds `core`).
        const sub = entity.file.endsWith('/__init__.py') ? this.resolver.python(entity.file, segment, 1) : undefined;
        return this.resolveModuleName(entity.file, segment, depth) ?? (sub && sub !== entity.file ? { kind: 'module', file: sub } : undefined);
      }
      case 'class':
        return this.method(entity.file, entity.cls, segment, depth);
      case 'instance': {
        const method = this.method(entity.file, entity.cls, segment, depth);
        if (method?.kind === 'function') return method;
        return this.selfMember(entity.file, entity.cls, segment, depth);
      }
      case 'table': {
        const entries = entity.entries.filter((e) => e.key === segment || e.key.startsWith(`${segment}.`));
        if (!entries.length) return undefined;
        const exact = entries.find((e) => e.key === segment);
        if (exact) return { kind: 'value', file: entity.file, value: exact.value, symbol: `${entity.symbol}.${segment}` };
        return { kind: 'table', file: entity.file, entries: entries.map((e) => ({ key: e.key.slice(segment.length + 1), value: e.value })), symbol: `${entity.symbol}.${segment}` };
      }
      case 'value':
        // `self.agents_config["researcher"]`: a keyed entry of a loaded file.
        if (entity.value.kind === 'load' && !entity.value.key) return { ...entity, value: { ...entity.value, key: segment } };
        if (entity.value.kind === 'text' && entity.symbol) return { ...entity, value: { kind: 'name', name: `${entity.symbol}.${segment}` } };
        return undefined;
      default:
        return undefined;
    }
  }

  // ------------------------------------------------------------------ summaries

  /** The summary of a function: which parameters reach a model, as what, at which model. null: none. */
  summaryOf(fn: FunctionFact): Summary | null {
    return this.computeSummaries().get(fn) ?? null;
  }

  /**
   * Every function's summary, by rounds: round 0 sees the sink calls; round k also sees wrappers summarised in round
   * k − 1. At most MAX_DEPTH rounds (that many wrapper layers), fewer when a round changes nothing. Recursion, mutual
   * recursion and import cycles need no special case: a round only reads the previous round's summaries, and the
   * result does not depend on the order files were added.
   */
  private computeSummaries(): Map<FunctionFact, Summary> {
    if (this.summaries) return this.summaries;
    const work: { file: string; fn: FunctionFact; cls?: ClassFact; calls: CallFact[] }[] = [];
    for (const [file, facts] of this.facts) {
      const byFn = new Map<string, CallFact[]>();
      for (const call of facts.calls) {
        if (!call.inFunction) continue;
        const list = byFn.get(call.inFunction) ?? [];
        list.push(call);
        byFn.set(call.inFunction, list);
      }
      for (const [name, calls] of byFn) {
        const fn = this.functionsOf(file).get(name);
        if (!fn) continue;
        const cls = fn.className ? facts.classes.find((c) => c.name === fn.className) : undefined;
        work.push({ file, fn, cls, calls });
      }
    }
    let current = new Map<FunctionFact, Summary>();
    this.summaries = current;
    for (let round = 0; round <= MAX_DEPTH; round++) {
      const next = new Map<FunctionFact, Summary>();
      let changed = false;
      for (const item of work) {
        const summary = this.summarise(item);
        if (summary) next.set(item.fn, summary);
        if (!sameSummary(summary, current.get(item.fn))) changed = true;
      }
      current = next;
      this.summaries = current;
      if (!changed) break;
    }
    return current;
  }

  private summarise(item: { file: string; fn: FunctionFact; cls?: ClassFact; calls: CallFact[] }): Summary | null {
    const scope: FileScope = { file: item.file, fn: item.fn, cls: item.cls };
    let summary: Summary | null = null;
    for (const call of item.calls) {
      const target = this.callTarget(scope, call, 0);
      if (!target) continue;
      for (const reach of target.summary.reaches) {
        const arg = argumentFor(call, reach);
        if (!arg) continue;
        for (const found of this.paramsIn(scope, arg.value, reach.role, reach.shape, 0)) {
          summary ??= { sinkId: target.summary.sinkId, reaches: [], where: target.summary.where };
          if (!summary.reaches.some((r) => r.index === found.index && r.role === found.role)) summary.reaches.push(found);
        }
      }
      if (summary && !summary.model) summary.model = this.modelAt(scope, call, target, 1);
    }
    return summary;
  }

  /** The parameters of `scope.fn` that `value` passes whole (directly, through a local, or as a message). */
  private paramsIn(scope: FileScope, value: ValueRef, role: PromptRole, shape: ParamReach['shape'], depth: number): ParamReach[] {
    const fn = scope.fn;
    if (!fn || depth > MAX_DEPTH) return [];
    if (value.kind === 'name') {
      const index = fn.params.indexOf(value.name);
      if (index >= 0) return [{ index, name: value.name, role, shape }];
      const local = fn.locals[value.name];
      return local && !(local.kind === 'name' && local.name === value.name) ? this.paramsIn(scope, local, role, shape, depth + 1) : [];
    }
    if (value.kind === 'messages') return value.items.flatMap((item) => this.paramsIn(scope, item.value, item.role, 'text', depth + 1));
    return [];
  }

  /** The summary a call reaches: a sink row of this file, or the resolved callee's summary. */
  callTarget(scope: FileScope, call: CallFact, depth: number): { summary: Summary; entity?: Entity; receiver?: Entity } | undefined {
    if (call.sink) {
      return { summary: { sinkId: call.sink.id, reaches: call.sink.reaches, where: `${scope.file}:${call.line + 1}` } };
    }
    if (depth > MAX_DEPTH) return undefined;
    let fnEntity: Entity | undefined;
    if (this.callees.has(call)) fnEntity = this.callees.get(call);
    else {
      const entity = this.resolvePath(scope, call.calleePath, depth);
      fnEntity = entity?.kind === 'class' ? this.method(entity.file, entity.cls, '__call__', depth) : entity;
      this.callees.set(call, fnEntity);
    }
    if (fnEntity?.kind !== 'function') return undefined;
    const summary = (this.summaries ?? this.computeSummaries()).get(fnEntity.fn);
    if (!summary) return undefined;
    const receiver = call.calleePath.length > 1 ? this.resolvePath(scope, call.calleePath.slice(0, -1), depth) : undefined;
    return { summary, entity: fnEntity, receiver };
  }

  /** The model a call uses, in the caller's terms. */
  modelAt(scope: FileScope, call: CallFact, target: { summary: Summary; entity?: Entity; receiver?: Entity }, depth: number): SummaryModel | undefined {
    if (call.sink) return call.sink.model ? this.modelOfValue(scope, call.sink.model, depth) : undefined;
    const model = target.summary.model;
    if (!model || model.kind === 'name') return model;
    if (model.kind === 'param') {
      const arg = call.args.find((a) => a.keyword === model.name) ?? call.args.find((a) => a.position === model.index);
      if (arg) return this.modelOfValue(scope, arg.value, depth);
      const fallback = target.entity?.kind === 'function' ? target.entity.fn.paramDefaults[model.name] : undefined;
      return fallback?.kind === 'name' ? { kind: 'name', name: fallback.name, where: `default of ${model.name}` } : undefined;
    }
    // ctor-param: the instance's constructor arguments, else the same class's own constructor (still open), else default.
    const receiver = target.receiver;
    const ctorArgs = call.receiverArgs ?? (receiver?.kind === 'instance' ? receiver.ctorArgs : undefined);
    const arg = ctorArgs?.find((a) => a.keyword === model.name) ?? ctorArgs?.find((a) => a.position === model.index);
    if (arg) return this.modelOfValue({ file: receiver?.kind === 'instance' ? receiver.ctorFile : scope.file }, arg.value, depth);
    if (target.entity?.kind === 'function' && scope.cls && target.entity.fn.className === scope.cls.name && call.calleePath[0] === 'self') return model;
    return model.fallback ? { kind: 'name', name: model.fallback, where: `default of ${model.name}` } : undefined;
  }

  private modelOfValue(scope: FileScope, value: ValueRef, depth: number): SummaryModel | undefined {
    if (depth > MAX_DEPTH * 2) return undefined;
    if (value.kind === 'text') {
      const only = value.parts.length === 1 && value.parts[0].kind === 'text' ? value.parts[0].text : undefined;
      return only && /^[\w./:@-]{2,100}$/.test(only) ? { kind: 'name', name: only, where: `${scope.file}:${value.line + 1}` } : undefined;
    }
    if (value.kind === 'name' || value.kind === 'member') {
      const path = value.kind === 'name' ? [value.name] : value.path;
      if ((path[0] === 'self' || path[0] === 'this') && scope.cls && path.length === 2) {
        const m = scope.cls.attributeModels[path[1]];
        if (m?.kind === 'name') return { kind: 'name', name: m.name, where: `${scope.file} (${scope.cls.name}.${path[1]})` };
        if (m?.kind === 'ctor-param') return m;
      }
      const entity = this.resolvePath(scope, path, depth + 1);
      if (entity?.kind === 'param') return { kind: 'param', index: entity.index, name: entity.name };
      if (entity?.kind === 'value') return this.modelOfValue({ file: entity.file, fn: entity.fn }, entity.value, depth + 1);
    }
    return undefined;
  }
}

/** The argument of a call that a reach reads: by keyword, else by position. */
export function argumentFor(call: CallFact, reach: ParamReach): CallArgFact | undefined {
  if (reach.name) {
    const byName = call.args.find((a) => a.keyword === reach.name);
    if (byName) return byName;
  }
  return reach.index >= 0 ? call.args.find((a) => a.position === reach.index) : undefined;
}

function sameSummary(a: Summary | null | undefined, b: Summary | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.reaches.length === b.reaches.length && JSON.stringify(a.model) === JSON.stringify(b.model) && a.reaches.every((r, i) => r.index === b.reaches[i].index && r.role === b.reaches[i].role);
}
