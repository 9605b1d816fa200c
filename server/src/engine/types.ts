// The shapes every part of the engine shares: detection → tokens → prices → cost → rules → reports.
// Pure data, no behaviour, no `vscode` import. Offsets are UTF-16 code-unit offsets into the document text
// (what JavaScript strings and LSP positions use); lines and characters are 0-based unless a name says otherwise.

export type SourceLanguage = 'python' | 'typescript' | 'tsx' | 'javascript' | 'jsx' | 'prompt';

/** A half-open span [start, end) of UTF-16 offsets into the document text. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** What the engine is given to analyse: one document (or one notebook cell sequence, see `cells`). */
export interface SourceInput {
  /** Document URI or a path; used for ids and messages only. */
  uri: string;
  /** File name (or path) used to pick the language when `languageId` is absent, e.g. `app/prompts.py`. */
  fileName: string;
  /** VS Code / LSP language id when known: python, typescript, typescriptreact, javascript, javascriptreact, prompt… */
  languageId?: string;
  text: string;
}

export type PromptRole = 'system' | 'developer' | 'user' | 'assistant' | 'unknown';

/** Why a string was taken for a prompt; shown in the hover ("passed as system= to client.messages.create, line 42"). */
export interface DetectionSignal {
  kind: 'sink' | 'flow' | 'name' | 'content' | 'annotation' | 'prompt-file' | 'message-object';
  /** Human-readable, e.g. `passed as system= to client.messages.create`. */
  detail: string;
  /** 0-based line where the signal was seen (the call site for sinks). */
  line?: number;
}

/** How the source literal that holds a text segment is written; fixers need it to re-encode replacement text. */
export interface LiteralInfo {
  language: SourceLanguage;
  /** The opening quote as written: `"`, `'`, `"""`, `'''`, `` ` ``; empty for prompt files (no quoting). */
  quote: string;
  /** Python r-string: backslashes are literal. */
  raw: boolean;
  /** Python f-string: `{` and `}` must be doubled in literal text. */
  fString: boolean;
  /** Braces are placeholder syntax at run time (`.format`, PromptTemplate, f-string): literal braces are doubled. */
  bracesAreSyntax: boolean;
  /** JS template literal: `${` and `` ` `` must be escaped in literal text. */
  templateLiteral: boolean;
  /** Python bytes or other forms a fixer must not touch. */
  readOnly?: boolean;
}

/** Static text of a prompt, as it is sent (escapes resolved), with a map back to the source. */
export interface TextPart {
  kind: 'text';
  /** Decoded value (what the program sends), before any dedent transform of the prompt. */
  text: string;
  /** Source span of this piece of literal content (without quotes). */
  span: SourceSpan;
  /** offsets[i] is the source offset of text[i]; offsets[text.length] === span.end. Same length + 1 as text. */
  offsets: number[];
  literal: LiteralInfo;
}

export type PlaceholderSyntax =
  | '{x}'      // str.format / PromptTemplate / f-string field
  | '{{x}}'    // mustache / handlebars / jinja expression / LangChain mustache
  | '${expr}'  // JS template literal substitution, string.Template ${x}
  | '$x'       // string.Template $x
  | '%s'       // printf-style positional
  | '%(x)s'    // printf-style named
  | '{% %}'    // jinja block tag
  | 'expr';    // a non-literal expression concatenated in (`"a" + name`)

/** A run-time variable inside a prompt: unknown at edit time, sized by an estimate. */
export interface PlaceholderPart {
  kind: 'placeholder';
  /** Variable name or expression text, e.g. `document`, `user.name`. */
  name: string;
  syntax: PlaceholderSyntax;
  span: SourceSpan;
  /** The placeholder exactly as written in the source, e.g. `{document}`. */
  source: string;
}

export type PromptPart = TextPart | PlaceholderPart;

/**
 * Where the model name that prices a prompt came from. Precedence: annotation > call site / constant / front matter >
 * config > framework default (the framework's own default when the code names none, detection/frameworkDefaults.ts)
 * > settings > default.
 */
export type ModelSource = 'annotation' | 'call-site' | 'constant' | 'front-matter' | 'config' | 'framework-default' | 'settings' | 'default';

