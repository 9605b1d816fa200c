// Which `prompt-cost:` annotation belongs to a prompt, and when an annotation may make a string a prompt. A comment
// above a call describes that call's request (`# prompt-cost: calls=20000/day output=300` above a one-line
// `client.chat.completions.create(model=…, messages=[…])`): its volume and output apply to the prompts the call
// sends, wherever their text is written, and the call's model name, role words and keys never become prompts.
import type { PromptAnnotation } from '../../types';
import { parseAnnotation } from '../annotations';
import { MODEL_ARGUMENT_NAMES } from '../sinks';

/** Comment lines looked through above a line: the annotation may sit above another comment (a note, a label). */
const MAX_COMMENT_LINES = 4;

/** The annotation in the run of comment lines directly above `line` (0-based), nearest first. */
export function annotationAbove(comments: ReadonlyMap<number, string>, line: number): PromptAnnotation | undefined {
  for (let l = line - 1; l >= 0 && l >= line - MAX_COMMENT_LINES; l--) {
    const comment = comments.get(l);
    if (comment === undefined) return undefined;
    const parsed = parseAnnotation(comment);
    if (parsed) return parsed;
  }
  return undefined;
}

/** The parts of a candidate's context that decide whether an annotation can force it. */
export type AnnotatedContext =
  | { kind: 'negative'; reason: string }
  | { kind: 'call'; argName?: string }
  | { kind: 'binding' | 'docstring' | 'none' };

/**
 * Whether an annotation above a string makes it a prompt without other evidence. `prompt-cost: prompt` does, except
 * for a model argument, a role word or a key; `calls=`/`output=`/`model=` alone only for a string that is the value
 * of its statement (`SYSTEM = "…"`, `return "…"`), not for the arguments of a call (they describe the call).
 */
export function annotationForces(annotation: PromptAnnotation, context: AnnotatedContext): boolean {
  if (annotation.ignore) return false;
  if (context.kind === 'negative' && /^(?:dictionary key|message role|value of ")/.test(context.reason)) return false;
  if (context.kind === 'call' && context.argName !== undefined && MODEL_ARGUMENT_NAMES.includes(context.argName)) return false;
  if (annotation.force) return true;
  return context.kind !== 'call' && context.kind !== 'negative';
}

/** A prompt's own annotation, completed by the one above the call that sends it (volume, output, model). */
export function withCallAnnotation(own: PromptAnnotation | undefined, call: PromptAnnotation | undefined): PromptAnnotation | undefined {
  if (!call || own?.ignore) return own;
  const merged: PromptAnnotation = { ...own };
  if (merged.callsPerDay === undefined && call.callsPerDay !== undefined) merged.callsPerDay = call.callsPerDay;
  if (merged.outputTokens === undefined && call.outputTokens !== undefined) merged.outputTokens = call.outputTokens;
  if (merged.model === undefined && call.model !== undefined) merged.model = call.model;
  return own || merged.callsPerDay !== undefined || merged.outputTokens !== undefined || merged.model !== undefined ? merged : undefined;
}
