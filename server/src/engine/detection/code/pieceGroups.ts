// Pieces: `p += …` / `p = p + …` runs and joined lists (`"\n".join(parts)` after `parts.append(…)`) merged into one
// prompt. What carries text from piece to whole is data (code/propagators.ts).
import type { PromptPart } from '../../types';
import { expressionParts } from '../stringExpressions';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, LIST_TYPES, PAREN_TYPES, calleeOf, isStringLiteral, operatorOf, text } from '../syntaxShapes';
import type { Binding } from './bindings';
import type { FileModel } from './fileModel';
import type { Candidate } from './candidates';
import { candidateParts, valuePlaceholder } from './promptParts';
import { APPEND_OPERATORS, CONCAT_OPERATORS, LIST_GROWTH, LIST_SPREAD_TYPES } from './propagators';

/** `p += x` (Python and JS/TS). */
export function isAppend(node: SyntaxNode): boolean {
  return (node.type === 'augmented_assignment' || node.type === 'augmented_assignment_expression') && APPEND_OPERATORS.has(operatorOf(node) ?? '');
}

const PLAIN_ASSIGNMENTS = new Set(['assignment', 'assignment_expression']);
const CONCAT_TYPES = new Set(['binary_operator', 'binary_expression']);

/**
 * `p = p + "…"` (or `p = p + "…" + x`): the plain-assignment spelling of `p += …`. Returns the operand that reads the
 * old value (the leftmost one, written exactly as the target), so the piece is what follows it.
 */
export function selfConcatenation(source: string, node: SyntaxNode): SyntaxNode | undefined {
  if (!PLAIN_ASSIGNMENTS.has(node.type)) return undefined;
  const target = childByField(node, 'left');
  let operand = childByField(node, 'right');
  if (!target || !operand) return undefined;
  let guard = 0;
  while (operand && CONCAT_TYPES.has(operand.type) && CONCAT_OPERATORS.has(operatorOf(operand) ?? '') && guard++ < 1000) operand = childByField(operand, 'left');
  while (operand && PAREN_TYPES.has(operand.type) && guard++ < 1000) operand = namedChildren(operand)[0];
  if (!operand || operand === childByField(node, 'right')) return undefined;
  return text(source, operand) === text(source, target) ? operand : undefined;
}

/** A binding that adds to the text its name already holds: `p += …` or `p = p + …`. */
export function isTextGrowth(source: string, node: SyntaxNode): boolean {
  return isAppend(node) || selfConcatenation(source, node) !== undefined;
}

