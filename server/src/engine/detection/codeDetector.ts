// Finds prompts in Python / JavaScript / TypeScript syntax trees. Every string expression is a candidate; what it
// reaches decides: a known sink (call argument), a role/content message, a name that flows into a sink, or — for
// strings that reach nothing we know — name and content evidence together. Flow is followed within the file
// through bindings, function returns and parameters, with a worklist (no recursion).
import type { CallParameters, DetectedPrompt, PromptPart, DetectionSignal, ModelReference, PromptAnnotation, PromptRole, SourceLanguage } from '../types';
import { parseAnnotation } from './annotations';
import { PROMPT_WORDS, contentEvidence, nameEvidence, nameWords, nonPromptContent, roleFromName, wordCount } from './heuristics';
import { lineIndex, type LineIndex } from '../text/lineIndex';
import {
  CALL_PARAMETER_NAMES, DEFAULT_VALUE_CALLEES, ENV_READING_CALLEE, MESSAGE_TEXT_KEYS, MODEL_ARGUMENT_NAMES, MODEL_CONSTRUCTORS,
  NON_PROMPT_CALLEES, PROMPT_DOCSTRING_BASES, PROMPT_FUNCTION_DECORATORS, ROLE_WORDS, SINKS, type SinkArgument, type SinkDefinition,
} from './sinks';
import { expressionParts, literalsIn, maximalStringExpression, type StringExpression } from './stringExpressions';
import { childByField, namedChildren, type SyntaxNode } from './syntaxMirror';
import {
  CALL_TYPES, CLASS_TYPES, DICT_TYPES, FUNCTION_TYPES, LIST_TYPES, PAREN_TYPES, SCOPE_ROOTS, callArguments, calleeOf,
  declaredName, dottedPath, isStringLiteral, keyName, operatorOf, parameterNames, pathEndsWith, stringValue,
  targetName, text, type CallArguments,
} from './syntaxShapes';

// ---------------------------------------------------------------- callee tables, indexed by last name

/** Finds which of `names` (dotted suffixes) a callee path ends with, looking only at those sharing its last name. */
class SuffixTable<T> {
  private readonly byLast = new Map<string, { suffix: string; value: T }[]>();
  constructor(entries: [string, T][]) {
    for (const [suffix, value] of entries) {
      const last = suffix.slice(suffix.lastIndexOf('.') + 1);
      const list = this.byLast.get(last);
      if (list) list.push({ suffix, value });
      else this.byLast.set(last, [{ suffix, value }]);
    }
  }
  hasLast(name: string | undefined): boolean {
    return name !== undefined && this.byLast.has(name);
  }
  matches(path: string[]): T[] {
    const list = path.length ? this.byLast.get(path[path.length - 1]) : undefined;
    return list ? list.filter((e) => pathEndsWith(path, e.suffix)).map((e) => e.value) : [];
  }
}

const SINK_TABLE = new SuffixTable<SinkDefinition>(SINKS.flatMap((sink) => sink.callees.map((c): [string, SinkDefinition] => [c, sink])));
const NON_PROMPT_TABLE = new SuffixTable<true>(NON_PROMPT_CALLEES.map((c): [string, true] => [c, true]));
const MODEL_CONSTRUCTOR_TABLE = new SuffixTable<true>(MODEL_CONSTRUCTORS.map((c): [string, true] => [c, true]));

// ---------------------------------------------------------------- bindings and contexts

interface Binding {
  name: string;
  member: boolean;
  /** The node that binds (assignment, declarator, return statement…): candidates anchor to it. */
  node: SyntaxNode;
  value: SyntaxNode;
  /** Function, class or module node whose scope holds the name. */
  scope: SyntaxNode;
  symbol: string;
  /** The top-level statement (or root) whose facts hold this binding, and its index there: document order. */
  top: SyntaxNode;
  order: number;
}

type Context =
  | { kind: 'call'; call: SyntaxNode; argName?: string; argIndex?: number; keys: string[] }
  | { kind: 'binding'; binding: Binding; keys: string[] }
  | { kind: 'docstring'; owner: SyntaxNode }
  | { kind: 'negative'; reason: string }
  | { kind: 'none'; keys: string[] };

interface MessageShape {
  role: PromptRole;
  container: SyntaxNode;
}

interface Candidate {
  /** The cached statement-level record this candidate was made from. */
  base: CandidateBase;
  expr: StringExpression;
  context: Context;
  message?: MessageShape;
  statement: SyntaxNode;
  signals: DetectionSignal[];
  role?: PromptRole;
  reach?: Reach;
  formatBraces?: boolean;
  /** `NAME % args` is applied somewhere: `%s` / `%(x)s` are placeholders. */
  printf?: boolean;
  /** Reached only as a piece inserted into a larger text: the binding node or expression of that text. */
  fragmentOwner?: SyntaxNode;
  /** Found only as the content of a message whose list reaches no known sink. */
  messageOnly?: boolean;
  confidence: number;
}

interface Reach {
  /** Set when the value is the content of a role/content message whose list reaches no known sink (the app's own helper). */
  messageOnly?: MessageShape;
  call: SyntaxNode;
  sink: SinkDefinition;
  arg: SinkArgument;
  detail: string;
  line: number;
  role?: PromptRole;
}

/**
 * What one top-level statement contributes to the file model. Cached on the statement's mirror node, so after an
 * edit only the re-copied statements are walked again (see `updateMirror`).
 */
interface StatementFacts {
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

interface MessageDict {
  container: SyntaxNode;
  content: SyntaxNode;
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

type CandidateBase = Pick<Candidate, 'expr' | 'context' | 'message' | 'statement'> & {
  /** The parts last built for this expression, kept with the statement (see `partsOf`). */
  parts?: { mode: PartMode; language: SourceLanguage; start: number; parts: PromptPart[] };
  /** `worthHeuristics` of the candidate (its context, name and length are the statement's own). */
  worth?: boolean;
  /** A `p += …` piece or a join of a named list (statement-local; see `concatenationPieces`). */
  piece?: boolean;
};

type PartMode = 'format' | 'printf' | 'template';

function emptyFacts(): StatementFacts {
  return { literals: [], calls: [], comments: [], aliases: [], bindings: [], pipes: [] };
}

/** Everything the analysis of one document needs, merged from the facts of its top-level statements. */
class FileModel {
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

/** The bindings index kept on the root between analyses, with the facts list it was built from. */
interface BindingIndex {
  facts: StatementFacts[];
  byName: Map<string, Binding[]>;
}

/**
 * Bindings by name in document order. After an edit, the statements kept by `updateMirror` are a prefix and a
 * suffix of the previous facts list (same objects): only the bindings of the statements between them are removed
 * and inserted, instead of re-indexing every binding of the file on each keystroke.
 */
function indexBindings(root: SyntaxNode, facts: StatementFacts[]): Map<string, Binding[]> {
  const previous = root.facts as BindingIndex | undefined;
  let byName: Map<string, Binding[]> | undefined;
  if (previous && previous.facts.length && facts.length) {
    const old = previous.facts;
    // Index 0 is the root's own facts, collected afresh on every run (its bindings, if any, are always redone).
    let prefix = 1;
    const limit = Math.min(old.length, facts.length);
    while (prefix < limit && old[prefix] === facts[prefix]) prefix++;
    let suffix = 0;
    while (suffix < limit - prefix && old[old.length - 1 - suffix] === facts[facts.length - 1 - suffix]) suffix++;
    let changed = old[0].bindings.length + facts[0].bindings.length;
    for (let i = prefix; i < old.length - suffix; i++) changed += old[i].bindings.length;
    for (let i = prefix; i < facts.length - suffix; i++) changed += facts[i].bindings.length;
    // Each removal/insertion is linear in its name's list: past a few hundred (a replaced minified bundle that
    // re-declares `e` thousands of times) a fresh index is cheaper than patching.
    if (changed <= MAX_PATCHED_BINDINGS) {
      byName = previous.byName;
      for (const b of old[0].bindings) removeBinding(byName, b);
      for (let i = prefix; i < old.length - suffix; i++) for (const b of old[i].bindings) removeBinding(byName, b);
      for (const b of facts[0].bindings) insertBinding(byName, b);
      for (let i = prefix; i < facts.length - suffix; i++) for (const b of facts[i].bindings) insertBinding(byName, b);
    }
  }
  if (!byName) {
    byName = new Map();
    for (const f of facts) {
      for (const b of f.bindings) {
        const list = byName.get(b.name);
        if (list) list.push(b);
        else byName.set(b.name, [b]);
      }
    }
  }
  root.facts = { facts, byName } satisfies BindingIndex;
  return byName;
}

const MAX_PATCHED_BINDINGS = 256;

function removeBinding(byName: Map<string, Binding[]>, b: Binding): void {
  const list = byName.get(b.name);
  const at = list ? list.lastIndexOf(b) : -1;
  if (at < 0) return;
  if (list!.length === 1) byName.delete(b.name);
  else list!.splice(at, 1);
}

/** Inserts before the first binding that comes later in the document (by statement, then order in it). */
function insertBinding(byName: Map<string, Binding[]>, b: Binding): void {
  const list = byName.get(b.name);
  if (!list) {
    byName.set(b.name, [b]);
    return;
  }
  const topStart = b.top.parent ? b.top.start : -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid];
    const mStart = m.top.parent ? m.top.start : -1;
    if (mStart < topStart || (m.top === b.top && m.order < b.order)) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, b);
}

/** List methods that add messages to a list. */
const GROWTH_METHODS = new Set(['append', 'push', 'extend', 'insert', 'unshift', 'appendleft']);

/** Innermost function, class or module around `node` (a class body is the scope of class attributes bound directly in it). */
function enclosingScope(node: SyntaxNode): SyntaxNode {
  let n = node.parent;
  while (n && !FUNCTION_TYPES.has(n.type) && !CLASS_TYPES.has(n.type) && !SCOPE_ROOTS.has(n.type)) n = n.parent;
  return n ?? rootOf(node);
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  let n = node.parent;
  while (n && !FUNCTION_TYPES.has(n.type)) {
    if (CLASS_TYPES.has(n.type) || SCOPE_ROOTS.has(n.type)) return undefined;
    n = n.parent;
  }
  return n ?? undefined;
}

function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  let n = node.parent;
  while (n && !CLASS_TYPES.has(n.type)) n = n.parent;
  return n ?? undefined;
}

function rootOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** The statement that holds a node: the child of a block, module or class body. */
function statementOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && !['module', 'program', 'block', 'statement_block', 'class_body', 'switch_body'].includes(n.parent.type)) n = n.parent;
  return n;
}

// ---------------------------------------------------------------- context of a string expression

const COMPARISON_OPERATORS = new Set(['==', '===', '!=', '!==', 'in', 'not in', 'instanceof', '<', '>', '<=', '>=', 'is']);
const NEGATIVE_PARENTS: Record<string, string> = {
  comparison_operator: 'compared with a value',
  raise_statement: 'exception message',
  throw_statement: 'exception message',
  assert_statement: 'assertion message',
  import_statement: 'import specifier',
  import_from_statement: 'import specifier',
  future_import_statement: 'import specifier',
  export_statement: 'import specifier',
  import_require_clause: 'import specifier',
  decorator: 'decorator argument',
  jsx_attribute: 'JSX attribute',
  jsx_expression: 'JSX text',
  literal_type: 'type',
  type_annotation: 'type',
  type: 'type',
  case_clause: 'case label',
  case_pattern: 'case label',
  switch_case: 'case label',
  interpolation: 'inside a placeholder',
  template_substitution: 'inside a placeholder',
  enum_assignment: 'enum member',
  enum_body: 'enum member',
};

