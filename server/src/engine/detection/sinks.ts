// Known LLM calls and prompt structures, as data. A sink names the call (matched as a suffix of the dotted
// callee, so `client.chat.completions.create` and `self.openai.chat.completions.create` both match) and the
// arguments that carry prompt text. For JavaScript, properties of an object-literal argument count as
// keyword arguments (`generateText({ system, prompt })`). Add an entry here to teach the detector a new API.
import type { PromptRole } from '../types';

export type SinkShape =
  /** The argument is the prompt text (or a list of content blocks with `text`). */
  | 'text'
  /** A list of role/content messages, (role, text) tuples or message objects. */
  | 'messages';

export interface SinkArgument {
  /** Keyword / property name. */
  name?: string;
  /** Positional index, when the argument can be passed by position. */
  position?: number;
  role: PromptRole;
  shape: SinkShape;
}

export interface SinkDefinition {
  /** Stable identifier, used in prompt ids and hovers. */
  id: string;
  provider: string;
  /** Dotted callee suffixes; constructor calls (`new X`) use the class name. */
  callees: string[];
  arguments: SinkArgument[];
  /** Keyword / property names that carry the model (default `model`). */
  modelArguments?: string[];
  /** Positional index of the model argument. */
  modelPosition?: number;
  /** `{x}` in the text are template fields (PromptTemplate-style), `{{`/`}}` escapes. */
  formatBraces?: boolean;
  /** Generic callee names only count when the file mentions this module (e.g. `ollama.chat`). */
  requiresModule?: string[];
  /** Receivers that are not models although the method name matches (`retriever.invoke(query)` searches an index). */
  excludeReceivers?: RegExp;
}

const messages = (role: PromptRole = 'user'): SinkArgument => ({ name: 'messages', position: undefined, role, shape: 'messages' });
const text = (name: string, role: PromptRole, position?: number): SinkArgument => ({ name, position, role, shape: 'text' });