/** Several candidates that make one prompt: `p += …` pieces, or the pieces of a list that is joined. */
export interface PieceGroup {
  /** The merged candidates; the first names the prompt. */
  members: Candidate[];
  /**
   * The text in order: candidates, and parts we add ourselves (a join's separator, a piece that is not a string, the
   * piece of `p = p + "…"` without its leading `p`).
   */
  order: (Candidate | PromptPart[])[];
  start: number;
  end: number;
  /** Every binding or growth call the text is made at (a piece that is a name, `p = BASE`, has no candidate there). */
  anchors: SyntaxNode[];
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
  for (const c of model.pieceCandidates) (c.context.kind === 'binding' && isTextGrowth(model.source, c.context.binding.node) ? appended : joins).push(c);
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
    while (at > 0 && isTextGrowth(model.source, list[at].node) && guard++ < 500) at--;
    const group: Candidate[] = [];
    const order: (Candidate | PromptPart[])[] = [];
    const anchors: SyntaxNode[] = [];
    let start = Infinity;
    let end = -1;
    for (let j = at; j < list.length; j++) {
      const binding = list[j];
      if (j > at && !isTextGrowth(model.source, binding.node)) break;
      anchors.push(binding.node);
      const piece = wholeValue(binding.node, binding.value);
      // `prompt += history`: a value that is not a string is still part of what is sent (a placeholder).
      if (piece) group.push(piece);
      const self = j > at ? selfConcatenation(model.source, binding.node) : undefined;
      if (self) order.push(afterSelf(model, binding.value, self, piece));
      else order.push(piece ?? [valuePlaceholder(model, binding.value)]);
      start = Math.min(start, binding.value.start);
      end = Math.max(end, binding.value.end);
    }
    if (order.length < 2 || group.length === 0) continue;
    pieces.set(group[0], { members: group, order, start, end, anchors });
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

/**
 * The piece of `p = p + "…" + x`: the value's parts after the operand that reads `p` (that operand is the text
 * merged so far, not a placeholder). Without a string in it (`p = p + history`), the rest is one placeholder.
 */
function afterSelf(model: FileModel, value: SyntaxNode, self: SyntaxNode, piece: Candidate | undefined): PromptPart[] {
  if (piece) return candidateParts(piece, model.source, model.language).filter((p) => p.span.start >= self.end);
  const right = CONCAT_TYPES.has(value.type) ? childByField(value, 'right') : undefined;
  return [valuePlaceholder(model, right && childByField(value, 'left') === self ? right : value)];
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
 * a list literal, and after it only growth that adds at the end (`LIST_GROWTH`, `parts += [...]`) changes it.
 * Spread items (`[...intro, "…"]`) stand for the items of the list literal bound to that name.
 */
function joinedValues(model: FileModel, root: SyntaxNode): JoinedValues | undefined {
  const { list, separator } = joinedList(model, root)!;
  const bindings = model.resolve(text(model.source, list), false, root).filter((b) => b.node.start < root.start);
  const grown: JoinedValues['values'][] = [];
  let start: Binding | undefined;
  for (let i = bindings.length - 1; i >= 0 && i >= bindings.length - MAX_JOINED_PIECES; i--) {
    const b = bindings[i];
    if (CALL_TYPES.has(b.node.type)) {
      const path = model.writtenCalleePath(b.node);
      const growth = LIST_GROWTH.get(path[path.length - 1]);
      if (growth === 'item') grown.push(callArgumentValues(b.node).map((node) => ({ node, anchor: b.node })));
      else if (growth === 'items') grown.push(listItems(model, b.value, b.node));
      else return undefined;
      continue;
    }
    if (isAppend(b.node)) {
      grown.push(listItems(model, b.value, b.node));
      continue;
    }
    start = b;
    break;
  }
  if (!start || !LIST_TYPES.has(start.value.type)) return undefined;
  const values = [...listItems(model, start.value, start.node), ...grown.reverse().flat()];
  // A spread list's items can sit above the list itself: the prompt's span runs from the first piece.
  return { values, separator, start: values.reduce((min, v) => Math.min(min, v.node.start), start.value.start) };
}

/** Every argument of `lines.push(a, b)` (Python `append` takes one). */
function callArgumentValues(call: SyntaxNode): SyntaxNode[] {
  const args = childByField(call, 'arguments');
  return args ? namedChildren(args).filter((a) => a.type !== 'comment') : [];
}

/**
 * The items of a list literal with the binding node their candidates anchor to; a spread item (`...intro`) is the
 * items of the list literal its name is bound to (one level, one binding). Any other value is one piece.
 */
function listItems(model: FileModel, value: SyntaxNode, anchor: SyntaxNode): JoinedValues['values'] {
  if (!LIST_TYPES.has(value.type)) return [{ node: value, anchor }];
  const out: JoinedValues['values'] = [];
  for (const node of namedChildren(value)) {
    if (node.type === 'comment') continue;
    const spread = LIST_SPREAD_TYPES.has(node.type) ? namedChildren(node)[0] : undefined;
    const bound = spread?.type === 'identifier' ? model.resolve(text(model.source, spread), false, spread) : [];
    const source = bound.length === 1 && LIST_TYPES.has(bound[0].value.type) && bound[0].node.start < value.start ? bound[0] : undefined;
    if (source) for (const item of namedChildren(source.value)) out.push({ node: item, anchor: source.node });
    else out.push({ node, anchor });
  }
  return out;
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
  return { members, order, start: Math.min(found.start, root.start), end: root.end, anchors: [...new Set(values.map((v) => v.anchor))] };
}
