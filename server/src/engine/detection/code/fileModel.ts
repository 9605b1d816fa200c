// Per-file facts: what each top-level statement contributes (literals, calls, comments, import aliases,
// bindings, pipes), cached on the statement's mirror node, merged into one `FileModel` per analysis with its name
// resolution and sink lookup.
import type { SourceLanguage } from '../../types';
import { lineIndex, type LineIndex } from '../../text/lineIndex';
import type { SinkDefinition } from '../sinks';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, CLASS_TYPES, FUNCTION_TYPES, SCOPE_ROOTS, calleeOf, declaredName, dottedPath, isStringLiteral, operatorOf, targetName, text } from '../syntaxShapes';
import { SINK_TABLE } from './calleeTables';
import { type Binding, indexBindings } from './bindings';
import { enclosingScope, enclosingFunction, enclosingClass } from './scopes';
import type { MessageDict } from './messages';
import type { Candidate, CandidateBase } from './candidates';

/**
 * What one top-level statement contributes to the file model. Cached on the statement's mirror node, so after an
 * edit only the re-copied statements are walked again (see `updateMirror`).
 */
export interface StatementFacts {
  literals: SyntaxNode[];
  calls: SyntaxNode[];
  comments: SyntaxNode[];
  aliases: [alias: string, imported: string][];
  bindings: Binding[];
  /** `prompt | llm` expressions (LangChain runnables), to link a prompt to the chat model it flows into. */
  pipes: SyntaxNode[];
  /** Candidate expressions and their contexts (depend only on the statement's own text and structure). */
  candidates?: CandidateBase[];
  /** `candidates` without those in a negative context (which only an annotation comment can make prompts). */
  notNegative?: CandidateBase[];
  /** Calls whose callee's last name is in the sink table, and one-name calls (an import alias can make them sinks). */
  sinkCalls?: { named: SyntaxNode[]; namedOrBare: SyntaxNode[] };
  /** Role/content objects whose content is a name (statement-local, see `messageDictsWithNamedContent`). */
  messageDicts?: MessageDict[];
}

/** Sinks whose callee suffix matches a call, memoised on the call node for the alias its first name had. */
interface SinkMatchMemo {
  alias: string | undefined;
  matches: SinkDefinition[];
  /** The analysis run that last decided `sink` (module mentions are file-wide, so decided once per run). */
  run: number;
  sink: SinkDefinition | undefined;
}

let analysisRuns = 0;

function emptyFacts(): StatementFacts {
  return { literals: [], calls: [], comments: [], aliases: [], bindings: [], pipes: [] };
}

/** Everything the analysis of one document needs, merged from the facts of its top-level statements. */
export class FileModel {
  readonly lines: LineIndex;
  /** Facts of every statement, in document order (the root's own first). */
  readonly statementFacts: StatementFacts[] = [];
  readonly calls: SyntaxNode[] = [];
  readonly pipes: SyntaxNode[] = [];
  /** Bindings by name, each list in document order (kept on the root and updated after edits, see `indexBindings`). */
  readonly bindings: Map<string, Binding[]>;
  readonly comments = new Map<number, string>();
  /** Identifies this analysis in memos kept on nodes across analyses. */
  private readonly run = ++analysisRuns;
  private readonly moduleMentions = new Map<string, boolean>();
  /** Candidates that may be pieces of one prompt (`p += …`, a join of a named list), set by `collectCandidates`. */
  pieceCandidates: Candidate[] | undefined;
  /** `from x import PromptTemplate as LlamaPromptTemplate`, `import { generateText as gen }`: alias → imported name. */
  readonly aliases = new Map<string, string>();

  /** Facts of the statement being walked, and that statement. */
  private collecting: StatementFacts = emptyFacts();
  private collectingTop: SyntaxNode;

  constructor(readonly root: SyntaxNode, readonly source: string, readonly language: SourceLanguage) {
    this.lines = lineIndex(source);
    this.collectingTop = root;
    this.merge(this.collect(root, false));
    for (const top of root.children) {
      if (!top.named) continue;
      let facts = top.facts as StatementFacts | undefined;
      if (!facts) top.facts = facts = this.collect(top, true);
      this.merge(facts);
    }
    this.bindings = indexBindings(root, this.statementFacts);
  }

