// Call-site parameters: numbers such as `max_tokens` on the call or dicts spread into it (`**params`,
// `{ ...OPTS }`), and the keywords those spreads add; reasoning settings, tool definitions and cache_control read by
// ../requestParameters.ts through a small context; the params dict of a batch request standing for its call.
import type { CallParameters, ModelReference } from '../../types';
import { batchParamsOf, requestParameters, type ParameterContext } from '../requestParameters';
import { CALL_PARAMETER_NAMES } from '../sinks';
import { namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, DICT_TYPES, PAREN_TYPES, callArguments, text, type CallArguments } from '../syntaxShapes';
import type { Binding } from './bindings';
import type { FileModel } from './fileModel';
import { callSiteOf } from './callSite';
import { dictEntries } from './messages';
import { resolveModelExpression } from './modelResolution';

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
export function spreadKeywords(model: FileModel, call: SyntaxNode, args: CallArguments): Map<string, SpreadKeyword> | undefined {
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
export function keywordsWithSpreads(model: FileModel, call: SyntaxNode, args: CallArguments): Map<string, SyntaxNode> {
  const spread = spreadKeywords(model, call, args);
  if (!spread?.size) return args.keywords;
  const all = new Map(args.keywords);
  for (const [key, entry] of spread) all.set(key, entry.value);
  return all;
}

/** The value a name has at `site` in this file: its last binding before it (else its last one). */
function boundValue(model: FileModel, name: string, site: SyntaxNode): SyntaxNode | undefined {
  const bindings = model.resolve(name, false, site);
  const before = bindings.filter((b) => b.node.start < site.start);
  const list = before.length ? before : bindings;
  return list[list.length - 1]?.value;
}

/** What requestParameters.ts needs of the file model: text, name resolution, a call's or dict's entries. */
function parameterContext(model: FileModel): ParameterContext {
  return {
    source: model.source,
    resolve: (name, site) => boundValue(model, name, site),
    entriesOf: (n) => (CALL_TYPES.has(n.type) ? keywordsWithSpreads(model, n, callArguments(model.source, n)) : dictEntries(model, n)),
  };
}

/**
 * A message list inside a batch request (`messages.batches.create(requests=[{ params }])`, an OpenAI Batch line's
 * `body`): its params dict stands for the call — model, parameters, batch rate — and names the request.
 */
export function batchRequest(model: FileModel, file: string, list: SyntaxNode): { modelRef?: ModelReference; callParams: CallParameters; requestId: string } | undefined {
  const batch = batchParamsOf(list, model.source);
  if (!batch) return undefined;
  const modelNode = parameterContext(model).entriesOf(batch.params).get('model');
  return {
    modelRef: modelNode && resolveModelExpression(model, modelNode, batch.params),
    callParams: { ...callParameters(model, batch.params), batch: { written: batch.written } },
    requestId: `${file}#batch@${model.lines.lineOf(batch.params.start) + 1}`,
  };
}

export function callParameters(model: FileModel, call: SyntaxNode): CallParameters {
  // Reasoning, tool definitions and cache_control breakpoints (requestParameters.ts).
  const params: CallParameters = requestParameters(call, parameterContext(model));
  const queue: { node: SyntaxNode; depth: number }[] = [{ node: call, depth: 0 }];
  const keys: string[] = [];
  while (queue.length) {
    const { node, depth } = queue.shift()!;
    const args = CALL_TYPES.has(node.type) ? keywordsWithSpreads(model, node, callArguments(model.source, node)) : dictEntries(model, node);
    for (const [name, value] of args) {
      keys.push(name);
      const param = CALL_PARAMETER_NAMES[name];
      if (param && params[param] === undefined) {
        const n = numberValue(model, value, call);
        if (n !== undefined) params[param] = n;
      } else if (depth < 2 && (CALL_TYPES.has(value.type) || DICT_TYPES.has(value.type))) {
        queue.push({ node: value, depth: depth + 1 });
      }
    }
  }
  // Where the arguments are written, for rules that add one (a batch line's params dict is no call).
  const site = CALL_TYPES.has(call.type) ? callSiteOf(model, call, keys) : undefined;
  if (site) params.site = site;
  return params;
}

/** An object/dict whose properties are a call's keywords: `f({ … })`, `f(**{ … })`, `f({ ...{ … } })`. */
export function isArgumentObject(dict: SyntaxNode): boolean {
  let n = dict;
  for (let depth = 0; n.parent && depth < 3; depth++) {
    const p: SyntaxNode = n.parent;
    if (p.type === 'arguments' || p.type === 'argument_list') return true;
    if (p.type !== 'dictionary_splat' && p.type !== 'spread_element' && !DICT_TYPES.has(p.type)) return false;
    n = p;
  }
  return false;
}
