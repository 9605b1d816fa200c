// The sink table (sinks.ts, indexed in code/calleeTables.ts) asked by the fact extractor: which known LLM call a
// dotted callee is, with the qualifiers the per-file detector applies (module mentioned in the file, receivers).
import { NON_PROMPT_TABLE, SINK_TABLE } from '../code/calleeTables';
import type { SinkDefinition } from '../sinks';

export function matchSink(path: string[], source: string): SinkDefinition | undefined {
  const matches = SINK_TABLE.matches(path);
  // As the per-file detector: a sink whose module is the receiver itself (`ollama.chat`) goes first.
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
  return !path.length || NON_PROMPT_TABLE.matches(path).length > 0;
}
