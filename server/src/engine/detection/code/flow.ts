// Flow: a worklist from each sink argument through names, bindings, dict entries, function returns and call-site
// arguments of parameters passed whole; marks what it reaches (no recursion, bounded steps).
import { childByField, type SyntaxNode } from '../syntaxMirror';
import { DICT_TYPES, callArguments, declaredName, parameterNames, targetName, text } from '../syntaxShapes';
import type { Binding } from './bindings';
import { enclosingFunction } from './scopes';
import type { FileModel } from './fileModel';
import { isNonTextField } from './contexts';
import { dictEntries, roleOfMessageDict, roleArgument, messageDictsWithNamedContent } from './messages';
import type { Candidate, Reach } from './candidates';
import { spreadKeywords } from './callParameters';
import { type NameUse, namesIn, returnedValues } from './nameUses';
import { sinkDetail, MESSAGE_PSEUDO_SINK, sinkCallCandidates, promptFunctions } from './sinkReach';
import { isTextGrowth } from './pieceGroups';

/** `owner`: the binding whose value `expr` is; `outer`: the texts that value is inserted into, nearest first. */
// `piece`: the value is one piece of a `p += …` run, so a name in it (`p = BASE; p += STRICT`) is inserted text.
export interface FlowWork { expr: SyntaxNode; reach: Reach; owner?: SyntaxNode; outer?: SyntaxNode[]; piece?: boolean }

interface SpreadReach { binding: Binding; key: string; reach: Reach }

export function applyFlow(model: FileModel, byAnchor: Map<SyntaxNode, Candidate[]>, candidates: Candidate[]): void {
  let byRoot: Map<SyntaxNode, Candidate> | undefined;
  const work: FlowWork[] = [];
  const spreadReaches: SpreadReach[] = [];
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
      // A function where the call expects text (`dynamicSystemPromptMiddleware(async (state) => \`…\`)`): the
      // framework calls it for the text, so what it returns is sent.
      const returned = arg.shape === 'text' ? returnedValues(value) : undefined;
      if (returned) {
        byRoot ??= new Map(candidates.map((c) => [c.expr.root, c]));
        for (const r of returned) {
          const c = byRoot.get(r);
          if (c && !c.signals.length) {
            c.signals.push({ kind: 'flow', detail: `returned by a function ${detail}`, line });
            c.reach = reach;
            c.role ??= reach.role;
            c.confidence = Math.max(c.confidence, 0.9);
          }
          work.push({ expr: r, reach });
        }
        continue;
      }
      work.push({ expr: value, reach });
    }
  }
  runFlow(model, byAnchor, candidates, work, spreadReaches);
}

/**
 * The worklist: from each item, the names its value is made of, their bindings, dict entries, function returns and
 * the call-site arguments of parameters passed whole. Marks the candidates it reaches (no recursion, bounded steps).
 */