/** Keys whose string values are settings, not text sent to a model. */
const NON_TEXT_KEYS = new Set(['role', 'type', 'model', 'name', 'id', 'tool_choice', 'response_format', 'format', 'url', 'image_url', 'detail', 'mime_type', 'mimeType', 'media_type', 'cache_control', 'stop', 'provider', 'api_key', 'apiKey', 'baseURL', 'base_url']);

/** Python's `dict(role="user", content=…)`: a dict literal written as a call (aider builds its messages this way). */
function isDictCall(model: FileModel, node: SyntaxNode): boolean {
  if (model.language !== 'python' || node.type !== 'call') return false;
  const callee = calleeOf(node);
  return callee?.type === 'identifier' && text(model.source, callee) === 'dict';
}

function roleOfMessageDict(model: FileModel, dict: SyntaxNode): PromptRole | undefined {
  if (CALL_TYPES.has(dict.type)) return isDictCall(model, dict) ? roleArgument(model, dict) : undefined;
  for (const pair of namedChildren(dict)) {
    if (pair.type !== 'pair') continue;
    if (keyName(model.source, childByField(pair, 'key')) !== 'role') continue;
    const value = childByField(pair, 'value');
    if (!value) return undefined;
    const literal = stringValue(model.source, value);
    if (literal !== undefined) return ROLE_WORDS[literal.toLowerCase()];
    // MessageRole.SYSTEM, Role.USER
    const last = dottedPath(model.source, value).pop()?.toLowerCase();
    return last ? ROLE_WORDS[last] : undefined;
  }
  return undefined;
}

/**
 * Role of a `("system", text)` tuple or `["user", text]` array that is one message of a message list: it must sit
 * in a list (or be a call argument, `messages.append(("user", q))`), and its text must not itself be a role word
 * (`["user", "system"].includes(role)` is a list of roles, not a message).
 */
function messagePairRole(model: FileModel, pair: SyntaxNode): PromptRole | undefined {
  const items = namedChildren(pair);
  if (items.length !== 2) return undefined;
  const roleText = stringValue(model.source, items[0]);
  const role = roleText !== undefined ? ROLE_WORDS[roleText.toLowerCase()] : undefined;
  if (!role) return undefined;
  const second = stringValue(model.source, items[1]);
  if (second !== undefined && ROLE_WORDS[second.toLowerCase()]) return undefined;
  const outer = pair.parent;
  if (!outer || !(LIST_TYPES.has(outer.type) || outer.type === 'argument_list' || outer.type === 'arguments')) return undefined;
  return role;
}

/** `type` values that still mean an LLM message or content block (Responses API items, content parts). */
const MESSAGE_TYPE_VALUES = new Set(['message', 'text', 'input_text', 'output_text', 'easy_input_message']);
/** Calls that send a message to a browser, socket or HTTP client rather than to a model. */
const UI_SEND_CALLEES = new Set(['send', 'send_json', 'send_text', 'sendJson', 'emit', 'json', 'jsonify', 'JSONResponse', 'Response', 'write', 'postMessage', 'broadcast', 'publish', 'enqueue', 'put_nowait', 'setMessages', 'append_message', 'set_state']);

/** A UI state setter for a chat transcript (`setChatHistory`, `setMessageList`): what it holds is shown, not sent. */
const UI_STATE_SETTER = /^set[A-Z]\w*(?:Messages?|History|Chat|Conversation|Transcript)\w*$/;

/**
 * A role/content object that goes to a UI or socket, not to a model: it has an unrelated `type` (`"chat"`, `"error"`),
 * or it (or the list holding it) is an argument of a send/emit/response call. Known sinks are checked before this.
 */
function isUiMessage(model: FileModel, dict: SyntaxNode): boolean {
  const typeValue = dictEntries(model, dict).get('type');
  const typeText = typeValue ? stringValue(model.source, typeValue) : undefined;
  if (typeText !== undefined && !MESSAGE_TYPE_VALUES.has(typeText)) return true;
  let node = dict;
  for (let depth = 0; depth < 8 && node.parent; depth++) {
    const p = node.parent;
    if (LIST_TYPES.has(p.type) || PAREN_TYPES.has(p.type) || p.type === 'spread_element' || p.type === 'keyword_argument') { node = p; continue; }
    // A chat-history item wrapping the message (`{ message: { role, content }, contextItems }`), and a state
    // updater's body (`setChatHistory((prev) => [...prev, item])`).
    if (p.type === 'pair' && node.field === 'value' && keyName(model.source, childByField(p, 'key')) === 'message' && p.parent && DICT_TYPES.has(p.parent.type)) { node = p.parent; continue; }
    if (p.type === 'arrow_function' && node.field === 'body') { node = p; continue; }
    if ((p.type === 'argument_list' || p.type === 'arguments') && p.parent && CALL_TYPES.has(p.parent.type)) {
      const path = model.writtenCalleePath(p.parent);
      const last = path[path.length - 1] ?? '';
      return UI_SEND_CALLEES.has(last) || UI_STATE_SETTER.test(last);
    }
    return false;
  }
  return false;
}

/** `ChatMessage(role=MessageRole.SYSTEM, content=…)`, `new ChatMessage({ role: "assistant", … })`: the role the call states. */
function roleArgument(model: FileModel, call: SyntaxNode): PromptRole | undefined {
  const args = callArguments(model.source, call);
  const value = args.keywords.get('role');
  if (!value) return undefined;
  const literal = stringValue(model.source, value);
  const word = literal ?? dottedPath(model.source, value).pop();
  return word ? ROLE_WORDS[word.toLowerCase()] : undefined;
}

/** Keys (innermost first) of a value inside a message's content that is not a text key: `content[0].image_url.url`. */
function isNonTextField(keys: string[]): boolean {
  return keys.length > 1 && !MESSAGE_TEXT_KEYS.includes(keys[0]) && keys.some((k) => MESSAGE_TEXT_KEYS.includes(k));
}

function contextOf(model: FileModel, root: SyntaxNode): { context: Context; message?: MessageShape } {
  const { source } = model;
  const keys: string[] = [];
  let message: MessageShape | undefined;
  let node = root;
  for (let guard = 0; guard < 10_000; guard++) {
    const p = node.parent;
    if (!p) return { context: { kind: 'none', keys }, message };
    const negative = NEGATIVE_PARENTS[p.type];
    if (negative && !(p.type === 'export_statement' && node.field !== 'source')) return { context: { kind: 'negative', reason: negative }, message };
    if (PAREN_TYPES.has(p.type) || p.type === 'spread_element' || p.type === 'list_splat' || p.type === 'dictionary_splat' || p.type === 'expression_list') { node = p; continue; }
    if (p.type === 'conditional_expression' || p.type === 'ternary_expression') {
      if (node.field === 'condition' || (p.type === 'conditional_expression' && p.children.findIndex((c) => c === node) > 1 && namedChildren(p)[1] === node)) {
        return { context: { kind: 'none', keys }, message };
      }
      node = p;
      continue;
    }
    if (p.type === 'boolean_operator') { node = p; continue; }
    if (p.type === 'binary_expression' || p.type === 'binary_operator') {
      const op = operatorOf(p) ?? '';
      if (COMPARISON_OPERATORS.has(op)) return { context: { kind: 'negative', reason: 'compared with a value' }, message };
      if (op === '||' || op === '??' || op === '&&') { node = p; continue; }
      return { context: { kind: 'none', keys }, message };
    }
    if ((p.type === 'subscript' || p.type === 'subscript_expression') && node.field !== 'value' && node.field !== 'object') {
      return { context: { kind: 'negative', reason: 'index or key' }, message };
    }
    if (p.type === 'keyword_argument') {
      const name = childByField(p, 'name');
      const call = p.parent?.parent;
      if (!name || !call || !CALL_TYPES.has(call.type) || node.field !== 'value') return { context: { kind: 'none', keys }, message };
      if (isDictCall(model, call)) {
        // `dict(role="user", content="…")` is a dict literal written as a call.
        const key = text(source, name);
        if (NON_TEXT_KEYS.has(key) && !keys.length) return { context: { kind: 'negative', reason: `value of "${key}"` }, message };
        keys.push(key);
        if (!message && MESSAGE_TEXT_KEYS.includes(key) && keys.every((k) => MESSAGE_TEXT_KEYS.includes(k))) {
          const role = roleOfMessageDict(model, call);
          if (role) message = { role, container: call };
        }
        node = call;
        continue;
      }
      return { context: { kind: 'call', call, argName: text(source, name), keys }, message };
    }
    if ((p.type === 'argument_list' || p.type === 'arguments') && p.parent && CALL_TYPES.has(p.parent.type)) {
      const call = p.parent;
      const args = namedChildren(p).filter((a) => a.type !== 'keyword_argument');
      const splat = node.type === 'dictionary_splat';
      const argIndex = splat ? undefined : args.indexOf(node);
      const path = dottedPath(source, calleeOf(call));
      if (argIndex !== undefined && argIndex >= 1 && DEFAULT_VALUE_CALLEES.includes(path[path.length - 1] ?? '')) { node = call; continue; }
      const argName = (node.type === 'object' || splat) && keys.length ? keys.pop() : undefined;
      return { context: { kind: 'call', call, argIndex, argName, keys }, message };
    }
    if (p.type === 'pair') {
      if (node.field === 'key') return { context: { kind: 'negative', reason: 'dictionary key' }, message };
      const key = keyName(source, childByField(p, 'key'));
      const container = p.parent;
      if (!container || !key) return { context: { kind: 'none', keys }, message };
      if (NON_TEXT_KEYS.has(key) && !keys.length) return { context: { kind: 'negative', reason: `value of "${key}"` }, message };
      keys.push(key);
      // Only the text itself or a content block's `text`: not a file part's `mediaType`/`data`, a tool call's
      // `toolName`, or `providerOptions` nested in the content list.
      if (!message && MESSAGE_TEXT_KEYS.includes(key) && keys.every((k) => MESSAGE_TEXT_KEYS.includes(k))) {
        const role = roleOfMessageDict(model, container);
        if (role) message = { role, container };
      }
      node = container;
      continue;
    }
    if (LIST_TYPES.has(p.type)) {
      // Only a short list can be a (role, text) pair: never scan the items of a long list (quadratic).
      const pairRole = p.children.length <= 7 ? messagePairRole(model, p) : undefined;
      if (pairRole) {
        const items = namedChildren(p);
        if (items[0] === node) return { context: { kind: 'negative', reason: 'message role' }, message };
        if (!message && items[1] === node) message = { role: pairRole, container: p };
      }
      node = p;
      continue;
    }
    if (DICT_TYPES.has(p.type)) { node = p; continue; }
    const bound = p.binding as Binding | undefined;
    if (bound && (bound.value === node || (p.type === 'arrow_function' && node.field === 'body'))) {
      return { context: { kind: 'binding', binding: bound, keys }, message };
    }
    if (p.type === 'return_statement' || p.type === 'arrow_function' || p.type === 'lambda') return { context: { kind: 'none', keys }, message };
    if (p.type === 'expression_statement' && isStringLiteral(root) && node === root) {
      const body = p.parent;
      const first = body && namedChildren(body)[0];
      if (body && first === p && (body.type === 'block' || body.type === 'module') && (body.parent ? FUNCTION_TYPES.has(body.parent.type) || CLASS_TYPES.has(body.parent.type) : true)) {
        return { context: { kind: 'docstring', owner: body.parent ?? body }, message };
      }
      if (body?.type === 'module' || body?.type === 'block') return { context: { kind: 'negative', reason: 'bare string statement' }, message };
      return { context: { kind: 'none', keys }, message };
    }
    return { context: { kind: 'none', keys }, message };
  }
  return { context: { kind: 'none', keys }, message };
}

// ---------------------------------------------------------------- sinks, models, parameters

