// Where each API takes an output limit and an effort, in the call's own syntax: OpenAI Chat Completions
// `max_completion_tokens` for reasoning models (`max_tokens` is refused there) else `max_tokens`, Responses
// `max_output_tokens`, Gemini `max_output_tokens` / `maxOutputTokens` in `config` (`generation_config` on the legacy
// SDK), the AI SDK `maxOutputTokens` (v5 and later), LiteLLM and Mistral `max_tokens`. Anthropic's `max_tokens` is
// required, so a Messages call always has one. Sources: each SDK's API reference, checked 2026-12-07.
import type { ArgumentContainer, CallSite, ResolvedModel, SourceEdit, SourceLanguage } from '../types';
import { reasoningRowOf } from '../cost/reasoningModels';
import { addEntryEdit, entryNamed, isPython, type ArgumentValue } from './argumentEdits';

/** Every name a call's output limit is written under (any API), as the detector reads them. */
export const OUTPUT_LIMIT_KEYS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'maxTokens', 'maxOutputTokens', 'max_new_tokens', 'num_predict'];

export interface OutputLimitTarget {
  /** How the fix writes it, for the title: `max_completion_tokens=`, `config.maxOutputTokens`. */
  written: string;
  /** The limit covers hidden reasoning too (OpenAI reasoning models, Responses, Gemini thinking, AI SDK). */
  sharesWithReasoning: boolean;
  /** The edit that writes `limit`; undefined when it cannot be added safely. */
  edit(limit: number): SourceEdit | undefined;
}

export function reasons(model: ResolvedModel): boolean {
  const row = reasoningRowOf(model);
  return row !== undefined && (row.mode === 'effort' || row.mode === 'always');
}

/** Where `site`'s API takes an output limit; undefined for APIs we do not write to (and Anthropic's, always set). */
export function outputLimitTarget(site: CallSite, model: ResolvedModel, language: SourceLanguage, documentText: string): OutputLimitTarget | undefined {
  const python = isPython(language);
  const top = (key: string, sharesWithReasoning: boolean): OutputLimitTarget => ({
    written: python ? `${key}=` : `${key}: `,
    sharesWithReasoning,
    edit: (limit) => addEntryEdit(documentText, site.args, key, limit, language),
  });
  switch (site.sink) {
    case 'openai.chat.completions':
      return reasons(model) ? top('max_completion_tokens', true) : top('max_tokens', false);
    case 'openai.responses':
      return top('max_output_tokens', true);
    case 'litellm.completion':
    case 'mistral.chat':
      return python ? top('max_tokens', reasons(model)) : top('maxTokens', reasons(model));
    case 'ai-sdk':
      return python ? undefined : top('maxOutputTokens', true);
    case 'google.generate_content':
      return geminiTarget(site, language, documentText);
    default:
      return undefined;
  }
}

/** Gemini: inside `config` (google-genai) or `generation_config` (legacy google-generativeai), added when absent. */
function geminiTarget(site: CallSite, language: SourceLanguage, documentText: string): OutputLimitTarget | undefined {
  const python = isPython(language);
  const modern = /\bmodels\.generate_?content(?:_?stream)?$/i.test(site.callee) || /\bmodels\.generateContent(?:Stream)?$/.test(site.callee);
  const holder = modern ? 'config' : python ? 'generation_config' : undefined;
  if (!holder) return undefined;
  const key = python ? 'max_output_tokens' : 'maxOutputTokens';
  // Spread into the call from a dict we read, not written in its arguments: adding it would pass it twice.
  if (site.keys.includes(holder) && !entryNamed(site.args, holder)) return undefined;
  return {
    written: `${holder}.${key}`,
    sharesWithReasoning: true,
    edit: (limit) => nestedEntryEdit(documentText, site.args, holder, key, limit, language),
  };
}

/** Adds `key: value` inside the container written as `holder`, or adds `holder` holding it. */
export function nestedEntryEdit(documentText: string, args: ArgumentContainer, holder: string, key: string, value: ArgumentValue, language: SourceLanguage): SourceEdit | undefined {
  const existing = entryNamed(args, holder);
  if (!existing) return addEntryEdit(documentText, args, holder, { [key]: value }, language);
  // Written as something we cannot add to (a variable, a function's result): no fix.
  return existing.nested ? addEntryEdit(documentText, existing.nested, key, value, language) : undefined;
}
