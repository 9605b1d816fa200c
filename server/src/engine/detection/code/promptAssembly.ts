// Assembly: turns the marked candidates into `DetectedPrompt`s (annotations, heuristics fallback, pieces,
// model, call parameters, ids, request grouping, fragments).
import type { CallParameters, DetectedPrompt, ModelReference, PromptAnnotation, RequestUse } from '../../types';
import { parseAnnotation } from '../annotations';
import { nonPromptContent, wordCount } from '../heuristics';
import type { SyntaxNode } from '../syntaxMirror';
import { LIST_TYPES } from '../syntaxShapes';
import type { FileModel } from './fileModel';
import type { Candidate, Reach } from './candidates';
import { enclosingObjectModel, modelAtCall, linkedChatModel, soleFileModel } from './modelResolution';
import { batchRequest, callParameters } from './callParameters';
import { RICH_MARKUP, heuristicSignals, worthHeuristics, candidateName, groupHeuristics } from './classification';
import { requestIdOf, messageListOf, idTail } from './promptIds';
import { candidateParts, staticText, isPlainTemplateLiteral } from './promptParts';
import { concatenationPieces } from './pieceGroups';
import { annotationAbove, annotationForces, withCallAnnotation } from './callAnnotations';
import { executorModel } from './executorModel';
import { statementOf } from './scopes';
import type { CodeDetectionOptions } from '../codeDetector';

function annotationFor(model: FileModel, c: Candidate): PromptAnnotation | undefined {
  if (!model.comments.size) return undefined;
  const startLine = model.lines.lineOf(c.expr.root.start);
  const above = annotationAbove(model.comments, startLine) ?? annotationAbove(model.comments, model.lines.lineOf(c.statement.start));
  if (above) return above;
  const trailing = model.comments.get(startLine);
  if (trailing) return parseAnnotation(trailing) ?? undefined;
  return undefined;
}