function sinkArgumentFor(sink: SinkDefinition, argName: string | undefined, argIndex: number | undefined, keys: string[]): SinkArgument | undefined {
  if (argName !== undefined) {
    const byName = sink.arguments.find((a) => a.name === argName);
    if (byName) return byName;
  }
  if (argIndex !== undefined && argIndex >= 0 && argName === undefined) {
    const byPosition = sink.arguments.find((a) => a.position === argIndex);
    if (byPosition) return byPosition;
  }
  // Nested configuration: generate_content(config={"system_instruction": ...}).
  for (let i = keys.length - 1; i >= 0; i--) {
    const byKey = sink.arguments.find((a) => a.name === keys[i] && a.shape === 'text');
    if (byKey) return byKey;
  }
  return undefined;
}

function sinkDetail(model: FileModel, call: SyntaxNode, arg: SinkArgument, argName: string | undefined, message?: MessageShape): string {
  const callee = model.calleeText(call);
  if (message && arg.shape === 'messages') return `sent as a ${message.role} message to ${callee}`;
  const name = argName ?? arg.name;
  if (name) return model.language === 'python' ? `passed as ${name}= to ${callee}` : `passed as ${name} to ${callee}`;
  return `passed as argument ${(arg.position ?? 0) + 1} to ${callee}`;
}

function literalModel(model: FileModel, node: SyntaxNode, source: ModelReference['source']): ModelReference | undefined {
  if (!isStringLiteral(node)) return undefined;
  const value = stringValue(model.source, node);
  if (!value || /\s/.test(value)) return undefined;
  const quoteLength = node.type === 'template_string' ? 1 : (/^[a-zA-Z]*(["']{3}|["'])/.exec(text(model.source, node))?.[0].length ?? 1);
  const start = node.start + quoteLength;
  return { name: value, source, span: { start, end: start + value.length }, literal: true, line: model.lines.lineOf(node.start) };
}

/** A model written as a literal, a constant in the file, `os.getenv("M", "default")`, `openai("gpt-4o")`. */
function resolveModelExpression(model: FileModel, expr: SyntaxNode, site: SyntaxNode): ModelReference | undefined {
  let node: SyntaxNode | undefined = expr;
  let source: ModelReference['source'] = 'call-site';
  for (let guard = 0; node && guard < 8; guard++) {
    const literal = literalModel(model, node, source);
    if (literal) return literal;
    if (node.type === 'identifier' || node.type === 'shorthand_property_identifier' || node.type === 'attribute' || node.type === 'member_expression') {
      const target = node.type === 'shorthand_property_identifier' ? { name: text(model.source, node), member: false } : targetName(model.source, node);
      if (!target) return undefined;
      let bindings = model.resolve(target.name, target.member, site);
      if (!bindings.length) bindings = (model.bindings.get(target.name) ?? []).filter((b) => SCOPE_ROOTS.has(b.scope.type) || CLASS_TYPES.has(b.scope.type));
      if (!bindings.length) return undefined;
      node = bindings[bindings.length - 1].value;
      source = 'constant';
      continue;
    }
    if (CALL_TYPES.has(node.type)) {
      const args = callArguments(model.source, node);
      const path = dottedPath(model.source, calleeOf(node));
      const last = path[path.length - 1] ?? '';
      node = DEFAULT_VALUE_CALLEES.includes(last) || ENV_READING_CALLEE.test(last) ? args.positional[1] : args.positional[0] ?? args.keywords.get('model');
      continue;
    }
    if (node.type === 'binary_expression' || node.type === 'boolean_operator') {
      node = childByField(node, 'right');
      continue;
    }
    if (PAREN_TYPES.has(node.type)) { node = namedChildren(node)[0]; continue; }
    return undefined;
  }
  return undefined;
}

function modelAtCall(model: FileModel, call: SyntaxNode, sink: SinkDefinition | undefined): ModelReference | undefined {
  let current: SyntaxNode | undefined = call;
  for (let level = 0; current && level < 4; level++) {
    if (CALL_TYPES.has(current.type)) {
      const args = callArguments(model.source, current);
      const keywords = keywordsWithSpreads(model, current, args);
      const names = level === 0 && sink?.modelArguments ? sink.modelArguments : MODEL_ARGUMENT_NAMES;
      for (const name of names) {
        const value = keywords.get(name);
        if (value) {
          const ref = resolveModelExpression(model, value, current);
          // Spread in from a dict bound elsewhere (`{ ...OPTS }`): written once, used here.
          if (ref && ref.source === 'call-site' && !args.keywords.has(name) && !isArgumentObject(value.parent?.parent ?? value)) ref.source = 'constant';
          if (ref) return ref;
        }
      }
      if (level === 0 && sink?.modelPosition !== undefined && args.positional[sink.modelPosition]) {
        const ref = resolveModelExpression(model, args.positional[sink.modelPosition], current);
        if (ref) return ref;
      }
    }
    current = current.parent ?? undefined;
    while (current && !CALL_TYPES.has(current.type) && !current.type.endsWith('statement') && current.type !== 'block') current = current.parent ?? undefined;
    if (current && !CALL_TYPES.has(current.type)) break;
  }
  return undefined;
}

/** The model of a chat-model constructor call (`ChatOpenAI(model="gpt-4o-mini")`), if it names one. */
function constructorModel(model: FileModel, call: SyntaxNode): ModelReference | undefined {
  if (!MODEL_CONSTRUCTOR_TABLE.matches(model.writtenCalleePath(call)).length) return undefined;
  const args = callArguments(model.source, call);
  const value = MODEL_ARGUMENT_NAMES.map((n) => args.keywords.get(n)).find(Boolean) ?? args.positional[0];
  const ref = value && resolveModelExpression(model, value, call);
  return ref && /[a-z]/i.test(ref.name) && !/\s/.test(ref.name) ? { ...ref, source: 'constant' } : undefined;
}

/** The chat model behind a runnable: `llm`, `ChatOpenAI(...)`, `llm.with_structured_output(X)`, `prompt | llm | parser`. */
function runnableModel(model: FileModel, node: SyntaxNode | undefined, site: SyntaxNode): ModelReference | undefined {
  for (let depth = 0; node && depth < 6; depth++) {
    if (PAREN_TYPES.has(node.type)) { node = namedChildren(node)[0]; continue; }
    if (node.type === 'identifier') {
      const bindings = model.resolve(text(model.source, node), false, site);
      node = bindings[bindings.length - 1]?.value;
      continue;
    }
    if (node.type === 'binary_operator' && operatorOf(node) === '|') {
      for (const operand of pipeOperands(node)) {
        const ref = runnableModel(model, operand, site);
        if (ref) return ref;
      }
      return undefined;
    }
    if (CALL_TYPES.has(node.type)) {
      const ref = constructorModel(model, node);
      if (ref) return ref;
      const callee = calleeOf(node);
      if (callee && (callee.type === 'attribute' || callee.type === 'member_expression')) { node = childByField(callee, 'object'); continue; }
      return undefined;
    }
    return undefined;
  }
  return undefined;
}

function pipeOperands(pipe: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = [pipe];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'binary_operator' && operatorOf(n) === '|') {
      const left = childByField(n, 'left');
      const right = childByField(n, 'right');
      if (right) stack.push(right);
      if (left) stack.push(left);
    } else out.push(n);
  }
  return out;
}

/** The outermost `|` of the chain `pipe` is part of (`a | b | c` parses as `(a | b) | c`). */
function pipeChainTop(pipe: SyntaxNode): SyntaxNode {
  let top = pipe;
  while (top.parent && top.parent.type === 'binary_operator' && operatorOf(top.parent) === '|') top = top.parent;
  return top;
}

/** The chat model among the operands of the chain under `top`, other than `except`. */
function otherOperandsModel(model: FileModel, top: SyntaxNode, except: SyntaxNode): ModelReference | undefined {
  return pipeOperands(top).filter((o) => o !== except).map((o) => runnableModel(model, o, o)).find(Boolean);
}

/**
 * The chat model a prompt template flows into: `template | llm` (or `.pipe(llm)`) where the template is built, or
 * where the name it is bound to is used, or a call that takes both (`LLMChain(llm=llm, prompt=template)`).
 */
function linkedChatModel(model: FileModel, call: SyntaxNode): ModelReference | undefined {
  // `llm.invoke(text)`, `chain.stream(text)`: the receiver is the model.
  const callee = calleeOf(call);
  const receiver = callee && (callee.type === 'attribute' || callee.type === 'member_expression') ? childByField(callee, 'object') : undefined;
  const own = receiver && runnableModel(model, receiver, call);
  if (own) return own;
  let node = call;
  for (let depth = 0; node.parent && depth < 8; depth++) {
    const p: SyntaxNode = node.parent;
    if (PAREN_TYPES.has(p.type)) { node = p; continue; }
    if (p.type === 'binary_operator' && operatorOf(p) === '|') {
      const top = pipeChainTop(p);
      const ref = otherOperandsModel(model, top, node);
      if (ref) return ref;
      node = top;
      continue;
    }
    if ((p.type === 'member_expression' || p.type === 'attribute') && node.field === 'object' && p.parent && CALL_TYPES.has(p.parent.type)) {
      const written = model.writtenCalleePath(p.parent);
      const method = written[written.length - 1];
      if (method === 'pipe') {
        const ref = callArguments(model.source, p.parent).positional.map((a) => runnableModel(model, a, a)).find(Boolean);
        if (ref) return ref;
      }
      node = p.parent;
      continue;
    }
    break;
  }
  const bound = node.parent?.binding as Binding | undefined;
  if (!bound || bound.value !== node) return undefined;
  for (const use of model.usesOf(bound.name)) {
    const container = use.parent;
    if (!container) continue;
    if (container.type === 'binary_operator') {
      const ref = otherOperandsModel(model, pipeChainTop(container), use);
      if (ref) return ref;
    } else {
      const callNode = container.type === 'keyword_argument' ? container.parent?.parent : container.parent;
      if (!callNode || !CALL_TYPES.has(callNode.type)) continue;
      const args = callArguments(model.source, callNode);
      const ref = [...args.positional, ...args.keywords.values()].filter((a) => a !== use).map((a) => runnableModel(model, a, a)).find(Boolean);
      if (ref) return ref;
    }
  }
  return undefined;
}

/** With no link to a model, the file's chat-model constructors count only when they all name the same model. */
function soleFileModel(model: FileModel): ModelReference | undefined {
  let found: ModelReference | undefined;
  for (const call of model.calls) {
    const ref = constructorModel(model, call);
    if (!ref) continue;
    if (found && found.name !== ref.name) return undefined;
    found ??= ref;
  }
  return found;
}

function numberValue(model: FileModel, node: SyntaxNode, site: SyntaxNode): number | undefined {
  let n: SyntaxNode | undefined = node;
  for (let guard = 0; n && guard < 4; guard++) {
    if (n.type === 'integer' || n.type === 'float' || n.type === 'number') {
      const value = Number(text(model.source, n).replace(/_/g, ''));
      return Number.isFinite(value) ? value : undefined;
    }
    if (n.type === 'identifier') {
      const b = model.resolve(text(model.source, n), false, site);
      n = b[b.length - 1]?.value;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** A keyword spread into a call from a dict (`**params`, `{ ...OPTS }`): its value, and the binding of that dict. */
interface SpreadKeyword {
  value: SyntaxNode;
  binding?: Binding;
}

/** The keywords a call gets from dicts spread into it: a dict literal, or a name bound to one in this file. */
function spreadKeywords(model: FileModel, call: SyntaxNode, args: CallArguments): Map<string, SpreadKeyword> | undefined {
  if (!args.spreads.length) return undefined;
  const out = new Map<string, SpreadKeyword>();
  for (const spread of args.spreads) {
    let dict: SyntaxNode | undefined = spread;
    let binding: Binding | undefined;
    if (spread.type === 'identifier') {
      const bindings = model.resolve(text(model.source, spread), false, call);
      // The value the name has at the call: its last binding before it (a module dict defined below a function
      // that uses it: the last one).
      const before = bindings.filter((b) => b.node.start < call.start);
      binding = (before.length ? before : bindings)[(before.length ? before : bindings).length - 1];
      dict = binding?.value;
      while (dict && PAREN_TYPES.has(dict.type)) dict = namedChildren(dict)[0];
    }
    if (!dict || !DICT_TYPES.has(dict.type)) continue;
    for (const [key, value] of dictEntries(model, dict)) if (!args.keywords.has(key) && !out.has(key)) out.set(key, { value, binding });
  }
  return out;
}

/** The call's keywords, with those spread into it from dicts (written keywords win). */
function keywordsWithSpreads(model: FileModel, call: SyntaxNode, args: CallArguments): Map<string, SyntaxNode> {
  const spread = spreadKeywords(model, call, args);
  if (!spread?.size) return args.keywords;
  const all = new Map(args.keywords);
  for (const [key, entry] of spread) all.set(key, entry.value);
  return all;
}

function callParameters(model: FileModel, call: SyntaxNode): CallParameters {
  const params: CallParameters = {};
  const queue: { node: SyntaxNode; depth: number }[] = [{ node: call, depth: 0 }];
  while (queue.length) {
    const { node, depth } = queue.shift()!;
    const args = CALL_TYPES.has(node.type) ? keywordsWithSpreads(model, node, callArguments(model.source, node)) : dictEntries(model, node);
    for (const [name, value] of args) {
      const param = CALL_PARAMETER_NAMES[name];
      if (param && params[param] === undefined) {
        const n = numberValue(model, value, call);
        if (n !== undefined) params[param] = n;
      } else if (depth < 2 && (CALL_TYPES.has(value.type) || DICT_TYPES.has(value.type))) {
        queue.push({ node: value, depth: depth + 1 });
      }
    }
  }
  return params;
}

function dictEntries(model: FileModel, dict: SyntaxNode): Map<string, SyntaxNode> {
  if (isDictCall(model, dict)) return callArguments(model.source, dict).keywords;
  const entries = new Map<string, SyntaxNode>();
  if (!DICT_TYPES.has(dict.type)) return entries;
  for (const pair of namedChildren(dict)) {
    if (pair.type !== 'pair') continue;
    const key = keyName(model.source, childByField(pair, 'key'));
    const value = childByField(pair, 'value');
    if (key && value) entries.set(key, value);
  }
  return entries;
}

// ---------------------------------------------------------------- flow

interface NameUse {
  name: string;
  member: boolean;
  site: SyntaxNode;
  role?: PromptRole;
  /** Part of a larger text (placeholder, operand) rather than the whole value. */
  embedded: boolean;
  /** `PROMPTS.title`: `name` is the object and `key` the property read from it. */
  key?: string;
  /** How the value is filled in where it is used: `NAME % x` (printf) or `NAME.format(…)` (format braces). */
  fill?: 'printf' | 'format';
  /** The name is a called function (`build(x)`), never a parameter of the enclosing function. */
  called?: boolean;
}

const PASS_THROUGH_METHODS = new Set(['format', 'format_map', 'join', 'strip', 'lstrip', 'rstrip', 'trim', 'trimStart', 'trimEnd', 'replace', 'concat', 'substitute', 'safe_substitute', 'render', 'partial', 'append', 'extend', 'push', 'insert', 'add_message', 'add_messages']);

/** Names whose values make up `expr` (operands, placeholders, message contents, called functions). */
function namesIn(model: FileModel, expr: SyntaxNode): NameUse[] {
  const { source } = model;
  const uses: NameUse[] = [];
  const stack: { node: SyntaxNode; role?: PromptRole; embedded?: boolean; fill?: NameUse['fill'] }[] = [{ node: expr }];
  while (stack.length) {
    const { node, role, embedded = false, fill } = stack.pop()!;
    switch (node.type) {
      case 'identifier':
      case 'shorthand_property_identifier':
        uses.push({ name: text(source, node), member: false, site: node, role, embedded, fill });
        continue;
      case 'attribute':
      case 'member_expression': {
        const t = targetName(source, node);
        const object = childByField(node, 'object');
        const objectText = object ? text(source, object) : '';
        const ownMember = objectText === 'self' || objectText === 'this' || objectText === 'cls';
        if (t) uses.push({ name: t.name, member: ownMember, site: node, role, embedded, fill });
        if (t && object && object.type === 'identifier' && !ownMember) uses.push({ name: objectText, member: false, site: node, role, embedded, key: t.name });
        continue;
      }
      case 'string':
      case 'template_string':
        for (const c of node.children) if (c.type === 'interpolation' || c.type === 'template_substitution') stack.push({ node: c, role, embedded: true });
        continue;
      case 'lambda':
      case 'function_expression':
      case 'comparison_operator':
      case 'keyword':
        continue;
    }
    if (FUNCTION_TYPES.has(node.type) && node.type !== 'arrow_function') continue;
    if (CALL_TYPES.has(node.type)) {
      const callee = calleeOf(node);
      const path = dottedPath(source, callee);
      const method = path[path.length - 1] ?? '';
      const sink = model.sinkOf(node);
      const passes = PASS_THROUGH_METHODS.has(method) || !!sink || /Message$|^Template$|^dedent$|^cleandoc$|(?:Block|BlockParam|Part|Content)$|^from_text$/.test(method);
      if (passes) {
        const sinkRole = sink?.arguments[0]?.shape === 'text' ? sink.arguments[0].role : undefined;
        const args = childByField(node, 'arguments');
        const isMethod = !sink && callee && (callee.type === 'attribute' || callee.type === 'member_expression');
        if (args) stack.push({ node: args, role: sinkRole ?? role, embedded: embedded || !!isMethod });
        if (callee && (callee.type === 'attribute' || callee.type === 'member_expression')) {
          const object = childByField(callee, 'object');
          const formats = method === 'format' || method === 'format_map';
          if (object) stack.push({ node: object, role, embedded, fill: formats ? 'format' : undefined });
        }
      } else if (method) {
        const object = callee && (callee.type === 'attribute' || callee.type === 'member_expression') ? childByField(callee, 'object') : undefined;
        const objectText = object ? text(source, object) : '';
        uses.push({ name: method, member: objectText === 'self' || objectText === 'this', site: node, role, embedded, called: true });
      }
      continue;
    }
    if (node.type === 'pair') {
      const key = keyName(source, childByField(node, 'key'));
      const value = childByField(node, 'value');
      const container = node.parent;
      const messageRole = key && MESSAGE_TEXT_KEYS.includes(key) && container ? roleOfMessageDict(model, container) : undefined;
      if (value && key !== 'role') stack.push({ node: value, role: messageRole ?? role, embedded });
      continue;
    }
    if (LIST_TYPES.has(node.type)) {
      const items = namedChildren(node);
      const tupleRole = items.length === 2 ? messagePairRole(model, node) : undefined;
      for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i], role: tupleRole && i === 1 ? tupleRole : role, embedded });
      continue;
    }
    if (node.type === 'subscript' || node.type === 'subscript_expression') {
      const value = childByField(node, 'value') ?? childByField(node, 'object');
      if (value) stack.push({ node: value, role, embedded });
      continue;
    }
    const joins = node.type === 'binary_operator' || node.type === 'binary_expression' || node.type === 'concatenated_string';
    const printf = node.type === 'binary_operator' && operatorOf(node) === '%';
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i];
      if (c.named && c.type !== 'comment' && c.field !== 'name' && c.field !== 'key') {
        stack.push({ node: c, role, embedded: embedded || (joins && !(printf && c.field === 'left')), fill: printf && c.field === 'left' ? 'printf' : undefined });
      }
    }
  }
  return uses;
}

