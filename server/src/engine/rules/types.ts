// Shapes of the rule engine: what a rule module declares, what it is given, and what it reports.
import type { DetectedPrompt, Fix, Finding, Severity, SourceLanguage } from '../types';
import type { PromptView } from './promptView';
import type { RequestFacts } from './requestFacts';

/** Everything a rule needs besides the prompt itself. Built by analyze.ts from settings and the config file. */
export interface RuleContext {
  /** The whole document: disable comments are read from it and fixes are validated against it. */
  documentText: string;
  /** Tokens of a text with the prompt's own tokenizer (savings are measured, never guessed). */
  countTokens(text: string): number;
  /** USD one input token costs per month at this prompt's volume (price per token × calls per month). */
  monthlyCostPerInputToken?: number;
  /** Per-rule severity overrides from settings and the config file; 'off' disables a rule. */
  severities?: Record<string, Severity>;
  /** The user's own phrase → replacement rules from the config file. */
  userPhrases?: { phrase: string; replacement: string }[];
  /** `long-prompt` reports a prompt whose static text passes this many tokens. */
  longPromptTokens?: number;
  /** The other messages of the same call (same requestId): `redundant-instruction` compares across them. */
  requestSiblings?: DetectedPrompt[];
  /** Document language, when the prompt's own language is not the file's (notebooks); defaults to prompt.language. */
  language?: SourceLanguage;
  /** The priced request the prompt is sent in; the request rules (`side: 'output'`) report nothing without it. */
  request?: RequestFacts;
}

export interface RuleMeta {
  id: string;
  /** One line, shown by `prompt-cost rules` and in hovers. */
  description: string;
  defaultSeverity: Severity;
  /** Repository-relative documentation page, `docs/rules/<id>.md`. */
  docsUrl: string;
  /** True when the rule offers quick-fixes. */
  fixable: boolean;
  /** 'rules' run in runRules; the others are reported by the pricing and budget modules and only listed here. */
  reportedBy: 'rules' | 'pricing' | 'budgets';
  /**
   * What the saving is on: 'input' rules rewrite the prompt's text (and join "Compress this prompt"); 'output' rules
   * change what the call produces or where it runs (its parameters or model) and are left out of that rewrite.
   */
  side: 'input' | 'output';
}

/** A finding as a rule produces it; runRules adds the rule id, severity and the disable filter. */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'>;

export interface RuleRun {
  view: PromptView;
  prompt: DetectedPrompt;
  ctx: RuleContext;
  /** Memoised ctx.countTokens. */
  tokens(text: string): number;
  /**
   * 'report': findings for the editor (a fix must save a token). 'fix-all': also changes that save nothing but
   * cost nothing, so one "Compress this prompt" leaves nothing a second one would change.
   */
  mode: 'report' | 'fix-all';
}

export interface RuleModule {
  meta: RuleMeta;
  check(run: RuleRun): RuleFinding[];
}

/** A change in the prompt's decoded text (view coordinates), kept beside each fix to measure combined savings. */
export interface ViewChange {
  start: number;
  end: number;
  text: string;
  /** A removal at a sentence start: the first letter after it becomes upper-case (whatever ends up there). */
  capitalizeAfter?: boolean;
}

export type { Fix, Finding };
