// The audit's data: what one audited prompt looks like in every report (JSON, CSV, Markdown, SARIF, table), the
// skipped files, and the totals. The JSON report is this object verbatim; other tools rely on its field names.
import type { ModelSource, PromptRole, Severity, SourceLanguage } from '../types';

export interface AuditFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based lines and columns (UTF-16 code units), inclusive lines. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  savingsTokens?: number;
  savingsMonthly?: number;
}

export interface AuditPrompt {
  /** Stable prompt id (`<file>#<symbol or sink>`), the one annotations and `.promptcost.json` entries use. */
  id: string;
  /** Relative to the audited root, `/` separators. */
  file: string;
  /** 1-based, inclusive. In notebooks: counted as if the code cells were concatenated (one `\n` between cells). */
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
  /** Notebooks only: 0-based index into the notebook's `cells` array (markdown cells included, as nbformat counts). */
  cell?: number;
  /** Notebooks only: 1-based line inside that cell. */
  cellLine?: number;
  language: SourceLanguage;
  role: PromptRole;
  /** Catalog model id the prompt is priced on. */
  model: string;
  modelSource: ModelSource;
  /** Set when neither the price catalog nor the configuration knows the model name (rule unknown-model). */
  modelUnknown?: true;
  /** All input of this prompt's share of its request: text, placeholders, framing, and (on message 0) tool definitions. */
  inputTokens: number;
  tokensExact: boolean;
  /** Visible output (on the request's first message only). */
  outputTokens: number;
  // The four fields below (and the totals' fragments/requests, the report's requests) are always written by the audit;
  // optional only so records built by hand (tests, older reports read back) stay valid.
  /** Of inputTokens: the tool definitions the call sends (on the request's first message only). */
  toolTokens?: number;
  /** Hidden reasoning, billed as output (an estimate; on the request's first message only). */
  reasoningTokens?: number;
  /** Of inputTokens: expected cache reads per call (cacheable prefix × hit rate). */
  cachedInputTokens?: number;
  /** The call goes through a batch API and is billed at the batch rate. */
  batch?: boolean;
  /** USD; null when the model has no price (never reported as $0). */
  costPerCall: number | null;
  callsPerDay: number;
  monthlyCost: number | null;
  findings: AuditFinding[];
  /** 'test' for a prompt in a test or fixture file (config/testScope.ts): counted in `totals.tests`, and in the main totals only when `totals.includesTests`. */
  scope: 'app' | 'test';
  /** The id of the request (`requests[].id`) this prompt is a message of; absent for a prompt sent by no call we see. */
  request?: string;
  /**
   * Its share of each further call that sends the same text (a constant sent to two models): the fields above are its
   * share of its own request (`request`). Absent when one call sends it.
   */
  otherRequests?: AuditRequestShare[];
  /** With `otherRequests`: monthlyCost over every request that sends the text (null when one share has no price). */
  monthlyCostAllRequests?: number | null;
  /**
   * Set when this text only reaches the model inserted into a larger prompt: that prompt's id. Its cost is counted
   * there (this record's monthlyCost is its share of it), so totals, by-file and by-model sums leave it out.
   */
  fragmentOf?: string;
}

/** A prompt's share of one more request that sends it: the figures of an `AuditPrompt` for that request. */
export interface AuditRequestShare extends RequestFigures {
  /** `requests[].id`; absent for a call in another file that the workspace index found (`site` says where). */
  request?: string;
  /** `app/extract.py:12`: the call (1-based line). */
  site: string;
  modelUnknown?: true;
}

/**
 * One call site: the unit a provider bills. Its figures are the sums over its prompts (each prompt's cost is its
 * share of the request, the once-per-call parts — output, reasoning, tools — on its first message).
 */
export interface AuditRequest extends RequestFigures {
  /** `<file>#<sink>@<line>`, as the prompts' `request` field. */
  id: string;
  file: string;
  /** 1-based line where the call (or the message list, or the batch request) starts. */
  line: number;
  /** Ids of the prompts sent as its messages, in order. */
  prompts: string[];
}

/** The billed figures of one request, as a request record and as a prompt's share of a further request carry them. */
export interface RequestFigures {
  model: string;
  modelSource: ModelSource;
  /** All that is sent: messages + framing + tool definitions + placeholders. */
  inputTokens: number;
  toolTokens: number;
  /** Visible output. */
  outputTokens: number;
  reasoningTokens: number;
  cachedInputTokens: number;
  batch: boolean;
  tokensExact: boolean;
  /** USD; null when a prompt of it has no price. */
  costPerCall: number | null;
  callsPerDay: number;
  monthlyCost: number | null;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface FindingCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export interface AuditTotals {
  /** Files read and analysed (skipped files not included). */
  files: number;
  filesWithPrompts: number;
  /** Prompts counted (test scope only with includesTests), fragments left out. */
  prompts: number;
  /** Records of that scope that are fragments (`fragmentOf`): prompts + fragments = the scope's records. */
  fragments?: number;
  /** `requests.length`. */
  requests?: number;
  /** USD per month: the sum over requests plus the prompts that belong to no request (fragments left out). */
  monthlyCost: number;
  unpricedPrompts: number;
  findings: FindingCounts;
  /** USD per month the findings' fixes would save. */
  savingsMonthly: number;
  /**
   * Monthly cost per model id, most expensive first. `unknown` marks a name neither the catalog nor the configuration
   * knows: listed once here (its prompts carry the unknown-model finding), never priced as $0.
   */
  byModel: { model: string; prompts: number; monthlyCost: number; unknown?: true }[];
  /** True when the figures above count test-scope prompts too (--include-tests, setting promptCost.includeTests). */
  includesTests: boolean;
  /** The test scope on its own, always reported (fragments left out as above). */
  tests: ScopeTotals;
}

/** One scope's share of an audit. */
export interface ScopeTotals {
  filesWithPrompts: number;
  prompts: number;
  monthlyCost: number;
  unpricedPrompts: number;
  findings: FindingCounts;
}

export interface AuditReport {
  tool: string;
  version: string;
  /** ISO timestamp. */
  generatedAt: string;
  priceData: { source: string; date: string };
  totals: AuditTotals;
  /** Sorted by file, then start line, then start column. */
  prompts: AuditPrompt[];
  /** The call sites, sorted by file, then line. */
  requests?: AuditRequest[];
  /** Sorted by file. */
  skipped: SkippedFile[];
  /** Set by `--shard k/n`: this report holds only that shard's files (`prompt-cost merge` joins the shards). */
  shard?: { index: number; count: number };
}

export const SEVERITY_RANK: Record<Severity, number> = { off: 0, hint: 1, information: 2, warning: 3, error: 4 };