// ---------------------------------------------------------------- the analysis

export interface CodeDetectionOptions {
  fileName: string;
  language: SourceLanguage;
}

export function detectInSyntaxTree(root: SyntaxNode, source: string, options: CodeDetectionOptions): DetectedPrompt[] {
  const model = new FileModel(root, source, options.language);
  const candidates = collectCandidates(model);
  const byAnchor = new Map<SyntaxNode, Candidate[]>();
  for (const c of candidates) {
    const anchor = c.context.kind === 'binding' ? c.context.binding.node : c.context.kind === 'call' ? c.context.call : undefined;
    if (!anchor) continue;
    const list = byAnchor.get(anchor);
    if (list) list.push(c);
    else byAnchor.set(anchor, [c]);
  }
  applySinks(model, candidates);
  applyFlow(model, byAnchor);
  return buildPrompts(model, candidates, byAnchor, options);
}

function collectCandidates(model: FileModel): Candidate[] {
  const candidates: Candidate[] = [];
  for (const top of model.root.children) {
    if (!top.named) continue;
    const facts = top.facts as StatementFacts;
    let bases = facts.candidates;
    let notNegative = facts.notNegative;
    if (!bases || !notNegative) {
      bases = candidateBases(model, facts.literals);
      notNegative = bases.filter((b) => b.context.kind !== 'negative');
      if (!dependsOnPosition(top)) {
        facts.candidates = bases;
        facts.notNegative = notNegative;
      }
    }
    // A string in a negative context (dict key, comparison, exception…) is never a prompt unless a comment forces
    // it: in a file without comments those candidates are not made at all (most of a large file's strings).
    if (!model.comments.size) bases = notNegative;
    // Spelled out: an object spread here is several times slower (thousands of candidates per keystroke).
    for (const b of bases) {
      const candidate: Candidate = { base: b, expr: b.expr, context: b.context, message: b.message, statement: b.statement, signals: [], confidence: 0 };
      candidates.push(candidate);
      if (b.piece) (model.pieceCandidates ??= []).push(candidate);
    }
  }
  return candidates;
}

/** A bare string statement at the top level is a module docstring only when it comes first. */
function dependsOnPosition(top: SyntaxNode): boolean {
  return top.type === 'expression_statement' && top.children.some((c) => isStringLiteral(c));
}

function candidateBases(model: FileModel, literals: SyntaxNode[]): CandidateBase[] {
  const consumed = new Set<SyntaxNode>();
  const bases: CandidateBase[] = [];
  for (const literal of literals) {
    if (consumed.has(literal)) continue;
    const expr = maximalStringExpression(literal, model.source);
    for (const inner of literalsIn(expr.root)) consumed.add(inner);
    const { context, message } = contextOf(model, expr.root);
    const piece = (context.kind === 'binding' && context.binding.value === expr.root && isAppend(context.binding.node))
      || (CALL_TYPES.has(expr.root.type) && joinedList(model, expr.root) !== undefined);
    bases.push({ expr, context, message, statement: statementOf(expr.root), piece });
  }
  return bases;
}

