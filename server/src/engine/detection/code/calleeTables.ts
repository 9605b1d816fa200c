// Callee tables indexed by last name: which sink, non-prompt call or chat-model constructor a dotted callee
// ends with (`self.client.chat.completions.create` → the `chat.completions.create` sink row).
import { MODEL_CONSTRUCTORS, NON_PROMPT_CALLEES, SINKS, type SinkDefinition } from '../sinks';
import { pathEndsWith } from '../syntaxShapes';

/** Finds which of `names` (dotted suffixes) a callee path ends with, looking only at those sharing its last name. */
export class SuffixTable<T> {
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

export const SINK_TABLE = new SuffixTable<SinkDefinition>(SINKS.flatMap((sink) => sink.callees.map((c): [string, SinkDefinition] => [c, sink])));

export const NON_PROMPT_TABLE = new SuffixTable<true>(NON_PROMPT_CALLEES.map((c): [string, true] => [c, true]));

export const MODEL_CONSTRUCTOR_TABLE = new SuffixTable<true>(MODEL_CONSTRUCTORS.map((c): [string, true] => [c, true]));
