// Pieces: `p += …` runs and joined lists (`"\n".join(parts)` after `parts.append(…)`) merged into one prompt.
import type { PromptPart } from '../../types';
import { expressionParts } from '../stringExpressions';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, LIST_TYPES, calleeOf, isStringLiteral, operatorOf, text } from '../syntaxShapes';
import type { Binding } from './bindings';
import type { FileModel } from './fileModel';
import type { Candidate } from './candidates';
import { valuePlaceholder } from './promptParts';

/** `p += x` (Python and JS/TS). */
export function isAppend(node: SyntaxNode): boolean {
  return (node.type === 'augmented_assignment' || node.type === 'augmented_assignment_expression') && operatorOf(node) === '+=';
}

/** Several candidates that make one prompt: `p += …` pieces, or the pieces of a list that is joined. */
export interface PieceGroup {
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
export function concatenationPieces(model: FileModel, byAnchor: Map<SyntaxNode, Candidate[]>): { pieces: Map<Candidate, PieceGroup>; followers: Set<Candidate> } {
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
export function joinedList(model: FileModel, call: SyntaxNode): { list: SyntaxNode; separator: SyntaxNode } | undefined {
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

/** Pieces of one joined list followed at most (linear work; a generated file may push thousands). */
const MAX_JOINED_PIECES = 20_000;

/** The pieces of a joined list: each value with the binding node its candidate anchors to. */
interface JoinedValues {
  values: { node: SyntaxNode; anchor: SyntaxNode }[];
  separator: SyntaxNode;
  start: number;
}

/**
 * The values of the list a join reads, when the file shows all of them: the last plain binding before the join is
 * a list literal, and after it only `append`/`push` add to it.
 */
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