function applySinks(model: FileModel, candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.context.kind === 'docstring') {
      const owner = c.context.owner;
      const bases = CLASS_TYPES.has(owner.type) ? childByField(owner, 'superclasses') : undefined;
      const baseText = bases ? text(model.source, bases) : '';
      if (PROMPT_DOCSTRING_BASES.some((b) => new RegExp(`\\b${b.replace('.', '\\.')}\\b`).test(baseText)) && model.mentions('dspy')) {
        c.signals.push({ kind: 'sink', detail: `DSPy signature docstring of ${declaredName(model.source, owner) ?? 'a class'}`, line: model.lines.lineOf(owner.start) });
        c.role = 'system';
        c.confidence = 0.9;
      }
      continue;
    }
    if (c.context.kind !== 'call') continue;
    const sink = model.sinkOf(c.context.call);
    if (!sink) continue;
    const arg = sinkArgumentFor(sink, c.context.argName, c.context.argIndex, c.context.keys);
    if (!arg) continue;
    const innermost = c.context.keys[0];
    if (c.context.keys.length && !c.message && !MESSAGE_TEXT_KEYS.includes(innermost) && arg.name !== innermost) continue;
    const line = model.lines.lineOf(c.context.call.start);
    const detail = sinkDetail(model, c.context.call, arg, c.context.argName ?? (c.context.keys[0] && model.language !== 'python' ? c.context.keys[0] : undefined), c.message);
    c.signals.push({ kind: 'sink', detail, line });
    c.role = c.message?.role ?? (arg.shape === 'text' ? roleArgument(model, c.context.call) : undefined) ?? arg.role;
    c.reach = { call: c.context.call, sink, arg, detail, line };
    c.formatBraces = sink.formatBraces;
    c.confidence = 0.95;
  }
  // Message objects ({role, content}) count even when the list goes somewhere we do not know.
  for (const c of candidates) {
    if (!c.message || c.signals.some((s) => s.kind === 'sink')) continue;
    if (isUiMessage(model, c.message.container)) {
      c.message = undefined;
      continue;
    }
    c.signals.push({ kind: 'message-object', detail: `content of a ${c.message.role} message`, line: model.lines.lineOf(c.message.container.start) });
    c.role = c.message.role;
    c.confidence = Math.max(c.confidence, 0.9);
  }
}

/** Stands for "a message list we cannot follow further": the message's role and list give role and request. */
const MESSAGE_PSEUDO_SINK: SinkDefinition = { id: 'messages', provider: 'unknown', callees: [], arguments: [] };

/** `{role: <literal>, content: <not a literal>}` objects that are LLM messages (not UI events). */
function messageDictsWithNamedContent(model: FileModel): MessageDict[] {
  const found: MessageDict[] = [];
  for (const facts of model.statementFacts) {
    // Statement-local (role, content, UI checks look only inside the statement): cached with its facts.
    facts.messageDicts ??= statementMessageDicts(model, facts.literals);
    for (const d of facts.messageDicts) found.push(d);
  }
  return found;
}

function statementMessageDicts(model: FileModel, literals: SyntaxNode[]): MessageDict[] {
  const found: MessageDict[] = [];
  for (const literal of literals) {
    const pair = literal.parent;
    if (!pair || literal.field !== 'value') continue;
    let dict: SyntaxNode | undefined;
    if (pair.type === 'pair') {
      if (keyName(model.source, childByField(pair, 'key')) !== 'role') continue;
      dict = pair.parent ?? undefined;
      if (!dict || !DICT_TYPES.has(dict.type)) continue;
    } else if (pair.type === 'keyword_argument') {
      const name = childByField(pair, 'name');
      if (!name || text(model.source, name) !== 'role') continue;
      dict = pair.parent?.parent ?? undefined;
      if (!dict || !isDictCall(model, dict)) continue;
    } else continue;
    if (!roleOfMessageDict(model, dict)) continue;
    const content = dictEntries(model, dict).get('content');
    if (!content || isStringLiteral(content) || content.type === 'concatenated_string' || content.type === 'binary_operator' || content.type === 'binary_expression') continue;
    if (isUiMessage(model, dict)) continue;
    found.push({ container: dict, content });
  }
  return found;
}

/** The calls that can be sinks, in document order (the table lookup by last name is cached per statement). */
function sinkCallCandidates(model: FileModel): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const aliased = model.aliases.size > 0;
  for (const facts of model.statementFacts) {
    let split = facts.sinkCalls;
    if (!split) {
      split = { named: [], namedOrBare: [] };
      for (const call of facts.calls) {
        const path = model.writtenCalleePath(call);
        const named = SINK_TABLE.hasLast(path[path.length - 1]);
        if (named) split.named.push(call);
        if (named || path.length === 1) split.namedOrBare.push(call);
      }
      facts.sinkCalls = split;
    }
    // Both lists keep document order (the worklist's order decides which sink claims a name first).
    for (const call of aliased ? split.namedOrBare : split.named) out.push(call);
  }
  return out;
}

/** Top-level and class-level functions under a prompt decorator of `PROMPT_FUNCTION_DECORATORS`. */
function promptFunctions(model: FileModel): { definition: SyntaxNode; decorator: SyntaxNode; role: PromptRole }[] {
  if (model.language !== 'python') return [];
  const kinds = PROMPT_FUNCTION_DECORATORS.filter((d) => model.mentions(d.module));
  if (!kinds.length) return [];
  const found: { definition: SyntaxNode; decorator: SyntaxNode; role: PromptRole }[] = [];
  const visit = (statements: SyntaxNode[]) => {
    for (const st of statements) {
      if (st.type !== 'decorated_definition') continue;
      const definition = childByField(st, 'definition');
      if (!definition) continue;
      if (definition.type === 'class_definition') {
        const body = childByField(definition, 'body');
        if (body) visit(namedChildren(body));
        continue;
      }
      for (const decorator of namedChildren(st)) {
        if (decorator.type !== 'decorator') continue;
        let expr = namedChildren(decorator)[0];
        if (expr && CALL_TYPES.has(expr.type)) expr = calleeOf(expr) ?? expr;
        const path = expr ? dottedPath(model.source, expr) : [];
        const kind = path.length > 1 ? kinds.find((d) => d.methods.includes(path[path.length - 1])) : undefined;
        if (kind) found.push({ definition, decorator, role: kind.role });
      }
    }
  };
  visit(namedChildren(model.root));
  return found;
}

function applyFlow(model: FileModel, byAnchor: Map<SyntaxNode, Candidate[]>): void {
  const visited = new Set<SyntaxNode>();
  const visitedGroups = new Set<Binding[]>();
  const visitedParams = new Set<string>();
  const work: { expr: SyntaxNode; reach: Reach; owner?: SyntaxNode }[] = [];
  const spreadReaches: { binding: Binding; key: string; reach: Reach }[] = [];
  /** Bindings used whole somewhere (not only inserted into a larger text): never fragments. */
  const usedWhole = new Set<SyntaxNode>();
  // Functions whose return value the framework sends (`@agent.instructions def f(ctx): return f"…"`).
  for (const { definition, decorator, role } of promptFunctions(model)) {
    const name = childByField(definition, 'name');
    if (!name) continue;
    const line = model.lines.lineOf(decorator.start);
    const detail = `returned as ${role} text (@${text(model.source, decorator).replace(/^@\s*/, '')})`;
    work.push({ expr: name, reach: { messageOnly: { role, container: decorator }, call: decorator, sink: MESSAGE_PSEUDO_SINK, arg: { role, shape: 'text' }, detail, line, role } });
  }
  // Message objects whose content is a name (`{"role": "system", "content": GRADER}` handed to the app's own
  // helper). Pushed first so that flow from real sinks (popped earlier) claims the names it reaches.
  for (const dict of messageDictsWithNamedContent(model)) {
    const role = roleOfMessageDict(model, dict.container)!;
    const line = model.lines.lineOf(dict.container.start);
    const message = { role, container: dict.container };
    work.push({ expr: dict.content, reach: { messageOnly: message, call: dict.container, sink: MESSAGE_PSEUDO_SINK, arg: { role, shape: 'text' }, detail: `the content of a ${role} message`, line, role } });
  }
  for (const call of sinkCallCandidates(model)) {
    const sink = model.sinkOf(call);
    if (!sink) continue;
    const args = callArguments(model.source, call);
    const line = model.lines.lineOf(call.start);
    const spread = spreadKeywords(model, call, args);
    for (const arg of sink.arguments) {
      let value = (arg.name !== undefined ? args.keywords.get(arg.name) : undefined) ?? (arg.position !== undefined ? args.positional[arg.position] : undefined);
      const spreadEntry = !value && arg.name !== undefined ? spread?.get(arg.name) : undefined;
      value ??= spreadEntry?.value;
      if (!value) continue;
      const detail = sinkDetail(model, call, arg, arg.name && (args.keywords.has(arg.name) || spreadEntry) ? arg.name : undefined);
      const reach: Reach = { call, sink, arg, detail, line, role: arg.shape === 'text' ? roleArgument(model, call) ?? arg.role : undefined };
      // `{ ...OPTS, prompt }`, `**params`: the entry of the dict bound to OPTS (its strings are that binding's candidates).
      if (spreadEntry?.binding) spreadReaches.push({ binding: spreadEntry.binding, key: arg.name!, reach });
      work.push({ expr: value, reach });
    }
  }
  const markCandidates = (anchor: SyntaxNode, reach: Reach, name: string, filter?: (c: Candidate) => boolean, fill?: NameUse['fill']) => {
    for (const c of byAnchor.get(anchor) ?? []) {
      if (filter && !filter(c)) continue;
      if (fill === 'printf') c.printf = true;
      if (fill === 'format') c.formatBraces = true;
      if (c.signals.some((s) => s.kind === 'flow' || s.kind === 'sink')) continue;
      // Other fields inside a message's content (`image_url.url`, `cache_control.type`) are not its text.
      if (c.context.kind === 'binding' && !c.message && isNonTextField(c.context.keys)) continue;
      if (reach.messageOnly) {
        c.signals.push({ kind: 'flow', detail: `${name} is ${reach.detail}`, line: reach.line });
        c.message ??= reach.messageOnly;
        c.messageOnly = true;
        c.role = c.message.role;
        c.confidence = Math.max(c.confidence, 0.85);
        continue;
      }
      const role = c.message?.role ?? reach.role ?? (reach.arg.shape === 'text' ? reach.arg.role : undefined);
      const detail = reach.arg.shape === 'messages' && role ? `sent as a ${role} message to ${model.calleeText(reach.call)}` : reach.detail;
      c.signals.push({ kind: 'flow', detail: `${name} is ${detail}`, line: reach.line });
      c.reach = reach;
      c.role = c.role ?? role;
      c.formatBraces = c.formatBraces || reach.sink.formatBraces;
      c.confidence = Math.max(c.confidence, 0.9);
    }
  };
  for (const { binding, key, reach } of spreadReaches) {
    markCandidates(binding.node, reach, `${binding.symbol}.${key}`, (c) => c.context.kind === 'binding' && c.context.keys[c.context.keys.length - 1] === key);
  }
  for (let steps = 0; work.length && steps < 100_000; steps++) {
    const { expr, reach, owner } = work.pop()!;
    for (const use of namesIn(model, expr)) {
      const useReach = use.role && !reach.role ? { ...reach, role: use.role } : reach;
      const fragmentOf = use.embedded ? owner ?? expr : undefined;
      if (use.key !== undefined) {
        // `PROMPTS.title`: only the `title` entry of an object bound to PROMPTS.
        const key = use.key;
        for (const b of model.resolve(use.name, false, use.site)) {
          const entry = DICT_TYPES.has(b.value.type) ? dictEntries(model, b.value).get(key) : undefined;
          if (!entry || visited.has(entry)) continue;
          visited.add(entry);
          markCandidates(b.node, useReach, `${b.symbol}.${key}`, (c) => c.context.kind === 'binding' && c.context.keys[c.context.keys.length - 1] === key);
          work.push({ expr: entry, reach: useReach, owner: entry });
        }
        continue;
      }
      const bindings = model.resolve(use.name, use.member, use.site);
      if (!fragmentOf) for (const b of bindings) usedWhole.add(b.node);
      if (bindings.length) {
        // One reach per group of bindings is enough to mark them (minified code re-declares `p` thousands of times).
        if (visitedGroups.has(bindings)) continue;
        visitedGroups.add(bindings);
        for (const b of bindings) {
          if (visited.has(b.node)) continue;
          visited.add(b.node);
          markCandidates(b.node, useReach, b.symbol, undefined, use.fill);
          if (fragmentOf) for (const c of byAnchor.get(b.node) ?? []) c.fragmentOwner ??= fragmentOf;
          work.push({ expr: b.value, reach: useReach, owner: b.node });
        }
        continue;
      }
      // A parameter passed whole (`def ask(prompt): … content=prompt`): follow the arguments of calls to the
      // function. Parameters only placed inside a larger prompt carry data, not prompt text.
      let fn = use.embedded || use.called ? undefined : enclosingFunction(use.site);
      while (fn) {
        const params = parameterNames(model.source, fn);
        const index = params.indexOf(use.name);
        if (index >= 0) {
          const fnName = declaredName(model.source, fn);
          if (!fnName) break;
          const key = `${fnName}:${index}`;
          const paramKey = `${fn.start}:${index}`;
          if (visitedParams.has(paramKey)) break;
          visitedParams.add(paramKey);
          for (const call of model.callsNamed(fnName)) {
            const args = callArguments(model.source, call);
            const value = args.keywords.get(use.name) ?? args.positional[index];
            if (!value) continue;
            markCandidates(call, useReach, `argument ${use.name} of ${fnName}`, (c) =>
              c.context.kind === 'call' && (c.context.argName === use.name || (c.context.argIndex === index && c.context.argName === undefined)));
            if (!visited.has(value)) {
              visited.add(value);
              work.push({ expr: value, reach: useReach });
            }
          }
          void key;
          break;
        }
        fn = enclosingFunction(fn);
      }
    }
  }
  clearWholeUses(byAnchor, usedWhole);
}

