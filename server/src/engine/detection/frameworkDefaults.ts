// The model a framework uses when the code names none, as data: each row says which framework (by the module the
// file imports), which calls or constructors run on it, and where the default is written in the framework's own
// source (version, commit and the date it was read). A prompt priced on one of these shows the model source
// "framework default" instead of our own `promptCost.defaultModel`.
//
// Checked 2026-12-07 in each framework's newest public source. Environment variables the framework reads first
// (`OPENAI_DEFAULT_MODEL`, crewAI's `MODEL`) are listed, not read: the code's text is all we analyse.
// No row where the model is required: AI SDK providers (`openai("…")`, `anthropic("…")`) take the model id as an
// argument; langchain-anthropic's Python `ChatAnthropic` and @langchain/google-genai's `ChatGoogleGenerativeAI` declare
// `model` without a default; pydantic-ai, browser-use and AutoGen agents need a model or model client.
import type { ModelReference } from '../types';

export interface FrameworkDefaultModel {
  /** Shown in hovers and reports, e.g. `OpenAI Agents SDK (Python)`. */
  framework: string;
  /** The model name as the framework writes it. */
  model: string;
  /** The file must mention one of these (its import), or the row does not apply. */
  modules: string[];
  /** Python or JavaScript/TypeScript: the same class name means different things in each. */
  language: 'python' | 'javascript';
  /** Sink ids (sinks.ts) whose prompts run on this default when the call (or the agent running it) names no model. */
  sinks?: string[];
  /** Chat-model constructors built with no model argument (`ChatOpenAI()`) that use this default. */
  constructors?: string[];
  /** Environment variables the framework reads before its default (not read here). */
  env?: string[];
  /** Package and version (or commit) the default was read from. */
  version: string;
  source: string;
  /** ISO date the source was read. */
  date: string;
}