  /** Walks `node` (and, when `deep`, everything below it) in document order. */
  private collect(node: SyntaxNode, deep: boolean): StatementFacts {
    const facts = (this.collecting = emptyFacts());
    this.collectingTop = node;
    if (!deep) {
      this.visit(node);
      return facts;
    }
    const stack: SyntaxNode[] = [node];
    while (stack.length) {
      const next = stack.pop()!;
      this.visit(next);
      const children = next.children;
      for (let i = children.length - 1; i >= 0; i--) if (children[i].named) stack.push(children[i]);
    }
    return facts;
  }

  private merge(facts: StatementFacts): void {
    this.statementFacts.push(facts);
    for (const call of facts.calls) this.calls.push(call);
    for (const pipe of facts.pipes) this.pipes.push(pipe);
    for (const comment of facts.comments) {
      const line = this.lines.lineOf(comment.start);
      this.comments.set(line, (this.comments.get(line) ?? '') + text(this.source, comment));
    }
    for (const [alias, imported] of facts.aliases) this.aliases.set(alias, imported);
  }

  private visit(node: SyntaxNode): void {
    const { source } = this;
    const facts = this.collecting;
    if (node.type === 'aliased_import' || node.type === 'import_specifier') {
      const name = childByField(node, 'name');
      const alias = childByField(node, 'alias');
      if (name && alias) facts.aliases.push([text(source, alias), text(source, name)]);
      return;
    }
    if (isStringLiteral(node)) {
      facts.literals.push(node);
      return;
    }
    if (node.type === 'comment') {
      facts.comments.push(node);
      return;
    }
    if (CALL_TYPES.has(node.type)) {
      facts.calls.push(node);
      this.addGrowthBinding(node);
    }
    if (node.type === 'binary_operator' && operatorOf(node) === '|') facts.pipes.push(node);
    if (FUNCTION_TYPES.has(node.type)) {
      const name = declaredName(source, node);
      const body = childByField(node, 'body');
      if (body && node.type === 'arrow_function' && body.type !== 'statement_block') this.addBinding(name, false, node, body, enclosingScope(node));
      if (body && node.type === 'lambda') this.addBinding(name, false, node, body, enclosingScope(node));
      return;
    }
    switch (node.type) {
      case 'assignment':
      case 'augmented_assignment':
      case 'assignment_expression':
      case 'augmented_assignment_expression': {
        const target = targetName(source, childByField(node, 'left'));
        const value = childByField(node, 'right');
        if (target && value) this.addBinding(target.name, target.member, node, value, target.member ? enclosingClass(node) ?? enclosingScope(node) : enclosingScope(node));
        break;
      }
      case 'variable_declarator': {
        const target = targetName(source, childByField(node, 'name'));
        const value = childByField(node, 'value');
        if (target && value) this.addBinding(target.name, false, node, value, enclosingScope(node));
        break;
      }
      case 'public_field_definition':
      case 'field_definition': {
        const target = targetName(source, childByField(node, 'name') ?? childByField(node, 'property'));
        const value = childByField(node, 'value');
        if (target && value) this.addBinding(target.name, true, node, value, enclosingClass(node) ?? enclosingScope(node));
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter':
      case 'assignment_pattern':
      case 'required_parameter':
      case 'optional_parameter': {
        const target = targetName(source, childByField(node, 'name') ?? childByField(node, 'left') ?? childByField(node, 'pattern'));
        const value = childByField(node, 'value') ?? childByField(node, 'right');
        const fn = enclosingFunction(node);
        if (target && value && fn) this.addBinding(target.name, false, node, value, fn);
        break;
      }
      case 'return_statement': {
        const value = namedChildren(node)[0];
        const fn = enclosingFunction(node);
        const name = fn && declaredName(source, fn);
        if (value && fn && name) this.addBinding(name, false, node, value, enclosingScope(fn));
        break;
      }
    }
  }

  /**
   * `messages.append({...})`, `messages.push(...)`, `messages.extend([...])`: the list grows, so the argument is one
   * more value of `messages` (flow from the call that sends the list reaches it, and it joins that request).
   */
  private addGrowthBinding(call: SyntaxNode): void {
    const callee = calleeOf(call);
    if (!callee || (callee.type !== 'attribute' && callee.type !== 'member_expression')) return;
    const method = childByField(callee, 'attribute') ?? childByField(callee, 'property');
    if (!method || !GROWTH_METHODS.has(text(this.source, method))) return;
    const object = childByField(callee, 'object');
    if (!object || (object.type !== 'identifier' && object.type !== 'attribute' && object.type !== 'member_expression')) return;
    const target = targetName(this.source, object);
    const args = childByField(call, 'arguments');
    const values = args ? namedChildren(args) : [];
    const value = values[values.length - 1];
    if (!target || !value || values.length > 2) return;
    if (target.member) {
      const owner = childByField(object, 'object');
      const ownerText = owner ? text(this.source, owner) : '';
      if (ownerText !== 'self' && ownerText !== 'this') return;
    }
    this.addBinding(target.name, target.member, call, value, target.member ? enclosingClass(call) ?? enclosingScope(call) : enclosingScope(call));
  }

  private addBinding(name: string | undefined, member: boolean, node: SyntaxNode, value: SyntaxNode, scope: SyntaxNode): void {
    if (!name) return;
    const facts = this.collecting;
    const binding: Binding = { name, member, node, value, scope, symbol: this.symbolFor(name, node, scope), top: this.collectingTop, order: facts.bindings.length };
    facts.bindings.push(binding);
    // Kept on the node (not in a per-analysis map): a reused statement keeps its bindings without re-indexing.
    node.binding = binding;
  }

  private symbolFor(name: string, node: SyntaxNode, scope: SyntaxNode): string {
    if (node.type === 'return_statement' || node.type === 'arrow_function' || node.type === 'lambda') {
      // A method's scope is its class; a function nested in a method is named after the method's class too.
      const owner = CLASS_TYPES.has(scope.type) ? scope : enclosingClass(scope === this.root ? node : scope);
      const cls = owner && declaredName(this.source, owner);
      return cls && scope !== this.root ? `${cls}.${name}` : name;
    }
    if (SCOPE_ROOTS.has(scope.type)) return name;
    const owner = declaredName(this.source, scope);
    return owner ? `${owner}.${name}` : name;
  }

  mentions(module: string): boolean {
    let found = this.moduleMentions.get(module);
    if (found === undefined) {
      found = this.source.includes(module);
      this.moduleMentions.set(module, found);
    }
    return found;
  }

  sinkOf(call: SyntaxNode): SinkDefinition | undefined {
    const known = call.sinkMemo as SinkMatchMemo | undefined;
    if (known && known.run === this.run) return known.sink;
    const written = this.writtenCalleePath(call);
    const alias = written.length ? this.aliases.get(written[0]) : undefined;
    // The table lookup depends only on the callee's text and its first name's alias: memoised on the node.
    let memo = call.sinkMemo as SinkMatchMemo | undefined;
    if (!memo || memo.alias !== alias) {
      const path = this.calleePath(call);
      // Matches come in SINKS order (the table is built from it), so the first that qualifies wins, except that a
      // sink whose module is the receiver itself (`ollama.chat` in a file that also mentions cohere) goes first.
      const matches = path.length ? SINK_TABLE.matches(path) : [];
      const own = matches.findIndex((m) => m.requiresModule?.includes(path[0]));
      if (own > 0) matches.unshift(...matches.splice(own, 1));
      call.sinkMemo = memo = { alias, matches, run: 0, sink: undefined };
    }
    let cached: SinkDefinition | undefined;
    if (memo.matches.length) {
      const path = this.calleePath(call);
      for (const sink of memo.matches) {
        if (sink.requiresModule && !sink.requiresModule.some((m) => this.mentions(m))) continue;
        if (sink.excludeReceivers && path.length > 1 && sink.excludeReceivers.test(path[path.length - 2])) continue;
        if (sink.receivers && !(path.length > 1 && sink.receivers.test(path[path.length - 2]))) continue;
        if (sink.bareCall && path.length > 1) continue;
        cached = sink;
        break;
      }
    }
    memo.run = this.run;
    memo.sink = cached;
    return cached;
  }

  private callsByName: Map<string, SyntaxNode[]> | undefined;
  private runnableUses: Map<string, SyntaxNode[]> | undefined;

  /** Identifiers named `name` used as a `|` operand or a call argument (where a prompt meets a chat model). */
  usesOf(name: string): SyntaxNode[] {
    if (!this.runnableUses) {
      const uses = (this.runnableUses = new Map<string, SyntaxNode[]>());
      const add = (n: SyntaxNode) => {
        if (n.type !== 'identifier') return;
        const key = text(this.source, n);
        const list = uses.get(key);
        if (list) list.push(n);
        else uses.set(key, [n]);
      };
      for (const pipe of this.pipes) for (const c of pipe.children) if (c.named) add(c);
      for (const call of this.calls) {
        const args = childByField(call, 'arguments');
        if (!args || args.children.length > 40) continue;
        for (const a of args.children) {
          if (a.type === 'keyword_argument') { const v = childByField(a, 'value'); if (v) add(v); }
          else if (a.named) add(a);
        }
      }
    }
    return this.runnableUses.get(name) ?? [];
  }

  /** Calls whose callee's last name is `name` (`ask(...)`, `self.ask(...)`). */
  callsNamed(name: string): SyntaxNode[] {
    if (!this.callsByName) {
      this.callsByName = new Map();
      for (const call of this.calls) {
        const path = this.writtenCalleePath(call);
        const last = path[path.length - 1];
        if (!last) continue;
        const list = this.callsByName.get(last);
        if (list) list.push(call);
        else this.callsByName.set(last, [call]);
      }
    }
    return this.callsByName.get(name) ?? [];
  }

  /** Dotted callee as written (memoised on the node: it depends only on the call's own text). Do not mutate. */
  writtenCalleePath(call: SyntaxNode): string[] {
    return (call.memo ??= dottedPath(this.source, calleeOf(call)));
  }

  /** Dotted callee with import aliases resolved to the imported name. */
  calleePath(call: SyntaxNode): string[] {
    const path = this.writtenCalleePath(call);
    const imported = path.length ? this.aliases.get(path[0]) : undefined;
    return imported ? [...imported.split('.'), ...path.slice(1)] : path;
  }

  calleeText(call: SyntaxNode): string {
    return this.writtenCalleePath(call).join('.') || text(this.source, calleeOf(call) ?? call).slice(0, 60);
  }

  /**
   * Per name: its plain bindings by scope node, and its member bindings by the start offset of their class (or
   * scope). Built on the first lookup of a name, so an edit pays only for the names flow actually resolves.
   */
  private readonly nameIndex = new Map<string, { byScope: Map<SyntaxNode, Binding[]>; byClass: Map<number, Binding[]> }>();

  private indexOf(name: string, list: Binding[]): { byScope: Map<SyntaxNode, Binding[]>; byClass: Map<number, Binding[]> } {
    let index = this.nameIndex.get(name);
    if (!index) {
      index = { byScope: new Map(), byClass: new Map() };
      for (const b of list) {
        if (b.member || CLASS_TYPES.has(b.scope.type)) {
          const m = index.byClass.get(b.scope.start);
          if (m) m.push(b);
          else index.byClass.set(b.scope.start, [b]);
        }
        if (b.member) continue;
        const l = index.byScope.get(b.scope);
        if (l) l.push(b);
        else index.byScope.set(b.scope, [b]);
      }
      this.nameIndex.set(name, index);
    }
    return index;
  }

  /** Bindings a use of `name` at `site` can see: innermost enclosing scope first; `self.x` looks in the class. */
  resolve(name: string, member: boolean, site: SyntaxNode): Binding[] {
    const list = this.bindings.get(name);
    if (!list) return [];
    const index = this.indexOf(name, list);
    if (member) {
      const cls = enclosingClass(site);
      const inClass = cls && index.byClass.get(cls.start);
      if (inClass) return inClass;
      return list.filter((b) => b.member || CLASS_TYPES.has(b.scope.type) || SCOPE_ROOTS.has(b.scope.type));
    }
    for (let scope: SyntaxNode | undefined = enclosingScope(site); scope; scope = scope.parent ? enclosingScope(scope) : undefined) {
      if (CLASS_TYPES.has(scope.type) && scope !== enclosingScope(site)) continue;
      const here = index.byScope.get(scope);
      if (here) return here;
      if (SCOPE_ROOTS.has(scope.type)) break;
    }
    return [];
  }
}

/** List methods that add messages to a list. */
const GROWTH_METHODS = new Set(['append', 'push', 'extend', 'insert', 'unshift', 'appendleft']);