// ---------------------------------------------------------------- decisions and output

/** Candidates that were also used whole somewhere are prompts in their own right, not fragments. */
function clearWholeUses(byAnchor: Map<SyntaxNode, Candidate[]>, usedWhole: Set<SyntaxNode>): void {
  for (const anchor of usedWhole) for (const c of byAnchor.get(anchor) ?? []) c.fragmentOwner = undefined;
}

function annotationFor(model: FileModel, c: Candidate): PromptAnnotation | undefined {
  if (!model.comments.size) return undefined;
  const lines = new Set<number>();
  const startLine = model.lines.lineOf(c.expr.root.start);
  lines.add(startLine - 1);
  lines.add(model.lines.lineOf(c.statement.start) - 1);
  const trailing = model.comments.get(startLine);
  for (const line of lines) {
    const comment = model.comments.get(line);
    const parsed = comment && parseAnnotation(comment);
    if (parsed) return parsed;
  }
  if (trailing) return parseAnnotation(trailing) ?? undefined;
  return undefined;
}

/** A single string literal without code interpolation (`"{question}"`, not `f"{q}"` or a template literal with `${}`). */
function isPlainTemplateLiteral(model: FileModel, node: SyntaxNode): boolean {
  if (!isStringLiteral(node)) return false;
  if (node.children.some((ch) => ch.type === 'interpolation' || ch.type === 'template_substitution')) return false;
  return !/^[rRbBuU]*[fF]/.test(text(model.source, node));
}

function staticText(parts: DetectedPrompt['parts']): string {
  let out = '';
  for (const p of parts) out += p.kind === 'text' ? p.text : ' ';
  return out;
}

/** Console markup (Rich `[bold yellow]…[/]`): text for a terminal, not a model. */
const RICH_MARKUP = /\[(?:bold|italic|dim|underline|red|green|yellow|blue|cyan|magenta|white)\b[^\]\n]*\][\s\S]*\[\/[a-z ]*\]/;
/** Calls that show a question to a person at a terminal or in a browser. */
const HUMAN_INPUT_CALLEES = new SuffixTable<true>(
  ['input', 'raw_input', 'console.input', 'Prompt.ask', 'Confirm.ask', 'IntPrompt.ask', 'click.prompt', 'click.confirm', 'typer.prompt', 'questionary.text', 'questionary.confirm', 'questionary.select', 'rl.question', 'readline.question', 'window.prompt', 'inquirer.prompt', 'getpass']
    .map((c): [string, true] => [c, true]),
);

/**
 * A question for a person at a terminal or in a form, by its wording: `"prompt": "Enter your AWS region (press Enter
 * to skip)"` in a CLI's setup table. A model is not asked to "enter your" anything.
 */