export const SINKS: SinkDefinition[] = [
  // ---------------------------------------------------------------- OpenAI
  {
    id: 'openai.chat.completions',
    provider: 'openai',
    callees: ['chat.completions.create', 'chat.completions.parse', 'chat.completions.stream', 'ChatCompletion.create', 'ChatCompletion.acreate'],
    arguments: [messages()],
  },
  {
    id: 'openai.responses',
    provider: 'openai',
    callees: ['responses.create', 'responses.parse', 'responses.stream'],
    arguments: [text('instructions', 'system'), { name: 'input', role: 'user', shape: 'messages' }],
  },
  {
    id: 'openai.assistants',
    provider: 'openai',
    callees: ['assistants.create', 'assistants.update', 'threads.runs.create', 'threads.runs.create_and_poll', 'threads.runs.stream', 'threads.create_and_run'],
    arguments: [text('instructions', 'system'), text('additional_instructions', 'system'), text('additionalInstructions', 'system')],
  },
  {
    id: 'openai.threads.messages',
    provider: 'openai',
    callees: ['threads.messages.create'],
    arguments: [text('content', 'user')],
  },
  {
    id: 'openai.agents',
    provider: 'openai',
    callees: ['Agent'],
    arguments: [text('instructions', 'system'), text('handoff_description', 'system')],
    requiresModule: ['agents', '@openai/agents', 'pydantic_ai', 'agno', 'strands'],
  },
  {
    // The user turn handed to an agent: Runner.run(agent, "…").
    id: 'openai.agents.runner',
    provider: 'openai',
    callees: ['Runner.run', 'Runner.run_sync', 'Runner.run_streamed', 'runner.run'],
    arguments: [{ name: 'input', position: 1, role: 'user', shape: 'messages' }],
  },
  {
    id: 'pydantic-ai.agent',
    provider: 'pydantic-ai',
    callees: ['Agent'],
    arguments: [text('system_prompt', 'system'), text('instructions', 'system')],
    modelPosition: 0,
    requiresModule: ['pydantic_ai'],
  },
  {
    id: 'openai.completions',
    provider: 'openai',
    callees: ['completions.create', 'Completion.create', 'Completion.acreate'],
    arguments: [text('prompt', 'user')],
  },
  // ---------------------------------------------------------------- Anthropic
  {
    id: 'anthropic.messages',
    provider: 'anthropic',
    callees: ['messages.create', 'messages.stream', 'messages.parse', 'messages.count_tokens', 'messages.countTokens', 'beta.messages.create', 'messages.batches.create'],
    arguments: [text('system', 'system'), messages()],
  },
  // ---------------------------------------------------------------- Google
  {
    id: 'google.generate_content',
    provider: 'google',
    callees: [
      'models.generate_content', 'models.generate_content_stream', 'generate_content', 'generate_content_async',
      'generate_content_stream', 'models.generateContent', 'models.generateContentStream', 'generateContent',
      'generateContentStream', 'send_message', 'sendMessage', 'send_message_stream', 'sendMessageStream',
    ],
    arguments: [
      { name: 'contents', position: 0, role: 'user', shape: 'messages' },
      text('message', 'user'),
      text('system_instruction', 'system'),
      text('systemInstruction', 'system'),
    ],
    requiresModule: ['google', 'genai', 'vertexai', '@google/genai', '@google/generative-ai'],
  },
  {
    id: 'google.model',
    provider: 'google',
    callees: ['GenerativeModel', 'getGenerativeModel', 'GenerateContentConfig', 'chats.create'],
    arguments: [text('system_instruction', 'system'), text('systemInstruction', 'system')],
    modelArguments: ['model', 'model_name'],
    modelPosition: 0,
  },
  // ---------------------------------------------------------------- Mistral, Cohere, Ollama, LiteLLM
  {
    id: 'mistral.chat',
    provider: 'mistral',
    callees: ['chat.complete', 'chat.complete_async', 'chat.stream', 'chat.stream_async', 'fim.complete', 'agents.complete'],
    arguments: [messages(), text('prompt', 'user')],
  },
  {
    id: 'cohere.chat',
    provider: 'cohere',
    callees: ['chat', 'chat_stream', 'chatStream', 'generate'],
    arguments: [messages(), text('message', 'user'), text('preamble', 'system'), text('prompt', 'user')],
    requiresModule: ['cohere'],
  },
  {
    id: 'ollama',
    provider: 'ollama',
    callees: ['chat', 'generate'],
    arguments: [messages(), text('prompt', 'user'), text('system', 'system')],
    requiresModule: ['ollama'],
  },
  {
    id: 'litellm.completion',
    provider: 'litellm',
    callees: ['completion', 'acompletion', 'text_completion', 'atext_completion'],
    arguments: [messages(), text('prompt', 'user')],
    requiresModule: ['litellm'],
  },
  // ---------------------------------------------------------------- Vercel AI SDK
  {
    id: 'ai-sdk',
    provider: 'vercel-ai',
    callees: ['generateText', 'streamText', 'generateObject', 'streamObject', 'streamUI'],
    arguments: [text('system', 'system'), text('instructions', 'system'), text('prompt', 'user'), messages()],
  },
  {
    id: 'ai-sdk.agent',
    provider: 'vercel-ai',
    callees: ['ToolLoopAgent', 'Experimental_Agent'],
    arguments: [text('system', 'system'), text('instructions', 'system')],
  },
  // ---------------------------------------------------------------- LangChain, LlamaIndex, DSPy
  {
    id: 'langchain.prompt-template',
    provider: 'langchain',
    callees: [
      'PromptTemplate', 'PromptTemplate.from_template', 'PromptTemplate.fromTemplate', 'ChatPromptTemplate.from_template',
      'ChatPromptTemplate.fromTemplate', 'RichPromptTemplate', 'SelectorPromptTemplate', 'FewShotPromptTemplate',
    ],
    arguments: [text('template', 'user', 0), text('prefix', 'system'), text('suffix', 'user'), text('template_str', 'user')],
    formatBraces: true,
  },
  {
    id: 'langchain.system-template',
    provider: 'langchain',
    callees: ['SystemMessagePromptTemplate.from_template', 'SystemMessagePromptTemplate.fromTemplate'],
    arguments: [text('template', 'system', 0)],
    formatBraces: true,
  },
  {
    id: 'langchain.human-template',
    provider: 'langchain',
    callees: ['HumanMessagePromptTemplate.from_template', 'HumanMessagePromptTemplate.fromTemplate'],
    arguments: [text('template', 'user', 0)],
    formatBraces: true,
  },
  {
    id: 'langchain.chat-prompt',
    provider: 'langchain',
    callees: ['ChatPromptTemplate.from_messages', 'ChatPromptTemplate.fromMessages', 'ChatPromptTemplate'],
    arguments: [{ name: 'messages', position: 0, role: 'user', shape: 'messages' }],
    formatBraces: true,
  },
  {
    id: 'langchain.system-message',
    provider: 'langchain',
    callees: ['SystemMessage', 'SystemMessageChunk'],
    arguments: [text('content', 'system', 0)],
  },
  {
    id: 'langchain.human-message',
    provider: 'langchain',
    callees: ['HumanMessage', 'HumanMessageChunk'],
    arguments: [text('content', 'user', 0)],
  },
  {
    id: 'langchain.ai-message',
    provider: 'langchain',
    callees: ['AIMessage'],
    arguments: [text('content', 'assistant', 0)],
  },
  {
    id: 'langchain.invoke',
    provider: 'langchain',
    callees: ['invoke', 'ainvoke', 'stream', 'astream', 'predict', 'apredict'],
    arguments: [{ name: 'input', position: 0, role: 'user', shape: 'messages' }],
    requiresModule: ['langchain', '@langchain'],
    excludeReceivers: /retriever|vector_?store|vectordb|_db$|^db$|store$|index$|search|tool|embedding|graph|workflow|app$|agent_executor/i,
  },
  {
    id: 'llamaindex.chat-message',
    provider: 'llamaindex',
    callees: ['ChatMessage', 'ChatMessage.from_str'],
    arguments: [text('content', 'user', 0)],
    requiresModule: ['llama_index', 'llamaindex'],
  },
  {
    id: 'llamaindex.complete',
    provider: 'llamaindex',
    callees: ['complete', 'acomplete', 'stream_complete'],
    arguments: [text('prompt', 'user', 0)],
    requiresModule: ['llama_index', 'llamaindex'],
  },
  {
    id: 'dspy.field',
    provider: 'dspy',
    callees: ['InputField', 'OutputField'],
    arguments: [text('desc', 'system')],
    requiresModule: ['dspy'],
  },
];