export interface ModelReference {
  /** The name exactly as written (before alias resolution), e.g. `openai/gpt-4o-2024-08-06`. */
  name: string;
  source: ModelSource;
  /** Where it is written, when it is a literal in this document (for the "Use this model" rewrite). */
  span?: SourceSpan;
  /** True when `span` covers a string literal that can be rewritten in place. */
  literal?: boolean;
  line?: number;
  /**
   * For `framework-default`: whose default and where it is written, e.g. `crewAI default (crewai 1.15.17 …)`; for a
   * model read through another file's wrapper: that wrapper, `wrapper chat() in app/llm.py`.
   */
  detail?: string;
}

/** A JSON value read statically from source (tool schemas): never produced by running user code. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Reasoning the call site asks for: `reasoning_effort`, `reasoning: { effort }`, `thinking`, `thinkingConfig`. */
export interface ReasoningSetting {
  /** `minimal`, `low`, `medium`, `high`… as written (OpenAI effort, Gemini thinking level). */
  effort?: string;
  /** Anthropic `budget_tokens`, Gemini `thinkingBudget` (-1 = dynamic, 0 = off). */
  budgetTokens?: number;
  /** Anthropic `thinking.type`: false for `disabled`. */
  enabled?: boolean;
  /** How it is written, for the hover: `reasoning_effort="high"`. */
  written: string;
}

/** One tool (function) definition as sent: name, description and the JSON Schema of its parameters. */
export interface ToolDefinition {
  name: string;
  description?: string;
  parameters?: JsonValue;
}

/** The tool definitions a call sends (`tools=`, `functions=`, AI SDK `tools: {…}`), read statically and bounded. */
export interface ToolDefinitions {
  definitions: ToolDefinition[];
  /** Provider built-in tools (`web_search`, `code_interpreter`…): billed per use, not as definition tokens. */
  builtIn: string[];
  /** Entries whose definition is built at run time (a Python function, an import): not counted. */
  unresolved: string[];
  /** Set when a bound was hit (size, depth, self-reference, a very long zod chain): what was cut. */
  note?: string;
  /** `tool_choice` when the call forces a tool (`any`, `tool`, `required`): Anthropic's tool-use prompt differs. */
  forced?: boolean;
}

/** Anthropic `cache_control` breakpoints written in the call: where they sit and the longest TTL. */
export interface CacheControlSetting {
  ttl: '5m' | '1h';
  breakpoints: number;
  /** A breakpoint in the tool definitions, the system prompt or the messages (the prefix ends at the last one). */
  onTools: boolean;
  onSystem: boolean;
  onMessages: boolean;
}

/**
 * An argument container as written: a Python argument list `(…)`, a dict or keyword call (`GenerateContentConfig(…)`),
 * or a JS object `{…}`. Offsets sit under `span` keys so the result cache keys them relative to the prompt.
 */
export interface ArgumentContainer {
  /** The whole container, brackets included. */
  span: SourceSpan;
  kind: 'arguments' | 'call' | 'dict' | 'object';
  /** Its entries in source order (comments left out). */
  entries: ArgumentEntry[];
}

export interface ArgumentEntry {
  /** The keyword / property name; absent for a positional argument or a spread. */
  name?: string;
  span: SourceSpan;
  /** The value, for a named entry. */
  value?: { span: SourceSpan; literal?: string };
  /** `**x` / `...x` / `*args`. */
  spread?: boolean;
  /** A generator expression passed bare (`f(x for x in y)`): no other argument can be added beside it. */
  bareGenerator?: boolean;
  /** The value is itself a container (config dicts, `providerOptions`, `reasoning={…}`), two levels deep at most. */
  nested?: ArgumentContainer;
}

/** Where a call's arguments are written, for rules that add or change one (unbounded-output, reasoning-effort). */
export interface CallSite {
  /** Sink id, e.g. `openai.chat.completions`, `openai.responses`, `anthropic.messages`, `ai-sdk`. */
  sink: string;
  /** The callee as written, e.g. `client.chat.completions.create`. */
  callee: string;
  /** Python: the argument list; JS: the options object passed as an argument. */
  args: ArgumentContainer;
  /** Every keyword the call passes at the depths its parameters are read from, spreads that were read included. */
  keys: string[];
  /** Something spread into the call was not read (`**kwargs`, `...options`): any key may come from it. */
  opaqueSpread: boolean;
}