const HUMAN_QUESTION = /^\s*(?:please\s+)?(?:enter|type|input|paste)\s+(?:your|the|an?)\b|\((?:press|hit) enter\b|[[(]y\/n[\])]/i;

/** `prompt = "..."; answer = console.input(prompt)`: a question for a person, whatever the name says. */
function askedOfHuman(model: FileModel, binding: Binding): boolean {
  for (const last of ['input', 'ask', 'prompt', 'confirm', 'question', 'text', 'select', 'raw_input', 'getpass']) {
    for (const call of model.callsNamed(last)) {
      if (!HUMAN_INPUT_CALLEES.matches(model.writtenCalleePath(call)).length) continue;
      const first = callArguments(model.source, call).positional[0];
      if (first && first.type === 'identifier' && text(model.source, first) === binding.name) return true;
    }
  }
  return false;
}

const NEGATIVE_TAGS = /^(?:sql|html|css|gql|graphql|svg|md|markdown|json|xml|styled|keyframes|createGlobalStyle|injectGlobal|\w+\.\w+)$/;

/**
 * Name evidence for a candidate: its own name, or for an attribute of a class named for prompts (`class
 * CoderPrompts: files_content_prefix = "…"`) that class's name, when the attribute's own name says nothing against it.
 */
function candidateNameKind(model: FileModel, c: Candidate, name: string | undefined): ReturnType<typeof nameEvidence> {
  const own = nameEvidence(name);
  if ((own !== 'none' && own !== 'weak') || c.context.kind !== 'binding' || c.context.keys.length) return own;
  return promptClassOf(model, c.context.binding) ? 'prompt' : own;
}

/** The class a class attribute belongs to, when the class's name ends in a prompt word (`EditBlockPrompts`). */
function promptClassOf(model: FileModel, binding: Binding): string | undefined {
  if (!CLASS_TYPES.has(binding.scope.type) || binding.member) return undefined;
  const cls = declaredName(model.source, binding.scope);
  const last = cls ? nameWords(cls).pop() : undefined;
  return last && PROMPT_WORDS.has(last) ? cls : undefined;
}

/** Evidence for strings that reach no known sink; returns the signals, or undefined when not a prompt. */
function heuristicSignals(model: FileModel, c: Candidate, name: string | undefined, textValue: string): { signals: DetectionSignal[]; confidence: number; role: PromptRole } | undefined {
  const line = model.lines.lineOf(c.expr.root.start);
  if (c.context.kind === 'negative' || c.context.kind === 'docstring') return undefined;
  if (c.context.kind === 'call') {
    if (NON_PROMPT_TABLE.matches(model.writtenCalleePath(c.context.call)).length) return undefined;
  }
  if (c.expr.foreignTag && NEGATIVE_TAGS.test(c.expr.foreignTag)) return undefined;
  if (nonPromptContent(textValue)) return undefined;
  const nameKind = candidateNameKind(model, c, name);
  if (nameKind === 'negative') return undefined;
  if (RICH_MARKUP.test(textValue)) return undefined;
  if (c.context.kind === 'binding' && askedOfHuman(model, c.context.binding)) return undefined;
  if (HUMAN_QUESTION.test(textValue) && textValue.length < 200) return undefined;
  const content = contentEvidence(textValue);
  const words = wordCount(textValue);
  const length = textValue.trim().length;
  const signals: DetectionSignal[] = [];
  const cueText = content.cues.slice(0, 2).map((q) => `"${q}"`).join(', ');
  const role = roleFromName(name);
  if (nameKind === 'prompt' && (content.score >= 1 || (words >= 6 && length >= 40))) {
    const promptClass = nameEvidence(name) !== 'prompt' && c.context.kind === 'binding' ? promptClassOf(model, c.context.binding) : undefined;
    signals.push({ kind: 'name', detail: promptClass ? `attribute ${name} of ${promptClass}` : `bound to ${name}`, line });
    if (content.score) signals.push({ kind: 'content', detail: `reads like an instruction (${cueText})`, line });
    return { signals, confidence: content.score >= 2 ? 0.85 : content.score ? 0.75 : 0.6, role };
  }
  if (nameKind === 'template' && content.score >= 2 && words >= 5) {
    signals.push({ kind: 'name', detail: `bound to ${name}`, line }, { kind: 'content', detail: `reads like an instruction (${cueText})`, line });
    return { signals, confidence: 0.7, role };
  }
  if (nameKind === 'weak' && content.score >= 3 && words >= 8) {
    signals.push({ kind: 'name', detail: `bound to ${name}`, line }, { kind: 'content', detail: `reads like an instruction (${cueText})`, line });
    return { signals, confidence: 0.65, role };
  }
  const strong = content.score >= 4 || (content.score >= 3 && /^\s*(?:you are|your task|act as|i want you)/i.test(textValue));
  if (strong && length >= 80 && words >= 12) {
    signals.push({ kind: 'content', detail: `reads like an instruction (${cueText})`, line });
    return { signals, confidence: 0.55, role };
  }
  return undefined;
}

/** Cheap pre-checks before building parts for a string that reached nothing known. */
function worthHeuristics(model: FileModel, c: Candidate): boolean {
  if (c.context.kind === 'negative' || c.context.kind === 'docstring') return false;
  const kind = candidateNameKind(model, c, candidateName(model, c));
  if (kind === 'negative') return false;
  // Content alone needs 80 characters; with a weak or no name, shorter source cannot qualify.
  return kind === 'prompt' || kind === 'template' || c.expr.root.end - c.expr.root.start >= 40;
}

/** The name that describes a string: its innermost object key, keyword, or the variable it (or the call wrapping it) is bound to. */
function candidateName(model: FileModel, c: Candidate): string | undefined {
  if (c.context.kind === 'binding') return c.context.keys[0] ?? c.context.binding.name;
  if (c.context.kind === 'call') {
    const named = c.context.keys[0] ?? c.context.argName;
    if (named) return named;
    const parent = c.context.call.parent;
    const bound = parent?.binding as Binding | undefined;
    return bound && bound.value === c.context.call ? bound.name : undefined;
  }
  if (c.context.kind === 'none') return c.context.keys[0];
  return undefined;
}

/** One request per outermost sink call: `generate_content(config=GenerateContentConfig(system_instruction=…))`. */
function requestIdOf(model: FileModel, file: string, call: SyntaxNode, sink: SinkDefinition): string {
  let outer = call;
  let outerSink = sink;
  let node = call;
  for (let depth = 0; node.parent && depth < 8; depth++) {
    const p: SyntaxNode = node.parent;
    if (CALL_TYPES.has(p.type) && node.field !== 'function') {
      const s = model.sinkOf(p);
      if (s) { outer = p; outerSink = s; }
    } else if (!(p.type === 'argument_list' || p.type === 'arguments' || p.type === 'keyword_argument' || p.type === 'pair' || DICT_TYPES.has(p.type) || LIST_TYPES.has(p.type))) break;
    node = p;
  }
  return `${file}#${outerSink.id}@${model.lines.lineOf(outer.start) + 1}`;
}

/** The list literal a message belongs to: its parent, or for `messages.append({...})` the list bound to `messages`. */
function messageListOf(model: FileModel, container: SyntaxNode): SyntaxNode | undefined {
  const parent = container.parent;
  if (!parent) return undefined;
  if (LIST_TYPES.has(parent.type)) return parent;
  const call = parent.type === 'argument_list' || parent.type === 'arguments' ? parent.parent : undefined;
  const growth = call?.binding as Binding | undefined;
  if (!call || !growth || growth.node !== call) return undefined;
  const list = model.resolve(growth.name, growth.member, call).find((b) => LIST_TYPES.has(b.value.type));
  return list?.value;
}

// ---------------------------------------------------------------- stable ids

/**
 * The part of a prompt's id after `#`, built only from where the prompt is written (its binding or sink call, the
 * enclosing functions and classes, the dict keys and list positions that lead to it), so that adding or moving an
 * unrelated prompt leaves it unchanged. Repeats of one id (a ternary's two branches, two calls to the same sink in
 * one function) get `~2`, `~3` in document order: counted only among prompts of that same qualified id.
 */
function idTail(model: FileModel, c: Candidate, name: string | undefined, lead: Candidate = c): string {
  const root = c.expr.root;
  if (c.context.kind === 'binding') {
    const { symbol, value } = c.context.binding;
    return value === root ? symbol : symbol + pathText(structuralPath(model, root, value));
  }
  if (c.context.kind === 'call') {
    const call = c.context.call;
    const growth = call.binding as Binding | undefined;
    // `messages.append({...})`: one more value of `messages`, named after it.
    if (growth && growth.node === call) return growth.symbol + (c.message ? `.${c.message.role}` : '');
    if (c.reach && c.reach.call === call) {
      const arg = c.reach.arg;
      let segments = structuralPath(model, root, undefined);
      const label = arg.name ?? c.context.argName ?? String(c.context.argIndex ?? arg.position ?? 0);
      // Found through a nested key (`config={"system_instruction": …}`): the path below that key.
      const cut = arg.name !== undefined && arg.name !== c.context.argName ? segments.findIndex((s) => s === `.${arg.name}`) : -1;
      if (cut >= 0) segments = segments.slice(cut + 1);
      const tail = `${c.reach.sink.id}.${label}${pathText(segments)}`;
      // `writer = ChatPromptTemplate.from_messages(…)`, `r = await client.chat.completions.create(…)`: named by the binding.
      const bound = bindingOfValue(call);
      return bound ? `${bound.symbol}.${tail}` : qualified(model, call, tail);
    }
  }
  if (c.context.kind === 'docstring') return qualified(model, root, 'docstring');
  // Reached through another piece (a merged prompt): named after how that piece reaches the model.
  const reach = c.reach ?? lead.reach;
  const message = c.message ?? lead.message;
  const tail = reach
    ? `${reach.sink.id}.${message?.role ?? reach.arg.name ?? reach.arg.position ?? 'prompt'}`
    : message
      ? `messages.${message.role}`
      : name ?? 'prompt';
  return qualified(model, root, tail);
}

/** The binding whose whole value is `node` (through `await` and parentheses), if any. */
function bindingOfValue(node: SyntaxNode): Binding | undefined {
  let n = node;
  while (n.parent && PAREN_TYPES.has(n.parent.type)) n = n.parent;
  const bound = n.parent?.binding as Binding | undefined;
  return bound && bound.value === n && !isAppend(bound.node) ? bound : undefined;
}

/** `tail` prefixed with the names of the functions and classes around `node` (`Router.route.…`). */
function qualified(model: FileModel, node: SyntaxNode, tail: string): string {
  const names: string[] = [];
  for (let n = node.parent; n; n = n.parent) {
    if (!FUNCTION_TYPES.has(n.type) && !CLASS_TYPES.has(n.type)) continue;
    const owner = declaredName(model.source, n) ?? callbackName(model, n);
    if (owner) names.push(owner);
  }
  return names.length ? `${names.reverse().join('.')}.${tail}` : tail;
}

/**
 * A name for an anonymous function passed to a call: the callee's last name and a short literal first argument
 * (`app.post("/api/chat", async (req, res) => …)` → `post:/api/chat`), so that two route handlers differ.
 */
function callbackName(model: FileModel, fn: SyntaxNode): string | undefined {
  const args = fn.parent;
  const call = args?.parent;
  if (!args || !call || (args.type !== 'arguments' && args.type !== 'argument_list') || !CALL_TYPES.has(call.type)) return undefined;
  const method = model.writtenCalleePath(call).at(-1);
  if (!method) return undefined;
  const first = namedChildren(args)[0];
  const route = first && first !== fn ? stringValue(model.source, first) : undefined;
  return route && /^[\w/.:{}*-]{1,60}$/.test(route) ? `${method}:${route}` : method;
}

/**
 * The dict keys (`.summarize`) and list positions (`[1]`) from `top` (a binding's value; a call argument when
 * undefined) down to `node`, outermost first. Message wrappers add nothing: the `content` of a role/content object
 * and the text of a `("system", text)` pair are that message.
 */
function structuralPath(model: FileModel, node: SyntaxNode, top: SyntaxNode | undefined): string[] {
  const segments: string[] = [];
  let n = node;
  for (let guard = 0; n !== top && n.parent && guard < 64; guard++) {
    const p: SyntaxNode = n.parent;
    if (p.type === 'pair') {
      if (n.field === 'key') break;
      // A property of an object passed as the call's argument is the argument itself (`{ messages: [...] }`).
      if (!top && p.parent && isArgumentObject(p.parent)) break;
      const key = keyName(model.source, childByField(p, 'key'));
      if (key && !MESSAGE_TEXT_KEYS.includes(key)) segments.push(`.${key}`);
    } else if (p.type === 'keyword_argument' && p.parent?.parent && isDictCall(model, p.parent.parent)) {
      const name = childByField(p, 'name');
      const key = name && text(model.source, name);
      if (key && !MESSAGE_TEXT_KEYS.includes(key)) segments.push(`.${key}`);
    } else if ((p.type === 'argument_list' && p.parent && isDictCall(model, p.parent)) || isDictCall(model, p)) {
      // `dict(…)`'s argument list and the call itself: a dict literal's braces.
    } else if (LIST_TYPES.has(p.type)) {
      const index = itemIndex(p, n);
      const pairText = index === 1 && p.children.length <= 7 && messagePairRole(model, p) !== undefined;
      if (!pairText && index >= 0) segments.push(`[${index}]`);
    } else if (!(DICT_TYPES.has(p.type) || PAREN_TYPES.has(p.type) || p.type === 'spread_element' || p.type === 'dictionary_splat'
      || p.type === 'conditional_expression' || p.type === 'ternary_expression' || p.type === 'boolean_operator'
      || ((p.type === 'binary_expression') && ['||', '??', '&&'].includes(operatorOf(p) ?? '')))) {
      break;
    }
    n = p;
  }
  return segments.reverse();
}

/** Position of `item` among the items of `list`; the positions of a list are computed once (a list of 4,000 messages). */
function itemIndex(list: SyntaxNode, item: SyntaxNode): number {
  // A short list is counted directly (no map per list on every analysis).
  if (list.children.length <= 64) {
    let i = 0;
    for (const c of list.children) {
      if (c === item) return i;
      if (c.named && c.type !== 'comment') i++;
    }
    return -1;
  }
  let positions = ITEM_POSITIONS.get(list);
  if (!positions) {
    positions = new Map();
    let i = 0;
    for (const c of list.children) if (c.named && c.type !== 'comment') positions.set(c, i++);
    ITEM_POSITIONS.set(list, positions);
  }
  return positions.get(item) ?? -1;
}

/** Kept with the list node (a reused statement's lists keep their items). */
const ITEM_POSITIONS = new WeakMap<SyntaxNode, Map<SyntaxNode, number>>();

/** An object/dict whose properties are a call's keywords: `f({ … })`, `f(**{ … })`, `f({ ...{ … } })`. */
function isArgumentObject(dict: SyntaxNode): boolean {
  let n = dict;
  for (let depth = 0; n.parent && depth < 3; depth++) {
    const p: SyntaxNode = n.parent;
    if (p.type === 'arguments' || p.type === 'argument_list') return true;
    if (p.type !== 'dictionary_splat' && p.type !== 'spread_element' && !DICT_TYPES.has(p.type)) return false;
    n = p;
  }
  return false;
}

function pathText(segments: string[]): string {
  return segments.join('');
}

/**
 * The expression's parts: decoding, offset maps and placeholders depend only on the expression's own text, the
 * mode and the language, so a statement kept across an edit reuses them, shifted when text moved before it.
 */
function partsOf(c: Candidate, source: string, language: SourceLanguage, mode: PartMode): PromptPart[] {
  const start = c.expr.root.start;
  const memo = c.base.parts;
  if (memo && memo.mode === mode && memo.language === language) {
    if (memo.start === start) return memo.parts;
    const parts = shiftedParts(memo.parts, start - memo.start);
    c.base.parts = { mode, language, start, parts };
    return parts;
  }
  const parts = expressionParts(c.expr, source, { language, mode });
  c.base.parts = { mode, language, start, parts };
  return parts;
}

/** Copies of `parts` moved by `delta` (same keys in the same order, so they serialise like fresh ones). */
function shiftedParts(parts: PromptPart[], delta: number): PromptPart[] {
  return parts.map((part) => {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(part)) {
      if (key === 'span') copy.span = { start: part.span.start + delta, end: part.span.end + delta };
      else if (key === 'offsets') copy.offsets = (value as number[]).map((o) => o + delta);
      else copy[key] = value;
    }
    return copy as unknown as PromptPart;
  });
}

/** The parts of one candidate in the placeholder mode its uses call for. */
function candidateParts(c: Candidate, source: string, language: SourceLanguage): PromptPart[] {
  const mode = c.expr.modes.has('format') || c.formatBraces ? 'format' : c.printf ? 'printf' : 'template';
  return partsOf(c, source, language, mode);
}

/**
 * Evidence for a merged prompt that reaches nothing known. With a prompt-like name the whole text counts; else one
 * piece must read like a prompt on its own: cues that only appear across two pieces (`p = "…you are"`,
 * `p += " an expert…"`) are not read by the pre-filter (`prefilter.ts`), which must never skip a file with a prompt.
 */
function groupHeuristics(model: FileModel, group: PieceGroup, name: string | undefined, value: string, language: SourceLanguage): ReturnType<typeof heuristicSignals> {
  const kind = nameEvidence(name);
  if (kind === 'prompt' || kind === 'template') return heuristicSignals(model, group.members[0], name, value);
  for (const m of group.members) {
    const found = heuristicSignals(model, m, name, staticText(candidateParts(m, model.source, language)));
    if (found) return found;
  }
  return undefined;
}

/** `p += x` (Python and JS/TS). */
function isAppend(node: SyntaxNode): boolean {
  return (node.type === 'augmented_assignment' || node.type === 'augmented_assignment_expression') && operatorOf(node) === '+=';
}

/** Several candidates that make one prompt: `p += …` pieces, or the pieces of a list that is joined. */
interface PieceGroup {
  /** The merged candidates; the first names the prompt. */
  members: Candidate[];
  /** The text in order: candidates, and parts we add ourselves (a join's separator, a piece that is not a string). */
  order: (Candidate | PromptPart[])[];
  start: number;
  end: number;
}

/**
 * `prompt = "You are…"; prompt += f"\nContext: {ctx}"; prompt += "Answer briefly."`: the pieces of one variable in
 * one scope, in order, are one prompt. A plain re-assignment starts a new prompt; a piece inside an `if` or a loop
 * counts. Likewise `parts = ["You are…"]; parts.append(f"…"); "\n".join(parts)` (and `lines.push(…)`,
 * `lines.join("\n")`): one prompt named by the join, with the separator between pieces. `pieces` maps the candidate
 * that names each prompt to its group; `followers` are the other members.
 */