export function buildPrompts(model: FileModel, candidates: Candidate[], byAnchor: Map<SyntaxNode, Candidate[]>, options: CodeDetectionOptions): DetectedPrompt[] {
  const file = options.fileName.replace(/\\/g, '/');
  const prompts: DetectedPrompt[] = [];
  const usedIds = new Map<string, number>();
  // A call's parameters (tool schemas included) are read once for all the messages it sends.
  const paramsByCall = new Map<SyntaxNode, CallParameters>();
  const paramsOf = (call: SyntaxNode): CallParameters => {
    let params = paramsByCall.get(call);
    if (!params) paramsByCall.set(call, (params = callParameters(model, call)));
    return { ...params };
  };
  /** Binding node or expression → id of the prompt built from it, to name the prompt a fragment belongs to. */
  const idByNode = new Map<SyntaxNode, string>();
  const fragments: [DetectedPrompt, SyntaxNode[], Candidate['fills']][] = [];
  let defaultModel: ModelReference | undefined | null = null;
  const { pieces, followers } = concatenationPieces(model, byAnchor);
  for (const head of candidates) {
    if (followers.has(head)) continue;
    const group = pieces.get(head);
    const members = group?.members;
    // `p = "…"; p += "…"`: one prompt; what reached a sink or message speaks for all of its pieces.
    const c = members?.find((m) => m.signals.length) ?? head;
    let annotation = annotationFor(model, head);
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
    const forced = annotation !== undefined && annotationForces(annotation, head.context);
    if (forced) {
      signals = [{ kind: 'annotation', detail: 'marked with a prompt-cost comment', line: model.lines.lineOf(head.expr.root.start) - 1 }, ...signals];
      confidence = 1;
    }
    if (!signals.length) continue;
    if (!forced && !c.reach && (!c.message || c.messageOnly) && nonPromptContent(value) && signals.every((s) => s.kind !== 'sink')) continue;
    // A value only inserted into a larger prompt (`color = "white"` in `f"You play {color}"`) is data unless it reads as text.
    const onlyPiece = members ? members.every((m) => m.fragmentOwner) : c.fragmentOwner !== undefined;
    if (!forced && onlyPiece && !c.message && parts.every((p) => p.kind === 'text') && nonPromptContent(value) && signals.every((s) => s.kind !== 'sink')) continue;
    // A per-item or filled-in text without a letter of its own (`f"[{i + 1}] {s}"`) formats data: its placeholder stays an estimate.
    // A Markdown bullet per item (`- ${c.name}: ${c.docs}`) is a line of the prompt's list, letters or not.
    const bullet = /^\s*[-*•]\s/.test(value);
    if (!forced && onlyPiece && !bullet && (members ? members[0] : c).fills && !/\p{L}/u.test(value)) continue;
    // One choice of text inside a prompt (`x || "unknown"`) that is a single word is a value, not a sentence.
    if (!forced && onlyPiece && c.choice && wordCount(value) < 2) continue;
    // A piece of a prompt found only by its name needs a word of its own (`\`${name}\``, "` or `" format values).
    if (!forced && onlyPiece && (members ? members.every((m) => m.assembled) : c.assembled) && !bullet && !/\p{L}{3}/u.test(value)) continue;
    // Console markup is for a terminal; only a direct sink argument overrides that.
    if (!forced && RICH_MARKUP.test(value) && signals.every((s) => s.kind !== 'sink')) continue;

    const binding = head.context.kind === 'binding' ? head.context.binding : undefined;
    const symbol = binding?.symbol;
    // A text several calls send: its own request is the first call in the file (the flow meets them in any order).
    if (c.reach && c.moreReaches?.length) {
      const all = [c.reach, ...c.moreReaches].sort((a, b) => a.call.start - b.call.start);
      c.reach = all[0];
      c.moreReaches = all.slice(1);
    }
    const call = c.reach?.call;
    const ownAnnotation = annotation;
    // The annotation above the call that sends this text describes its request too.
    if (call && model.comments.size) annotation = withCallAnnotation(annotation, annotationAbove(model.comments, model.lines.lineOf(statementOf(call).start)));
    let modelRef: ModelReference | undefined = annotation?.model ? { name: annotation.model, source: 'annotation' } : undefined;
    if (!modelRef && call) modelRef = modelAtCall(model, call, c.reach?.sink);
    if (!modelRef && call) modelRef = executorModel(model, call, c.reach!.sink);
    const listNode = c.message && messageListOf(model, c.message.container);
    // A message list inside a batch request: its `params` / `body` dict is the call (model, parameters, batch rate).
    const batch = !call && listNode ? batchRequest(model, file, listNode) : undefined;
    if (!modelRef && batch?.modelRef) modelRef = batch.modelRef;
    // No known sink: the request or options object the text is written in may still name the model.
    if (!modelRef && !call) modelRef = enclosingObjectModel(model, head.expr.root);
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
    const id = seen ? `${baseId}~${seen + 1}` : baseId;
    if (binding && !idByNode.has(binding.node)) idByNode.set(binding.node, id);
    idByNode.set(head.expr.root, id);
    if (group) for (const anchor of group.anchors) if (!idByNode.has(anchor)) idByNode.set(anchor, id);
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
      callParams: call ? paramsOf(call) : batch ? batch.callParams : {},
      requestId: call
        ? requestIdOf(model, file, call, c.reach!.sink)
        : batch
          ? batch.requestId
          : listNode && LIST_TYPES.has(listNode.type)
          ? `${file}#messages@${model.lines.lineOf(listNode.start) + 1}`
          : undefined,
      annotation,
    });
    if (call && c.moreReaches?.length) {
      const more = moreRequests(model, file, c.moreReaches, prompts[prompts.length - 1].requestId, ownAnnotation, paramsOf);
      if (more.length) prompts[prompts.length - 1].moreRequests = more;
    }
    const fragmentOwner = members ? members.every((m) => m.fragmentOwner) && members[0].fragmentOwner : c.fragmentOwner;
    const owning = members ? members[0] : c;
    if (fragmentOwner) fragments.push([prompts[prompts.length - 1], owning.fills ? [fragmentOwner, ...(owning.outerOwners ?? [])] : [fragmentOwner], owning.fills]);
  }
  const byId = fragments.length ? new Map(prompts.map((p) => [p.id, p])) : undefined;
  for (const [prompt, owners, fills] of fragments) {
    const ownerId = owners.map((o) => idByNode.get(o)).find((id) => id !== undefined) ?? (fills ? promptWithin(prompts, owners[owners.length - 1], fills.placeholder, prompt) : undefined);
    if (!ownerId || ownerId === prompt.id) continue;
    if (fills) {
      // Filled into a template: a fragment only when the template's placeholder for it is known (cost sizes that
      // placeholder with this text); otherwise the text stays counted on its own (as `{{rules}}` escaped by `.format`).
      const slots = byId!.get(ownerId)!.parts.filter((p) => p.kind === 'placeholder');
      const placeholders = slots.map((p) => p.name);
      // Named by the code (`examples=`), or the placeholder written around this text (`{rules.map((r) => …).join()}`).
      const name = fills.placeholder !== undefined && placeholders.includes(fills.placeholder)
        ? fills.placeholder
        : slots.find((p) => p.span.start <= prompt.span.start && prompt.span.end <= p.span.end)?.name;
      if (!name && !(prompt.symbol && placeholders.includes(prompt.symbol))) continue;
      if (name && name !== prompt.symbol) prompt.fills = name;
    }
    prompt.fragmentOf = ownerId;
  }
  return prompts;
}

