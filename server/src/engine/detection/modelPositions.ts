// Where code writes a model name, as data: calls whose first argument is the model (provider factories and model
// classes), helpers that read a command-line flag or an environment variable (whose *default* is the model, never
// the flag or the variable's name), and the declarations of command-line options whose default a later
// `args.model` / click parameter reads. Anything else in a model position that is a call names no model: a tool
// name passed to a test double (`ScriptedLLM("slackbot_send_message")`) once reached the audit's by-model table.

/**
 * Calls whose first positional argument is the model: AI SDK provider factories (`openai("gpt-4o")`,
 * `openai.chat("…")`, `registry.languageModel("openai:gpt-4o")`), model classes and factories of agent frameworks
 * (`LLM("…")` crewAI, `dspy.LM`, pydantic-ai `OpenAIModel`, `init_chat_model`), and typer's `Option(default, …)`.
 * Matched on the callee's last name. Chat-model constructors (sinks.ts MODEL_CONSTRUCTORS) count too.
 */
export const MODEL_FACTORY_CALLEES = [
  'openai', 'anthropic', 'google', 'vertex', 'azure', 'bedrock', 'mistral', 'cohere', 'groq', 'xai', 'deepseek',
  'perplexity', 'togetherai', 'fireworks', 'openrouter', 'ollama', 'cerebras', 'gateway', 'chat', 'responses',
  'languageModel', 'textModel', 'LLM', 'LM', 'init_chat_model', 'infer_model', 'OpenAIModel', 'OpenAIChatModel',
  'OpenAIResponsesModel', 'AnthropicModel', 'GeminiModel', 'GoogleModel', 'GroqModel', 'MistralModel',
  'LitellmModel', 'OpenAIChatCompletionsModel', 'GenerativeModel', 'Option',
];

/** The app's own model helpers: `getModel("gpt-4o")`, `make_llm("…")`, `create_chat_model("…")`. */
export const MODEL_HELPER_CALLEE = /^(?:get|make|create|load|build|resolve|new)_?(?:chat_?)?(?:llm|model|chat_?model|language_?model)$/i;

/**
 * Helpers that read a flag or a setting by name with a default: `getStringArg("--model", DEFAULT_MODEL)`,
 * `get_arg("model", "gpt-4o")`, `option("model", …)`. Their first argument is a name; the model is the default.
 * (`lookup(key, default)` calls such as `.get` and env readers are DEFAULT_VALUE_CALLEES / ENV_READING_CALLEE.)
 */
export const ARGUMENT_HELPER_CALLEE = /^(?:get|read|parse|require)?_?(?:string|str|int|bool|text)?_?(?:arg|argument|opt|option|flag|param|setting|config_?value)(?:_?or(?:_?default)?)?$/i;

/** Keyword / property names that hold a helper's or an option's default value. */
export const DEFAULT_ARGUMENT_NAMES = ['default', 'defaultValue', 'default_value', 'fallback'];

/** A string that names a flag (`--model`, `-m`) or an environment variable (`OPENAI_MODEL`): never a model. */
export function isFlagOrVariableName(value: string): boolean {
  return /^--?[A-Za-z]/.test(value) || /^[A-Z][A-Z0-9]*_[A-Z0-9_]*$/.test(value);
}

/**
 * Declarations of command-line options whose default is read later by name: argparse `add_argument("--model",
 * default=…)`, click `@click.option("--model", default=…)`, commander `.option("-m, --model <name>", "…", "gpt-4o")`,
 * yargs `.option("model", { default: … })`. `defaultPosition` is where a positional default sits (commander).
 */
export const OPTION_DECLARATIONS: { callees: string[]; defaultPosition?: number }[] = [
  { callees: ['add_argument', 'argument', 'Argument'] },
  { callees: ['option', 'requiredOption'], defaultPosition: 2 },
];

/** The name an option declared with these flags is read by: `--model-name` → `model_name` (Python) / `modelName` (JS). */
export function optionDestinations(flags: string[]): string[] {
  const out = new Set<string>();
  for (const written of flags) {
    for (const flag of written.split(/[\s,|]+/)) {
      const bare = flag.replace(/<[^>]*>|\[[^\]]*\]/g, '').replace(/^-+/, '');
      if (!bare || !/^[A-Za-z][\w-]*$/.test(bare)) continue;
      if (!flag.startsWith('-') || flag.startsWith('--') || bare.length === 1) {
        out.add(bare.replace(/-/g, '_'));
        out.add(bare.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
      }
    }
  }
  return [...out];
}
