// Small hand-written prompts for the cost tests (shaped like the detector's output).
import type { DetectedPrompt, PromptPart } from '../../server/src/engine/types';

let offset = 0;
export function text(value: string): PromptPart {
  const start = offset;
  offset += value.length;
  return { kind: 'text', text: value, span: { start, end: offset }, offsets: [], literal: { language: 'python', quote: '"""', raw: false, fString: false, bracesAreSyntax: true, templateLiteral: false } };
}
export function placeholder(name: string): PromptPart {
  const start = offset;
  offset += name.length + 2;
  return { kind: 'placeholder', name, syntax: '{x}', span: { start, end: offset }, source: `{${name}}` };
}
export function prompt(parts: PromptPart[], extra: Partial<DetectedPrompt> = {}): DetectedPrompt {
  return { id: 'app/chat.py#SYSTEM_PROMPT', language: 'python', span: { start: 0, end: offset }, role: 'system', signals: [], confidence: 0.9, parts, callParams: {}, symbol: 'SYSTEM_PROMPT', ...extra };
}