export function runFlow(model: FileModel, byAnchor: Map<SyntaxNode, Candidate[]>, candidates: Candidate[], work: FlowWork[], spreadReaches: SpreadReach[] = [], skip: Iterable<SyntaxNode> = []): void {
  let byRoot: Map<SyntaxNode, Candidate> | undefined;
  const visited = new Set<SyntaxNode>(skip);
  const visitedGroups = new Set<Binding[]>();
  const visitedParams = new Set<string>();
  /** Bindings used whole somewhere (not only inserted into a larger text): never fragments. */
  const usedWhole = new Set<SyntaxNode>();
  /** Binding groups already given a further reach, per sink call (each pair is looked at once). */
  const sharedCalls = new Map<Binding[], Set<SyntaxNode>>();
  const sharedOnce = (bindings: Binding[], call: SyntaxNode): boolean => {
    const calls = sharedCalls.get(bindings) ?? new Set<SyntaxNode>();
    sharedCalls.set(bindings, calls);
    if (calls.has(call)) return false;
    calls.add(call);
    return true;
  };
  const markCandidates = (anchor: SyntaxNode, reach: Reach, name: string, filter?: (c: Candidate) => boolean, fill?: NameUse['fill']) => {
    for (const c of byAnchor.get(anchor) ?? []) {
      if (filter && !filter(c)) continue;
      if (fill === 'printf') c.printf = true;
      if (fill === 'format') c.formatBraces = true;
      if (c.signals.some((s) => s.kind === 'flow' || s.kind === 'sink')) {
        addReach(c, reach);
        continue;
      }
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
      if (reach.assembledInto !== undefined) {
        // A piece of a prompt that reaches no call here: it is text (a flow signal), with no request of its own.
        c.signals.push({ kind: 'flow', detail: `${name} is ${reach.detail}`, line: reach.line });
        c.role ??= reach.role;
        c.assembled = true;
        c.confidence = Math.max(c.confidence, 0.7);
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
    const { expr, reach, owner, outer, piece } = work.pop()!;
    for (const use of namesIn(model, expr)) {
      const useReach = use.role && !reach.role ? { ...reach, role: use.role } : reach;
      if (use.element) {
        // One text per item (`f"- {r}" for r in rules`, `rules.map((r) => …)`): a piece of the text it is joined into.
        byRoot ??= new Map(candidates.map((c) => [c.expr.root, c]));
        const c = byRoot.get(unparenthesized(use.element));
        if (!c || c.signals.some((s) => s.kind === 'flow' || s.kind === 'sink')) continue;
        c.signals.push({ kind: 'flow', detail: use.choice ? `a text chosen by a condition is ${useReach.detail}` : `each item's text is ${useReach.detail}`, line: useReach.line });
        if (use.choice) c.choice = true;
        if (useReach.assembledInto === undefined) c.reach ??= useReach;
        else c.assembled = true;
        c.role ??= useReach.role ?? (useReach.arg.shape === 'text' ? useReach.arg.role : undefined);
        c.confidence = Math.max(c.confidence, 0.85);
        if (!c.fragmentOwner) {
          c.fragmentOwner = owner ?? expr;
          c.outerOwners = outer;
          c.fills = { placeholder: ownerName(owner) };
        }
        continue;
      }
      // Filled into a template (`TEMPLATE.format(examples=EXAMPLES)`): part of the template's prompt, not of the binding
      // that holds the filled-in result (which is no prompt of its own).
      const fragmentOf = use.embedded || piece ? templateOwner(model, use) ?? owner ?? expr : undefined;
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
        // Already followed from another call: the text is sent by this call too (one more request, same text). Only
        // for a name bound a few times (a constant), once per call: minified code re-binds `p` thousands of times.
        const shared = !fragmentOf && !useReach.messageOnly && useReach.assembledInto === undefined && bindings.length <= MAX_SHARED_BINDINGS && sharedOnce(bindings, useReach.call);
        if (visitedGroups.has(bindings)) {
          if (shared) for (const b of bindings) for (const c of byAnchor.get(b.node) ?? []) addReach(c, useReach);
          continue;
        }
        visitedGroups.add(bindings);
        for (let i = 0; i < bindings.length; i++) {
          const b = bindings[i];
          if (visited.has(b.node)) {
            if (shared) for (const c of byAnchor.get(b.node) ?? []) addReach(c, useReach);
            continue;
          }
          visited.add(b.node);
          markCandidates(b.node, useReach, b.symbol, undefined, use.fill);
          if (fragmentOf) {
            for (const c of byAnchor.get(b.node) ?? []) {
              if (c.fragmentOwner) continue;
              c.fragmentOwner = fragmentOf;
              c.fills = use.fills && fragmentOf !== owner && fragmentOf !== expr ? { placeholder: use.fills.placeholder } : undefined;
            }
          }
          // The texts this value ends up in, nearest first (`bullets` → the `system` that inserts it).
          const above = !fragmentOf ? [] : fragmentOf === owner ? [fragmentOf, ...(outer ?? [])] : [fragmentOf];
          const inRun = isTextGrowth(model.source, b.node) || (i + 1 < bindings.length && isTextGrowth(model.source, bindings[i + 1].node));
          work.push({ expr: b.value, reach: useReach, owner: b.node, outer: above, piece: inRun });
        }
        continue;
      }
      // A parameter passed whole (`def ask(prompt): … content=prompt`): follow the arguments of calls to the
      // function. Parameters only placed inside a larger prompt carry data, not prompt text.
      // Not for the pieces of a prompt found by its name (its parameters' arguments are data passed in).
      let fn = use.embedded || use.called || reach.assembledInto !== undefined ? undefined : enclosingFunction(use.site);
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

/** Bindings of one name beyond which a further call's reach is not recorded (a constant is bound once or twice). */
const MAX_SHARED_BINDINGS = 8;

/** Most further calls one text records (a constant sent from a loop of generated calls stays bounded). */
const MAX_MORE_REACHES = 32;

/**
 * A text already marked as sent by one call and reached again from another sink call: that call is one more request
 * of the same text (priced per request by the cost layer). Message-only reaches name no call, so they add none.
 */
function addReach(c: Candidate, reach: Reach): void {
  // A piece assembled into a prompt names no call either (its `call` is that prompt's binding).
  if (reach.messageOnly || reach.assembledInto !== undefined || !c.reach || c.reach.messageOnly || c.reach.assembledInto !== undefined || c.reach.call === reach.call) return;
  const more = (c.moreReaches ??= []);
  if (more.length < MAX_MORE_REACHES && !more.some((r) => r.call === reach.call)) more.push(reach);
}

/** Candidates that were also used whole somewhere are prompts in their own right, not fragments. */
function clearWholeUses(byAnchor: Map<SyntaxNode, Candidate[]>, usedWhole: Set<SyntaxNode>): void {
  for (const anchor of usedWhole) for (const c of byAnchor.get(anchor) ?? []) c.fragmentOwner = undefined;
}

/** The binding of the template a filled-in value is placed into: the last one written before the fill. */
function templateOwner(model: FileModel, use: NameUse): SyntaxNode | undefined {
  const template = use.fills?.template;
  if (!template) return undefined;
  const object = template.type === 'attribute' || template.type === 'member_expression' ? childByField(template, 'object') : undefined;
  const own = object ? OWN_RECEIVERS.has(text(model.source, object)) : false;
  const target = template.type === 'identifier' ? { name: text(model.source, template), member: false } : own ? targetName(model.source, template) : undefined;
  if (!target) return undefined;
  const bindings = model.resolve(target.name, own, template);
  let found: Binding | undefined;
  for (const b of bindings) if (b.node.start < use.site.start || !found) found = b;
  return found?.node;
}

const OWN_RECEIVERS = new Set(['self', 'this', 'cls']);

function unparenthesized(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let guard = 0; n.type === 'parenthesized_expression' && guard < 100; guard++) n = n.children.find((c) => c.named) ?? n;
  return n;
}

/** The name a binding node binds (the placeholder its value fills where it is used). */
function ownerName(owner: SyntaxNode | undefined): string | undefined {
  return (owner?.binding as Binding | undefined)?.name;
}
