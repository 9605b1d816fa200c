// Sinks: the candidates that are a sink argument directly, and the seeds of flow (sink calls, message objects
// with a named content, functions under a prompt decorator).
import type { PromptRole } from '../../types';
import { MESSAGE_TEXT_KEYS, PROMPT_DOCSTRING_BASES, PROMPT_FUNCTION_DECORATORS, type SinkArgument, type SinkDefinition } from '../sinks';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, CLASS_TYPES, calleeOf, declaredName, dottedPath, text } from '../syntaxShapes';
import { SINK_TABLE } from './calleeTables';
import type { FileModel } from './fileModel';
import type { MessageShape } from './contexts';
import { roleArgument, isUiMessage } from './messages';
import type { Candidate } from './candidates';
import { PROMPT_CLASS_FIELDS } from '../moreFrameworkSinks';

/** `class Helper(Role): goal: str = "…"`: a field the framework renders into the agent's prompt (`PROMPT_CLASS_FIELDS`). */
function promptClassField(model: FileModel, c: Candidate): { name: string; base: string; role: PromptRole } | undefined {
  if (c.context.kind !== 'binding' || c.context.keys.length) return undefined;
  const binding = c.context.binding;
  if (binding.member || !CLASS_TYPES.has(binding.scope.type) || binding.value !== c.expr.root) return undefined;
  for (const row of PROMPT_CLASS_FIELDS) {
    const role = Object.prototype.hasOwnProperty.call(row.fields, binding.name) ? row.fields[binding.name] : undefined;
    if (!role || !model.mentions(row.module)) continue;
    const bases = childByField(binding.scope, 'superclasses');
    const written = bases ? namedChildren(bases).map((b) => text(model.source, b)) : [];
    const base = row.bases.find((b) => written.some((w) => w === b || w.endsWith(`.${b}`)));
    if (base) return { name: binding.name, base, role };
  }
  return undefined;
}

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

export function sinkDetail(model: FileModel, call: SyntaxNode, arg: SinkArgument, argName: string | undefined, message?: MessageShape): string {
  const callee = model.calleeText(call);
  if (message && arg.shape === 'messages') return `sent as a ${message.role} message to ${callee}`;
  const name = argName ?? arg.name;
  if (name) return model.language === 'python' ? `passed as ${name}= to ${callee}` : `passed as ${name} to ${callee}`;
  return `passed as argument ${(arg.position ?? 0) + 1} to ${callee}`;
}

export function applySinks(model: FileModel, candidates: Candidate[]): void {
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
    if (c.context.kind === 'binding') {
      const field = promptClassField(model, c);
      if (field) {
        c.signals.push({ kind: 'sink', detail: `${field.name} of a ${field.base} subclass (rendered into its system prompt)`, line: model.lines.lineOf(c.expr.root.start) });
        c.role = field.role;
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
export const MESSAGE_PSEUDO_SINK: SinkDefinition = { id: 'messages', provider: 'unknown', callees: [], arguments: [] };

/** The calls that can be sinks, in document order (the table lookup by last name is cached per statement). */
export function sinkCallCandidates(model: FileModel): SyntaxNode[] {
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
export function promptFunctions(model: FileModel): { definition: SyntaxNode; decorator: SyntaxNode; role: PromptRole }[] {
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
