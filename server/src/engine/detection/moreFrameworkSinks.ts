// Sink rows for framework APIs met in the session-4 real-code review (docs/design/detection.md, "Session 5 tuning"):
// Semantic Kernel's ChatHistory, TypeChat's translator, MetaGPT's aask, camel's BaseMessage, LlamaIndex.TS workflow
// agents. Data only; read with the other rows of `sinks.ts`. Sources checked 2026-12-07 against each project's docs
// and public API (method names and parameter names as published, not any one app's code).
import type { PromptRole } from '../types';
import type { SinkArgument, SinkDefinition } from './sinks';

const text = (name: string, role: PromptRole, position?: number): SinkArgument => ({ name, position, role, shape: 'text' });
const list = (name: string, role: PromptRole, position?: number): SinkArgument => ({ name, position, role, shape: 'messages' });

export const MORE_FRAMEWORK_SINKS: SinkDefinition[] = [
  // Semantic Kernel (Python): `ChatHistory.add_user_message(content)` & co. add one turn to the history a chat
  // completion service is invoked with (learn.microsoft.com/semantic-kernel, "Chat history").
  { id: 'semantic-kernel.chat-history.user', provider: 'semantic-kernel', callees: ['add_user_message'], arguments: [text('content', 'user', 0)], requiresModule: ['semantic_kernel'] },
  { id: 'semantic-kernel.chat-history.system', provider: 'semantic-kernel', callees: ['add_system_message'], arguments: [text('content', 'system', 0)], requiresModule: ['semantic_kernel'] },
  { id: 'semantic-kernel.chat-history.developer', provider: 'semantic-kernel', callees: ['add_developer_message'], arguments: [text('content', 'developer', 0)], requiresModule: ['semantic_kernel'] },
  { id: 'semantic-kernel.chat-history.assistant', provider: 'semantic-kernel', callees: ['add_assistant_message'], arguments: [text('content', 'assistant', 0)], requiresModule: ['semantic_kernel'] },
  // TypeChat: `translator.translate(request, promptPreamble?)` — the request is the user text, the preamble a
  // string or prompt sections (`{ role, content }`) sent before it (github.com/microsoft/TypeChat, typechat.ts).
  { id: 'typechat.translate', provider: 'typechat', callees: ['translate'], arguments: [text('request', 'user', 0), list('promptPreamble', 'system', 1), list('prompt_preamble', 'system', 1)], requiresModule: ['typechat'] },
  // MetaGPT: `llm.aask(msg, system_msgs=[…], format_msgs=[…])` and `Action._aask(prompt, system_msgs)`
  // (metagpt/provider/base_llm.py, metagpt/actions/action.py): the strings of `system_msgs` are system turns.
  { id: 'metagpt.aask', provider: 'metagpt', callees: ['aask', '_aask'], arguments: [text('msg', 'user', 0), text('prompt', 'user'), list('system_msgs', 'system', 1), list('format_msgs', 'user')], requiresModule: ['metagpt'] },
  // camel: `BaseMessage(role_name, role_type, meta_dict, content)` and its factories; the message is a turn of the
  // agent that steps with it (docs.camel-ai.org, camel.messages.BaseMessage).
  { id: 'camel.message', provider: 'camel', callees: ['BaseMessage'], arguments: [text('content', 'user', 3)], requiresModule: ['camel'] },
  { id: 'camel.message.user', provider: 'camel', callees: ['BaseMessage.make_user_message'], arguments: [text('content', 'user', 1)], requiresModule: ['camel'] },
  // `message.create_new_instance(content)`: the same sender's message with new text (the step that follows sends it).
  { id: 'camel.message.new-instance', provider: 'camel', callees: ['create_new_instance'], arguments: [text('content', 'user', 0)], requiresModule: ['camel'] },
  { id: 'camel.message.assistant', provider: 'camel', callees: ['BaseMessage.make_assistant_message'], arguments: [text('content', 'assistant', 1)], requiresModule: ['camel'] },
  // LangChain.js v1 `createAgent({ middleware: [dynamicSystemPromptMiddleware((state, runtime) => "…")] })`: the
  // function's return value is the system prompt of each model call (docs.langchain.com, "Middleware", 2026-12-07).
  { id: 'langchain.dynamic-system-prompt', provider: 'langchain', callees: ['dynamicSystemPromptMiddleware'], arguments: [text('fn', 'system', 0)], requiresModule: ['langchain'] },
  // LlamaIndex.TS workflow agents: `agent({ systemPrompt })`, and `multiAgent(…).run(input)` / `.runStream(input)`
  // start the workflow with the user's message (ts.llamaindex.ai, "Agent workflows").
  { id: 'llamaindex.workflow-agent', provider: 'llamaindex', callees: ['agent'], arguments: [text('systemPrompt', 'system')], requiresModule: ['@llamaindex/workflow'], bareCall: true },
  { id: 'llamaindex.workflow-run', provider: 'llamaindex', callees: ['runStream'], arguments: [text('userInput', 'user', 0)], requiresModule: ['@llamaindex/workflow'] },
  { id: 'llamaindex.workflow-run', provider: 'llamaindex', callees: ['run'], arguments: [text('userInput', 'user', 0)], requiresModule: ['@llamaindex/workflow'], receivers: /workflow|agent/i },
];

/**
 * Class fields that a framework renders into the agent's system prompt, on subclasses of its base class: MetaGPT's
 * `Role` (`profile`, `goal`, `constraints`, `desc` fill its role prefix; metagpt/roles/role.py, checked 2026-12-07).
 */
export const PROMPT_CLASS_FIELDS: { bases: string[]; module: string; fields: Record<string, PromptRole> }[] = [
  { bases: ['Role'], module: 'metagpt', fields: { profile: 'system', goal: 'system', constraints: 'system', desc: 'system' } },
];