/** Call-site parameters that matter for cost. */
export interface CallParameters {
  maxTokens?: number;
  temperature?: number;
  n?: number;
  reasoning?: ReasoningSetting;
  tools?: ToolDefinitions;
  /** The request goes through a batch API (Anthropic `messages.batches.create`, an OpenAI Batch input line). */
  batch?: { written: string };
  cacheControl?: CacheControlSetting;
  /** Where the call's arguments are written (absent for a batch line or a call without a readable options object). */
  site?: CallSite;
}

/** One more call that sends a prompt's text: its request, model, parameters and the annotation above it. */
export interface RequestUse {
  /** The request id, as `DetectedPrompt.requestId`; absent for a call in another file (the workspace index found it). */
  requestId?: string;
  /** Where the call is: `app/extract.py:12` (1-based line). */
  site: string;
  model?: ModelReference;
  callParams: CallParameters;
  annotation?: PromptAnnotation;
}

/** `prompt-cost: calls=20000/day output=300 model=gpt-4o-mini` on the line above a prompt. */
export interface PromptAnnotation {
  callsPerDay?: number;
  outputTokens?: number;
  model?: string;
  force?: boolean;   // `prompt-cost: prompt`
  ignore?: boolean;  // `prompt-cost: ignore`
}

export interface DetectedPrompt {
  /** Stable id: `<file>#<symbol or sink>`; config entries and annotations refer to it. */
  id: string;
  language: SourceLanguage;
  /** The whole prompt expression (all literals and placeholders that form it). */
  span: SourceSpan;
  role: PromptRole;
  signals: DetectionSignal[];
  /** 0..1 */
  confidence: number;
  /** In source order. */
  parts: PromptPart[];
  /** Wrapped in textwrap.dedent / inspect.cleandoc / a dedent tag: the sent text is transformed. */
  textTransform?: 'dedent' | 'cleandoc';
  /** Name the prompt is bound to, when there is one (`SYSTEM_PROMPT`, `Agent.instructions`). */
  symbol?: string;
  model?: ModelReference;
  callParams: CallParameters;
  /** Prompts that form one call's messages share a request id. */
  requestId?: string;
  /**
   * Further calls that send this same text (a constant sent by two calls, maybe to two models): the prompt is a
   * message of each of those requests too, priced once per request (`AnalyzedPrompt.moreRequests`).
   */
  moreRequests?: RequestUse[];
  annotation?: PromptAnnotation;
  /** For notebooks: the code cell the prompt sits in (0-based index among all cells). */
  cellIndex?: number;
  /**
   * Set when this text only reaches a model inserted into a larger prompt (`system = f"…{cats}"`): the id of that
   * prompt. The larger prompt counts it as a placeholder, so request totals should not add this text again.
   */
  fragmentOf?: string;
  /**
   * With `fragmentOf`, when the text fills a placeholder not named like its symbol: that placeholder's name
   * (`TEMPLATE.format(examples=EXAMPLES)` → `examples`, `.replace("{{tone}}", TONE)` → `tone`).
   */
  fills?: string;
}

export interface DetectionResult {
  prompts: DetectedPrompt[];
  /** Set when the document was not analysed at all (too large, binary…), with a message for the user. */
  skipped?: { reason: string };
}

// ---------------------------------------------------------------- numbers

export interface TokenCount {
  tokens: number;
  /** True when counted with the vendor's own public tokenizer. */
  exact: boolean;
  /** Encoding or estimation method, e.g. `o200k_base`, `estimate:claude(o200k×1.20)`. */
  encoding: string;
}