/** Classes whose docstring is the prompt (DSPy signatures). */
export const PROMPT_DOCSTRING_BASES = ['dspy.Signature', 'Signature'];

/** Chat-model constructors whose `model` names the model for prompts in the same file that have no call-site model. */
export const MODEL_CONSTRUCTORS = [
  'ChatOpenAI', 'AzureChatOpenAI', 'ChatAnthropic', 'ChatGoogleGenerativeAI', 'ChatVertexAI', 'ChatMistralAI',
  'ChatOllama', 'ChatCohere', 'ChatBedrock', 'ChatGroq', 'init_chat_model', 'OpenAI', 'Anthropic', 'Gemini',
  'dspy.LM', 'LM', 'OpenAIModel', 'AnthropicModel', 'LiteLLM',
];
/** Keyword / property names that carry a model name. */
export const MODEL_ARGUMENT_NAMES = ['model', 'model_name', 'modelName', 'model_id', 'modelId'];

/** Call parameters that matter for cost, by the names each SDK uses. */
export const CALL_PARAMETER_NAMES: Record<string, 'maxTokens' | 'temperature' | 'n'> = {
  max_tokens: 'maxTokens',
  max_completion_tokens: 'maxTokens',
  max_output_tokens: 'maxTokens',
  maxTokens: 'maxTokens',
  maxOutputTokens: 'maxTokens',
  max_new_tokens: 'maxTokens',
  num_predict: 'maxTokens',
  temperature: 'temperature',
  n: 'n',
  candidate_count: 'n',
  candidateCount: 'n',
};