/**
 * The further calls that send a prompt's text (one constant used by two calls, maybe to two models): each is one
 * more request of the same text, with its own model, parameters and the annotation above it. A call inside the
 * prompt's own request (a nested sink) adds nothing.
 */
function moreRequests(
  model: FileModel,
  file: string,
  reaches: readonly Reach[],
  primary: string | undefined,
  own: PromptAnnotation | undefined,
  paramsOf: (call: SyntaxNode) => CallParameters,
): RequestUse[] {
  const out: RequestUse[] = [];
  const seen = new Set(primary ? [primary] : []);
  for (const reach of reaches) {
    const requestId = requestIdOf(model, file, reach.call, reach.sink);
    if (seen.has(requestId)) continue;
    seen.add(requestId);
    const annotation = model.comments.size ? withCallAnnotation(own, annotationAbove(model.comments, model.lines.lineOf(statementOf(reach.call).start))) : own;
    const chainSink = reach.sink.provider === 'langchain' || reach.sink.provider === 'llamaindex' || reach.sink.provider === 'dspy';
    const modelRef: ModelReference | undefined = annotation?.model
      ? { name: annotation.model, source: 'annotation' }
      : modelAtCall(model, reach.call, reach.sink) ?? executorModel(model, reach.call, reach.sink) ?? (chainSink ? linkedChatModel(model, reach.call) ?? soleFileModel(model) : undefined);
    out.push({
      requestId,
      site: `${file}:${reach.line + 1}`,
      ...(modelRef ? { model: modelRef } : {}),
      callParams: paramsOf(reach.call),
      ...(annotation ? { annotation } : {}),
    });
  }
  return out;
}

/**
 * The one prompt inside `node` (a message list a sink reads) with the placeholder `name` (or, unnamed, the placeholder
 * written around `piece`): where a per-item text is joined when the flow met it through the list, not a named text.
 */
function promptWithin(prompts: DetectedPrompt[], node: SyntaxNode, name: string | undefined, piece: DetectedPrompt): string | undefined {
  const fits = (x: DetectedPrompt['parts'][number]) => x.kind === 'placeholder' && (name !== undefined ? x.name === name : x.span.start <= piece.span.start && piece.span.end <= x.span.end);
  const found = prompts.filter((p) => p !== piece && !p.fragmentOf && node.start <= p.span.start && p.span.end <= node.end && p.parts.some(fits));
  return found.length === 1 ? found[0].id : undefined;
}