export interface PriceInfo {
  /** USD per million tokens. */
  inputPerMillion: number;
  outputPerMillion: number;
  cachedInputPerMillion?: number;
  cacheWritePerMillion?: number;
  /** Where the figures come from, e.g. `@pydantic/genai-prices 0.1.8` or `.promptcost.json`. */
  source: string;
  /** ISO date of the price data. */
  date: string;
  /** Added by pricing: above this many input tokens every token of the request is billed at these prices (long-context tier). */
  longContext?: { aboveInputTokens: number; inputPerMillion: number; outputPerMillion: number; cachedInputPerMillion?: number; cacheWritePerMillion?: number };
}

export interface ResolvedModel {
  /** Catalog id, e.g. `gpt-4o`. */
  id: string;
  provider: string;
  /** The name as written in code or configuration. */
  requested: string;
  source: ModelSource;
  contextWindow?: number;
  price?: PriceInfo;
  /** Added by pricing: model id whose tokenizer counts this model's tokens (a configured `tokenizer`, else `id`). */
  tokenizerModel?: string;
  /** Added by pricing: how the name was resolved, e.g. `alias in .promptcost.json → gpt-4o`, `dated snapshot of gpt-4o`. */
  resolvedVia?: string;
  /** Added by pricing: false when neither the catalog nor the configuration knows the name (rule unknown-model). */
  known?: boolean;
}

export type CacheVerdict = 'cacheable' | 'too-short' | 'variable-first' | 'not-supported';

export interface CostBreakdown {
  model: ResolvedModel;
  tokens: {
    staticText: number;
    placeholders: number;
    placeholderCount: number;
    /** Added by cost: placeholders filled with a fragment of this document (`fragmentOf`), sized by its real text. */
    fragmentPlaceholders?: { count: number; tokens: number };
    /** Added by cost, with fragmentPlaceholders: placeholders still sized by the estimate (nested ones included). */
    estimatedPlaceholders?: number;
    framing: number;
    /** staticText + placeholders + framing. Includes cached tokens (never counted twice). */
    input: number;
    /** Visible output (reasoning not included). */
    output: number;
    outputSource: string;
    /** Tool definitions sent with the call (part of `input`; on the request's first message only). */
    tools?: number;
    /** How the tool tokens were counted, e.g. `3 tools, OpenAI Cookbook function-token formula (estimate)`. */
    toolsSource?: string;
    /** Hidden reasoning tokens, billed as output (not part of `output`); always an estimate. */
    reasoning?: number;
    reasoningSource?: string;
    /** Worst case output from the call site's max_tokens, when given. */
    maxOutput?: number;
    exact: boolean;
    encoding: string;
  };
  volume: { callsPerDay: number; source: string };
  caching: {
    verdict: CacheVerdict;
    cachedTokens: number;
    hitRate: number;
    detail: string;
    /** True when `cache_control` breakpoints in the code decided the verdict (cost/cacheControl.ts). */
    inCode?: boolean;
    /** With `inCode`: this message's share of the request's cached prefix (tools on message 0), cached or not. */
    codePrefixTokens?: number;
    /** With `cache_control` in code: input tokens written to the cache per call (the miss share), at the write price. */
    writeTokens?: number;
  };
  /** Set when the call goes through a batch API: the rate applied and its source. */
  batch?: { multiplier: number; source: string };
  /** Undefined when the model has no price: never shown as $0. */
  costPerCall?: number;
  /** Of costPerCall: what the expected output costs (the hint says when it is most of the figure). */
  outputCostPerCall?: number;
  costPerDay?: number;
  costPerMonth?: number;
  priceStale?: boolean;
}

// ---------------------------------------------------------------- findings and fixes

export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** A replacement of source text: [span.start, span.end) → newText. */
export interface SourceEdit {
  span: SourceSpan;
  newText: string;
}

export interface Fix {
  title: string;
  edits: SourceEdit[];
  savingsTokens?: number;
  isPreferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: SourceSpan;
  promptId?: string;
  savingsTokens?: number;
  savingsMonthly?: number;
  fix?: Fix;
  /** A code action that opens this prompt in the sidebar (its model switch), with this title (model-tier). */
  openSidebar?: string;
}