function concatenationPieces(model: FileModel, byAnchor: Map<SyntaxNode, Candidate[]>): { pieces: Map<Candidate, PieceGroup>; followers: Set<Candidate> } {
  const pieces = new Map<Candidate, PieceGroup>();
  const followers = new Set<Candidate>();
  if (!model.pieceCandidates) return { pieces, followers };
  const appended: Candidate[] = [];
  const joins: Candidate[] = [];
  for (const c of model.pieceCandidates) (c.context.kind === 'binding' && isAppend(c.context.binding.node) ? appended : joins).push(c);
  /** The candidate that is the whole value of a binding (or of a growth call's argument). */
  const wholeValue = (anchor: SyntaxNode, value: SyntaxNode) => byAnchor.get(anchor)?.find((c) => c.expr.root === value);
  for (const c of appended) {
    if (followers.has(c) || pieces.has(c)) continue;
    const b = (c.context as { binding: Binding }).binding;
    const list = model.resolve(b.name, b.member, b.node);
    let at = list.lastIndexOf(b);
    if (at < 0) continue;
    // Back to the binding that starts this run of `+=` (a plain assignment, or the first `+=`).
    let guard = 0;
    while (at > 0 && isAppend(list[at].node) && guard++ < 500) at--;
    const group: Candidate[] = [];
    const order: (Candidate | PromptPart[])[] = [];
    let start = Infinity;
    let end = -1;
    for (let j = at; j < list.length; j++) {
      const binding = list[j];
      if (j > at && !isAppend(binding.node)) break;
      const piece = wholeValue(binding.node, binding.value);
      // `prompt += history`: a value that is not a string is still part of what is sent (a placeholder).
      if (piece) group.push(piece);
      order.push(piece ?? [valuePlaceholder(model, binding.value)]);
      start = Math.min(start, binding.value.start);
      end = Math.max(end, binding.value.end);
    }
    if (order.length < 2 || group.length === 0) continue;
    pieces.set(group[0], { members: group, order, start, end });
    for (const piece of group.slice(1)) followers.add(piece);
  }
  for (const c of joins) {
    const found = joinedValues(model, c.expr.root);
    const group = found && joinGroup(model, c, found, wholeValue);
    if (!group) continue;
    pieces.set(c, group);
    for (const piece of group.members.slice(1)) followers.add(piece);
  }
  return { pieces, followers };
}

/** `sep.join(name)` (Python) or `name.join(sep)` (JS) with a literal separator: the list name and the separator. */
function joinedList(model: FileModel, call: SyntaxNode): { list: SyntaxNode; separator: SyntaxNode } | undefined {
  const callee = calleeOf(call);
  if (!callee || (callee.type !== 'attribute' && callee.type !== 'member_expression')) return undefined;
  const method = childByField(callee, 'attribute') ?? childByField(callee, 'property');
  if (!method || text(model.source, method) !== 'join') return undefined;
  const receiver = childByField(callee, 'object');
  const args = childByField(call, 'arguments');
  const first = args ? namedChildren(args)[0] : undefined;
  if (!receiver || !first) return undefined;
  const [list, separator] = isStringLiteral(receiver) ? [first, receiver] : [receiver, first];
  return list.type === 'identifier' && isStringLiteral(separator) ? { list, separator } : undefined;
}

/**
 * The values of the list a join reads, when the file shows all of them: the last plain binding before the join is
 * a list literal, and after it only `append`/`push` add to it.
 */
/** Pieces of one joined list followed at most (linear work; a generated file may push thousands). */
const MAX_JOINED_PIECES = 20_000;

/** The pieces of a joined list: each value with the binding node its candidate anchors to. */
interface JoinedValues {
  values: { node: SyntaxNode; anchor: SyntaxNode }[];
  separator: SyntaxNode;
  start: number;
}

function joinedValues(model: FileModel, root: SyntaxNode): JoinedValues | undefined {
  const { list, separator } = joinedList(model, root)!;
  const bindings = model.resolve(text(model.source, list), false, root).filter((b) => b.node.start < root.start);
  const grown: Binding[] = [];
  let start: Binding | undefined;
  for (let i = bindings.length - 1; i >= 0 && i >= bindings.length - MAX_JOINED_PIECES; i--) {
    const b = bindings[i];
    if (CALL_TYPES.has(b.node.type)) {
      const path = model.writtenCalleePath(b.node);
      if (path[path.length - 1] !== 'append' && path[path.length - 1] !== 'push') return undefined;
      grown.push(b);
      continue;
    }
    start = b;
    break;
  }
  if (!start || !LIST_TYPES.has(start.value.type)) return undefined;
  const first = start;
  const values = [...namedChildren(first.value).map((node) => ({ node, anchor: first.node })), ...grown.reverse().map((b) => ({ node: b.value, anchor: b.node }))];
  return { values, separator, start: first.value.start };
}

/** One prompt from a joined list: its pieces with the separator between them; pieces that are not strings are placeholders. */
function joinGroup(model: FileModel, join: Candidate, found: JoinedValues, wholeValue: (anchor: SyntaxNode, value: SyntaxNode) => Candidate | undefined): PieceGroup | undefined {
  const root = join.expr.root;
  const { values, separator } = found;
  const members: Candidate[] = [join];
  const order: (Candidate | PromptPart[])[] = [];
  const sepParts = expressionParts({ root: separator, modes: new Set() }, model.source, { language: model.language, mode: 'template' });
  for (const value of values) {
    if (order.length) order.push(sepParts);
    const piece = wholeValue(value.anchor, value.node);
    if (piece && piece !== join) {
      members.push(piece);
      order.push(piece);
    } else {
      order.push([valuePlaceholder(model, value.node)]);
    }
  }
  if (members.length < 2) return undefined;
  return { members, order, start: Math.min(found.start, root.start), end: root.end };
}

/** A piece of a merged prompt that is not a string (`prompt += history`, `parts.append(rules)`): a placeholder. */
function valuePlaceholder(model: FileModel, node: SyntaxNode): PromptPart {
  const written = text(model.source, node).replace(/\s+/g, ' ').trim();
  return { kind: 'placeholder', name: written.length > 80 ? written.slice(0, 77) + '...' : written, syntax: 'expr', span: { start: node.start, end: node.end }, source: text(model.source, node) };
}

function buildPrompts(model: FileModel, candidates: Candidate[], byAnchor: Map<SyntaxNode, Candidate[]>, options: CodeDetectionOptions): DetectedPrompt[] {
  const file = options.fileName.replace(/\\/g, '/');
  const prompts: DetectedPrompt[] = [];
  const usedIds = new Map<string, number>();
  /** Binding node or expression → id of the prompt built from it, to name the prompt a fragment belongs to. */
  const idByNode = new Map<SyntaxNode, string>();
  const fragments: [DetectedPrompt, SyntaxNode][] = [];
  let defaultModel: ModelReference | undefined | null = null;
  const { pieces, followers } = concatenationPieces(model, byAnchor);
  for (const head of candidates) {
    if (followers.has(head)) continue;
    const group = pieces.get(head);
    const members = group?.members;
    // `p = "…"; p += "…"`: one prompt; what reached a sink or message speaks for all of its pieces.
    const c = members?.find((m) => m.signals.length) ?? head;
    const annotation = annotationFor(model, head);
    if (annotation?.ignore) continue;
    if (!annotation && !c.signals.length && !(members ? members.some((m) => (m.base.worth ??= worthHeuristics(model, m))) : (head.base.worth ??= worthHeuristics(model, head)))) continue;
    const parts = group
      ? group.order.flatMap((m) => (Array.isArray(m) ? m : candidateParts(m, model.source, options.language))).filter((p) => p.kind !== 'text' || p.text)
      : candidateParts(c, model.source, options.language);
    const value = staticText(parts);
    if (!parts.some((p) => p.kind === 'text' && p.text.trim())) {
      // A message whose whole text is a placeholder (`("human", "{question}")`) is still one message of the request.
      // Only a plain literal: `SYSTEM + "\n" + extra` or `f"{a} {b}"` are made of other values, counted on their own.
      const placeholderMessage = c.message && c.signals.length && isPlainTemplateLiteral(model, c.expr.root) && parts.some((p) => p.kind === 'placeholder');
      if (!placeholderMessage) continue;
    }
    const name = candidateName(model, head);
    let signals = c.signals;
    let confidence = c.confidence;
    let role = c.role;
    const strongSignal = signals.length > 0;
    if (!strongSignal) {
      const heuristic = group ? groupHeuristics(model, group, name, value, options.language) : heuristicSignals(model, head, name, value);
      if (heuristic) {
        signals = heuristic.signals;
        confidence = heuristic.confidence;
        role = heuristic.role;
      }
    } else if (head.context.kind === 'negative') {
      signals = [];
    }
    const forced = annotation && !annotation.ignore;
    if (forced) {
      signals = [{ kind: 'annotation', detail: 'marked with a prompt-cost comment', line: model.lines.lineOf(head.expr.root.start) - 1 }, ...signals];
      confidence = 1;
    }
    if (!signals.length) continue;
    if (!forced && !c.reach && (!c.message || c.messageOnly) && nonPromptContent(value) && signals.every((s) => s.kind !== 'sink')) continue;
    // A value only inserted into a larger prompt (`color = "white"` in `f"You play {color}"`) is data unless it reads as text.
    const onlyPiece = members ? members.every((m) => m.fragmentOwner) : c.fragmentOwner !== undefined;
    if (!forced && onlyPiece && !c.message && parts.every((p) => p.kind === 'text') && nonPromptContent(value) && signals.every((s) => s.kind !== 'sink')) continue;
    // Console markup is for a terminal; only a direct sink argument overrides that.
    if (!forced && RICH_MARKUP.test(value) && signals.every((s) => s.kind !== 'sink')) continue;

    const binding = head.context.kind === 'binding' ? head.context.binding : undefined;
    const symbol = binding?.symbol;
    const call = c.reach?.call;
    let modelRef: ModelReference | undefined = annotation?.model ? { name: annotation.model, source: 'annotation' } : undefined;
    if (!modelRef && call) modelRef = modelAtCall(model, call, c.reach?.sink);
    // A template / chain sink: the chat model it is piped or passed into. Provider SDK calls name their model.
    const chainSink = !call || c.reach!.sink.provider === 'langchain' || c.reach!.sink.provider === 'llamaindex' || c.reach!.sink.provider === 'dspy';
    if (!modelRef && call && chainSink) modelRef = linkedChatModel(model, call);
    if (!modelRef && chainSink) {
      if (defaultModel === null) defaultModel = soleFileModel(model);
      modelRef = defaultModel;
    }
    const baseId = `${file}#${idTail(model, head, name, c)}`;
    const seen = usedIds.get(baseId) ?? 0;
    usedIds.set(baseId, seen + 1);
    const listNode = c.message && messageListOf(model, c.message.container);
    const id = seen ? `${baseId}~${seen + 1}` : baseId;
    if (binding && !idByNode.has(binding.node)) idByNode.set(binding.node, id);
    idByNode.set(head.expr.root, id);
    if (members) {
      for (const m of members) {
        if (m.context.kind === 'binding' && !idByNode.has(m.context.binding.node)) idByNode.set(m.context.binding.node, id);
        idByNode.set(m.expr.root, id);
      }
    }

    prompts.push({
      id,
      language: options.language,
      span: group ? { start: group.start, end: group.end } : { start: head.expr.root.start, end: head.expr.root.end },
      role: role ?? 'unknown',
      signals,
      confidence,
      parts,
      textTransform: members && members.some((m) => m.expr.transform !== head.expr.transform) ? undefined : head.expr.transform,
      symbol,
      model: modelRef,
      callParams: call ? callParameters(model, call) : {},
      requestId: call
        ? requestIdOf(model, file, call, c.reach!.sink)
        : listNode && LIST_TYPES.has(listNode.type)
          ? `${file}#messages@${model.lines.lineOf(listNode.start) + 1}`
          : undefined,
      annotation,
    });
    const fragmentOwner = members ? members.every((m) => m.fragmentOwner) && members[0].fragmentOwner : c.fragmentOwner;
    if (fragmentOwner) fragments.push([prompts[prompts.length - 1], fragmentOwner]);
  }
  for (const [prompt, owner] of fragments) {
    const ownerId = idByNode.get(owner);
    if (ownerId && ownerId !== prompt.id) prompt.fragmentOf = ownerId;
  }
  return prompts;
}
