// The sink table (sinks.ts) asked by the fact extractor: which known LLM call a dotted callee is, with the same
// qualifiers the per-file detector applies (module mentioned in the file, receiver names).
import { NON_PROMPT_CALLEES, SINKS, type SinkDefinition } from '../sinks';
import { pathEndsWith } from '../syntaxShapes';

const BY_LAST = new Map<string, { suffix: string; sink: SinkDefinition }[]>();
for (const sink of SINKS) {
  for (const suffix of sink.callees) {
    const last = suffix.slice(suffix.lastIndexOf('.') + 1);
    const list = BY_LAST.get(last) ?? [];
    list.push({ suffix, sink });
    BY_LAST.set(last, list);
  }
}

const NON_PROMPT = new Set(NON_PROMPT_CALLEES);

export function matchSink(path: string[], source: string): SinkDefinition | undefined {
  const list = path.length ? BY_LAST.get(path[path.length - 1]) : undefined;
  if (!list) return undefined;
  const matches = list.filter((e) => pathEndsWith(path, e.suffix)).map((e) => e.sink);
  const own = matches.findIndex((m) => m.requiresModule?.includes(path[0]));
  if (own > 0) matches.unshift(...matches.splice(own, 1));
  for (const sink of matches) {
    if (sink.requiresModule && !sink.requiresModule.some((m) => source.includes(m))) continue;
    if (sink.excludeReceivers && path.length > 1 && sink.excludeReceivers.test(path[path.length - 2])) continue;
    if (sink.receivers && !(path.length > 1 && sink.receivers.test(path[path.length - 2]))) continue;
    return sink;
  }
  return undefined;
}

/** Logging, errors, CLI text…: their arguments never reach a model. */
export function isNonPromptCallee(path: string[]): boolean {
  if (!path.length) return true;
  return NON_PROMPT.has(path.join('.')) || (path.length === 1 && NON_PROMPT.has(path[0])) || (path.length >= 2 && NON_PROMPT.has(path.slice(-2).join('.')));
}