/** Message role words as written in role/content objects and (role, text) tuples. */
export const ROLE_WORDS: Record<string, import('../types').PromptRole> = {
  system: 'system',
  developer: 'developer',
  user: 'user',
  human: 'user',
  assistant: 'assistant',
  ai: 'assistant',
  model: 'assistant',
};
/** Keys that hold the text of a message object or content block. */
export const MESSAGE_TEXT_KEYS = ['content', 'text', 'parts'];

/** Calls whose string arguments are not prompts: logging, printing, errors, CLI text, regexes, SQL. */
export const NON_PROMPT_CALLEES = [
  'print', 'pprint', 'console.log', 'console.error', 'console.warn', 'console.info', 'console.debug', 'console.trace',
  'logger.debug', 'logger.info', 'logger.warning', 'logger.warn', 'logger.error', 'logger.exception', 'logger.critical',
  'logging.debug', 'logging.info', 'logging.warning', 'logging.error', 'logging.exception', 'log.debug', 'log.info',
  'log.warning', 'log.warn', 'log.error', 'debug', 'info', 'warn', 'warning', 'error', 'exception', 'critical',
  'Error', 'TypeError', 'ValueError', 'RuntimeError', 'KeyError', 'Exception', 'HTTPException', 'AssertionError',
  'NotImplementedError', 'PermissionError', 'FileNotFoundError', 'RangeError', 'SyntaxError', 'warnings.warn',
  'add_argument', 'add_parser', 'ArgumentParser', 'option', 'argument', 'command', 'Option', 'Argument', 'echo',
  'click.echo', 'typer.echo', 'st.write', 'st.markdown', 'st.title', 'st.header', 'st.subheader', 'st.error',
  'st.info', 'st.warning', 'st.success', 'st.caption', 'st.text_input', 'st.text_area', 'st.button', 'gr.Textbox',
  're.compile', 're.match', 're.search', 're.sub', 're.findall', 're.split', 're.fullmatch', 'RegExp',
  'execute', 'executemany', 'text', 'sql', 'raw', 'query', 'fetch', 'post', 'put', 'delete', 'request',
  'open', 'Path', 'os.path.join', 'path.join', 'path.resolve', 'require', 'import', 'describe', 'it', 'test', 'expect', 'assert', 'assertEqual', 'assertIn', 'toBe', 'toEqual',
  'toContain', 'toMatch', 'toHaveBeenCalledWith', 'fail', 'skip', 'mark.skip', 'mark.parametrize', 'parametrize',
  'startswith', 'endswith', 'split', 'strip', 'replace', 'find', 'index', 'count', 'encode', 'decode',
  'setText', 'alert', 'confirm', 'toast', 'notify', 'showErrorMessage', 'showInformationMessage', 'showWarningMessage',
  'querySelector', 'querySelectorAll', 'getElementById', 'addEventListener', 'emit', 'on', 't', 'i18n.t', '_', 'gettext',
];

/** `lookup(key, default)` calls whose default value flows into the result (`config.get("prompt", "You are…")`). */
export const DEFAULT_VALUE_CALLEES = ['get', 'getenv', 'pop', 'setdefault', 'getattr', 'get_or'];

/** Wrappers whose result is the dedented text of their argument. */
export const DEDENT_CALLEES: Record<string, 'dedent' | 'cleandoc'> = {
  dedent: 'dedent', 'textwrap.dedent': 'dedent', cleandoc: 'cleandoc', 'inspect.cleandoc': 'cleandoc',
  stripIndent: 'dedent', stripIndents: 'dedent', outdent: 'dedent', oneLine: 'dedent', 'ts.dedent': 'dedent',
  commonTags: 'dedent',
};