export const FRAMEWORK_DEFAULT_MODELS: FrameworkDefaultModel[] = [
  {
    framework: 'OpenAI Agents SDK (Python)',
    model: 'gpt-5.6-luna',
    modules: ['from agents', 'import agents'],
    language: 'python',
    sinks: ['openai.agents', 'openai.agents.runner'],
    env: ['OPENAI_DEFAULT_MODEL'],
    version: 'openai-agents 0.22.0 (main 7f7a44f, 2026-08-22)',
    source: 'https://github.com/openai/openai-agents-python/blob/7f7a44f8dc0650296bd5ab6c745c9bcbaa6ac3b7/src/agents/models/default_models.py',
    date: '2026-12-07',
  },
  {
    framework: 'OpenAI Agents SDK (JavaScript)',
    model: 'gpt-5.6-luna',
    modules: ['@openai/agents'],
    language: 'javascript',
    sinks: ['openai.agents', 'openai.agents.runner'],
    env: ['OPENAI_DEFAULT_MODEL'],
    version: '@openai/agents-core 0.17.0 (main 6d0c61a, 2026-08-22)',
    source: 'https://github.com/openai/openai-agents-js/blob/6d0c61a5f62a5ed8142996a25b33446c810f84b3/packages/agents-core/src/defaultModel.ts',
    date: '2026-12-07',
  },
  {
    framework: 'crewAI',
    model: 'gpt-4.1-mini',
    modules: ['crewai'],
    language: 'python',
    sinks: ['crewai.agent', 'crewai.task'],
    env: ['MODEL', 'MODEL_NAME', 'OPENAI_MODEL_NAME'],
    version: 'crewai 1.15.17 (main f4731f5, 2026-08-21)',
    source: 'https://github.com/crewAIInc/crewAI/blob/f4731f5025f861c78e3af0487cc80bf5e7c64782/lib/crewai/src/crewai/utilities/llm_utils.py',
    date: '2026-12-07',
  },
  {
    framework: 'LangChain ChatOpenAI (Python)',
    model: 'gpt-3.5-turbo',
    modules: ['langchain_openai'],
    language: 'python',
    constructors: ['ChatOpenAI'],
    version: 'langchain-openai 1.x (master 00539b5)',
    source: 'https://github.com/langchain-ai/langchain/blob/00539b501c219f80df69d799e92b102566a125e5/libs/partners/openai/langchain_openai/chat_models/base.py',
    date: '2026-12-07',
  },
  {
    framework: 'LangChain ChatOpenAI (JavaScript)',
    model: 'gpt-3.5-turbo',
    modules: ['@langchain/openai'],
    language: 'javascript',
    constructors: ['ChatOpenAI'],
    version: '@langchain/openai 1.5.6 (main 62fc484, 2026-08-05)',
    source: 'https://github.com/langchain-ai/langchainjs/blob/62fc484b2a0d1ec5b8bebff4a8a0efe6300ada72/libs/providers/langchain-openai/src/chat_models/base.ts',
    date: '2026-12-07',
  },
  {
    framework: 'LangChain ChatAnthropic (JavaScript)',
    model: 'claude-sonnet-4-5-20250929',
    modules: ['@langchain/anthropic'],
    language: 'javascript',
    constructors: ['ChatAnthropic'],
    version: '@langchain/anthropic 1.5.4 (main 62fc484, 2026-08-05)',
    source: 'https://github.com/langchain-ai/langchainjs/blob/62fc484b2a0d1ec5b8bebff4a8a0efe6300ada72/libs/providers/langchain-anthropic/src/chat_models.ts',
    date: '2026-12-07',
  },
  {
    framework: 'LlamaIndex OpenAI (Python)',
    model: 'gpt-5.6-terra',
    modules: ['llama_index.llms.openai'],
    language: 'python',
    constructors: ['OpenAI'],
    version: 'llama-index-llms-openai (main 020535a)',
    source: 'https://github.com/run-llama/llama_index/blob/020535abd483bd1d8463c7bfd49ff9899571bfc3/llama-index-integrations/llms/llama-index-llms-openai/llama_index/llms/openai/base.py',
    date: '2026-12-07',
  },
  {
    framework: 'LlamaIndex.TS OpenAI',
    model: 'gpt-4o',
    modules: ['@llamaindex/openai'],
    language: 'javascript',
    constructors: ['OpenAI'],
    version: '@llamaindex/openai 0.4.22 (main acd9b66, 2025-12-02)',
    source: 'https://github.com/run-llama/LlamaIndexTS/blob/acd9b66de4ec1305d8f7e87832cc68093116bb16/packages/providers/openai/src/llm.ts',
    date: '2026-12-07',
  },
  {
    framework: 'LlamaIndex.TS Anthropic',
    model: 'claude-3-opus',
    modules: ['@llamaindex/anthropic'],
    language: 'javascript',
    constructors: ['Anthropic'],
    version: '@llamaindex/anthropic 0.3.26 (main acd9b66, 2025-12-02)',
    source: 'https://github.com/run-llama/LlamaIndexTS/blob/acd9b66de4ec1305d8f7e87832cc68093116bb16/packages/providers/anthropic/src/llm.ts',
    date: '2026-12-07',
  },
];

/** A model reference for a framework's default (no span: nothing in the file to rewrite). */
export function frameworkDefaultReference(row: FrameworkDefaultModel | undefined): ModelReference | undefined {
  if (!row) return undefined;
  const override = row.env?.length ? `; ${row.env.join(' or ')} set at run time would override it` : '';
  return { name: row.model, source: 'framework-default', detail: `${row.framework} (${row.version}${override})` };
}

function languageFamily(language: string): 'python' | 'javascript' {
  return language === 'python' ? 'python' : 'javascript';
}

/** The framework default for prompts of `sinkId` in a file of `language` that mentions the framework's module. */
export function frameworkDefaultForSink(sinkId: string, language: string, mentions: (module: string) => boolean): FrameworkDefaultModel | undefined {
  const family = languageFamily(language);
  return FRAMEWORK_DEFAULT_MODELS.find((row) => row.language === family && row.sinks?.includes(sinkId) && row.modules.some(mentions));
}

/** The framework default of a chat-model constructor called with no model (`ChatOpenAI()`), when its module is imported. */
export function frameworkDefaultForConstructor(calleeLast: string, language: string, mentions: (module: string) => boolean): FrameworkDefaultModel | undefined {
  const family = languageFamily(language);
  return FRAMEWORK_DEFAULT_MODELS.find((row) => row.language === family && row.constructors?.includes(calleeLast) && row.modules.some(mentions));
}