export interface AnalyzedPrompt {
  prompt: DetectedPrompt;
  /** Its share of its own request (`prompt.requestId`). */
  cost: CostBreakdown;
  findings: Finding[];
  /** Its share of each further request that sends the same text (`prompt.moreRequests`), in that order. */
  moreRequests?: { use: RequestUse; cost: CostBreakdown }[];
}

export interface DocumentAnalysis {
  uri: string;
  language?: SourceLanguage;
  prompts: AnalyzedPrompt[];
  /** Findings not tied to one prompt (budget of the file, config problems). */
  documentFindings: Finding[];
  skipped?: { reason: string };
  /**
   * The file's own prompts, whatever its scope (a test file's are left out of workspace totals, not of its own).
   * `monthlyCost` adds each prompt's share of every request that sends it; `requests` counts those requests.
   */
  totals: { monthlyCost: number; unpricedPrompts: number; prompts: number; requests?: number };
  /** Set to 'test' for a test or fixture file (config/testScope.ts); absent: the app scope. */
  scope?: 'test';
  /**
   * Added by the sidebar. Only for a notebook's own URI: where each analysed code cell sits in the concatenated text
   * that its prompts' offsets refer to, so a client can turn a notebook-level span into the cell's URI and offsets.
   */
  notebookCells?: NotebookCellPlacement[];
}

/** Added by the sidebar: one code cell inside a notebook's concatenated text (`DocumentAnalysis.notebookCells`). */
export interface NotebookCellPlacement {
  /** 0-based index among all the notebook's cells (markdown counted), as `DetectedPrompt.cellIndex`. */
  index: number;
  /** The cell document's URI. */
  uri: string;
  /** The concatenated document the cell is part of (one per cell language): offsets compare only within a group. */
  group: string;
  /** [start, end) of the cell's text in that concatenated document. */
  start: number;
  end: number;
}

// ---------------------------------------------------------------- sidebar data (added by pricing/cost: cost/alternatives.ts, cost/caching.ts)

/** One row of the model-switch table: the same prompt priced on another model. */
export interface Alternative {
  model: ResolvedModel;
  /** True for the model the prompt is priced on now. */
  current: boolean;
  /** Input tokens re-counted with this model's tokenizer (estimate when `exact` is false). */
  inputTokens: number;
  outputTokens: number;
  /** Hidden reasoning this model would bill as output on the same request (an estimate; absent for a model that does not reason). */
  reasoningTokens?: number;
  exact: boolean;
  encoding: string;
  costPerCall?: number;
  costPerMonth?: number;
  /** Current monthly cost minus this one (negative when this model is dearer). */
  monthlySaving?: number;
  /** monthlySaving as a percentage of the current monthly cost. */
  savingPercent?: number;
  /** Undefined when the context window is unknown. */
  fitsContext?: boolean;
  priceStale?: boolean;
}

/** A provider's prompt-caching rule, kept as data with its source and date (cost/cachingRules.ts). */
export interface CachingRule {
  provider: string;
  /** Model ids (prefixes) the rule covers; the first matching rule wins. */
  models: string[];
  mechanism: 'automatic' | 'explicit' | 'implicit';
  minTokens: number;
  /** Cached-input price as a share of input, used when the catalog has no cached-input price. */
  readMultiplier: number;
  /** Cache-write price as a share of input (Anthropic 1.25 for the 5-minute TTL); 1 when writes cost nothing extra. */
  writeMultiplier: number;
  source: string;
  date: string;
  note?: string;
}

/** The sidebar's cache-suitability verdict for one prompt. */
export interface CacheAdvice {
  verdict: CacheVerdict;
  rule?: CachingRule;
  /** Static tokens before the first placeholder (the part a prefix cache can reuse). */
  staticPrefixTokens: number;
  minTokens?: number;
  /** A placeholder that sits before long static text: moving it to the end would make that text cacheable. */
  variableFirst?: { placeholder: string; staticTokensAfter: number };
  hitRate: number;
  /** Estimated monthly saving at `hitRate` using the cached-input price (after any write premium). */
  monthlySaving?: number;
  /** No per-request variables and temperature 0: whole responses can be cached by the application. */
  wholeResponseCacheable: boolean;
  /** Human-readable lines, in display order. */
  messages: string[];
}
